"""Every derived value stays what its rows give, whoever changes the rows and however
(docs/decisions/0020); check_integrity proves it, names each drift and repairs it."""

import io

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from reversion.models import Version

from meetings.caching.integrity import drifts
from meetings.models import (
    Country,
    Mandate,
    Meeting,
    Minister,
    Participation,
    Portfolio,
    Post,
    Topic,
)
from meetings.operations import demo
from tests.admin_forms import change_form_data
from tests.factories import ChiefEditorFactory, MandateFactory, ParticipationFactory
from tests.test_import import import_file, write_csv

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/meetings/"


def check_integrity(*arguments) -> tuple[int, str]:
    output = io.StringIO()
    try:
        call_command("check_integrity", *arguments, stdout=output)
    except SystemExit as exit:
        return exit.code, output.getvalue()
    return 0, output.getvalue()


def sql(statement, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_no_drift_after_edits_renames_reparentings_imports_reverts_and_publications(
    client, seed_meetings, tmp_path
):
    demo.generate(150, seed=3)
    assert drifts() == []
    client.force_login(ChiefEditorFactory(username="chief"))
    meeting = Meeting.objects.published().order_by("pk").first()
    # An edit through the admin form, as a browser sends it.
    page = client.get(f"{ADMIN}meeting/{meeting.pk}/change/")
    response = client.post(
        f"{ADMIN}meeting/{meeting.pk}/change/",
        change_form_data(page, title_en="Talks on water in Rabat"),
    )
    assert response.status_code == 302
    # Renames, through the admin, the ORM and raw SQL.
    topic = Topic.objects.get(slug="migration")
    page = client.get(f"{ADMIN}topic/{topic.pk}/change/")
    client.post(f"{ADMIN}topic/{topic.pk}/change/", change_form_data(page, name_en="Mobility"))
    morocco = Country.objects.get(code="MA")
    morocco.name_fr = "Royaume du Maroc"
    morocco.save()
    sql("UPDATE meetings_city SET name_en = 'Rabat-Salé' WHERE slug = 'rabat'")
    person = Minister.objects.get(slug="abdelouafi-laftit")
    page = client.get(f"{ADMIN}minister/{person.pk}/change/")
    client.post(
        f"{ADMIN}minister/{person.pk}/change/", change_form_data(page, name_latin="A. Laftit")
    )
    post = Post.objects.filter(mandates__participations__isnull=False).first()
    post.title_en = "Minister of Home Affairs"
    post.save()
    Portfolio.objects.filter(slug="interior").update(name_en="Home affairs")
    # Topics given another parent, by the ORM and by raw SQL.
    child = Topic.objects.filter(parent__isnull=False, meetings__isnull=False).first()
    child.parent = Topic.objects.filter(parent__isnull=True).exclude(pk=child.parent_id).first()
    child.save()
    other = Topic.objects.filter(parent__isnull=False).exclude(pk=child.pk).last()
    sql("UPDATE meetings_topic SET parent_id = %s WHERE id = %s", [topic.pk, other.pk])
    # A mandate moved to another post, a post to another portfolio.
    mandate = Mandate.objects.filter(participations__isnull=False).first()
    mandate.post = Post.objects.exclude(pk=mandate.post_id).filter(country=mandate.post.country)[0]
    mandate.save()
    sql(
        "UPDATE meetings_post SET portfolio_id = %s WHERE id = %s",
        [Portfolio.objects.get(slug="energy").pk, post.pk],
    )
    # Participants and topics added and removed, by the ORM and by raw SQL.
    added = MandateFactory(post=Post.objects.filter(country_id=meeting.country_a_id).first())
    ParticipationFactory(meeting=meeting, minister=added.minister, mandate=added)
    sql(
        "DELETE FROM meetings_participation WHERE id IN"
        " (SELECT id FROM meetings_participation ORDER BY id DESC LIMIT 3)"
    )
    sql(
        "DELETE FROM meetings_meeting_topics WHERE id IN"
        " (SELECT id FROM meetings_meeting_topics ORDER BY id LIMIT 5)"
    )
    meeting.topics.add(Topic.objects.get(slug="energy"))
    # An import.
    path = write_csv(
        tmp_path / "more.csv",
        [
            {
                "id": str(900_000 + n),
                "date": f"2025-0{n + 1}-01",
                "country_a": "MA",
                "country_b": "TN",
                "topics": "migration; energy",
                "title": f"Imported {n}",
                "participant_ids": "abdelouafi-laftit",
                "participants": "Abdelouafi Laftit (MA, Minister of the Interior, lead)",
            }
            for n in range(3)
        ],
    )
    assert "3 imported" in import_file(path)
    # A revert, through the admin's history.
    page = client.get(f"{ADMIN}meeting/{meeting.pk}/change/")
    client.post(
        f"{ADMIN}meeting/{meeting.pk}/change/", change_form_data(page, title_en="Renamed again")
    )
    older = list(Version.objects.get_for_object(meeting))[-1]
    page = client.get(f"{ADMIN}meeting/{meeting.pk}/history/{older.pk}/")
    client.post(f"{ADMIN}meeting/{meeting.pk}/history/{older.pk}/", change_form_data(page))
    # Publications and withdrawals, through the actions.
    drafts = list(Meeting.objects.filter(status="draft").values_list("pk", flat=True)[:5])
    client.post(f"{ADMIN}meeting/", {"action": "publish", "_selected_action": drafts})
    client.post(
        f"{ADMIN}meeting/",
        {"action": "withdraw", "_selected_action": drafts[:2], "note": "Duplicates."},
    )
    assert Meeting.objects.filter(pk__in=drafts[:2], status="withdrawn").count() == 2

    assert drifts() == []
    code, output = check_integrity()
    assert code == 0 and "No drift" in output


def test_raw_sql_and_shell_updates_of_text_and_names_are_followed_at_once(seed_meetings):
    belgium, _italy = seed_meetings
    sql("UPDATE meetings_meeting SET title_en = 'Secret rename' WHERE id = %s", [belgium.pk])
    sql("UPDATE meetings_country SET name_en = 'Belgica' WHERE code = 'BE'")
    Topic.objects.filter(slug="migration").update(name_fr="Mobilité humaine")
    assert Meeting.objects.search("Secret rename").filter(pk=belgium.pk).exists()
    assert Meeting.objects.search("Belgica").filter(pk=belgium.pk).exists()
    assert Meeting.objects.search("mobilite humaine").filter(pk=belgium.pk).exists()
    assert check_integrity()[0] == 0


def test_values_the_database_keeps_drift_only_with_its_triggers_off_and_are_repaired(
    seed_meetings,
):
    belgium, _italy = seed_meetings
    # Written directly, the arrays are kept as they were (only their refresh may write them).
    sql("UPDATE meetings_meeting SET person_ids = '{}', topic_ids = '{999}' WHERE id = %s",
        [belgium.pk])  # fmt: skip
    assert drifts() == []
    # With every trigger off (a restore, a replication tool), they can drift.
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        try:
            cursor.execute(
                "UPDATE meetings_meeting SET person_ids = '{}' WHERE id = %s", [belgium.pk]
            )
        finally:
            cursor.execute("SET session_replication_role = DEFAULT")
    # A vector written as supplied by a loader (the loader's promise broken).
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL meetings.search_vectors_supplied = 'on'")
        cursor.execute("UPDATE meetings_topic SET search_vector = 'bogus' WHERE slug = 'migration'")
    found = {str(drift) for drift in drifts()}
    people = sorted(belgium.participations.values_list("minister_id", flat=True))
    assert f"meeting {belgium.pk}: person_ids (stored [], derived {people})" in found
    migration = Topic.objects.get(slug="migration")
    assert f"topic {migration.pk}: search_vector" in found
    code, output = check_integrity("--fix")
    assert code == 0, output
    assert drifts() == []


def test_every_import_ends_with_a_check(seed_meetings, tmp_path):
    path = write_csv(
        tmp_path / "one.csv",
        [{"id": "910001", "date": "2025-01-01", "country_a": "MA", "country_b": "FR"}],
    )
    assert "Derived values checked: no drift." in import_file(path)


def test_participants_are_listed_lead_first_everywhere(admin_client, seed_meetings):
    belgium, _italy = seed_meetings
    leads = set(belgium.participations.filter(role="lead").values_list("pk", flat=True))
    companion = Participation.objects.filter(meeting=belgium).first()
    ParticipationFactory(meeting=belgium, role="accompanying", order=0, country=companion.country)
    listed = list(Participation.objects.filter(meeting=belgium))
    assert {p.pk for p in listed[: len(leads)]} == leads
    page = admin_client.get(f"{ADMIN}meeting/{belgium.pk}/change/")
    inline = page.context["inline_admin_formsets"][0].formset
    assert [form.instance.role for form in inline.forms if form.instance.pk][: len(leads)] == [
        "lead"
    ] * len(leads)


def test_the_place_is_the_city_else_the_host_country_on_every_output(client, seed_meetings):
    belgium, _italy = seed_meetings
    Meeting.objects.filter(pk=belgium.pk).update(city=None)
    meeting = Meeting.objects.get(pk=belgium.pk)
    assert meeting.place == meeting.host_country.name
    card = client.get("/en/meetings/?country=BE").content.decode()
    detail = client.get(f"/en/meetings/{belgium.pk}/").content.decode()
    assert f"· {meeting.host_country.name}" in card
    assert meeting.host_country.name in detail


def posted_meetings(word: str) -> set[int]:
    """The meetings the word postings give for one search word."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT meeting_id FROM meetings_wordposting"
            " WHERE word = ANY (meetings_query_words(%s))",
            [word],
        )
        return {row[0] for row in cursor.fetchall()}


def test_word_postings_follow_every_write_and_drift_only_when_written_directly(seed_meetings):
    belgium, italy = seed_meetings
    assert posted_meetings("quokkas") == set()
    # An edit of the text (ORM and raw SQL), a copy of a meeting, a deletion.
    Meeting.objects.filter(pk=belgium.pk).update(title_fr="Entretiens sur les quokkas")
    sql("UPDATE meetings_meeting SET summary_en = 'Talks on xylophonix matters' WHERE id = %s",
        [italy.pk])  # fmt: skip
    assert posted_meetings("quokkas") == {belgium.pk}
    assert posted_meetings("xylophonix") == {italy.pk}
    assert set(Meeting.objects.search("xylophonix").values_list("pk", flat=True)) == {italy.pk}
    Meeting.objects.filter(pk=belgium.pk).update(title_fr="Entretiens")
    assert posted_meetings("quokkas") == set()
    assert drifts() == []
    Meeting.objects.filter(pk=italy.pk).delete()
    assert posted_meetings("xylophonix") == set()
    assert drifts() == []
    # Written directly: a posting lost, one too many; both named, then repaired.
    sql("DELETE FROM meetings_wordposting WHERE meeting_id = %s"
        " AND word = hashtextextended('entretien', 0)", [belgium.pk])  # fmt: skip
    sql("INSERT INTO meetings_wordposting VALUES (hashtextextended('nowhere', 0), %s)",
        [belgium.pk])  # fmt: skip
    found = [str(drift) for drift in drifts()]
    assert found == [f"meeting {belgium.pk}: word postings (1 missing, 1 too many)"]
    code, output = check_integrity("--fix")
    assert code == 0, output
    assert drifts() == []
    assert belgium.pk in posted_meetings("entretiens")
