"""Editors enter meetings in the admin: one screen, clear errors, no N+1 queries."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Mandate, Meeting, Minister
from tests.factories import EditorFactory, MandateFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/en/admin/meetings/meeting/add/"


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory(username="editor-in-test"))
    return client


def inline_management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def meeting_form(**overrides):
    """A complete add-meeting form like an editor would submit for the Laftit–Piantedosi talks."""
    laftit = Minister.objects.get(slug="abdelouafi-laftit")
    piantedosi = Minister.objects.get(slug="matteo-piantedosi")
    data = {
        "country_a": "IT",
        "country_b": "MA",
        "date": "2024-09-20",
        "date_precision": "day",
        "city": "",
        "host_country": "IT",
        "topics": [],
        "title_ar": "",
        "title_fr": "",
        "title_en": "Laftit and Piantedosi meet again",
        "summary_ar": "",
        "summary_fr": "",
        "summary_en": "A follow-up meeting on migration.",
        "outcomes_ar": "",
        "outcomes_fr": "",
        "outcomes_en": "",
        "status": "draft",
        **inline_management("participations", 2),
        "participations-0-minister": str(laftit.pk),
        "participations-0-role": "lead",
        "participations-0-country": "",
        "participations-0-mandate": "",
        "participations-0-order": "0",
        "participations-1-minister": str(piantedosi.pk),
        "participations-1-role": "lead",
        "participations-1-country": "",
        "participations-1-mandate": "",
        "participations-1-order": "1",
        **inline_management("sources", 1),
        "sources-0-url": "https://news.example/laftit-piantedosi-rome",
        "sources-0-language": "en",
        "sources-0-outlet": "",
        "sources-0-author": "A. Reporter",
        "sources-0-published_on": "2024-09-20",
        "sources-0-headline": "Ministers meet in Rome",
        "sources-0-text": "Text pasted by the editor.",
    }
    data.update(overrides)
    return data


def test_the_editors_group_can_add_and_change_meetings_but_not_delete_them():
    editors = Group.objects.get(name="Editors")
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {
        "add_meeting",
        "change_meeting",
        "view_meeting",
        "add_minister",
        "add_mandate",
    } <= codenames
    assert "delete_meeting" not in codenames
    assert "change_country" not in codenames


def test_an_editor_enters_a_meeting_with_participants_and_a_source_in_one_screen(editor_client):
    response = editor_client.post(ADD_URL, meeting_form())
    assert response.status_code == 302, response.context["adminform"].form.errors
    meeting = Meeting.objects.get(title_en="Laftit and Piantedosi meet again")
    assert (meeting.country_a_id, meeting.country_b_id) == ("IT", "MA")
    assert meeting.status == "draft"
    assert meeting.created_by.username == "editor-in-test"
    people = {p.minister.slug: p for p in meeting.participations.select_related("mandate__post")}
    # Country and post were filled in from the mandates held that day.
    assert people["abdelouafi-laftit"].country_id == "MA"
    assert people["abdelouafi-laftit"].mandate.post.title_en == "Minister of the Interior"
    assert people["matteo-piantedosi"].country_id == "IT"
    assert meeting.sources.get().url == "https://news.example/laftit-piantedosi-rome"
    assert Meeting.objects.search("Piantedosi").filter(pk=meeting.pk).exists()


def errors_of(response):
    assert response.status_code == 200, "the form should be shown again with errors"
    errors = [str(response.context["adminform"].form.errors)]
    for formset in response.context["inline_admin_formsets"]:
        errors.append(str(formset.formset.errors) + str(formset.formset.non_form_errors()))
    return " ".join(errors)


def test_a_meeting_with_the_same_country_twice_gets_a_form_error(editor_client):
    response = editor_client.post(ADD_URL, meeting_form(country_a="MA", country_b="MA"))
    assert "A meeting is between two different countries." in errors_of(response)
    assert not Meeting.objects.filter(title_en="Laftit and Piantedosi meet again").exists()


def test_a_meeting_with_one_country_missing_gets_a_form_error(editor_client):
    response = editor_client.post(ADD_URL, meeting_form(country_b=""))
    assert "This field is required." in errors_of(response)


def test_a_participant_from_a_third_country_gets_a_form_error(editor_client):
    response = editor_client.post(ADD_URL, meeting_form(**{"participations-1-country": "FR"}))
    errors = errors_of(response)
    assert (
        "A participant must represent one of the meeting" in errors or "another country" in errors
    )


def test_participants_from_three_countries_get_a_form_error(editor_client):
    verlinden = Minister.objects.get(slug="annelies-verlinden")
    data = meeting_form(
        date="2024-04-20",
        **inline_management("participations", 3),
        **{
            "participations-2-minister": str(verlinden.pk),
            "participations-2-role": "lead",
            "participations-2-country": "BE",
            "participations-2-mandate": "",
            "participations-2-order": "2",
        },
    )
    assert "A participant must represent one of the meeting" in errors_of(
        editor_client.post(ADD_URL, data)
    )


def test_a_duplicate_source_url_gets_a_form_error(editor_client, seed_meetings):
    editor_client.post(ADD_URL, meeting_form())
    response = editor_client.post(ADD_URL, meeting_form(title_en="Another one", date="2024-09-25"))
    assert "already" in errors_of(response)


def test_a_mandate_ending_before_it_starts_gets_a_form_error(editor_client):
    minister = Minister.objects.get(slug="nicole-de-moor")
    mandate = minister.mandates.get()
    url = f"/en/admin/meetings/minister/{minister.pk}/change/"
    data = {
        "slug": minister.slug,
        "name_ar": minister.name_ar,
        "name_latin": minister.name_latin,
        "aliases": ",".join(minister.aliases),
        "wikidata_id": "",
        **inline_management("mandates", 1, initial=1),
        "mandates-0-id": str(mandate.pk),
        "mandates-0-minister": str(minister.pk),
        "mandates-0-post": str(mandate.post_id),
        "mandates-0-start": "2024-05-01",
        "mandates-0-end": "2024-01-01",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert "A mandate cannot end before it starts." in str(formset.errors)
    mandate.refresh_from_db()
    assert mandate.end == datetime.date(2025, 2, 3)


def test_the_meeting_changelist_runs_as_many_queries_for_30_meetings_as_for_3(admin_client):
    def changelist_queries():
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get("/en/admin/meetings/meeting/").status_code == 200
        return len(queries)

    for _ in range(3):
        ParticipationFactory()
    few = changelist_queries()
    for _ in range(27):
        ParticipationFactory()
    assert changelist_queries() == few


def test_autocomplete_finds_a_country_by_its_arabic_demonym(editor_client):
    response = editor_client.get(
        "/en/admin/autocomplete/",
        {
            "term": "البلجيكية",
            "app_label": "meetings",
            "model_name": "meeting",
            "field_name": "country_a",
        },
    )
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["results"]] == ["BE"]


def test_an_editor_cannot_delete_a_meeting(editor_client):
    meeting = MeetingFactory()
    response = editor_client.post(
        f"/en/admin/meetings/meeting/{meeting.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 403
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_mandates_are_listed_with_their_people_without_extra_queries(admin_client):
    with CaptureQueriesContext(connection) as queries:
        admin_client.get("/en/admin/meetings/mandate/")
    before = len(queries)
    for _ in range(10):
        MandateFactory()
    with CaptureQueriesContext(connection) as queries:
        admin_client.get("/en/admin/meetings/mandate/")
    assert len(queries) == before
    assert Mandate.objects.count() >= 14
