"""Readers suggest corrections and report missing meetings; editors handle them in the admin."""

import hashlib
import hmac

import pytest
from django.conf import settings
from django.test import Client

from meetings.models import CorrectionRequest, Meeting, MeetingCorrection
from tests.factories import EditorFactory, MeetingFactory

pytestmark = pytest.mark.django_db

FORM_URL = "/en/corrections/new/"
THANKS_URL = "/en/corrections/thanks/"
QUEUE_URL = "/en/admin/meetings/correctionrequest/"
ADDRESS = "203.0.113.5"

SCRIPT = "<script>alert(1)</script>"
ARABIC = "تاريخ الاجتماع خاطئ <img src=x onerror=alert(1)> حسب مقال الصحيفة"
FRENCH = "La date est fausse : <script>alert(1)</script> d'après l'article « officiel »"


def sender(address):
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def form_data(**overrides):
    data = {
        "kind": "correction",
        "message": "The meeting took place in Rabat, not in Brussels.",
        "source_url": "https://news.example/articles/rabat-meeting",
        "name": "Amina",
        "email": "amina@example.org",
        "website": "",
    }
    data.update(overrides)
    return data


def post(client, address=ADDRESS, **data):
    return client.post(FORM_URL, data, REMOTE_ADDR=address)


def published_snapshot():
    return (
        list(Meeting.objects.order_by("pk").values()),
        list(MeetingCorrection.objects.order_by("pk").values()),
    )


# -- the form -----------------------------------------------------------------------------


def test_the_form_shows_the_meeting_and_keeps_it_and_the_page_in_hidden_fields(
    client, seed_meetings
):
    belgium, _italy = seed_meetings
    response = client.get(FORM_URL, {"meeting": belgium.pk, "page": "/en/meetings/?country=MA"})
    assert response.status_code == 200
    content = response.content.decode()
    assert response.context["meeting"] == belgium
    assert f'<input type="hidden" name="meeting" value="{belgium.pk}">' in content
    assert '<input type="hidden" name="page" value="/en/meetings/?country=MA">' in content
    assert f'href="{belgium.get_absolute_url()}"' in content
    assert 'value="correction" id="id_kind_0" required checked' in content
    for name in ("message", "source_url", "name", "email"):
        assert f'name="{name}"' in content
        assert f'<label for="id_{name}">' in content
    assert "csrfmiddlewaretoken" in content


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(client):
    content = client.get(FORM_URL).content.decode()
    assert '<div class="hp" aria-hidden="true">' in content
    assert (
        '<input type="text" name="website" tabindex="-1" autocomplete="off" id="id_website">'
        in content
    )


def test_kind_missing_preselects_report_a_missing_meeting(client):
    response = client.get(FORM_URL, {"kind": "missing", "page": "/en/countries/ma/"})
    content = response.content.decode()
    assert 'value="missing" id="id_kind_1" required checked' in content
    assert 'value="correction" id="id_kind_0" required checked' not in content
    assert '<input type="hidden" name="page" value="/en/countries/ma/">' in content


@pytest.mark.parametrize("junk", ["abc", "-1", "0", "1 OR 1=1", "1.5", "9" * 30, "٣", ""])
def test_junk_meeting_ids_are_ignored(client, seed_meetings, junk):
    response = client.get(FORM_URL, {"meeting": junk})
    assert response.status_code == 200
    assert response.context["meeting"] is None
    assert 'name="meeting"' not in response.content.decode()


def test_a_draft_meeting_is_ignored_on_the_form_and_on_submission(client):
    draft = MeetingFactory(status=Meeting.Status.DRAFT)
    response = client.get(FORM_URL, {"meeting": draft.pk})
    assert response.context["meeting"] is None
    assert f'value="{draft.pk}"' not in response.content.decode()
    assert draft.title_en not in response.content.decode()

    response = post(client, **form_data(meeting=str(draft.pk)))
    assert response.status_code == 303
    assert CorrectionRequest.objects.get().meeting is None


@pytest.mark.parametrize(
    "page",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "javascript:alert(1)",
        "en/meetings/",
        "/en/meetings/\n",
        "/" + "a" * 500,
    ],
)
def test_pages_off_the_site_or_too_long_are_ignored(client, page):
    response = client.get(FORM_URL, {"page": page})
    assert response.status_code == 200
    assert response.context["page"] == ""
    main = response.content.decode().split('<main id="content"')[1]
    assert 'name="page"' not in main
    assert "evil.example" not in main

    assert post(client, **form_data(page=page)).status_code == 303
    assert CorrectionRequest.objects.get().page == ""


# -- sending ------------------------------------------------------------------------------


def test_a_valid_request_is_saved_for_the_editors_and_redirects_to_thanks(client, seed_meetings):
    belgium, _italy = seed_meetings
    before = published_snapshot()
    response = post(
        client, **form_data(meeting=str(belgium.pk), page=f"/en/meetings/{belgium.pk}/")
    )
    assert response.status_code == 303
    assert response["Location"].startswith(THANKS_URL)

    request = CorrectionRequest.objects.get()
    assert request.kind == CorrectionRequest.Kind.CORRECTION
    assert request.meeting == belgium
    assert request.page == f"/en/meetings/{belgium.pk}/"
    assert request.message == "The meeting took place in Rabat, not in Brussels."
    assert request.source_url == "https://news.example/articles/rabat-meeting"
    assert (request.name, request.email) == ("Amina", "amina@example.org")
    assert request.state == CorrectionRequest.State.NEW
    assert request.sender == sender(ADDRESS)
    assert ADDRESS not in request.sender
    assert request.handled_by is None and request.handled_at is None
    # Nothing public changes until an editor acts.
    assert published_snapshot() == before

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    content = thanks.content.decode()
    assert "your message has reached the editors" in content
    assert "Nothing on the site changes until an editor has checked your message" in content
    assert f'href="/en/meetings/{belgium.pk}/"' in content


def test_a_missing_meeting_report_is_saved_without_a_meeting(client):
    response = post(
        client,
        **form_data(kind="missing", message="Laftit met the Spanish minister in Madrid in May."),
        page="/en/countries/ma/",
    )
    assert response.status_code == 303
    request = CorrectionRequest.objects.get()
    assert (request.kind, request.meeting, request.page) == ("missing", None, "/en/countries/ma/")


def test_message_line_breaks_count_as_one_character(client):
    message = "line\r\n" * 833 + "end"  # 4,998 characters once \r\n is one
    assert post(client, **form_data(message=message)).status_code == 303
    assert CorrectionRequest.objects.get().message == message.replace("\r\n", "\n")


def test_a_filled_honeypot_is_refused_and_nothing_is_saved(client):
    response = post(client, **form_data(website="https://spam.example/"))
    assert response.status_code == 400
    content = response.content.decode()
    assert '<p class="notice" role="alert">This submission could not be accepted.</p>' in content
    assert "spam.example" not in content  # the honeypot is cleared for a person to resend
    assert "The meeting took place in Rabat, not in Brussels." in content
    assert CorrectionRequest.objects.count() == 0


def test_the_sixth_request_in_an_hour_from_one_address_is_refused(client):
    for number in range(5):
        response = post(client, **form_data(message=f"Correction number {number} of five."))
        assert response.status_code == 303
    before = published_snapshot()

    response = post(client, **form_data(message="A sixth message, too many."))
    assert response.status_code == 429
    content = response.content.decode()
    assert "You have sent 5 messages in the last hour" in content
    assert 'role="alert"' in content
    assert "A sixth message, too many." in content  # what they wrote is kept
    assert 0 < int(response["Retry-After"]) <= 3600
    assert CorrectionRequest.objects.count() == 5
    assert published_snapshot() == before

    # A forged X-Forwarded-For does not get round the limit...
    response = client.post(
        FORM_URL, form_data(), REMOTE_ADDR=ADDRESS, HTTP_X_FORWARDED_FOR="198.51.100.77"
    )
    assert response.status_code == 429
    # ...but another address may still send.
    assert post(client, address="203.0.113.6", **form_data()).status_code == 303
    assert CorrectionRequest.objects.filter(sender=sender("203.0.113.6")).count() == 1
    assert CorrectionRequest.objects.count() == 6


def test_invalid_submissions_do_not_count_towards_the_limit(client):
    for _number in range(6):
        assert post(client, **form_data(email="not an email")).status_code == 400
    assert post(client, **form_data()).status_code == 303


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("message", "x" * 5001, "Ensure this value has at most 5000 characters (it has 5001)."),
        ("message", "Too short", "Ensure this value has at least 10 characters (it has 9)."),
        ("message", "   ", "This field is required."),
        ("email", "amina(at)example", "Enter a valid email address."),
        ("source_url", "not a url at all", "Enter a valid URL."),
        ("source_url", "javascript:alert(1)", "Enter a valid URL."),
        ("source_url", "ftp://files.example/article.txt", "Enter a valid URL."),
        ("source_url", "https://news.example/" + "a" * 2000, "at most 2000 characters"),
        ("name", "N" * 101, "Ensure this value has at most 100 characters (it has 101)."),
        ("kind", "praise", "Select a valid choice."),
    ],
)
def test_invalid_fields_are_named_with_the_input_kept(client, field, value, error):
    # A NUL byte is refused before any form reads it: test_hostile_requests.py.
    data = form_data(**{field: value})
    response = post(client, **data)
    assert response.status_code == 400
    form = response.context["form"]
    assert list(form.errors) == [field]
    content = response.content.decode()
    assert error in content
    label = str(form[field].label)
    assert f'<a href="#id_{field}">{label}</a>' in content  # the summary names the field
    if field != "kind":
        assert f'<div class="errors" role="alert" id="id_{field}_error">' in content
        assert f'aria-describedby="id_{field}_helptext id_{field}_error"' in content or (
            f'aria-describedby="id_{field}_error"' in content
        )
        assert 'aria-invalid="true"' in content
    # The other fields keep what was typed.
    assert 'value="Amina"' in content or field == "name"
    if field != "message":
        assert "The meeting took place in Rabat, not in Brussels." in content
    assert CorrectionRequest.objects.count() == 0


# -- what readers type is text ------------------------------------------------------------


@pytest.mark.parametrize("message", [SCRIPT + " is in the summary", ARABIC, FRENCH])
def test_markup_is_stored_as_text_and_shown_escaped_on_the_form(client, message):
    response = post(client, **form_data(message=message, email="bad", name=SCRIPT))
    assert response.status_code == 400
    content = response.content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "<img src=x" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    if message == ARABIC:
        assert "تاريخ الاجتماع خاطئ &lt;img src=x onerror=alert(1)&gt; حسب مقال الصحيفة" in content

    assert post(client, **form_data(message=message, name=SCRIPT)).status_code == 303
    request = CorrectionRequest.objects.get()
    assert request.message == message
    assert request.name == SCRIPT


def test_markup_is_shown_escaped_in_the_admin_queue_and_change_page(admin_client):
    anonymous = Client()
    for message in (SCRIPT + " is in the summary", ARABIC, FRENCH):
        assert post(anonymous, **form_data(message=message, name=SCRIPT)).status_code == 303

    changelist = admin_client.get(QUEUE_URL)
    assert changelist.status_code == 200
    content = changelist.content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "<img src=x" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt; is in the summary" in content
    assert "&lt;img src=x onerror=alert(1)&gt;" in content
    assert "d&#x27;après l&#x27;article" in content

    for request in CorrectionRequest.objects.all():
        page = admin_client.get(f"{QUEUE_URL}{request.pk}/change/")
        assert page.status_code == 200
        content = page.content.decode()
        assert "<script>alert(1)</script>" not in content
        assert "<img src=x" not in content
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content  # the name, at least
    arabic = CorrectionRequest.objects.get(message=ARABIC)
    content = admin_client.get(f"{QUEUE_URL}{arabic.pk}/change/").content.decode()
    assert "تاريخ الاجتماع خاطئ &lt;img src=x onerror=alert(1)&gt; حسب مقال الصحيفة" in content


# -- links to the form --------------------------------------------------------------------


def test_the_meeting_page_links_to_suggest_a_correction(client, seed_meetings):
    belgium, _italy = seed_meetings
    content = client.get(belgium.get_absolute_url()).content.decode()
    assert (
        f'<a href="{FORM_URL}?meeting={belgium.pk}&amp;page=/en/meetings/{belgium.pk}/">'
        "Suggest a correction</a>"
    ) in content


@pytest.mark.parametrize(
    ("url", "page"),
    [
        ("/en/meetings/", "/en/meetings/"),
        ("/en/meetings/?country=MA&year=2024", "/en/meetings/%3Fcountry%3DMA%26year%3D2024"),
        ("/en/countries/ma/", "/en/countries/ma/"),
        ("/en/countries/be/ma/", "/en/countries/be/ma/"),
        ("/fr/countries/ma/", "/fr/countries/ma/"),
    ],
)
def test_list_and_country_pages_link_to_report_a_missing_meeting(client, seed_meetings, url, page):
    content = client.get(url).content.decode()
    language = url[1:3]
    assert f'href="/{language}/corrections/new/?kind=missing&amp;page={page}"' in content


def test_the_link_round_trips_to_the_form_with_the_page_kept(client, seed_meetings):
    response = client.get(
        FORM_URL + "?kind=missing&page=/en/meetings/%3Fcountry%3DMA%26year%3D2024"
    )
    assert response.context["page"] == "/en/meetings/?country=MA&year=2024"
    assert (
        '<input type="hidden" name="page" value="/en/meetings/?country=MA&amp;year=2024">'
        in response.content.decode()
    )


# -- the editors' queue -------------------------------------------------------------------


@pytest.fixture
def received(seed_meetings):
    belgium, _italy = seed_meetings
    return CorrectionRequest.objects.create(
        meeting=belgium,
        page=f"/en/meetings/{belgium.pk}/",
        message="The meeting took place in Rabat, not in Brussels.",
        sender=sender(ADDRESS),
    )


@pytest.fixture
def editor(client):
    user = EditorFactory(username="corrections-editor")
    client.force_login(user)
    return user


def test_an_editor_opens_the_queue_and_accepts_a_request(client, editor, received):
    changelist = client.get(QUEUE_URL)
    assert changelist.status_code == 200
    assert "The meeting took place in Rabat" in changelist.content.decode()
    assert client.get(QUEUE_URL, {"state__exact": "new"}).status_code == 200

    change_url = f"{QUEUE_URL}{received.pk}/change/"
    page = client.get(change_url)
    assert page.status_code == 200
    # What the reader sent is read-only; only the state and the note can be edited.
    form = page.context["adminform"].form
    assert set(form.fields) == {"state", "editor_note"}

    before = published_snapshot()
    response = client.post(change_url, {"state": "accepted", "editor_note": "Date fixed."})
    assert response.status_code == 302
    received.refresh_from_db()
    assert received.state == CorrectionRequest.State.ACCEPTED
    assert received.editor_note == "Date fixed."
    assert received.handled_by == editor
    assert received.handled_at is not None
    assert received.message == "The meeting took place in Rabat, not in Brussels."
    assert published_snapshot() == before


def test_saving_only_a_note_does_not_mark_the_request_handled(client, editor, received):
    response = client.post(
        f"{QUEUE_URL}{received.pk}/change/", {"state": "new", "editor_note": "Asked the author."}
    )
    assert response.status_code == 302
    received.refresh_from_db()
    assert (received.state, received.handled_by, received.handled_at) == ("new", None, None)


@pytest.mark.parametrize(
    ("action", "state"), [("mark_accepted", "accepted"), ("mark_dismissed", "dismissed")]
)
def test_the_queue_actions_mark_requests_and_who_handled_them(
    client, editor, received, action, state
):
    response = client.post(QUEUE_URL, {"action": action, "_selected_action": [received.pk]})
    assert response.status_code == 302
    received.refresh_from_db()
    assert received.state == state
    assert received.handled_by == editor
    assert received.handled_at is not None


def test_editors_cannot_add_or_delete_requests(client, editor, received):
    assert client.get(f"{QUEUE_URL}add/").status_code == 403
    assert client.get(f"{QUEUE_URL}{received.pk}/delete/").status_code == 403


def test_anonymous_visitors_cannot_see_the_queue(client, received):
    for url in (QUEUE_URL, f"{QUEUE_URL}{received.pk}/change/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    assert "Rabat" not in client.get(QUEUE_URL, follow=True).content.decode()


def test_the_public_corrections_admin_lists_notes_with_a_meeting_autocomplete(
    admin_client, seed_meetings
):
    belgium, _italy = seed_meetings
    MeetingCorrection.objects.create(meeting=belgium, note="The date was corrected.")
    response = admin_client.get("/en/admin/meetings/meetingcorrection/")
    assert response.status_code == 200
    assert "The date was corrected." in response.content.decode()
    add = admin_client.get("/en/admin/meetings/meetingcorrection/add/")
    assert add.status_code == 200
    assert "admin-autocomplete" in add.content.decode()
