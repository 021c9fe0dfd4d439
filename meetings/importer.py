"""Bulk import of meetings in the archive's own export formats (CSV and JSON).

Every row is checked: a row that cannot be imported is reported with its
number, the field and why, and the import goes on. A meeting whose id is
already in the archive is skipped, so importing a file twice adds nothing.
Valid rows are written in batches with COPY; per-row triggers are switched off
for this session only (their rules are applied by the checks here, and the
facet totals are recounted at the end).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.text import slugify

from meetings.bulk import bulk_load
from meetings.facet_totals import refresh_facet_totals
from meetings.models import (
    City,
    Country,
    Meeting,
    Minister,
    Outlet,
    Source,
    Topic,
    search_document,
)

BATCH_SIZE = 5000
PRECISIONS = {choice.value for choice in Meeting.DatePrecision}
LABEL = re.compile(r"^(?P<name>[^()]+?) \((?P<details>.*)\)$")  # posts may hold parentheses
URL = re.compile(r"^https?://\S+$")


class Rejected(ValueError):
    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name
        self.message = message


@dataclass
class Report:
    read: int = 0
    imported: int = 0
    present: int = 0
    rejected: list[tuple[int, str, str]] = field(default_factory=list)
    people_created: int = 0


@dataclass
class Row:
    """A meeting as read from a file, before any check."""

    number: int
    values: dict
    participants: list[dict]


def read_csv(stream) -> Iterator[Row]:
    reader = csv.DictReader(stream)
    for number, values in enumerate(reader, start=2):  # row 1 is the header
        ids = split(values.get("participant_ids", ""))
        labels = split(values.get("participants", ""))
        participants = []
        for index, slug in enumerate(ids):
            person = {"id": slug, "name_latin": "", "name_ar": "", "country": "", "role": "lead"}
            if index < len(labels):
                person.update(parse_label(labels[index]))
            participants.append(person)
        values["topics"] = split(values.get("topics", ""))
        values["source_urls"] = split(values.get("source_urls", ""))
        yield Row(number, values, participants)


def read_json(stream) -> Iterator[Row]:
    document = json.load(stream)
    meetings = document.get("meetings") if isinstance(document, dict) else None
    if not isinstance(meetings, list):
        raise ValueError('This JSON has no "meetings" list: it is not an export of the archive.')
    for number, values in enumerate(meetings, start=1):
        if not isinstance(values, dict):
            values = {}
        participants = values.get("participants") or []
        values["source_urls"] = [
            s.get("url") for s in values.get("sources") or [] if isinstance(s, dict)
        ]
        yield Row(number, values, [p for p in participants if isinstance(p, dict)])


def split(text) -> list[str]:
    return [part.strip() for part in str(text or "").split(";") if part.strip()]


def parse_label(label: str) -> dict:
    """ "Name (MA, Minister of the Interior, lead)" from the CSV's participants column."""
    match = LABEL.match(label.lstrip("'"))
    if not match:
        return {"name_latin": label}
    details = [part.strip() for part in match["details"].split(",")]
    name = match["name"]
    arabic = any("\u0600" <= char <= "\u06ff" for char in name)
    return {
        "name_latin": "" if arabic else name,
        "name_ar": name if arabic else "",
        "country": details[0] if details else "",
        "role": details[-1] if len(details) > 1 else "lead",
    }


class Importer:
    """Checks rows against the archive's reference data and writes the valid ones."""

    def __init__(self, status: str = Meeting.Status.PUBLISHED):
        self.status = status
        self.countries = {c.code: c for c in Country.objects.all()}
        self.cities = {c.slug: c for c in City.objects.all()}
        self.topics = {t.slug: t for t in Topic.objects.all()}
        self.people = {
            slug: (pk, name_latin, name_ar)
            for pk, slug, name_latin, name_ar in Minister.objects.values_list(
                "pk", "slug", "name_latin", "name_ar"
            )
        }
        self.outlets = dict(Outlet.objects.values_list("name", "pk"))
        self.report = Report()
        self.seen_ids: set[int] = set()

    def check(self, row: Row) -> dict:
        """The meeting to write, or Rejected naming the field."""
        values = row.values
        try:
            meeting_id = int(values.get("id"))
            if meeting_id < 1 or meeting_id > 2**63 - 1:
                raise ValueError
        except (TypeError, ValueError):
            raise Rejected("id", "not a positive whole number") from None
        try:
            date = datetime.date.fromisoformat(str(values.get("date", "")))
        except ValueError:
            raise Rejected("date", f"{values.get('date')!r} is not an ISO date") from None
        precision = values.get("date_precision") or "day"
        if precision not in PRECISIONS:
            raise Rejected("date_precision", f"{precision!r} is not day, month or year")
        a, b = values.get("country_a"), values.get("country_b")
        for name, code in (("country_a", a), ("country_b", b)):
            if code not in self.countries:
                raise Rejected(name, f"unknown country code {code!r}")
        if a == b:
            raise Rejected("country_b", "the two countries are the same")
        a, b = sorted((a, b))
        host = values.get("host_country") or None
        if host and host not in self.countries:
            raise Rejected("host_country", f"unknown country code {host!r}")
        city = values.get("city") or None
        if city and city not in self.cities:
            raise Rejected("city", f"unknown city {city!r}")
        topics = []
        for slug in values.get("topics") or []:
            if slug not in self.topics:
                raise Rejected("topics", f"unknown topic {slug!r}")
            topics.append(self.topics[slug])
        urls = [url for url in values.get("source_urls") or [] if url]
        for url in urls:
            if len(url) > 2000 or not URL.match(url):
                raise Rejected("source_urls", f"not a web address: {url[:80]!r}")
        people = []
        for index, person in enumerate(row.participants):
            slug = str(person.get("id") or "").strip()
            country = person.get("country") or ""
            if not slug:
                raise Rejected("participant_ids", f"participant {index + 1} has no id")
            if country not in (a, b):
                raise Rejected(
                    "participants", f"{slug} represents {country!r}, not one of the two countries"
                )
            role = person.get("role") if person.get("role") in ("lead", "accompanying") else "lead"
            people.append((slug, person, country, role))
        title = str(values.get("title") or "")[:300]
        summary = str(values.get("summary") or "")
        return {
            "id": meeting_id,
            "date": date,
            "date_precision": precision,
            "country_a": a,
            "country_b": b,
            "host": host,
            "city": self.cities[city] if city else None,
            "title": title,
            "summary": summary,
            "outcomes": str(values.get("outcomes") or ""),
            "topics": topics,
            "people": people,
            "urls": urls,
            "outlets": split(values.get("outlets", "")),
        }

    def person_id(self, slug: str, person: dict) -> int:
        """The archive's person, created from the file's names when it is new."""
        if slug not in self.people:
            name_latin = str(person.get("name_latin") or "")[:200]
            name_ar = str(person.get("name_ar") or "")[:200]
            minister = Minister.objects.create(
                slug=slugify(slug, allow_unicode=True)[:150] or f"person-{len(self.people)}",
                name_latin=name_latin or (slug if not name_ar else ""),
                name_ar=name_ar,
            )
            self.people[slug] = (minister.pk, minister.name_latin, minister.name_ar)
            self.report.people_created += 1
        return self.people[slug][0]


def import_meetings(
    rows: Iterator[Row],
    status: str = "published",
    progress: Callable[[int], None] = lambda n: None,
    expected_rows: int | None = None,
) -> Report:
    """Import ``rows``; return what was imported, already present and rejected."""
    importer = Importer(status)
    rows = list(rows) if expected_rows is None else rows
    size = len(rows) if expected_rows is None else expected_rows
    with bulk_load(size) as raw:
        batch: list[tuple[int, dict]] = []
        for row in rows:
            importer.report.read += 1
            try:
                batch.append((row.number, importer.check(row)))
            except Rejected as rejection:
                importer.report.rejected.append((row.number, rejection.field, rejection.message))
            if len(batch) >= BATCH_SIZE:
                write_batch(importer, batch, raw)
                progress(len(batch))
                batch = []
        if batch:
            write_batch(importer, batch, raw)
            progress(len(batch))
    refresh_facet_totals()
    return importer.report


def write_batch(importer: Importer, batch: list[tuple[int, dict]], raw) -> None:
    """Write one batch with COPY; meetings already present are skipped."""
    ids = [meeting["id"] for _number, meeting in batch]
    urls = [url for _number, meeting in batch for url in meeting["urls"]]
    present = set(Meeting.objects.filter(pk__in=ids).values_list("pk", flat=True))
    taken_urls = set(Source.objects.filter(url__in=urls).values_list("url", flat=True))
    meetings, topics, participations, sources = [], [], [], []
    now = timezone.now()
    for number, meeting in batch:
        if meeting["id"] in present:
            importer.report.present += 1
            continue
        if meeting["id"] in importer.seen_ids:
            importer.report.rejected.append((number, "id", "the same id twice in the file"))
            continue
        clashing = [url for url in meeting["urls"] if url in taken_urls]
        if clashing:
            importer.report.rejected.append(
                (number, "source_urls", f"already the source of another meeting: {clashing[0]}")
            )
            continue
        person_rows = [
            (importer.person_id(slug, person), country, role, order)
            for order, (slug, person, country, role) in enumerate(meeting["people"])
        ]
        if len({pk for pk, *_ in person_rows}) != len(person_rows):
            importer.report.rejected.append((number, "participant_ids", "a person twice"))
            continue
        importer.seen_ids.add(meeting["id"])
        taken_urls.update(meeting["urls"])
        meetings.append(meeting_row(importer, meeting, person_rows, now))
        topics += [(meeting["id"], topic.pk) for topic in meeting["topics"]]
        participations += [
            (meeting["id"], pk, country, role, order, "")
            for pk, country, role, order in person_rows
        ]
        outlet = importer.outlets.get(meeting["outlets"][0]) if meeting["outlets"] else None
        sources += [
            (meeting["id"], url, outlet, "other", "", "", "", now) for url in meeting["urls"]
        ]
        importer.report.imported += 1
    copy(raw, "meetings_meeting", MEETING_COLUMNS, meetings)
    copy(raw, "meetings_meeting_topics", ["meeting_id", "topic_id"], topics)
    copy(
        raw,
        "meetings_participation",
        ["meeting_id", "minister_id", "country_id", "role", "order", "description"],
        participations,
    )
    copy(
        raw,
        "meetings_source",
        ["meeting_id", "url", "outlet_id", "language", "author", "headline", "text", "added_at"],
        sources,
    )
    with raw.cursor() as cursor:
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('meetings_meeting', 'id'), "
            "greatest((SELECT max(id) FROM meetings_meeting), 1))"
        )


MEETING_COLUMNS = [
    "id", "date", "date_precision", "country_a_id", "country_b_id", "host_country_id", "city_id",
    "title_ar", "title_fr", "title_en", "summary_ar", "summary_fr", "summary_en", "outcomes_ar",
    "outcomes_fr", "outcomes_en", "status", "published_at", "created_at", "updated_at",
    "withdrawal_note", "version", "search_document", "topic_ids", "topic_group_ids",
    "portfolio_ids", "person_ids",
]  # fmt: skip


def meeting_row(importer: Importer, meeting: dict, person_rows, now) -> list:
    """One row for COPY; the text goes to the English columns (an export carries one language)."""
    countries = [importer.countries[meeting["country_a"]], importer.countries[meeting["country_b"]]]
    city = meeting["city"]
    sections = []
    for code in ("ar", "fr", "en"):
        parts = [getattr(country, f"name_{code}") for country in countries]
        parts += [getattr(topic, f"name_{code}") for topic in meeting["topics"]]
        if city:
            parts.append(getattr(city, f"name_{code}"))
        if code == "en":
            parts += [meeting["title"], meeting["summary"], meeting["outcomes"]]
        sections.append(parts)
    names = [
        name for slug, *_rest in meeting["people"] for name in importer.people[slug][1:] if name
    ]
    published = meeting_status(importer.status)
    return [
        meeting["id"], meeting["date"], meeting["date_precision"], meeting["country_a"],
        meeting["country_b"], meeting["host"], city.pk if city else None, "", "",
        meeting["title"], "", "", meeting["summary"], "", "", meeting["outcomes"],
        importer.status, now if published else None, now, now, "", 1,
        search_document(*sections, names),
        sorted(topic.pk for topic in meeting["topics"]),
        sorted({topic.parent_id or topic.pk for topic in meeting["topics"]}),
        [],
        sorted({pk for pk, *_ in person_rows}),
    ]  # fmt: skip


def meeting_status(status: str) -> bool:
    return status == Meeting.Status.PUBLISHED


def copy(raw, table: str, columns: list[str], rows: list) -> None:
    if not rows:
        return
    quoted = ", ".join(f'"{column}"' for column in columns)
    with raw.cursor().copy(f"COPY {table} ({quoted}) FROM STDIN") as stream:
        for row in rows:
            stream.write_row(row)


def rows_from(path, file_format: str | None = None) -> tuple[Iterator[Row], io.TextIOBase]:
    """The rows of a CSV or JSON export file (format from the extension unless given)."""
    file_format = file_format or ("json" if str(path).endswith(".json") else "csv")
    stream = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed by the caller
    return (read_json(stream) if file_format == "json" else read_csv(stream)), stream
