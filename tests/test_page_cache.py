"""Public pages come from the cache until anything they show changes, and never after."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Country, Meeting, Topic
from meetings.versions import archive_version
from tests.factories import EditorFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def get(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.get("X-Page-Cache")


def test_a_second_visit_is_served_from_the_cache_in_one_query(client, seed_meetings):
    first, state = get(client, "/en/countries/ma/")
    assert state == "miss"
    with CaptureQueriesContext(connection) as queries:
        second, state = get(client, "/en/countries/ma/")
    assert state == "hit" and len(queries) == 1  # the archive's version
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    # Headers added outside the cache are fresh on every answer.
    assert second["X-Request-ID"] != first["X-Request-ID"]
    assert "Content-Security-Policy" in second


def test_the_language_and_the_query_string_are_part_of_the_key(client, seed_meetings):
    assert get(client, "/en/meetings/?country=MA")[1] == "miss"
    assert get(client, "/fr/meetings/?country=MA")[1] == "miss"
    assert get(client, "/en/meetings/?country=BE")[1] == "miss"
    assert get(client, "/en/meetings/?country=MA")[1] == "hit"


def test_a_publication_retires_every_cached_page_at_once(client, seed_meetings):
    for url in ("/en/", "/en/meetings/", "/en/countries/ma/", "/en/meetings/feed/atom/"):
        get(client, url)
    assert get(client, "/en/meetings/")[1] == "hit"
    before = archive_version()
    meeting = MeetingFactory(status=Meeting.Status.DRAFT, title_en="Fresh meeting in Rabat")
    ParticipationFactory(meeting=meeting, country=meeting.country_a)
    meeting.status = Meeting.Status.PUBLISHED
    meeting.save()
    assert archive_version() > before
    for url in ("/en/meetings/", "/en/meetings/feed/atom/"):
        response, state = get(client, url)
        assert state == "miss"
        assert "Fresh meeting in Rabat" in response.content.decode(), url


def test_a_renamed_topic_shows_its_new_name_at_once(client, seed_meetings):
    get(client, "/en/topics/migration/")
    Topic.objects.filter(slug="migration").update(name_en="Human mobility")
    response, state = get(client, "/en/topics/migration/")
    assert state == "miss" and "Human mobility" in response.content.decode()


def test_a_bulk_import_retires_cached_pages(client, seed_meetings, tmp_path):
    get(client, "/en/meetings/")
    before = archive_version()
    from meetings.bulk import bulk_load

    with bulk_load(1):
        Country.objects.filter(code="MA").update(name_en="Morocco")
    assert archive_version() > before
    assert get(client, "/en/meetings/")[1] == "miss"


@pytest.mark.parametrize(
    "url",
    [
        "/api/meetings/",  # throttled per request
        "/en/corrections/new/",  # a form with its CSRF token
        "/en/meetings/export.csv",  # streamed
        "/en/meetings/999999/",  # not found
        "/en/meetings/?date_from=yesterday",  # a 400
    ],
)
def test_what_is_never_cached(client, seed_meetings, url):
    for _ in range(2):
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)  # read to the end, as a client would
    assert response.get("X-Page-Cache") != "hit"


def test_signed_in_editors_never_get_a_cached_page(client, seed_meetings):
    get(client, "/en/meetings/")
    client.force_login(EditorFactory())
    assert settings.SESSION_COOKIE_NAME in client.cookies
    assert get(client, "/en/meetings/")[1] is None


def test_pages_are_keyed_by_the_code_that_made_them(settings, tmp_path):
    """Pages kept in Redis across a deployment are not served for the new templates."""
    from meetings.caching.page_cache import code_version

    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "page.html"
    template.write_text("<p>old</p>")
    settings.BASE_DIR = tmp_path
    try:
        code_version.cache_clear()
        before = code_version()
        code_version.cache_clear()
        assert code_version() == before  # the same files, the same version
        template.write_text("<p>new</p>")
        code_version.cache_clear()
        assert code_version() != before
    finally:
        code_version.cache_clear()
