"""Exports, feeds, dataset releases and Popolo: the same filters, only published meetings."""

import csv
import datetime
import hashlib
import io
import json
import xml.etree.ElementTree as ET
import zipfile

import pytest
from django.core import serializers
from django.core.management import CommandError, call_command
from django.utils.html import escape

from meetings.models import (
    City,
    Country,
    CountryGroup,
    Mandate,
    Meeting,
    MeetingCorrection,
    Minister,
    Outlet,
    Participation,
    Portfolio,
    Post,
    Source,
    Topic,
)
from meetings.opendata import codebook, dataset, exports, tables
from tests.factories import MandateFactory, MeetingFactory, ParticipationFactory, SourceFactory

pytestmark = pytest.mark.django_db

FILTERS = [
    {},
    {"country": "BE"},
    {"topic": "migration"},
    {"country": "MA", "counterpart": "IT"},
    {"q": "الهجرة"},
    {"date_from": "2024-05-01", "date_to": "2024-12-31"},
    {"topic": ["security", "migration"], "topic_match": "all"},
    {"country": "MA", "group": "eu"},
]


def html_ids(client, params):
    response = client.get("/en/meetings/", params)
    assert response.status_code == 200
    return {meeting.pk for meeting in response.context["object_list"]}, response.context[
        "result_count"
    ]


def streamed(response):
    return b"".join(response.streaming_content).decode("utf-8")


def csv_rows(client, params, url="/en/meetings/export.csv"):
    response = client.get(url, params, follow=True)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(streamed(response).lstrip("\ufeff"))))


def json_meetings(client, params):
    response = client.get("/en/meetings/export.json", params)
    assert response.status_code == 200
    return json.loads(streamed(response))


def feed_ids(client, params, kind="atom"):
    response = client.get(f"/en/meetings/feed/{kind}/", params)
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    links = [link.get("href") for link in root.iter("{http://www.w3.org/2005/Atom}link")] + [
        element.text for element in root.iter("link")
    ]
    return {
        int(link.rstrip("/").split("/")[-1])
        for link in links
        if link and "/meetings/" in link and link.rstrip("/").split("/")[-1].isdigit()
    }


@pytest.fixture
def archive(seed_meetings):
    """The seed meetings plus a few more, and a draft that must never leave."""
    eu = Country.objects.get(code="FR")
    MeetingFactory(country_b=eu, date=datetime.date(2021, 3, 1), topics=["border-control"])
    MeetingFactory(
        country_b=Country.objects.get(code="US"), date=datetime.date(2022, 3, 1), topics=["trade"]
    )
    MeetingFactory(status="draft", title_en="Secret draft", topics=["migration"])
    return seed_meetings


@pytest.mark.parametrize("params", FILTERS)
def test_csv_json_and_feeds_give_the_meetings_the_list_shows(client, archive, params):
    ids, count = html_ids(client, params)
    assert {int(row["id"]) for row in csv_rows(client, params)} == ids
    assert {meeting["id"] for meeting in json_meetings(client, params)} == ids
    assert feed_ids(client, params, "atom") == ids
    assert feed_ids(client, params, "rss") == ids
    assert len(ids) == count


def test_the_list_page_sends_format_csv_and_json_to_the_download(client, archive):
    response = client.get("/en/meetings/", {"country": "BE", "format": "csv"})
    assert response.status_code == 303
    assert response["Location"] == "/en/meetings/export.csv?country=BE"
    rows = csv_rows(client, {"country": "BE", "format": "csv"}, url="/en/meetings/")
    assert [row["country_a"] for row in rows] == ["BE"]
    response = client.get("/en/meetings/", {"country": "BE", "format": "json"}, follow=True)
    assert json.loads(streamed(response))[0]["country_a"] == "BE"


def test_drafts_never_leave_the_archive(client, archive):
    assert "Secret draft" not in streamed(client.get("/en/meetings/export.csv"))
    assert "Secret draft" not in streamed(client.get("/en/meetings/export.json"))
    assert "Secret draft" not in client.get("/en/meetings/feed/atom/").content.decode()
    path = dataset.write_release(dataset_dir())
    with zipfile.ZipFile(path) as archive_file:
        text = "".join(archive_file.read(name).decode() for name in archive_file.namelist())
    assert "Secret draft" not in text


def dataset_dir():
    from django.conf import settings

    return settings.DATASET_DIR


def test_csv_rows_carry_ids_dates_countries_people_topics_places_and_sources(client, archive):
    belgium, _italy = archive
    SourceFactory(meeting=belgium, url="https://news.example/laftit-verlinden")
    row = next(r for r in csv_rows(client, {"country": "BE"}))
    assert list(row) == [field.name for field in tables.MEETINGS.fields]
    assert row["id"] == str(belgium.pk)
    assert (row["date"], row["date_precision"]) == ("2024-04-15", "day")
    assert (row["country_a"], row["country_a_name"], row["country_b"], row["country_b_name"]) == (
        "BE",
        "Belgium",
        "MA",
        "Morocco",
    )
    assert (row["host_country"], row["city"], row["city_name"]) == ("MA", "rabat", "Rabat")
    assert row["participant_ids"] == "abdelouafi-laftit; annelies-verlinden; nicole-de-moor"
    assert (
        "Nicole de Moor (BE, State Secretary for Asylum and Migration, accompanying)"
        in row["participants"]
    )
    assert "migration" in row["topics"].split("; ")
    assert "migration" in row["topic_groups"].split("; ")
    assert row["source_urls"] == "https://news.example/laftit-verlinden"
    assert row["url"] == f"https://archive.example/en/meetings/{belgium.pk}/"


def test_names_in_exports_follow_the_language_of_the_url(client, archive):
    response = client.get("/ar/meetings/export.json", {"country": "BE"})
    meeting = json.loads(streamed(response))[0]
    assert meeting["country_a_name"] == "بلجيكا"
    assert meeting["participants"][0]["post"] == "وزير الداخلية"


def test_the_dyad_year_table_counts_pairs_per_year_and_topic(client, archive):
    MeetingFactory(
        country_b=Country.objects.get(code="FR"), date=datetime.date(2021, 9, 1), topics=["energy"]
    )
    rows = csv_rows(client, {}, url="/en/meetings/dyad-years.csv")
    by_key = {(r["country_a"], r["country_b"], r["year"]): r for r in rows}
    france = by_key[("FR", "MA", "2021")]
    assert (france["meetings"], france["topic_migration"], france["topic_energy"]) == (
        "2",
        "1",
        "1",
    )
    assert by_key[("BE", "MA", "2024")]["topic_security"] == "1"
    only_2024 = csv_rows(client, {"year": "2024"}, url="/en/meetings/dyad-years.csv")
    assert {r["year"] for r in only_2024} == {"2024"}


@pytest.mark.parametrize(
    "url",
    [
        "/en/meetings/export.csv",
        "/en/meetings/export.json",
        "/en/meetings/dyad-years.csv",
        "/en/meetings/feed/atom/",
    ],
)
def test_bad_parameters_answer_400_naming_the_parameter(client, url):
    response = client.get(url, {"country": "ZZ", "date_from": "2024-02-30"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "country: Unknown country code “ZZ”." in body
    assert "date_from: Enter a valid date." in body


def test_the_codebook_documents_every_field_of_every_output_and_the_topic_hierarchy(client):
    content = client.get("/en/data/codebook/").content.decode()
    documented = [
        *(field.name for table in tables.TABLES.values() for field in table.fields),
        *(field.name for field in tables.MEETINGS_JSON.fields),
        *(column.name for column in exports.dyad_columns()),
        *(topic.slug for topic in Topic.objects.all()),
    ]
    for name in documented:
        assert f"<code>{escape(name)}</code>" in content, name
    assert "<code>topic_civil_protection</code>" in content  # the dyad file's exact name
    # Every field of every object of the API's OpenAPI schema, with what it means.
    for schema, fields in codebook.api_fields():
        assert f"<code>{schema}</code>" in content
        for name, _type, meaning in fields:
            assert meaning, f"{schema}.{name} has no meaning in the codebook"
            assert f"<code>{escape(name)}</code>" in content


def test_every_list_page_links_its_feed_and_exports(client, archive):
    content = client.get("/en/countries/ma/be/", {"topic": "migration"}).content.decode()
    assert 'type="application/atom+xml"' in content
    assert "/en/meetings/feed/atom/?topic=migration&amp;country=BE&amp;counterpart=MA" in content
    assert "/en/meetings/export.csv?topic=migration&amp;country=BE&amp;counterpart=MA" in content


def test_a_researcher_takes_away_migration_2020_2025_morocco_with_the_eu(client, archive):
    params = {
        "topic": "migration",
        "date_from": "2020-01-01",
        "date_to": "2025-12-31",
        "country": "MA",
        "group": "eu",
    }
    ids, _count = html_ids(client, params)
    belgium, italy = archive
    assert {belgium.pk, italy.pk} <= ids
    assert all(Meeting.objects.get(pk=pk).country_a_id in {"BE", "IT", "FR"} for pk in ids)
    assert {int(r["id"]) for r in csv_rows(client, params)} == ids
    assert {m["id"] for m in json_meetings(client, params)} == ids
    assert feed_ids(client, params) == ids


def snapshot():
    """Every row a release carries, as serialised with natural keys, for comparison."""
    rows = []
    for _model, queryset, options in dataset.querysets(with_article_text=True):
        for item in serializers.serialize("python", queryset, **options):
            rows.append((item["model"], json.dumps(item, sort_keys=True, default=str)))
    return sorted(rows)


def test_a_release_round_trip_loses_nothing(tmp_path, archive):
    mandate = MandateFactory(start=datetime.date(2019, 1, 1), end=datetime.date(2022, 1, 1))
    meeting = MeetingFactory(
        date=datetime.date(2020, 6, 1),
        date_precision="month",
        summary_ar="ملخص",
        outcomes_fr="Accord",
    )
    ParticipationFactory(
        meeting=meeting,
        minister=mandate.minister,
        mandate=mandate,
        country=mandate.post.country,
        role="accompanying",
    )
    SourceFactory(meeting=meeting, text="Texte de l'article", author="A. Author")
    MeetingCorrection.objects.create(meeting=meeting, note="The month was corrected.")
    before = snapshot()
    release = dataset.write_release(tmp_path, with_article_text=True)

    # An empty archive: every row a release carries is gone.
    for model in (
        Source,
        Participation,
        Meeting,
        Mandate,
        Minister,
        Post,
        City,
        Outlet,
        CountryGroup,
        Portfolio,
    ):
        model.objects.all().delete()
    Topic.objects.filter(parent__isnull=False).delete()
    Topic.objects.all().delete()
    Country.objects.all().delete()

    call_command("import_dataset", str(release), stdout=io.StringIO())
    assert snapshot() == before
    # Derived data is rebuilt: the imported meetings can be searched.
    assert Meeting.objects.published().search("Piantedosi").exists()


def test_a_release_has_checksums_a_readme_and_is_served_as_the_latest(
    client, settings, tmp_path, archive
):
    settings.DATASET_DIR = tmp_path
    first = dataset.write_release(today=datetime.date(2026, 1, 5))
    second = dataset.write_release(today=datetime.date(2026, 1, 5))
    assert (first.name, second.name) == (
        "meetings-archive-2026-01-05.1.zip",
        "meetings-archive-2026-01-05.2.zip",
    )
    checksum = second.with_suffix(".zip.sha256").read_text().split()[0]
    assert checksum == hashlib.sha256(second.read_bytes()).hexdigest()
    with zipfile.ZipFile(second) as archive_file:
        files = {name.split("/")[-1]: archive_file.read(name) for name in archive_file.namelist()}
    assert set(files) == {
        "datapackage.json",
        "data.json",
        "meetings.csv",
        "participants.csv",
        "meeting_topics.csv",
        "sources.csv",
        "topics.csv",
        "meetings.jsonl",
        "dyad_years.csv",
        "dyad_years_balanced.csv",
        "popolo.json",
        "codebook.md",
        "README.md",
        "CITATION.cff",
        "SHA256SUMS",
    }
    for line in files["SHA256SUMS"].decode().splitlines():
        digest, name = line.split()
        assert hashlib.sha256(files[name]).hexdigest() == digest
    documentation = files["codebook.md"].decode()
    assert all(
        f"`{field.name}`" in documentation
        for table in tables.TABLES.values()
        for field in table.fields
    )
    assert "Texte" not in files["data.json"].decode()  # article text stays out of public releases
    page = client.get("/en/data/").content.decode()
    assert second.name in page and checksum in page
    download = client.get("/en/data/releases/latest/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == second.read_bytes()


def test_no_release_yet_answers_404(client, settings, tmp_path):
    settings.DATASET_DIR = tmp_path
    assert client.get("/en/data/releases/latest/").status_code == 404
    assert "No dataset has been released yet." in client.get("/en/data/").content.decode()


def test_import_refuses_a_database_with_meetings_or_a_damaged_file(tmp_path, archive):
    release = dataset.write_release(tmp_path)
    with pytest.raises(CommandError, match="already has meetings"):
        call_command("import_dataset", str(release))
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(b"not a zip")
    Meeting.objects.all().delete()
    with pytest.raises(CommandError, match="not a zip file"):
        call_command("import_dataset", str(damaged))
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_dataset", str(tmp_path / "missing.zip"))


def test_popolo_has_persons_governments_posts_and_dated_memberships(client, archive):
    response = client.get("/en/data/popolo.json")
    data = json.loads(b"".join(response.streaming_content))
    assert {"areas", "organizations", "posts", "persons", "memberships"} <= set(data)
    laftit = next(p for p in data["persons"] if p["id"] == "person/abdelouafi-laftit")
    assert laftit["name"] == "Abdelouafi Laftit"
    membership = next(
        m for m in data["memberships"] if m["person_id"] == "person/annelies-verlinden"
    )
    assert (membership["organization_id"], membership["start_date"], membership["end_date"]) == (
        "government/BE",
        "2020-10-01",
        "2025-02-03",
    )
    assert membership["post_id"] in {post["id"] for post in data["posts"]}
    current = next(m for m in data["memberships"] if m["person_id"] == "person/abdelouafi-laftit")
    assert "end_date" not in current
