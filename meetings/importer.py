"""Bulk import of meetings in the archive's own export formats (CSV and JSON).

Every row is checked: a row that cannot be imported is reported with its
number, the field and why, and the import goes on. A meeting whose id is
already in the archive is skipped, so importing a file twice adds nothing.

How (docs/decisions/0013): the file is read once, row by row. Each row is
checked in Python against the reference data held in dictionaries, its free
text is normalised for search, and it goes with COPY into a temporary staging
table. What needs the whole file or the archive (ids already present or given
twice, source addresses already taken) is then checked in SQL, and the
meetings, their topics, participants and sources are written from the staging
table by one INSERT … SELECT each, in one bulk transaction (meetings.bulk).
The search document is put together in SQL from names normalised once per
country, city, topic and person. A CSV file is read in flat memory whatever its
size (a JSON file is parsed whole by json.load).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from meetings.bulk import Steps, bulk_load
from meetings.facet_totals import refresh_facet_totals
from meetings.models import SECTION_BREAK, City, Country, Meeting, Minister, Outlet, Topic
from meetings.text import normalize

PROGRESS_EVERY = 10_000
PRECISIONS = {choice.value for choice in Meeting.DatePrecision}
LABEL = re.compile(r"^(?P<name>[^()]+?) \((?P<details>.*)\)$")  # posts may hold parentheses
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
URL = re.compile(r"^https?://\S+$")
LANGUAGES = ("ar", "fr", "en")


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
    arabic = ARABIC_LETTER.search(name) is not None
    return {
        "name_latin": "" if arabic else name,
        "name_ar": name if arabic else "",
        "country": details[0] if details else "",
        "role": details[-1] if len(details) > 1 else "lead",
    }


def person_fields(person: dict) -> dict:
    """Names, country and role of a participant, from either format."""
    if "label" not in person:
        return person
    return {"name_latin": "", "name_ar": "", "country": "", "role": "lead"} | parse_label(
        person["label"]
    )


# The staging table: one row per checked meeting of the file. Lists of people are
# kept as parallel arrays in the file's order.
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
    text_normalized text,
    topic_ids integer[] NOT NULL,
    topic_group_ids integer[] NOT NULL,
    urls text[] NOT NULL,
    outlet_id integer,
    person_slugs text[] NOT NULL,
    person_countries text[] NOT NULL,
    person_roles text[] NOT NULL,
    present boolean NOT NULL DEFAULT false,
    problem_field text,
    problem_message text
);
-- Names normalised once for the search document (NULL when empty, so joins skip them).
CREATE TEMPORARY TABLE import_country (code text PRIMARY KEY, ar text, fr text, en text);
CREATE TEMPORARY TABLE import_city (id integer PRIMARY KEY, ar text, fr text, en text);
CREATE TEMPORARY TABLE import_topic (id integer PRIMARY KEY, slug text, ar text, fr text, en text);
CREATE TEMPORARY TABLE import_person (slug text PRIMARY KEY, minister_id integer, names text);
-- The rows to write: checked, and neither rejected nor already in the archive.
CREATE TEMPORARY VIEW import_accepted AS
    SELECT * FROM import_row WHERE NOT present AND problem_field IS NULL;
"""
DROP_STAGING = (
    "DROP VIEW IF EXISTS import_accepted; "
    "DROP TABLE IF EXISTS import_row, import_country, import_city, import_topic, import_person"
)
STAGING_COLUMNS = [
    "number", "id", "date", "date_precision", "country_a", "country_b", "host_country",
    "city_id", "title", "summary", "outcomes", "text_normalized", "topic_ids",
    "topic_group_ids", "urls", "outlet_id", "person_slugs", "person_countries", "person_roles",
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

WRITE_MEETINGS = """
INSERT INTO meetings_meeting (
    id, date, date_precision, country_a_id, country_b_id, host_country_id, city_id,
    title_ar, title_fr, title_en, summary_ar, summary_fr, summary_en,
    outcomes_ar, outcomes_fr, outcomes_en, status, published_at, created_at, updated_at,
    withdrawal_note, version, search_document, topic_ids, topic_group_ids, portfolio_ids,
    person_ids
)
SELECT r.id, r.date, r.date_precision, r.country_a, r.country_b, r.host_country, r.city_id,
    '', '', r.title, '', '', r.summary, '', '', r.outcomes,
    %(status)s, %(published_at)s, %(now)s, %(now)s, '', 1,
    -- The sections of Meeting.build_search_document(), in its order: text, the two
    -- countries, the city, topics by slug; then the people, leads first.
    concat_ws(%(section_break)s,
        concat_ws(' ', a.ar, b.ar, city.ar, topics.ar),
        concat_ws(' ', a.fr, b.fr, city.fr, topics.fr),
        concat_ws(' ', r.text_normalized, a.en, b.en, city.en, topics.en),
        coalesce(people.names, '')),
    r.topic_ids, r.topic_group_ids, '{}', coalesce(people.ids, '{}')
FROM import_accepted r
JOIN import_country a ON a.code = r.country_a
JOIN import_country b ON b.code = r.country_b
LEFT JOIN import_city city ON city.id = r.city_id
CROSS JOIN LATERAL (
    SELECT string_agg(t.ar, ' ' ORDER BY t.slug) AS ar, string_agg(t.fr, ' ' ORDER BY t.slug) AS fr,
           string_agg(t.en, ' ' ORDER BY t.slug) AS en
    FROM import_topic t WHERE t.id = ANY (r.topic_ids)
) topics
CROSS JOIN LATERAL (
    SELECT array_agg(DISTINCT p.minister_id ORDER BY p.minister_id) AS ids,
           string_agg(p.names, ' ' ORDER BY u.role <> 'lead', u.position) AS names
    FROM unnest(r.person_slugs, r.person_roles) WITH ORDINALITY AS u (slug, role, position)
    JOIN import_person p ON p.slug = u.slug
) people
"""
WRITE_RELATIONS = {
    "topics": """
    INSERT INTO meetings_meeting_topics (meeting_id, topic_id)
    SELECT r.id, unnest(r.topic_ids) FROM import_accepted r
    """,
    "participants": """
    INSERT INTO meetings_participation (meeting_id, minister_id, country_id, role, "order",
                                        description)
    SELECT r.id, p.minister_id, u.country, u.role, u.position - 1, ''
    FROM import_accepted r,
         unnest(r.person_slugs, r.person_countries, r.person_roles)
             WITH ORDINALITY AS u (slug, country, role, position)
    JOIN import_person p ON p.slug = u.slug
    """,
    "sources": """
    INSERT INTO meetings_source (meeting_id, url, outlet_id, language, author, headline, text,
                                 added_at)
    SELECT r.id, unnest(r.urls), r.outlet_id, 'other', '', '', '', %(now)s
    FROM import_accepted r
    """,
    "id sequence": """
    SELECT setval(pg_get_serial_sequence('meetings_meeting', 'id'),
                  greatest((SELECT max(id) FROM meetings_meeting), 1))
    """,
}


class Importer:
    """Checks rows against the archive's reference data and stages the valid ones."""

    def __init__(self, status: str = Meeting.Status.PUBLISHED):
        self.status = status
        self.countries = {c.code: c for c in Country.objects.all()}
        self.cities = {c.slug: c for c in City.objects.all()}
        self.topics = {t.slug: t for t in Topic.objects.all()}
        # slug: (pk, name_ar, name_latin, aliases); people new to the archive get a
        # pk of None until they are created (only if a row naming them is imported).
        self.people = {
            slug: (pk, name_ar, name_latin, aliases)
            for slug, pk, name_ar, name_latin, aliases in Minister.objects.values_list(
                "slug", "pk", "name_ar", "name_latin", "aliases"
            )
        }
        self.outlets = dict(Outlet.objects.values_list("name", "pk"))
        self.report = Report()

    def check(self, row: Row) -> list:
        """The row to stage, or Rejected naming the field."""
        values = row.values
        try:
            meeting_id = int(str(values.get("id")))  # text, so that 1.5 or true is no id
            if meeting_id < 1 or meeting_id > 2**63 - 1:
                raise ValueError
        except (TypeError, ValueError):
            raise Rejected("id", "not a positive whole number") from None
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
        slugs, countries, roles = [], [], []
        for index, person in enumerate(row.participants):
            slug = without_nul(str(person.get("id") or "")).strip()
            if not slug:
                raise Rejected("participant_ids", f"participant {index + 1} has no id")
            details = person_fields(person)
            country = details.get("country") or ""
            if not isinstance(country, str) or country not in (a, b):
                raise Rejected(
                    "participants", f"{slug} represents {country!r}, not one of the two countries"
                )
            if slug in slugs:
                raise Rejected("participant_ids", f"{slug} twice")
            if slug not in self.people:
                name_ar = without_nul(str(details.get("name_ar") or ""))[:200]
                name_latin = without_nul(str(details.get("name_latin") or ""))[:200]
                self.people[slug] = (None, name_ar, name_latin or (slug if not name_ar else ""), [])
            slugs.append(slug)
            countries.append(country)
            roles.append(details.get("role") if details.get("role") == "accompanying" else "lead")
        title = without_nul(str(values.get("title") or ""))[:300]
        summary = without_nul(str(values.get("summary") or ""))
        outcomes = without_nul(str(values.get("outcomes") or ""))
        outlets = split(values.get("outlets", ""))
        return [
            row.number, meeting_id, date, precision, a, b, host,
            self.cities[city].pk if city else None, title, summary, outcomes,
            normalize(" \n".join(text for text in (title, summary, outcomes) if text)) or None,
            numbers_array(sorted(topic.pk for topic in topics.values())),
            numbers_array(sorted({topic.parent_id or topic.pk for topic in topics.values()})),
            text_array(urls), self.outlets.get(outlets[0]) if outlets else None,
            text_array(slugs), text_array(countries), text_array(roles),
        ]  # fmt: skip

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

    def stage_names(self, cursor) -> None:
        """The reference names and the names of every person of an accepted row, normalised."""
        copy_rows(
            cursor,
            "import_country",
            [(code, *names_of(country, "name")) for code, country in self.countries.items()],
        )
        copy_rows(
            cursor, "import_city", [(c.pk, *names_of(c, "name")) for c in self.cities.values()]
        )
        copy_rows(
            cursor,
            "import_topic",
            [(t.pk, t.slug, *names_of(t, "name")) for t in self.topics.values()],
        )
        cursor.execute(
            "SELECT DISTINCT slug FROM import_accepted r, unnest(r.person_slugs) AS slug"
        )
        slugs = [slug for (slug,) in cursor.fetchall()]
        self.create_people([slug for slug in slugs if self.people[slug][0] is None])
        people = []
        for slug in slugs:
            pk, name_ar, name_latin, aliases = self.people[slug]
            names = " \n".join(name for name in (name_ar, name_latin, *aliases) if name)
            people.append((slug, pk, normalize(names) or None))
        copy_rows(cursor, "import_person", people)

    def create_people(self, slugs: list[str]) -> None:
        """Create the people the archive does not know yet, from the file's names."""
        new = {}
        for slug in slugs:
            _pk, name_ar, name_latin, _aliases = self.people[slug]
            archive_slug = (
                slugify(slug, allow_unicode=True)[:150] or f"person-{len(self.people) + len(new)}"
            )
            if archive_slug in self.people and self.people[archive_slug][0]:
                # The same person, spelled the file's way.
                self.people[slug] = self.people[archive_slug]
                continue
            new.setdefault(archive_slug, Minister(slug=archive_slug, name_ar=name_ar,
                                                  name_latin=name_latin))  # fmt: skip
            self.people[slug] = (new[archive_slug], name_ar, name_latin, [])
        Minister.objects.bulk_create(new.values(), batch_size=5000)
        self.report.people_created += len(new)
        for slug in slugs:
            person, *names = self.people[slug]
            if isinstance(person, Minister):
                self.people[slug] = (person.pk, *names)


# Arrays go to COPY as PostgreSQL array literals: several times faster than letting
# psycopg adapt each Python list, which was a third of the time spent per row.
def numbers_array(numbers: list[int]) -> str:
    return "{" + ",".join(map(str, numbers)) + "}"


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


def names_of(instance, prefix: str) -> list[str | None]:
    return [normalize(getattr(instance, f"{prefix}_{code}")) or None for code in LANGUAGES]


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
            cursor.execute("SELECT count(*) FROM import_accepted")
            report.imported = cursor.fetchone()[0]
        if report.imported:
            now = timezone.now()
            parameters = {
                "status": status,
                "published_at": now if status == Meeting.Status.PUBLISHED else None,
                "now": now,
                "section_break": SECTION_BREAK,
            }
            with bulk_load(report.imported, steps), connection.cursor() as cursor:
                with steps("names and new people"):
                    importer.stage_names(cursor)
                with steps("write meetings"):
                    cursor.execute(WRITE_MEETINGS, parameters)
                for name, statement in WRITE_RELATIONS.items():
                    with steps(f"write {name}"):
                        cursor.execute(statement, parameters)
            with steps("recount facet totals"):
                refresh_facet_totals()
    finally:
        with connection.cursor() as cursor:
            cursor.execute(DROP_STAGING)
    return report


def rows_from(path, file_format: str | None = None) -> tuple[Iterator[Row], io.TextIOBase]:
    """The rows of a CSV or JSON export file (format from the extension unless given)."""
    file_format = file_format or ("json" if str(path).endswith(".json") else "csv")
    stream = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed by the caller
    return (read_json(stream) if file_format == "json" else read_csv(stream)), stream
