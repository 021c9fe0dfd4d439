"""Issue 19: what a researcher loads, pins and cites. Every export and every release table
read with pandas, their shapes and totals against the pages' figures; a release is a
Frictionless Data Package that `frictionless validate` and `sha256sum -c` accept."""

import csv
import datetime
import hashlib
import html
import io
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest
import yaml
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meetings.filters import MeetingFilter
from meetings.models import Country, Meeting, Minister, Participation, Source, Topic
from meetings.opendata import dataset, exports, tables
from tests.factories import (
    MandateFactory,
    MeetingFactory,
    MinisterFactory,
    ParticipationFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

FILTERS = [
    {},
    {"country": "MA"},
    {"topic": "migration"},
    {"topic": "security", "date_from": "2021-01-01"},
    {"country": "FR", "counterpart": "MA"},
    {"q": "Rabat"},
    {"year": "2022"},
]

TOPICS = [
    ["border-control"],
    ["migration"],
    ["asylum", "counter-terrorism"],
    ["energy", "renewable-energy"],
    ["trade"],
    [],
    ["civil-protection"],
]
SIDES = ["FR", "ES", "BE", "IT", "DE", "US"]


@pytest.fixture
def archive(seed_meetings):
    """The two seed meetings and 28 more: sides, years, topics (groups and subtopics),
    people with and without posts, sources; a draft and a withdrawn meeting that must
    never leave."""
    outlet_people = MinisterFactory.create_batch(3)
    for index in range(28):
        meeting = MeetingFactory(
            country_b=Country.objects.get(code=SIDES[index % len(SIDES)]),
            date=datetime.date(2019 + index % 5, 1 + index % 12, 1 + index % 27),
            topics=TOPICS[index % len(TOPICS)],
            title_en=f"Talks number {index} in Rabat" if index % 3 == 0 else f"Talks {index}",
            title_ar=f"محادثات رقم {index}",
        )
        ParticipationFactory(meeting=meeting, minister=outlet_people[index % 3])
        if index % 2:
            mandate = MandateFactory(start=datetime.date(2018, 1, 1))
            ParticipationFactory(
                meeting=meeting,
                minister=mandate.minister,
                mandate=mandate,
                country=mandate.post.country,
                role="accompanying",
            )
        for _number in range(index % 3):
            SourceFactory(meeting=meeting)
    MeetingFactory(status="draft", title_en="Secret draft", topics=["migration"])
    withdrawn = MeetingFactory(status="published", title_en="Withdrawn talks")
    ParticipationFactory(meeting=withdrawn, minister=MinisterFactory(slug="only-withdrawn"))
    withdrawn.status = "withdrawn"
    withdrawn.save()
    return Meeting.objects.published()


def page_figures(client, params) -> tuple[set[int], int]:
    response = client.get("/en/meetings/", params)
    assert response.status_code == 200
    return {m.pk for m in response.context["object_list"]}, response.context["result_count"]


def download(client, url, params=None) -> bytes:
    response = client.get(url, params or {})
    assert response.status_code == 200, response.content[:300]
    return b"".join(response.streaming_content)


def filtered(params):
    if not params:
        return Meeting.objects.published()
    filterset = MeetingFilter(params, queryset=Meeting.objects.published())
    assert filterset.is_valid(), filterset.errors
    return filterset.qs


@pytest.mark.parametrize("params", FILTERS)
def test_every_export_loads_in_pandas_with_the_pages_figures(client, archive, params):
    _ids, count = page_figures(client, params)
    expected_ids = set(filtered(params).values_list("pk", flat=True))
    assert len(expected_ids) == count

    meetings = pd.read_csv(io.BytesIO(download(client, "/en/meetings/export.csv", params)))
    assert meetings.shape == (count, len(tables.MEETINGS.fields))
    assert list(meetings.columns) == [f.name for f in tables.MEETINGS.fields]
    assert set(meetings["id"]) == expected_ids

    records = pd.read_json(io.BytesIO(download(client, "/en/meetings/export.json", params)))
    lines = pd.read_json(
        io.BytesIO(download(client, "/en/meetings/export.jsonl", params)), lines=True
    )
    for frame in (records, lines):
        assert len(frame) == count
        if count:
            assert list(frame.columns) == [f.name for f in tables.MEETINGS_JSON.fields]
            assert set(frame["id"]) == expected_ids

    participants = pd.read_csv(
        io.BytesIO(download(client, "/en/meetings/participants.csv", params))
    )
    assert list(participants.columns) == [f.name for f in tables.PARTICIPANTS.fields]
    assert len(participants) == Participation.objects.filter(meeting_id__in=expected_ids).count()
    assert set(participants["meeting_id"]) <= expected_ids
    if count:
        # The people of JSON and of participants.csv are the same rows.
        nested = pd.json_normalize(records.to_dict("records"), "participants", ["id"])
        assert len(nested) == len(participants)

    topics = pd.read_csv(io.BytesIO(download(client, "/en/meetings/meeting-topics.csv", params)))
    assert list(topics.columns) == ["meeting_id", "topic", "topic_group"]
    assert len(topics) == Meeting.topics.through.objects.filter(meeting_id__in=expected_ids).count()

    sources = pd.read_csv(io.BytesIO(download(client, "/en/meetings/sources.csv", params)))
    assert len(sources) == Source.objects.filter(meeting_id__in=expected_ids).count()

    dyads = pd.read_csv(io.BytesIO(download(client, "/en/meetings/dyad-years.csv", params)))
    assert dyads["meetings"].sum() == count


@pytest.mark.parametrize("topic", ["migration", "security", "energy"])
def test_a_topic_counts_in_the_files_as_on_its_page(client, archive, topic):
    """A count of a topic with its subtopics, from meetings.csv's topic_groups or
    meeting_topics.csv's topic_group, is the page's figure."""
    _ids, on_page = page_figures(client, {"topic": topic})
    assert on_page > 0
    meetings = pd.read_csv(io.BytesIO(download(client, "/en/meetings/export.csv")))
    groups = meetings["topic_groups"].fillna("").str.split("; ")
    assert groups.apply(lambda listed: topic in listed).sum() == on_page
    rows = pd.read_csv(io.BytesIO(download(client, "/en/meetings/meeting-topics.csv")))
    assert rows.loc[rows["topic_group"] == topic, "meeting_id"].nunique() == on_page
    dyads = pd.read_csv(io.BytesIO(download(client, "/en/meetings/dyad-years.csv")))
    assert dyads[exports.topic_column(Topic.objects.get(slug=topic))].sum() == on_page


def test_participants_one_row_each_with_names_in_both_scripts_post_and_portfolio(client, archive):
    belgium, _italy = archive_seed(archive)
    rows = pd.read_csv(
        io.BytesIO(download(client, "/en/meetings/participants.csv", {"country": "BE"}))
    )
    verlinden = rows[rows["person_id"] == "annelies-verlinden"].iloc[0]
    assert verlinden["meeting_id"] == belgium.pk
    assert verlinden["name_latin"] == "Annelies Verlinden"
    assert isinstance(verlinden["name_ar"], str) and verlinden["name_ar"]
    assert verlinden["country"] == "BE"
    # A post with commas in its title stays in one cell.
    assert "," in verlinden["post"]
    assert verlinden["role"] == "lead"
    arabic = pd.read_csv(
        io.BytesIO(download(client, "/ar/meetings/participants.csv", {"country": "BE"}))
    )
    assert arabic[arabic["person_id"] == "abdelouafi-laftit"].iloc[0]["post"] == "وزير الداخلية"


def archive_seed(archive):
    return (
        Meeting.objects.between("MA", "BE").get(date="2024-04-15"),
        Meeting.objects.between("MA", "IT").get(date="2024-06-11"),
    )


def test_csv_defuses_formulas_and_json_keeps_the_text(client, archive):
    meeting = MeetingFactory(title_en="=HYPERLINK(1)", summary_en="+1", topics=["trade"])
    rows = pd.read_csv(io.BytesIO(download(client, "/en/meetings/export.csv")))
    row = rows[rows["id"] == meeting.pk].iloc[0]
    assert (row["title"], row["summary"]) == ("'=HYPERLINK(1)", "'+1")
    records = json.loads(download(client, "/en/meetings/export.json"))
    exported = next(m for m in records if m["id"] == meeting.pk)
    assert (exported["title"], exported["summary"]) == ("=HYPERLINK(1)", "+1")


def test_no_draft_or_withdrawn_meeting_in_any_export(client, archive):
    for url in ("export.csv", "export.json", "export.jsonl", "participants.csv"):
        body = download(client, f"/en/meetings/{url}").decode()
        assert "Secret draft" not in body and "Withdrawn talks" not in body
        assert "only-withdrawn" not in body


def test_an_empty_selection_gives_headers_and_an_empty_array(client, archive):
    params = {"year": "1990"}
    assert pd.read_json(io.BytesIO(download(client, "/en/meetings/export.json", params))).empty
    assert download(client, "/en/meetings/export.jsonl", params) == b""
    frame = pd.read_csv(io.BytesIO(download(client, "/en/meetings/export.csv", params)))
    assert frame.empty and next(iter(frame.columns)) == "id"


def test_the_balanced_panel_has_every_pair_year_zeros_included(client, archive):
    plain = pd.read_csv(io.BytesIO(download(client, "/en/meetings/dyad-years.csv")))
    panel = pd.read_csv(
        io.BytesIO(download(client, "/en/meetings/dyad-years.csv", {"balanced": "1"}))
    )
    assert list(panel.columns) == [column.name for column in exports.dyad_columns()]
    pairs = plain[["country_a", "country_b"]].drop_duplicates()
    years = range(plain["year"].min(), plain["year"].max() + 1)
    assert len(panel) == len(pairs) * len(years)
    assert (panel["meetings"] == 0).any()
    assert panel["meetings"].sum() == plain["meetings"].sum() == archive.count()
    # The date filters give the years in scope, even where nothing happened.
    window = {"balanced": "1", "date_from": "2018-01-01", "date_to": "2025-12-31"}
    windowed = pd.read_csv(io.BytesIO(download(client, "/en/meetings/dyad-years.csv", window)))
    assert set(windowed["year"]) == set(range(2018, 2026))
    bad = client.get("/en/meetings/dyad-years.csv", {"balanced": "maybe"})
    assert bad.status_code == 400 and "balanced" in bad.content.decode()


# -- releases ----------------------------------------------------------------------------


@pytest.fixture
def release(archive, settings, tmp_path):
    settings.DATASET_DIR = tmp_path / "datasets"
    return dataset.write_release()


def test_every_release_table_loads_in_pandas_with_the_archives_totals(client, release):
    folder = release.with_suffix("")
    published = Meeting.objects.published()
    _ids, count = page_figures(client, {})
    meetings = pd.read_csv(folder / "meetings.csv")
    assert meetings.shape == (count, len(tables.MEETINGS.fields))
    assert len(pd.read_json(folder / "meetings.jsonl", lines=True)) == count
    participants = pd.read_csv(folder / "participants.csv")
    assert len(participants) == Participation.objects.filter(meeting__in=published).count()
    assert len(pd.read_csv(folder / "meeting_topics.csv")) == (
        Meeting.topics.through.objects.filter(meeting__in=published).count()
    )
    assert (
        len(pd.read_csv(folder / "sources.csv"))
        == Source.objects.filter(meeting__in=published).count()
    )
    topics = pd.read_csv(folder / "topics.csv")
    assert len(topics) == Topic.objects.count()
    assert set(topics.loc[topics["topic"] == "asylum", "topic_group"]) == {"migration"}
    assert pd.read_csv(folder / "dyad_years.csv")["meetings"].sum() == count
    assert pd.read_csv(folder / "dyad_years_balanced.csv")["meetings"].sum() == count
    _ids, migration = page_figures(client, {"topic": "migration"})
    rows = pd.read_csv(folder / "meeting_topics.csv")
    assert rows.loc[rows["topic_group"] == "migration", "meeting_id"].nunique() == migration


def test_a_release_is_a_valid_data_package_with_checksums_and_a_citation(release):
    folder = release.with_suffix("")
    package = json.loads((folder / "datapackage.json").read_text())
    listed = {resource["path"] for resource in package["resources"]}
    files = {path.name for path in folder.iterdir()} - {"datapackage.json", "SHA256SUMS"}
    assert listed == files
    tabular = [r for r in package["resources"] if r.get("profile") == "tabular-data-resource"]
    assert {r["path"] for r in tabular} == {
        "meetings.csv", "participants.csv", "meeting_topics.csv", "sources.csv", "topics.csv",
        "dyad_years.csv", "dyad_years_balanced.csv",
    }  # fmt: skip
    for resource in tabular:
        header = (folder / resource["path"]).read_text().splitlines()[0].split(",")
        assert header == [field["name"] for field in resource["schema"]["fields"]]
    # sha256sum -c, as the README says.
    checked = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"],  # noqa: S607 - the coreutils tool the README names
        cwd=folder,
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    zipped = subprocess.run(  # noqa: S603
        ["sha256sum", "-c", release.with_suffix(".zip.sha256").name],  # noqa: S607
        cwd=release.parent, capture_output=True, text=True,
    )  # fmt: skip
    assert zipped.returncode == 0, zipped.stdout + zipped.stderr
    # frictionless validate, as the README says: schemas, types, keys, sizes and hashes.
    frictionless = Path(sys.executable).with_name("frictionless")
    validated = subprocess.run(  # noqa: S603 - frictionless of this virtualenv
        [str(frictionless), "validate", "--json", "datapackage.json"],
        cwd=folder, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    report = json.loads(validated.stdout)
    problems = report["errors"] + [e for task in report["tasks"] for e in task["errors"]]
    assert validated.returncode == 0 and report["valid"], problems[:5]
    citation = yaml.safe_load((folder / "CITATION.cff").read_text())
    assert citation["cff-version"] == "1.2.0"
    assert citation["version"] == package["version"]
    assert citation["authors"] and citation["title"] and citation["message"]
    assert citation["date-released"] == datetime.date.today().isoformat()


def test_verify_release_finds_a_damaged_file(release):
    folder = release.with_suffix("")
    output = io.StringIO()
    call_command("verify_release", str(folder), stdout=output)
    assert "every check passed" in output.getvalue()
    with (folder / "participants.csv").open("a") as file:
        file.write("1,someone,,,MA,,,lead\n")
    with pytest.raises(CommandError, match=r"participants\.csv: does not match its checksum"):
        call_command("verify_release", str(folder))


def test_a_release_whose_table_breaks_its_schema_is_refused(release):
    """A file edited with its checksums made again still fails the Data Package check."""
    folder = release.with_suffix("")
    copy = folder.with_name("edited")
    shutil.copytree(folder, copy)
    meetings = copy / "meetings.csv"
    meetings.write_text(meetings.read_text().replace("\n1", "\nnot-a-number", 1))
    package = json.loads((copy / "datapackage.json").read_text())
    for resource in package["resources"]:
        if resource["path"] == "meetings.csv":
            resource["bytes"] = meetings.stat().st_size
            resource["hash"] = "sha256:" + hashlib.sha256(meetings.read_bytes()).hexdigest()
    (copy / "datapackage.json").write_text(json.dumps(package))
    (copy / "SHA256SUMS").write_text(
        "".join(
            f"{dataset.file_sha256(path)}  {path.name}\n"
            for path in sorted(copy.iterdir())
            if path.name != "SHA256SUMS"
        )
    )
    with pytest.raises(dataset.ReleaseDamaged):
        dataset.verify_release(copy)


def test_the_latest_release_and_its_files_are_served(client, release):
    download_zip = client.get("/en/data/releases/latest/")
    assert b"".join(download_zip.streaming_content) == release.read_bytes()
    package = client.get("/fr/data/releases/latest/datapackage.json")
    assert package.status_code == 200
    assert json.loads(b"".join(package.streaming_content))["version"] in release.name
    assert client.get("/en/data/releases/latest/meetings.csv").status_code == 200
    assert client.get("/en/data/releases/latest/..%2Fsecret").status_code == 404
    assert client.get("/en/data/releases/latest/nothing.csv").status_code == 404


def test_a_first_release_is_made_when_there_is_none_then_weekly(archive, settings, tmp_path):
    settings.DATASET_DIR = tmp_path / "datasets"
    output = io.StringIO()
    call_command("release_dataset", "--if-none", stdout=output)
    first = dataset.latest_release()
    assert first is not None and first.with_suffix("").is_dir()
    call_command("release_dataset", "--if-none", stdout=output)
    assert dataset.release_if_due() is None  # made less than a week ago
    assert dataset.latest_release() == first
    week_ago = (datetime.datetime.now() - datetime.timedelta(days=8)).timestamp()
    import os

    os.utime(first, (week_ago, week_ago))
    second = dataset.release_if_due()
    assert second is not None and second != first


# -- Popolo ---------------------------------------------------------------------------------


def test_popolo_lists_the_people_of_published_meetings_with_language_tags(
    client, archive, settings, tmp_path
):
    settings.DATASET_DIR = tmp_path / "no-release"
    data = json.loads(download(client, "/en/data/popolo.json"))
    people = {person["id"] for person in data["persons"]}
    in_published = set(
        Participation.objects.filter(meeting__status="published").values_list(
            "minister__slug", flat=True
        )
    )
    assert people == {f"person/{slug}" for slug in in_published}
    assert "person/only-withdrawn" not in people
    assert Minister.objects.count() > len(people)
    laftit = next(p for p in data["persons"] if p["id"] == "person/abdelouafi-laftit")
    tags = {name["lang"] for name in laftit["other_names"]}
    assert tags == {"ar", "und-Latn"}
    arabic = next(n for n in laftit["other_names"] if n["lang"] == "ar")
    assert any("\u0600" <= char <= "\u06ff" for char in arabic["name"])
    memberships = {m["person_id"] for m in data["memberships"]}
    assert memberships <= people


def test_popolo_by_country_and_from_the_release(client, archive, settings, tmp_path):
    belgian = json.loads(download(client, "/en/data/popolo.json", {"country": "be"}))
    belgians = Participation.objects.filter(meeting__status="published", country_id="BE")
    assert {p["id"] for p in belgian["persons"]} == {
        f"person/{slug}" for slug in belgians.values_list("minister__slug", flat=True)
    }
    assert {"person/annelies-verlinden", "person/nicole-de-moor"} <= {
        p["id"] for p in belgian["persons"]
    }
    assert "person/abdelouafi-laftit" not in {p["id"] for p in belgian["persons"]}
    assert {a["id"] for a in belgian["areas"]} == {"country/BE"}
    assert client.get("/en/data/popolo.json", {"country": "ZZ"}).status_code == 400
    settings.DATASET_DIR = tmp_path / "datasets"
    release = dataset.write_release()
    (release.with_suffix("") / "popolo.json").write_text('{"from": "the release"}')
    assert json.loads(download(client, "/en/data/popolo.json")) == {"from": "the release"}


# -- streaming through COPY -----------------------------------------------------------------


# Transactional: the download runs in autocommit, as in production, where a COPY cut short
# is cancelled by the server and the connection serves the next request.
def test_a_download_stopped_halfway_leaves_the_connection_usable(
    reference_data, client, monkeypatch
):
    MeetingFactory.create_batch(5, topics=["trade"])
    published = Meeting.objects.published().count()
    monkeypatch.setattr(tables, "CHUNK_BYTES", 10)  # one row a block: stop inside the COPY
    response = client.get("/en/meetings/export.jsonl")
    first = next(iter(response.streaming_content))
    response.close()  # the client went away: the server closes the response
    assert first.startswith(b'{"id":'), first
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM meetings_meeting WHERE status = 'published'")
        assert cursor.fetchone() == (published,)
    whole = b"".join(client.get("/en/meetings/export.jsonl").streaming_content)
    assert whole.count(b"\n") == published


# -- feeds ----------------------------------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_feeds_self_link_keeps_the_filters_and_updated_is_never_before_published(
    client, archive
):
    meeting = filtered({"country": "FR", "topic": "migration"}).first()
    Meeting.objects.filter(pk=meeting.pk).update(
        published_at=meeting.updated_at + datetime.timedelta(hours=5)
    )
    response = client.get("/en/meetings/feed/atom/", {"country": "FR", "topic": "migration"})
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    self_link = next(link for link in root.iter(f"{ATOM}link") if link.get("rel") == "self")
    assert self_link.get("href") == (
        "https://archive.example/en/meetings/feed/atom/?country=FR&topic=migration"
    )
    entries = list(root.iter(f"{ATOM}entry"))
    assert entries
    for entry in entries:
        published = datetime.datetime.fromisoformat(entry.find(f"{ATOM}published").text)
        updated = datetime.datetime.fromisoformat(entry.find(f"{ATOM}updated").text)
        assert updated >= published
    feed_updated = datetime.datetime.fromisoformat(root.find(f"{ATOM}updated").text)
    assert all(
        feed_updated >= datetime.datetime.fromisoformat(e.find(f"{ATOM}updated").text)
        for e in entries
    )


def test_the_home_page_advertises_the_feed_of_the_latest_meetings(client, archive):
    content = client.get("/fr/").content.decode()
    assert 'rel="alternate" type="application/atom+xml"' in content
    assert 'href="/fr/meetings/feed/atom/"' in content


# -- citations ------------------------------------------------------------------------------


def citation_of(client, language, meeting) -> str:
    content = client.get(f"/{language}/meetings/{meeting.pk}/").content.decode()
    start = content.index('<p class="citation">') + len('<p class="citation">')
    return html.unescape(content[start : content.index("</p>", start)])


def test_citations_give_the_access_date_and_the_source_wholly_in_the_readers_language(
    client, seed_meetings
):
    belgium, _italy = seed_meetings
    outlet = belgium.sources.first().outlet
    outlet.name_ar = outlet.name_ar or "إكسبريس تيفي"
    outlet.save()
    today = timezone.localdate().isoformat()
    url = f"https://archive.example/{{}}/meetings/{belgium.pk}/"

    english = citation_of(client, "en", belgium)
    assert f"Source: {outlet.name}." in english
    assert english.endswith(f"{url.format('en')} (accessed {today}).")

    french = citation_of(client, "fr", belgium)
    assert french.startswith("« ") and f"Source : {outlet.name}." in french
    assert french.endswith(f"{url.format('fr')} (consulté le {today}).")
    assert not {"record", "last updated", "accessed"} & set(re.findall(r"[a-z ]+", french))

    arabic = citation_of(client, "ar", belgium)
    assert f"المصدر: {outlet.name_ar}." in arabic and f"تاريخ الاطلاع: {today}" in arabic
    words = arabic.replace(url.format("ar"), "")
    assert not re.search("[A-Za-z]", words), words  # no English word left
    assert "," not in words and "،" in words  # Arabic commas only


@pytest.mark.parametrize("url", ["/en/data/", "/ar/data/codebook/"])
def test_the_data_and_codebook_pages_take_a_few_queries(client, release, url):
    client.get(url)  # the reference cache filled once per process
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert len(queries) <= 10
    if "codebook" in url:
        assert "topic_civil_protection" in response.content.decode()


def test_the_worker_makes_a_release_when_the_latest_is_a_week_old(reference_data, settings):
    """The weekly release (meetings/opendata/tasks.py): due when none is younger than
    RELEASE_EVERY_DAYS, then checked again an hour later, one check waiting at a time."""
    import datetime
    import os

    from django_tasks_db.models import DBTaskResult

    from meetings.opendata.dataset import latest_release
    from meetings.opendata.tasks import ensure_releasing, release_when_due

    path = "meetings.opendata.tasks.release_when_due"
    assert ensure_releasing() is True and ensure_releasing() is False  # one waiting
    assert latest_release() is None
    first = release_when_due.call()
    assert first and latest_release().name == first
    assert DBTaskResult.objects.filter(task_path=path, status="READY").count() == 1
    assert release_when_due.call() == ""  # a day later: nothing due
    week_old = (datetime.datetime.now() - datetime.timedelta(days=8)).timestamp()
    os.utime(latest_release(), (week_old, week_old))
    second = release_when_due.call()
    assert second and second != first and latest_release().name == second
    assert DBTaskResult.objects.filter(task_path=path, status="READY").count() == 1


@pytest.mark.django_db
def test_an_export_leaves_the_connection_as_it_found_it(seed_meetings):
    # Exports run without parallel workers (meetings/opendata/tables.py, ONE_PROCESS): the
    # setting is the session's, so it is reset after an export read whole or stopped.
    from django.db import connection

    from meetings.opendata import tables

    def parallel_workers():
        with connection.cursor() as cursor:
            cursor.execute("SHOW max_parallel_workers_per_gather")
            return cursor.fetchone()[0]

    before = parallel_workers()
    whole = b"".join(tables.csv_blocks(tables.MEETINGS, Meeting.objects.published()))
    rows = list(csv.reader(io.StringIO(whole.decode("utf-8-sig"))))
    assert len(rows) == 1 + Meeting.objects.published().count()
    assert parallel_workers() == before
    stopped = tables.json_lines_blocks(Meeting.objects.published())
    next(stopped)
    stopped.close()
    assert parallel_workers() == before
