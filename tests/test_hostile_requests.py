"""What an attacker tried against the archive, and what each attempt gets now (issue 13).

Findings 3 and 4 (limits across workers) are in test_rate_limits.py, findings 1 and 2
(editorial permissions) in test_admin_permissions.py.
"""

import json
import queue
import threading

import pytest
from django.contrib import admin
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.versions import archive_version

pytestmark = pytest.mark.django_db


# -- finding 8: NUL and other control characters -------------------------------------------

PUBLIC_AND_API_PATHS = [
    "/api/ministers/%00/",
    "/api/topics/a%00/",
    "/api/countries/m%00/",
    "/en/people/a%00b/",
    "/en/meetings/?q=%00",
    "/en/meetings/?country=%00",
    "/en/meetings/?%00=1",
    "/en/topics/%01/",
    "/ar/meetings/?topic=migration%7F",
    "/api/meetings/?q=a%00b",
    "/en/meetings/feed/atom/?q=%00",
    "/en/meetings/export.csv?country=%1b",
]


@pytest.mark.parametrize("path", PUBLIC_AND_API_PATHS)
def test_control_characters_in_public_and_api_addresses_get_a_400(client, path):
    response = client.get(path)
    assert response.status_code == 400
    if path.startswith("/api/"):
        [(_where, [message])] = response.json().items()
        assert "control character" in message
    elif path.startswith("/ar/"):
        assert "محرف تحكم" in response.content.decode()  # in the page's language
    else:
        assert "control character" in response.content.decode()


def admin_list_urls():
    """Every admin list of the meetings app with each of its filters given a NUL."""
    urls = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label != "meetings":
            continue
        changelist = reverse(f"admin:meetings_{model._meta.model_name}_changelist")
        parameters = {"q"}
        for list_filter in model_admin.list_filter:
            if isinstance(list_filter, str):
                parameters.add(list_filter)
            elif isinstance(list_filter, tuple):
                parameters.add(list_filter[0])
            else:
                parameters.add(list_filter.parameter_name)
        urls += [f"{changelist}?{name}=%00" for name in sorted(parameters)]
    return urls


def test_control_characters_on_every_admin_list_and_the_autocomplete_get_a_400(admin_client):
    urls = [
        *admin_list_urls(),
        "/en/admin/meetings/meeting/?status=%00",
        "/en/admin/meetings/meeting/?date_precision=%00",
        "/en/admin/autocomplete/?app_label=meetings&model_name=meeting&field_name=topics&term=%00",
        "/en/admin/meetings/meeting/%00/change/",
    ]
    assert len(urls) > 20
    failures = {url: admin_client.get(url).status_code for url in urls}
    assert {url: status for url, status in failures.items() if status != 400} == {}


def test_nul_in_a_form_field_gets_a_400_and_nothing_is_saved(admin_client):
    from meetings.models import Meeting

    before = Meeting.objects.count()
    response = admin_client.post(
        "/en/admin/meetings/meeting/add/", {"country_a": "MA\x00", "country_b": "BE"}
    )
    assert response.status_code == 400
    assert Meeting.objects.count() == before


def test_nul_in_the_correction_form_gets_a_400_and_nothing_is_saved(client):
    from meetings.models import CorrectionRequest

    response = client.post(
        "/en/corrections/new/", {"kind": "correction", "message": "A message with a \x00 byte."}
    )
    assert response.status_code == 400
    assert "control character" in response.content.decode()
    assert CorrectionRequest.objects.count() == 0


def test_tabs_and_line_breaks_in_a_search_are_not_refused(client):
    assert client.get("/en/meetings/", {"q": "Rabat\tBruxelles\n"}).status_code == 200


# -- finding 5: the page cache kept any query string -----------------------------------------


def test_parameters_a_page_does_not_read_make_no_new_cache_entry(client, seed_meetings):
    first = client.get("/en/meetings/", {"country": "MA", "v": "1"})
    assert first.status_code == 200
    for number in range(2, 8):
        response = client.get("/en/meetings/", {"country": "MA", "v": str(number)})
        assert response["X-Page-Cache"] == "hit"
    # Empty parameters, another order, the same page.
    assert client.get("/en/meetings/?v=9&topic_match=&country=MA")["X-Page-Cache"] == "hit"
    belgium, _italy = seed_meetings
    client.get(f"/en/meetings/{belgium.pk}/", {"utm_source": "x"})
    assert client.get(f"/en/meetings/{belgium.pk}/")["X-Page-Cache"] == "hit"


def test_links_on_a_page_carry_only_the_parameters_it_reads(client, seed_meetings):
    content = client.get("/en/meetings/?country=MA&v=evil-text").content.decode()
    assert "evil-text" not in content
    assert "country=MA" in content


def test_a_page_larger_than_the_limit_is_not_kept(client, seed_meetings, settings):
    settings.PAGE_CACHE_MAX_BYTES = 2000
    client.get("/en/meetings/")
    assert client.get("/en/meetings/").get("X-Page-Cache") is None


# -- finding 7: the Host header poisoned cached pages ----------------------------------------


def test_a_request_with_another_host_does_not_change_what_others_are_served(client, seed_meetings):
    belgium, _italy = seed_meetings
    pages = [f"/en/meetings/{belgium.pk}/", "/en/countries/ma/", "/en/meetings/feed/atom/"]
    for path in pages:
        for _ in range(6):
            client.get(path, HTTP_HOST="localhost:31337")
    for path in pages:
        content = client.get(path).content.decode()
        assert "31337" not in content, path
        assert "https://archive.example/" in content, path
    detail = client.get(pages[0]).content.decode()
    url = f"https://archive.example/en/meetings/{belgium.pk}/"
    assert f'<link rel="canonical" href="{url}">' in detail
    assert f'"@id": "{url}"' in detail  # JSON-LD
    assert f"\\url{{{url}}}" in detail  # BibTeX


# -- the page cache is skipped for a real session only ---------------------------------------


def test_a_made_up_session_cookie_is_served_from_the_cache(client, seed_meetings):
    client.get("/en/meetings/")
    client.cookies["sessionid"] = "made-up-by-a-visitor"
    assert client.get("/en/meetings/")["X-Page-Cache"] == "hit"


# -- finding 6: heavy outputs were unbounded ------------------------------------------------

EXPORTS = [
    "/en/meetings/export.csv",
    "/en/meetings/export.json?country=MA",
    "/en/meetings/dyad-years.csv",
    "/en/data/popolo.json",
]


def meeting_queries(queries) -> list[str]:
    return [q["sql"] for q in queries if "meetings_meeting" in q["sql"]]


@pytest.mark.parametrize("url", EXPORTS)
def test_options_and_head_answer_without_building_the_output(client, seed_meetings, url):
    with CaptureQueriesContext(connection) as queries:
        options = client.options(url)
        head = client.head(url)
    assert options.status_code == 200
    assert options["Allow"] == "GET, HEAD, OPTIONS"
    assert head.status_code == 200 and head.content == b""
    download = client.get(url)
    b"".join(download.streaming_content)  # read to the end, as a client would
    assert head["Content-Type"] == download["Content-Type"]
    assert meeting_queries(queries) == []


def start_download_in_another_worker(url, started, finish):
    """A client that starts a download and holds it open, on its own connection."""
    response = Client().get(url)
    started.put(response.status_code)
    finish.wait(30)
    b"".join(response.streaming_content)  # read to the end: the server closes the response
    connections.close_all()


def test_downloads_beyond_the_limit_get_a_429_and_the_site_keeps_answering(
    reference_data, settings
):
    from tests.factories import MeetingFactory

    MeetingFactory.create_batch(3)
    settings.HEAVY_OUTPUTS_AT_ONCE = 2
    started, finish = queue.Queue(), threading.Event()
    holders = [
        threading.Thread(
            target=start_download_in_another_worker,
            args=(f"/en/meetings/export.csv?year={2000 + n}", started, finish),
        )
        for n in range(2)
    ]
    for holder in holders:
        holder.start()
    assert [started.get(timeout=30), started.get(timeout=30)] == [200, 200]
    client = Client()
    refused = client.get("/en/meetings/export.json")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "30"
    assert "try again in 30 seconds" in refused.content.decode()
    assert client.get("/en/").status_code == 200  # pages do not wait for downloads
    finish.set()
    for holder in holders:
        holder.join(30)
    # Both downloads finished: their slots are free again.
    response = client.get("/en/meetings/export.json")
    assert response.status_code == 200
    assert json.loads(b"".join(response.streaming_content))


def test_the_whole_archive_is_made_once_per_archive_version(client, seed_meetings, settings):
    from meetings.models import Meeting

    first = b"".join(client.get("/en/meetings/export.csv").streaming_content)
    assert [path.name for path in settings.PREPARED_DIR.iterdir()] == [
        f"meetings-csv.en.v{archive_version()}"
    ]
    with CaptureQueriesContext(connection) as queries:
        second = b"".join(client.get("/en/meetings/export.csv").streaming_content)
    assert second == first
    assert meeting_queries(queries) == []  # read from the prepared file
    # A filtered download is made for its request, not kept.
    filtered = b"".join(client.get("/en/meetings/export.csv?country=MA").streaming_content)
    assert filtered.count(b"\n") == first.count(b"\n")
    # An edit makes a new file; the old one goes.
    belgium, _italy = seed_meetings
    Meeting.objects.filter(pk=belgium.pk).update(title_en="Renamed talks in Rabat")
    third = b"".join(client.get("/en/meetings/export.csv").streaming_content)
    assert b"Renamed talks in Rabat" in third
    files = [
        path for path in settings.PREPARED_DIR.iterdir() if path.name.startswith("meetings-csv")
    ]
    assert len(files) == 1


# Transactional: the end of the request closes the database connection, as in production.
def test_a_download_stopped_halfway_leaves_no_prepared_file(reference_data, client, settings):
    from tests.factories import MeetingFactory

    MeetingFactory.create_batch(3)
    response = client.get("/en/meetings/export.json")
    next(iter(response.streaming_content))
    response.close()  # the client went away: the server closes the response
    assert list(settings.PREPARED_DIR.iterdir()) == []
    again = client.get("/en/meetings/export.json")
    assert again.status_code == 200  # its slot is free
    assert len(json.loads(b"".join(again.streaming_content))) == 3


# -- found by the hostile run: rows chosen for an action that are not ids --------------------


@pytest.mark.parametrize("selected", ["abc", "1.5", "", "9" * 30])
@pytest.mark.parametrize("model", ["meeting", "source", "country", "correctionrequest"])
def test_an_action_on_rows_that_are_not_ids_gets_a_message(
    admin_client, seed_meetings, model, selected
):
    url = f"/en/admin/meetings/{model}/"
    data = {"action": "delete_selected", "_selected_action": [selected], "index": "0"}
    response = admin_client.post(url, data)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        messages = [str(m) for m in response.wsgi_request._messages]
        assert messages
