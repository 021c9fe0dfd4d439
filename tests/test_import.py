"""Bulk import of the export formats: every row checked, rejected rows reported, idempotent."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from meetings.facet_totals import facet_totals
from meetings.models import Meeting, Minister, Participation
from tests.factories import MeetingFactory, ParticipationFactory, SourceFactory

pytestmark = pytest.mark.django_db


def export(client, kind="csv", params=None):
    response = client.get(f"/en/meetings/export.{kind}", params or {})
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.fixture
def exported(client, seed_meetings, tmp_path):
    """A CSV and a JSON export of the archive, and the archive emptied of meetings."""
    meeting = MeetingFactory(topics=["energy"], summary_en="Gas and solar.")
    ParticipationFactory(meeting=meeting, country=meeting.country_a)
    SourceFactory(meeting=meeting, url="https://news.example/energy")
    csv_path, json_path = tmp_path / "meetings.csv", tmp_path / "meetings.json"
    csv_path.write_text(export(client), encoding="utf-8")
    json_path.write_text(export(client, "json"), encoding="utf-8")
    before = snapshot(Meeting.objects.published())
    Meeting.objects.all().delete()
    return csv_path, json_path, before


def snapshot(meetings=None):
    """What an import must give back of each meeting, by id."""
    return {
        m.pk: (
            m.date,
            m.country_a_id,
            m.country_b_id,
            m.city_id,
            sorted(m.topics.values_list("slug", flat=True)),
            sorted(m.participations.values_list("minister__slug", "country_id", "role")),
            sorted(m.sources.exclude(url="").values_list("url", flat=True)),
        )
        for m in (Meeting.objects.all() if meetings is None else meetings)
    }


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_an_export_imports_back_with_ids_people_topics_and_sources(exported, kind):
    csv_path, json_path, before = exported
    output = io.StringIO()
    call_command(
        "import_meetings",
        str(csv_path if kind == "csv" else json_path),
        "--no-progress",
        stdout=output,
    )
    assert f"{len(before)} imported, 0 already present, 0 rejected" in output.getvalue()
    assert snapshot() == before
    # Imported meetings are searchable and counted.
    assert Meeting.objects.published().search("Piantedosi").exists()
    assert facet_totals("")["total"] == len(before)


def test_importing_the_same_file_twice_adds_nothing(exported):
    csv_path, _json_path, before = exported
    call_command("import_meetings", str(csv_path), "--no-progress", stdout=io.StringIO())
    counts = (Meeting.objects.count(), Participation.objects.count(), Minister.objects.count())
    output = io.StringIO()
    call_command("import_meetings", str(csv_path), "--no-progress", stdout=output)
    assert f"0 imported, {len(before)} already present" in output.getvalue()
    assert (
        Meeting.objects.count(),
        Participation.objects.count(),
        Minister.objects.count(),
    ) == counts


def test_bad_rows_are_reported_with_row_field_and_reason_and_the_rest_imports(exported, tmp_path):
    csv_path, _json_path, before = exported
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    good = rows[0]
    bad = [
        {**good, "id": "900001", "country_a": "ZZ"},
        {**good, "id": "900002", "date": "2024-02-30"},
        {**good, "id": "900003", "topics": "migration; astrology"},
        {**good, "id": "900004", "date_precision": "week"},
        {**good, "id": "abc"},
        {**good, "id": "900005", "country_b": good["country_a"]},
        {**good, "id": "900006", "source_urls": "javascript:alert(1)"},
        {
            **good,
            "id": "900007",
            "participant_ids": "abdelouafi-laftit",
            "participants": "Abdelouafi Laftit (FR, Minister, lead)",
        },
    ]
    path = tmp_path / "mixed.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(good))
        writer.writeheader()
        writer.writerows([*rows, *bad])
    report_path = tmp_path / "rejected.csv"
    output = io.StringIO()
    call_command(
        "import_meetings", str(path), "--no-progress", "--rejected", str(report_path), stdout=output
    )
    assert f"{len(before)} imported, 0 already present, {len(bad)} rejected" in output.getvalue()
    rejected = list(csv.DictReader(report_path.open(encoding="utf-8")))
    first_bad_row = len(rows) + 2
    assert rejected[0] == {
        "row": str(first_bad_row),
        "field": "country_a",
        "message": "unknown country code 'ZZ'",
    }
    fields = [r["field"] for r in rejected]
    assert fields == [
        "country_a",
        "date",
        "topics",
        "date_precision",
        "id",
        "country_b",
        "source_urls",
        "participants",
    ]
    assert snapshot() == before


def test_unreadable_files_get_a_clear_message(tmp_path):
    missing = tmp_path / "missing.csv"
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_meetings", str(missing))
    not_an_export = tmp_path / "other.json"
    not_an_export.write_text(json.dumps({"hello": "world"}))
    with pytest.raises(CommandError, match="not an export of the archive"):
        call_command("import_meetings", str(not_an_export), "--no-progress")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("import_meetings", str(broken), "--no-progress")
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00\x01" * 100)
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("import_meetings", str(binary), "--no-progress")


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Ana Lima (PT, Minister of Justice, lead)", ("Ana Lima", "", "PT", "lead")),
        # Post names may themselves hold parentheses and commas.
        (
            "Liza Elfeka (SE, Minister (Economy, Finance), accompanying)",
            ("Liza Elfeka", "", "SE", "accompanying"),
        ),
        ("عبد الوافي لفتيت (MA, وزير الداخلية, lead)", ("", "عبد الوافي لفتيت", "MA", "lead")),
    ],
)
def test_participant_labels_of_the_csv_are_read_back(label, expected):
    from meetings.importer import parse_label

    person = parse_label(label)
    assert (person["name_latin"], person["name_ar"], person["country"], person["role"]) == expected
