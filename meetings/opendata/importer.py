"""Bulk import of meetings in the archive's own export formats (CSV and JSON).

Every row is checked: a row that cannot be imported is reported with its
number, the field and why, and the import goes on. A meeting whose id is
already in the archive is skipped, so importing a file twice adds nothing.

How (docs/decisions/0013, 0014): the file is read once, row by row. Each row is
checked in Python against the reference data held in dictionaries; each
participant gets the mandate they held that day when the archive knows it (as
the admin picks it), else the file's post as a description; the row's search
document is put together from names normalised once per country, city, topic,
person and post. Rows go with COPY into a temporary staging table whose
generated column has the server compute each search vector while Python reads
the next rows. What needs the whole file or the archive (ids already present or
given twice, source addresses already taken) is then checked in SQL, and the
meetings (with their vectors), their topics, participants and sources are
written from the staging table by one INSERT … SELECT each, in one bulk
transaction (meetings.bulk). A CSV file is read in flat memory whatever its size
(a JSON file is parsed whole by json.load).
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import Error, connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from meetings.bulk import Steps, bulk_load
from meetings.models import (
    LARGEST_MEETING_ID,
    City,
    Country,
    Mandate,
    Meeting,
    Minister,
    Outlet,
    Post,
    Topic,
)

PROGRESS_EVERY = 10_000
PRECISIONS = {choice.value for choice in Meeting.DatePrecision}
LABEL = re.compile(r"^(?P<name>[^()]+?) \((?P<details>.*)\)$")  # posts may hold parentheses
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
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
    steps: Steps = field(default_factory=Steps)  # seconds per step, for -v 2
    ids: list[int] = field(default_factory=list)  # of the meetings imported


@dataclass
class Row:
    """A meeting as read from a file, before any check.

    ``participants`` are {"id", "label"} from the CSV (the label is parsed when
    needed), or the JSON export's participant objects.
    """

    number: int
    values: dict
    participants: list[dict]


def read_csv(stream) -> Iterator[Row]:
    reader = csv.DictReader(stream)
    for number, values in enumerate(reader, start=2):  # row 1 is the header
        labels = split(values.get("participants", ""))
        participants = [
            {"id": slug, "label": labels[index] if index < len(labels) else ""}
            for index, slug in enumerate(split(values.get("participant_ids", "")))
        ]
        values["topics"] = split(values.get("topics", ""))
        values["source_urls"] = split(values.get("source_urls", ""))
        yield Row(number, values, participants)


def read_json(stream) -> Iterator[Row]:
    """The JSON export: an array of meetings (or, from older archives, {"meetings": [...]})."""
    document = json.load(stream)
    meetings = document.get("meetings") if isinstance(document, dict) else document
    if not isinstance(meetings, list):
        raise ValueError(
            'This JSON is not a list of meetings (nor has a "meetings" list): '
            "it is not an export of the archive."
        )
    for number, values in enumerate(meetings, start=1):
        if not isinstance(values, dict):
            values = {}
        participants = [
            # Exports name the person "person_id" (as participants.csv); older ones "id".
            {"id": p.get("person_id"), **p} if isinstance(p, dict) and "id" not in p else p
            for p in values.get("participants") or []
        ]
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
    # (country, post, role), the post left out when there is none; a post may hold commas.
    details = [part.strip() for part in match["details"].split(",")]
    name = match["name"]
    arabic = ARABIC_LETTER.search(name) is not None
    return {
        "name_latin": "" if arabic else name,
        "name_ar": name if arabic else "",
        "country": details[0] if details else "",
        "post": ", ".join(details[1:-1]),
        "role": details[-1] if len(details) > 1 else "lead",
    }


def person_fields(person: dict) -> dict:
    """Names, country and role of a participant, from either format."""
    if "label" not in person:
        return person
    return {
        "name_latin": "",
        "name_ar": "",
        "country": "",
        "post": "",
        "role": "lead",
    } | parse_label(person["label"])


# The staging table: one row per checked meeting of the file. Lists of people are
# kept as parallel arrays in the file's order. The search vector is computed by the
# server as the rows arrive, while this process reads and checks the next ones
# (the two cores work at once; docs/decisions/0014).
STAGING = """
CREATE TEMPORARY TABLE import_row (
    number integer NOT NULL,
    id bigint NOT NULL,
    date date NOT NULL,
    date_precision text NOT NULL,
    country_a text NOT NULL,
    country_b text NOT NULL,
    host_country text,
    city_id integer,
    title text NOT NULL,
    summary text NOT NULL,
    outcomes text NOT NULL,
    -- The vector the meeting's trigger would compute (the text is imported as English),
    -- computed while the file is read (docs/decisions/0014).
    search_vector tsvector GENERATED ALWAYS AS
        (meetings_meeting_vector('', '', title, '', '', summary, '', '', outcomes)) STORED,
    topic_ids integer[] NOT NULL,
    urls text[] NOT NULL,
    outlet_id integer,
    person_slugs text[] NOT NULL,
    person_countries text[] NOT NULL,
    person_roles text[] NOT NULL,
    person_mandates integer[] NOT NULL,
    person_descriptions text[] NOT NULL,
    present boolean NOT NULL DEFAULT false,
    problem_field text,
    problem_message text
);
-- The archive's id of each person the accepted rows name (people new to the
-- archive are created once the rows are checked).
CREATE TEMPORARY TABLE import_person (slug text PRIMARY KEY, minister_id integer NOT NULL);
-- The rows to write: checked, and neither rejected nor already in the archive.
CREATE TEMPORARY VIEW import_accepted AS
    SELECT * FROM import_row WHERE NOT present AND problem_field IS NULL;
"""
DROP_STAGING = "DROP VIEW IF EXISTS import_accepted; DROP TABLE IF EXISTS import_row, import_person"
STAGING_COLUMNS = [
    "number", "id", "date", "date_precision", "country_a", "country_b", "host_country",
    "city_id", "title", "summary", "outcomes", "topic_ids", "urls",
    "outlet_id", "person_slugs", "person_countries", "person_roles", "person_mandates",
    "person_descriptions",
]  # fmt: skip

# Checks that need the archive or the whole file, in the order a reader expects them.
VALIDATION = [
    # Already in the archive: skipped, not rejected (importing twice adds nothing).
    "UPDATE import_row r SET present = true FROM meetings_meeting m WHERE m.id = r.id",
    # The first row with an id wins.
    """
    UPDATE import_row r SET problem_field = 'id', problem_message = 'the same id twice in the file'
    FROM (
        SELECT number, row_number() OVER (PARTITION BY id ORDER BY number) AS nth
        FROM import_row WHERE NOT present
    ) later
    WHERE later.number = r.number AND later.nth > 1
    """,
    # A source address belongs to one meeting: one already in the archive...
    """
    UPDATE import_row r SET problem_field = 'source_urls',
        problem_message = 'already the source of another meeting: ' || taken.url
    FROM (
        SELECT DISTINCT ON (i.number) i.number, u.url
        FROM import_row i, unnest(i.urls) WITH ORDINALITY AS u (url, position)
        WHERE NOT i.present AND i.problem_field IS NULL
          AND EXISTS (SELECT 1 FROM meetings_source s WHERE s.url = u.url)
        ORDER BY i.number, u.position
    ) taken
    WHERE taken.number = r.number
    """,
    # ... or one of an earlier row of the file.
    """
    UPDATE import_row r SET problem_field = 'source_urls',
        problem_message = 'also the source of row ' || taken.first || ': ' || taken.url
    FROM (
        SELECT DISTINCT ON (number) number, url, first FROM (
            SELECT i.number, u.url, u.position,
                   first_value(i.number) OVER (PARTITION BY u.url ORDER BY i.number) AS first
            FROM import_row i, unnest(i.urls) WITH ORDINALITY AS u (url, position)
            WHERE NOT i.present AND i.problem_field IS NULL
        ) uses
        WHERE number <> first
        ORDER BY number, position
    ) taken
    WHERE taken.number = r.number
    """,
]

# The vectors come from the staging table, computed with the trigger's own function
# (migration 0014); the transaction says so, and the trigger leaves them as they are.
# The id arrays are the database's to derive (meetings_refresh_arrays, migration 0018),
# once the topics and participants are written.
# Topics and participants go in meeting order, so that the unique (meeting, topic) and
# (meeting, person) indexes, which back constraints and stay during the load, grow at
# their right end instead of taking millions of inserts at random places (at a million
# meetings: participants 32 -> 24 s, topics 15 -> 9 s). For the meetings themselves the
# sort of the wide rows costs what it saves.
WRITE_MEETINGS = """
INSERT INTO meetings_meeting (
    id, date, date_precision, country_a_id, country_b_id, host_country_id, city_id,
    title_ar, title_fr, title_en, summary_ar, summary_fr, summary_en,
    outcomes_ar, outcomes_fr, outcomes_en, status, published_at, created_at, updated_at,
    withdrawal_note, version, search_vector, topic_ids, topic_group_ids,
    portfolio_ids, person_ids, post_ids
)
SELECT r.id, r.date, r.date_precision, r.country_a, r.country_b, r.host_country, r.city_id,
    '', '', r.title, '', '', r.summary, '', '', r.outcomes,
    %(status)s, %(published_at)s, %(now)s, %(now)s, '', 1, r.search_vector,
    '{}', '{}', '{}', '{}', '{}'
FROM import_accepted r
"""
WRITE_RELATIONS = {
    "topics": """
    INSERT INTO meetings_meeting_topics (meeting_id, topic_id)
    SELECT r.id, unnest(r.topic_ids) FROM import_accepted r ORDER BY r.id
    """,
    "participants": """
    INSERT INTO meetings_participation (meeting_id, minister_id, country_id, mandate_id, role,
                                        "order", description)
    SELECT r.id, p.minister_id, u.country, u.mandate, u.role, u.position - 1, u.description
    FROM import_accepted r,
         unnest(r.person_slugs, r.person_countries, r.person_roles, r.person_mandates,
                r.person_descriptions)
             WITH ORDINALITY AS u (slug, country, role, mandate, description, position)
    JOIN import_person p ON p.slug = u.slug
    ORDER BY r.id, u.position
    """,
    "sources": """
    INSERT INTO meetings_source (meeting_id, url, outlet_id, language, author, headline, text,
                                 added_at)
    SELECT r.id, unnest(r.urls), r.outlet_id, 'other', '', '', '', %(now)s
    FROM import_accepted r
    """,
    "id arrays": "SELECT meetings_refresh_arrays(ARRAY(SELECT id FROM import_accepted))",
    "id sequence": """
    SELECT setval(pg_get_serial_sequence('meetings_meeting', 'id'),
                  greatest((SELECT max(id) FROM meetings_meeting), 1))
    """,
}


@dataclass
class Person:
    """A participant as the importer knows them: someone in the archive (``pk``) or
    someone the file names for the first time (``pk`` None until created)."""

    slug: str  # the archive's slug
    pk: int | None
    name_ar: str
    name_latin: str
    mandates: list = field(default_factory=list)  # (start, end, mandate pk, post pk)


class Participant(NamedTuple):
    person: Person
    country: str
    role: str
    mandate: int | None
    description: str  # the post as the file gives it, when no mandate is known


class Importer:
    """Checks rows against the archive's reference data and stages the valid ones."""

    def __init__(self, status: str = Meeting.Status.PUBLISHED):
        self.status = status
        self.countries = set(Country.objects.values_list("code", flat=True))
        self.cities = dict(City.objects.values_list("slug", "pk"))
        self.topics = dict(Topic.objects.values_list("slug", "pk"))
        self.post_countries = dict(Post.objects.values_list("pk", "country_id"))
        # By the file's slug: people of the archive, then those the file adds.
        self.people = {
            slug: Person(slug, pk, name_ar, name_latin)
            for slug, pk, name_ar, name_latin in Minister.objects.values_list(
                "slug", "pk", "name_ar", "name_latin"
            )
        }
        by_pk = {person.pk: person for person in self.people.values()}
        for minister, *mandate in Mandate.objects.values_list(
            "minister_id", "start", "end", "pk", "post_id"
        ):
            by_pk[minister].mandates.append(mandate)
        self.outlets = dict(Outlet.objects.values_list("name", "pk"))
        self.report = Report()

    def check(self, row: Row) -> list:
        """The row to stage, or Rejected naming the field."""
        values = row.values
        try:
            meeting_id = int(str(values.get("id")))  # text, so that 1.5 or true is no id
        except (TypeError, ValueError):
            raise Rejected("id", "not a positive whole number") from None
        if not 1 <= meeting_id <= LARGEST_MEETING_ID:
            raise Rejected("id", f"not between 1 and {LARGEST_MEETING_ID:,}")
        try:
            date = datetime.date.fromisoformat(str(values.get("date", "")))
        except ValueError:
            raise Rejected("date", f"{values.get('date')!r} is not an ISO date") from None
        precision = scalar(values.get("date_precision")) or "day"
        if precision not in PRECISIONS:
            raise Rejected("date_precision", f"{precision!r} is not day, month or year")
        a, b = scalar(values.get("country_a")), scalar(values.get("country_b"))
        for name, code in (("country_a", a), ("country_b", b)):
            if code not in self.countries:
                raise Rejected(name, f"unknown country code {code!r}")
        if a == b:
            raise Rejected("country_b", "the two countries are the same")
        a, b = sorted((a, b))
        host = scalar(values.get("host_country")) or None
        if host and host not in self.countries:
            raise Rejected("host_country", f"unknown country code {host!r}")
        city = scalar(values.get("city")) or None
        if city and city not in self.cities:
            raise Rejected("city", f"unknown city {city!r}")
        topics = {}
        for slug in values.get("topics") or []:
            if not isinstance(slug, str) or slug not in self.topics:
                raise Rejected("topics", f"unknown topic {slug!r}")
            topics[slug] = self.topics[slug]
        urls = list(dict.fromkeys(url for url in values.get("source_urls") or [] if url))
        for url in urls:
            if not isinstance(url, str) or len(url) > 2000 or not URL.match(url):
                raise Rejected("source_urls", f"not a web address: {str(url)[:80]!r}")
        people = self.participants(row, date, (a, b))
        title = without_nul(str(values.get("title") or ""))[:300]
        summary = without_nul(str(values.get("summary") or ""))
        outcomes = without_nul(str(values.get("outcomes") or ""))
        outlets = split(values.get("outlets", ""))
        return [
            row.number, meeting_id, date, precision, a, b, host,
            self.cities[city] if city else None, title, summary, outcomes,
            numbers_array(sorted(topics.values())), text_array(urls),
            self.outlets.get(outlets[0]) if outlets else None,
            text_array([p.person.slug for p in people]), text_array([p.country for p in people]),
            text_array([p.role for p in people]), numbers_array([p.mandate for p in people]),
            text_array([p.description for p in people]),
        ]  # fmt: skip

    def participants(self, row: Row, date, countries: tuple[str, str]) -> list[Participant]:
        """The row's participants, in the file's order.

        The mandate is the one the person held that day in their country, when the
        archive knows exactly one (as the admin picks it); otherwise the post the file
        gives is kept as the participant's description."""
        people, seen = [], set()
        for index, entry in enumerate(row.participants):
            slug = without_nul(str(entry.get("id") or "")).strip()
            if not slug:
                raise Rejected("participant_ids", f"participant {index + 1} has no id")
            details = person_fields(entry)
            country = details.get("country") or ""
            if not isinstance(country, str) or country not in countries:
                raise Rejected(
                    "participants", f"{slug} represents {country!r}, not one of the two countries"
                )
            person = self.person(slug, details)
            if person.slug in seen:
                raise Rejected("participant_ids", f"{slug} twice")
            seen.add(person.slug)
            role = "accompanying" if details.get("role") == "accompanying" else "lead"
            running = [
                mandate
                for start, end, mandate, post in person.mandates
                if start <= date and (end is None or date <= end)
                and self.post_countries[post] == country
            ]  # fmt: skip
            if len(running) == 1:
                people.append(Participant(person, country, role, running[0], ""))
            else:
                description = without_nul(str(details.get("post") or "")).strip()[:300]
                people.append(Participant(person, country, role, None, description))
        return people

    def person(self, slug: str, details: dict) -> Person:
        """The person a file's slug names: known to the archive, or new (with the file's names)."""
        if slug not in self.people:
            archive_slug = slugify(slug, allow_unicode=True)[:150] or (
                "person-" + hashlib.sha256(slug.encode()).hexdigest()[:12]
            )
            if archive_slug in self.people:
                # The same person, spelled the file's way (or new, named twice).
                self.people[slug] = self.people[archive_slug]
            else:
                name_ar = without_nul(str(details.get("name_ar") or ""))[:200]
                name_latin = without_nul(str(details.get("name_latin") or ""))[:200]
                name_latin = name_latin or (archive_slug if not name_ar else "")
                person = Person(archive_slug, None, name_ar, name_latin)
                self.people[slug] = self.people[archive_slug] = person
        return self.people[slug]

    def stage(self, rows: Iterator[Row], cursor, progress: Callable[[int], None]) -> None:
        """Check every row; COPY the valid ones into the staging table."""
        columns = ", ".join(STAGING_COLUMNS)
        with cursor.copy(f"COPY import_row ({columns}) FROM STDIN") as stream:
            for row in rows:
                self.report.read += 1
                try:
                    stream.write_row(self.check(row))
                except Rejected as rejection:
                    self.report.rejected.append((row.number, rejection.field, rejection.message))
                if self.report.read % PROGRESS_EVERY == 0:
                    progress(PROGRESS_EVERY)
        progress(self.report.read % PROGRESS_EVERY)

    def stage_people(self, cursor) -> None:
        """Create the people new to the archive whom an accepted row names; stage the
        archive's id of every person the accepted rows name."""
        cursor.execute(
            "SELECT DISTINCT slug FROM import_accepted r, unnest(r.person_slugs) AS slug"
        )
        people = [self.people[slug] for (slug,) in cursor.fetchall()]
        new = [person for person in people if person.pk is None]
        created = Minister.objects.bulk_create(
            [Minister(slug=p.slug, name_ar=p.name_ar, name_latin=p.name_latin) for p in new],
            batch_size=5000,
        )
        for person, minister in zip(new, created, strict=True):
            person.pk = minister.pk
        self.report.people_created += len(new)
        copy_rows(cursor, "import_person", [(person.slug, person.pk) for person in people])


# Arrays go to COPY as PostgreSQL array literals: several times faster than letting
# psycopg adapt each Python list, which was a third of the time spent per row.
def numbers_array(numbers: list[int | None]) -> str:
    return "{" + ",".join("NULL" if n is None else str(n) for n in numbers) + "}"


def text_array(texts: list[str]) -> str:
    """Each element double-quoted, with backslashes and quotes escaped (PostgreSQL's rules)."""
    return (
        "{"
        + ",".join(
            '"' + without_nul(text).replace("\\", "\\\\").replace('"', '\\"') + '"'
            for text in texts
        )
        + "}"
    )


def without_nul(text: str) -> str:
    """PostgreSQL cannot store the NUL character; a file may hold one."""
    return text.replace("\x00", "")


def scalar(value):
    """A field's value as the checks expect it: text, a number or nothing (JSON may hold lists)."""
    return value if value is None or isinstance(value, (str, int, float)) else str(value)


def copy_rows(cursor, table: str, rows: list) -> None:
    with cursor.copy(f"COPY {table} FROM STDIN") as stream:
        for row in rows:
            stream.write_row(row)


def import_meetings(
    rows: Iterator[Row],
    status: str = "published",
    progress: Callable[[int], None] = lambda n: None,
) -> Report:
    """Import ``rows``; return what was imported, already present and rejected."""
    importer = Importer(status)
    report = importer.report
    steps = report.steps
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(STAGING)
            with steps("read and check rows, COPY to staging"):
                importer.stage(rows, cursor, progress)
            with steps("check ids and sources against the file and the archive"):
                cursor.execute("ANALYZE import_row")
                for statement in VALIDATION:
                    cursor.execute(statement)
            cursor.execute(
                "SELECT number, problem_field, problem_message FROM import_row"
                " WHERE problem_field IS NOT NULL"
            )
            report.rejected += cursor.fetchall()
            report.rejected.sort()
            cursor.execute("SELECT count(*) FROM import_row WHERE present")
            report.present = cursor.fetchone()[0]
            cursor.execute("SELECT id FROM import_accepted")
            report.ids = [pk for (pk,) in cursor.fetchall()]
            report.imported = len(report.ids)
        if report.imported:
            now = timezone.now()
            parameters = {
                "status": status,
                "published_at": now if status == Meeting.Status.PUBLISHED else None,
                "now": now,
            }
            with bulk_load(report.imported, steps), connection.cursor() as cursor:
                with steps("new people"):
                    importer.stage_people(cursor)
                # The meetings' vectors come from the staging table (the people's from
                # their trigger, above).
                cursor.execute("SET LOCAL meetings.search_vectors_supplied = 'on'")
                with steps("write meetings"):
                    cursor.execute(WRITE_MEETINGS, parameters)
                for name, statement in WRITE_RELATIONS.items():
                    with steps(f"write {name}"):
                        cursor.execute(statement, parameters)
                # SET LOCAL lasts until the outermost transaction ends: what comes after an
                # import inside a larger transaction gets its vectors from the trigger again.
                cursor.execute("SET LOCAL meetings.search_vectors_supplied = 'off'")
    except BaseException:
        # The staging tables go with the session if the database itself failed: do
        # not hide the first error behind the one this clean-up would raise.
        with contextlib.suppress(Error), connection.cursor() as cursor:
            cursor.execute(DROP_STAGING)
        raise
    with connection.cursor() as cursor:
        cursor.execute(DROP_STAGING)
    return report


def rows_from(path, file_format: str | None = None) -> tuple[Iterator[Row], io.TextIOBase]:
    """The rows of a CSV or JSON export file (format from the extension unless given)."""
    file_format = file_format or ("json" if str(path).endswith(".json") else "csv")
    stream = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed by the caller
    return (read_json(stream) if file_format == "json" else read_csv(stream)), stream
