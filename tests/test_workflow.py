"""Editorial integrity: the workflow, the permission matrix, history, revert, no lost edits."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from reversion.models import Version

from meetings.models import Meeting, MeetingCorrection, Participation, Source
from tests.admin_forms import change_form_data
from tests.factories import (
    ChiefEditorFactory,
    EditorFactory,
    MeetingFactory,
    ParticipationFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/meetings/meeting/"


def login(client, role):
    users = {
        "editor": lambda: EditorFactory(username="ed"),
        "chief": lambda: ChiefEditorFactory(username="chief"),
        "superuser": lambda: UserFactory(username="root", is_staff=True, is_superuser=True),
    }
    if role != "anonymous":
        client.force_login(users[role]())
    return client


@pytest.fixture
def meetings(db):
    draft = MeetingFactory(status="draft", title_en="A draft")
    ParticipationFactory(meeting=draft)
    SourceFactory(meeting=draft)
    published = MeetingFactory(status="published", title_en="A published meeting")
    withdrawn = MeetingFactory(
        status="withdrawn", withdrawal_note="Two articles were about another meeting."
    )
    return {"draft": draft, "published": published, "withdrawn": withdrawn}


# role -> expected status codes, page by page
MATRIX = {
    "changelist": {"anonymous": 302, "editor": 200, "chief": 200, "superuser": 200},
    "add": {"anonymous": 302, "editor": 200, "chief": 200, "superuser": 200},
    "change draft": {"anonymous": 302, "editor": 200, "chief": 200, "superuser": 200},
    "delete draft": {"anonymous": 302, "editor": 403, "chief": 200, "superuser": 200},
    "history": {"anonymous": 302, "editor": 200, "chief": 200, "superuser": 200},
    "recover list": {"anonymous": 302, "editor": 200, "chief": 200, "superuser": 200},
    "from article": {"anonymous": 302, "editor": 200, "chief": 200, "superuser": 200},
    "correction queue": {"anonymous": 302, "editor": 200, "chief": 200, "superuser": 200},
    "country change": {"anonymous": 302, "editor": 200, "chief": 200, "superuser": 200},
    "public list": {"anonymous": 200, "editor": 200, "chief": 200, "superuser": 200},
    "public published": {"anonymous": 200, "editor": 200, "chief": 200, "superuser": 200},
    "public draft": {"anonymous": 404, "editor": 404, "chief": 404, "superuser": 404},
    "public withdrawn": {"anonymous": 410, "editor": 410, "chief": 410, "superuser": 410},
    "api draft": {"anonymous": 404, "editor": 404, "chief": 404, "superuser": 404},
}


def url_of(page, meetings):
    draft, published, withdrawn = meetings["draft"], meetings["published"], meetings["withdrawn"]
    return {
        "changelist": ADMIN,
        "add": ADMIN + "add/",
        "change draft": f"{ADMIN}{draft.pk}/change/",
        "delete draft": f"{ADMIN}{draft.pk}/delete/",
        "history": f"{ADMIN}{draft.pk}/history/",
        "recover list": ADMIN + "recover/",
        "from article": ADMIN + "from-article/",
        "correction queue": "/en/admin/meetings/correctionrequest/",
        "country change": "/en/admin/meetings/country/MA/change/",
        "public list": "/en/meetings/",
        "public published": f"/en/meetings/{published.pk}/",
        "public draft": f"/en/meetings/{draft.pk}/",
        "public withdrawn": f"/en/meetings/{withdrawn.pk}/",
        "api draft": f"/api/meetings/{draft.pk}/",
    }[page]


@pytest.mark.parametrize("role", ["anonymous", "editor", "chief", "superuser"])
def test_the_permission_matrix_of_pages(client, meetings, role):
    login(client, role)
    seen = {page: client.get(url_of(page, meetings)).status_code for page in MATRIX}
    assert seen == {page: codes[role] for page, codes in MATRIX.items()}


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("editor", False), ("chief", True), ("superuser", True)],
)
def test_only_chief_editors_change_published_meetings_and_reference_data(
    client, meetings, role, allowed
):
    login(client, role)
    published = meetings["published"]
    page = client.get(f"{ADMIN}{published.pk}/change/")
    assert page.status_code == 200
    assert page.context["has_change_permission"] is allowed
    response = client.post(f"{ADMIN}{published.pk}/change/", {"title_en": "Hijacked"})
    if not allowed:
        assert response.status_code == 403
    published.refresh_from_db()
    assert published.title_en == "A published meeting"
    country = client.post("/en/admin/meetings/country/MA/change/", {"code": "MA", "name_en": "X"})
    assert (country.status_code == 403) is not allowed


def run_action(client, action, meetings, **extra):
    return client.post(
        ADMIN,
        {"action": action, "_selected_action": [m.pk for m in meetings], **extra},
        follow=True,
    )


@pytest.mark.parametrize(
    ("role", "action", "expected"),
    [
        ("editor", "send_to_review", "review"),
        ("editor", "publish", "draft"),
        ("editor", "withdraw", "draft"),
        ("chief", "send_to_review", "review"),
        ("chief", "publish", "published"),
        ("superuser", "publish", "published"),
    ],
)
def test_the_permission_matrix_of_bulk_actions(client, meetings, role, action, expected):
    login(client, role)
    draft = meetings["draft"]
    run_action(client, action, [draft])
    draft.refresh_from_db()
    assert draft.status == expected


def test_the_delete_action_is_the_chief_editors(client, meetings):
    login(client, "editor")
    assert (
        "delete_selected"
        not in client.get(ADMIN).context["action_form"].fields["action"].choices.__repr__()
    )
    client.logout()
    login(client, "chief")
    response = client.post(
        ADMIN,
        {"action": "delete_selected", "_selected_action": [meetings["draft"].pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Meeting.objects.filter(pk=meetings["draft"].pk).exists()


def test_bulk_actions_are_recorded_with_who_and_why(client, meetings):
    login(client, "chief")
    first, second = meetings["draft"], MeetingFactory(status="review")
    run_action(client, "publish", [first, second])
    for meeting in (first, second):
        meeting.refresh_from_db()
        assert meeting.status == "published" and meeting.published_at is not None
        version = Version.objects.get_for_object(meeting).first()
        assert (version.revision.user.username, version.revision.comment) == ("chief", "Published")
        assert LogEntry.objects.filter(
            object_id=str(meeting.pk), change_message="Published"
        ).exists()


def test_withdrawing_asks_for_a_public_note_and_shows_it(client, meetings):
    login(client, "chief")
    published = meetings["published"]
    page = run_action(client, "withdraw", [published])
    assert "Public note: why these meetings are withdrawn" in page.content.decode()
    published.refresh_from_db()
    assert published.status == "published"  # nothing without a note
    run_action(client, "withdraw", [published], note="The article described another meeting.")
    published.refresh_from_db()
    assert (published.status, published.withdrawal_note) == (
        "withdrawn",
        "The article described another meeting.",
    )
    public = client.get(f"/en/meetings/{published.pk}/")
    assert public.status_code == 410
    assert "The article described another meeting." in public.content.decode()
    assert published.pk not in [m.pk for m in client.get("/en/meetings/").context["object_list"]]


def test_editors_may_only_choose_draft_or_review(client, meetings):
    login(client, "editor")
    page = client.get(f"{ADMIN}{meetings['draft'].pk}/change/")
    choices = [value for value, _label in page.context["adminform"].form.fields["status"].choices]
    assert choices == ["draft", "review"]
    response = client.post(
        f"{ADMIN}{meetings['draft'].pk}/change/", change_form_data(page, status="published")
    )
    assert response.status_code == 200
    assert "Select a valid choice" in str(response.context["adminform"].form.errors)


def test_a_withdrawal_through_the_form_needs_a_note(client, meetings):
    login(client, "chief")
    published = meetings["published"]
    page = client.get(f"{ADMIN}{published.pk}/change/")
    response = client.post(
        f"{ADMIN}{published.pk}/change/", change_form_data(page, status="withdrawn")
    )
    assert "Say publicly why the meeting is withdrawn." in str(
        response.context["adminform"].form.errors
    )


def test_a_public_correction_note_appears_on_the_meeting_page(client, meetings):
    login(client, "chief")
    published = meetings["published"]
    page = client.get(f"{ADMIN}{published.pk}/change/")
    data = change_form_data(page, date="2023-05-11", public_note="The date was 11 May, not 10 May.")
    assert client.post(f"{ADMIN}{published.pk}/change/", data).status_code == 302
    correction = MeetingCorrection.objects.get(meeting=published)
    assert correction.created_by.username == "chief"
    public = client.get(f"/en/meetings/{published.pk}/").content.decode()
    assert "The date was 11 May, not 10 May." in public
    assert "Last updated" in public


def test_two_editors_the_second_save_is_refused_and_keeps_its_input(
    client, django_user_model, meetings
):
    draft = meetings["draft"]
    first, second = EditorFactory(username="first"), EditorFactory(username="second")
    client.force_login(first)
    client.post(
        f"{ADMIN}{draft.pk}/change/", change_form_data(client.get(f"{ADMIN}{draft.pk}/change/"))
    )
    first_page = client.get(f"{ADMIN}{draft.pk}/change/")
    client.force_login(second)
    second_page = client.get(f"{ADMIN}{draft.pk}/change/")

    client.force_login(first)
    saved = client.post(
        f"{ADMIN}{draft.pk}/change/", change_form_data(first_page, title_en="First's title")
    )
    assert saved.status_code == 302

    client.force_login(second)
    refused = client.post(
        f"{ADMIN}{draft.pk}/change/",
        change_form_data(
            second_page, title_en="Second's title", summary_en="Second's careful summary"
        ),
    )
    assert refused.status_code == 200
    message = " ".join(refused.context["adminform"].form.non_field_errors())
    assert "Someone else saved this meeting while you were editing it (first" in message
    assert "title (English)" in message
    form = refused.context["adminform"].form
    assert form["title_en"].value() == "Second's title"
    assert form["summary_en"].value() == "Second's careful summary"
    draft.refresh_from_db()
    assert draft.title_en == "First's title"


def test_a_source_or_participant_edited_meanwhile_also_stops_a_stale_save(client, meetings):
    draft = meetings["draft"]
    client.force_login(EditorFactory(username="stale"))
    page = client.get(f"{ADMIN}{draft.pk}/change/")
    source = Source.objects.get(meeting=draft)
    source.headline = "Corrected elsewhere"
    source.save()
    refused = client.post(f"{ADMIN}{draft.pk}/change/", change_form_data(page, title_en="Stale"))
    assert refused.status_code == 200
    assert "Someone else saved this meeting" in str(
        refused.context["adminform"].form.non_field_errors()
    )
    Participation.objects.filter(meeting=draft).delete()
    draft.refresh_from_db()
    assert draft.title_en == "A draft"


def test_history_shows_who_changed_what_and_a_revert_restores_it(client, meetings):
    login(client, "chief")
    draft = meetings["draft"]
    original_people = list(draft.participations.values_list("minister_id", flat=True))
    page = client.get(f"{ADMIN}{draft.pk}/change/")
    client.post(f"{ADMIN}{draft.pk}/change/", change_form_data(page, title_en="Original"))
    page = client.get(f"{ADMIN}{draft.pk}/change/")
    data = change_form_data(page, title_en="Changed", summary_en="New summary")
    data["participations-0-DELETE"] = "on"
    client.post(f"{ADMIN}{draft.pk}/change/", data)
    draft.refresh_from_db()
    assert draft.title_en == "Changed" and not draft.participations.exists()

    versions = list(Version.objects.get_for_object(draft))
    newest, older = versions[0], versions[1]
    history = client.get(f"{ADMIN}{draft.pk}/history/").content.decode()
    assert "chief" in history
    compare = client.get(
        f"{ADMIN}{draft.pk}/history/compare/", {"version_id1": older.pk, "version_id2": newest.pk}
    )
    assert compare.status_code == 200
    assert "Changed" in compare.content.decode() and "Original" in compare.content.decode()

    revert_page = client.get(f"{ADMIN}{draft.pk}/history/{older.pk}/")
    assert revert_page.status_code == 200
    client.post(f"{ADMIN}{draft.pk}/history/{older.pk}/", change_form_data(revert_page))
    draft.refresh_from_db()
    assert draft.title_en == "Original"
    assert list(draft.participations.values_list("minister_id", flat=True)) == original_people


def test_a_deleted_meeting_can_be_recovered_with_its_people_and_sources(client, meetings):
    login(client, "chief")
    draft = meetings["draft"]
    page = client.get(f"{ADMIN}{draft.pk}/change/")
    client.post(f"{ADMIN}{draft.pk}/change/", change_form_data(page))  # a revision to recover from
    pk = draft.pk
    client.post(f"{ADMIN}{pk}/delete/", {"post": "yes"})
    assert not Meeting.objects.filter(pk=pk).exists()
    deleted = Version.objects.get_deleted(Meeting).get(object_id=str(pk))
    recover = client.get(f"{ADMIN}recover/{deleted.pk}/")
    assert recover.status_code == 200
    client.post(f"{ADMIN}recover/{deleted.pk}/", change_form_data(recover))
    meeting = Meeting.objects.get(pk=pk)
    assert meeting.participations.count() == 1 and meeting.sources.count() == 1


def test_history_is_kept_for_people_countries_and_topics(client, meetings):
    login(client, "chief")
    for url in (
        "/en/admin/meetings/minister/",
        "/en/admin/meetings/country/MA/history/",
        "/en/admin/meetings/topic/",
    ):
        assert client.get(url).status_code == 200
    import reversion

    from meetings.models import Country, Minister, Topic

    for model in (Meeting, Participation, Source, Minister, Country, Topic):
        assert reversion.is_registered(model), model


def test_the_version_keeps_growing_even_after_a_revert(meetings):
    draft = meetings["draft"]
    before = draft.version
    draft.title_en = "x"
    draft.save()
    assert draft.version > before
    Meeting.objects.filter(pk=draft.pk).update(version=before)  # as a revert writes it back
    draft.refresh_from_db()
    draft.save()
    assert draft.version > before + 1
    assert datetime.date.today()
