"""Bulk import of the export formats: every row checked, rejected rows reported, idempotent."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from meetings.caching.integrity import drifts
from meetings.counting import bitmaps
from meetings.models import Meeting, Minister, Participation, Topic
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
            sorted(
                m.participations.values_list(
                    "minister__slug", "country_id", "role", "mandate_id", "description"
                )
            ),
            m.portfolio_ids,
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
    assert len(bitmaps().published) == len(before)


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
        {**good, "id": str(2**32)},  # beyond what the counting bitmaps hold
        {**good, "id": "900005", "country_b": good["country_a"]},
        {**good, "id": "900006", "source_urls": "javascript:alert(1)"},
        {
            **good,
            "id": "900007",
            "participant_ids": "abdelouafi-laftit",
            "participants": "Abdelouafi Laftit (FR, Minister, lead)",
        },
        {
            # One person under two spellings of the slug: listed twice in one meeting.
            **good,
            "id": "900008",
            "participant_ids": "abdelouafi-laftit; Abdelouafi-Laftit",
            "participants": "Abdelouafi Laftit (MA, lead); Abdelouafi Laftit (MA, lead)",
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
        "id",
        "country_b",
        "source_urls",
        "participants",
        "participant_ids",
    ]
    assert rejected[5]["message"] == "not between 1 and 4,294,967,295"
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
    from meetings.opendata.importer import parse_label

    person = parse_label(label)
    assert (person["name_latin"], person["name_ar"], person["country"], person["role"]) == expected


def write_csv(path, rows):
    """A CSV in the export's columns (those a row leaves out are empty)."""
    from meetings.opendata.tables import MEETINGS

    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=[field.name for field in MEETINGS.fields])
        writer.writeheader()
        writer.writerows(rows)
    return path


def import_file(path, *arguments):
    output = io.StringIO()
    call_command("import_meetings", str(path), "--no-progress", *arguments, stdout=output)
    return output.getvalue()


def test_imported_meetings_get_the_search_vector_and_ids_the_archive_would_compute(
    seed_meetings, tmp_path
):
    """The importer computes the vectors with the trigger's own function while it reads
    the file, and leaves the id arrays to the database: both must be what check_integrity
    recomputes, or searches and filters would miss imported meetings."""
    child = Topic.objects.filter(parent__isnull=False).order_by("slug").first()
    laftit = Minister.objects.get(slug="abdelouafi-laftit")
    path = write_csv(
        tmp_path / "rich.csv",
        [
            {
                "id": "700001",
                "date": "2025-03-04",
                "date_precision": "day",
                "country_a": "MA",
                "country_b": "FR",
                "host_country": "MA",
                "city": "rabat",
                "title": "Entretiens à Rabat: sécurité والهجرة",
                "summary": "Les ministres  ont\n discuté de l'Été  ÉNERGIE.",
                "topics": f"migration; {child.slug}; migration",
                # The accompanying official comes first in the file; leads come first in
                # the document, as on the meeting's page.
                "participant_ids": f"nadia-new-person; {laftit.slug}; جان-دوبون",
                "participants": (
                    "Nadia New-Person (MA, Adviser, accompanying); "
                    "Abdelouafi Laftit (MA, Minister of the Interior, lead); "
                    "جان دوبون (FR, وزير, lead)"
                ),
                "source_urls": "https://news.example/rich-1; https://news.example/rich-2",
            }
        ],
    )
    assert "1 imported, 0 already present, 0 rejected; 2 new people" in import_file(path)
    meeting = Meeting.objects.with_related().get(pk=700001)
    assert drifts() == []
    assert sorted(meeting.person_ids) == sorted(p.minister_id for p in meeting.participations.all())
    assert sorted(meeting.topics.values_list("slug", flat=True)) == sorted(
        {"migration", child.slug}
    )
    assert [
        (p.minister.slug, p.role, p.post_title) for p in meeting.participations.order_by("order")
    ] == [
        ("nadia-new-person", "accompanying", "Adviser"),
        # The archive knows the post Laftit held that day: his mandate, not the file's words.
        (laftit.slug, "lead", laftit.mandates.get().post.title),
        ("جان-دوبون", "lead", "وزير"),
    ]
    assert meeting.portfolio_ids == [laftit.mandates.get().post.portfolio_id]
    assert Minister.objects.get(slug="جان-دوبون").name_ar == "جان دوبون"
    published = Meeting.objects.published()
    for query in ("Laftit", "لفتيت", "energie", "الهجرة", "Rabat"):
        assert published.search(query).filter(pk=700001).exists(), query


def test_ids_and_sources_clashing_within_the_file_or_with_the_archive_are_rejected(
    seed_meetings, tmp_path
):
    taken = SourceFactory(meeting=seed_meetings[0], url="https://news.example/taken").url
    base = {"date": "2025-01-01", "country_a": "MA", "country_b": "ES"}
    path = write_csv(
        tmp_path / "clashes.csv",
        [
            {**base, "id": "800001", "source_urls": "https://news.example/a"},
            {**base, "id": "800001", "source_urls": "https://news.example/b"},
            {**base, "id": "800002", "source_urls": f"https://news.example/c; {taken}"},
            {**base, "id": "800003", "source_urls": "https://news.example/a"},
            {**base, "id": str(seed_meetings[1].pk)},
            {
                **base,
                "id": "800004",
                "participant_ids": "new-person-one; new-person-one",
                "participants": "New Person (MA, Adviser, lead); New Person (MA, Adviser, lead)",
            },
            {
                **base,
                "id": "800005",
                "participant_ids": "rejected-new-person",
                "participants": "Rejected Person (MA, Adviser, lead)",
                "source_urls": taken,
            },
        ],
    )
    report_path = tmp_path / "rejected.csv"
    output = import_file(path, "--rejected", str(report_path))
    assert "1 imported, 1 already present, 5 rejected; 0 new people" in output
    rejected = [tuple(row.values()) for row in csv.DictReader(report_path.open())]
    assert rejected == [
        ("3", "id", "the same id twice in the file"),
        ("4", "source_urls", f"already the source of another meeting: {taken}"),
        ("5", "source_urls", "also the source of row 2: https://news.example/a"),
        ("7", "participant_ids", "new-person-one twice"),
        ("8", "source_urls", f"already the source of another meeting: {taken}"),
    ]
    assert Meeting.objects.get(pk=800001).sources.get().url == "https://news.example/a"
    # A person named only by a rejected row is not created.
    assert not Minister.objects.filter(slug="rejected-new-person").exists()


def test_json_with_values_of_the_wrong_kind_is_reported_row_by_row(seed_meetings, tmp_path):
    path = tmp_path / "odd.json"
    good = {"id": 900100, "date": "2025-02-02", "country_a": "MA", "country_b": "ES"}
    path.write_text(
        json.dumps(
            {
                "meetings": [
                    {**good, "country_a": ["MA"]},
                    {**good, "id": 900101, "topics": [{"slug": "migration"}]},
                    {**good, "id": 900102, "date_precision": {"day": 1}},
                    {**good, "id": 900103, "sources": [{"url": 12}]},
                    {**good, "id": 900104, "participants": [{"id": "x", "country": ["MA"]}]},
                    "not a meeting",
                    {**good, "id": 900106.5},
                    {**good, "id": True},
                    {**good, "id": 900105, "topics": ["migration"]},
                ]
            }
        )
    )
    output = import_file(path)
    assert "9 rows read: 1 imported, 0 already present, 8 rejected" in output
    assert list(Meeting.objects.get(pk=900105).topics.values_list("slug", flat=True)) == [
        "migration"
    ]


def test_an_import_as_draft_publishes_nothing(exported):
    csv_path, _json_path, before = exported
    import_file(csv_path, "--status", "draft")
    assert Meeting.objects.filter(status="draft").count() == len(before)
    assert not Meeting.objects.published().exists()
    assert len(bitmaps().published) == 0


def test_quotes_backslashes_and_nul_characters_in_a_file_are_kept_or_dropped_safely(
    seed_meetings, tmp_path
):
    path = write_csv(
        tmp_path / "odd-characters.csv",
        [
            {
                "id": "910001",
                "date": "2025-05-05",
                "country_a": "MA",
                "country_b": "ES",
                "title": 'A \\ title with "quotes", {braces} and a NUL\x00',
                "participant_ids": 'odd"slug\\one',
                "participants": 'Odd "Quoted" Name (ES, Adviser, lead)',
                "source_urls": 'https://news.example/q?a="b"&c=\\d',
            }
        ],
    )
    assert "1 imported" in import_file(path)
    meeting = Meeting.objects.get(pk=910001)
    assert meeting.title_en == 'A \\ title with "quotes", {braces} and a NUL'
    assert meeting.sources.get().url == 'https://news.example/q?a="b"&c=\\d'
    person = meeting.participations.get().minister
    assert person.name_latin == 'Odd "Quoted" Name'
