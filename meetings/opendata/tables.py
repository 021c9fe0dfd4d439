"""The tidy tables and the meetings as JSON, written by PostgreSQL itself.

Each table is one SQL query whose rows PostgreSQL formats (``COPY (query) TO STDOUT``,
as CSV, or as one JSON object a line) and this process only passes on, in blocks of
about 256 kB: a million meetings go out at the database's own speed, in flat memory
(docs/decisions/0027). The meetings are the filtered list's (``ids``: the SQL of
the FilterSet's query), so every table holds the meetings the page shows.

    meetings        one row per meeting; its topics and their groups side by side
    participants    one row per person per meeting
    meeting_topics  one row per topic per meeting, with the topic's group
    sources         one row per article per meeting
    topics          the topic hierarchy (not filtered)

One definition per column (``Field``) gives the SQL, the Frictionless type of the
release's datapackage.json and the codebook's text, so the documentation cannot
drift from the files.
"""

from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field

import psycopg
from django.db import connection
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from meetings.site import absolute_url

CHUNK_BYTES = 256 * 1024
LANGUAGES = ("en", "fr", "ar")


def localized(alias: str, name: str, language: str) -> str:
    """``alias.name_<language>``, else the other languages (as meetings.display.localized)."""
    order = [language, *(code for code in LANGUAGES if code != language)]
    return "COALESCE(" + ", ".join(f"NULLIF({alias}.{name}_{code}, '')" for code in order) + ")"


def person_name(alias: str, language: str) -> str:
    """A person's name in the script of the language, else the other (meetings.display)."""
    scripts = ["name_ar", "name_latin"] if language == "ar" else ["name_latin", "name_ar"]
    return "COALESCE(" + ", ".join(f"NULLIF({alias}.{s}, '')" for s in scripts) + ")"


def post(language: str) -> str:
    """The post a participant held that day, or the description the editor gave."""
    return f"COALESCE({localized('po', 'title', language)}, NULLIF(p.description, ''))"


def utc(expression: str) -> str:
    """A time as ISO 8601 in UTC to the second: 2024-04-16T10:02:00Z."""
    return f"""to_char({expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')"""


def spreadsheet_safe(expression: str) -> str:
    """Text a spreadsheet would run as a formula (=, +, -, @ first) gets a leading quote."""
    return (
        f"CASE WHEN left({expression}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') "
        f"THEN '''' || {expression} ELSE {expression} END"
    )


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # the Frictionless Table Schema type: string, integer, date, datetime, array
    description: str
    example: str
    # The SQL expression, or a function of the language giving it.
    sql: str | Callable[[str], str] = ""
    text: bool = False  # free text: defused for spreadsheets in CSV
    constraints: dict = field(default_factory=dict)

    def expression(self, language: str) -> str:
        return self.sql(language) if callable(self.sql) else self.sql


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    fields: list[Field]
    source: Callable[[str], str]  # FROM … WHERE … ORDER BY, given the language; {ids}
    primary_key: list[str] = field(default_factory=list)
    foreign_keys: list[dict] = field(default_factory=list)
    filtered: bool = True

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    def query(self, language: str) -> str:
        """The query, with ``{ids}`` where the chosen meetings' ids go (with_ids)."""
        columns = ",\n  ".join(
            f"{spreadsheet_safe(f.expression(language)) if f.text else f.expression(language)}"
            f' AS "{f.name}"'
            for f in self.fields
        )
        return f"SELECT\n  {columns}\n{self.source(language)}"


# -- meetings -------------------------------------------------------------------------------

MEETING_ROWS = """
FROM meetings_meeting m
JOIN meetings_country ca ON ca.code = m.country_a_id
JOIN meetings_country cb ON cb.code = m.country_b_id
LEFT JOIN meetings_city ci ON ci.id = m.city_id
"""

# A meeting's topics, and their groups: the same arrays the topic filter matches, so a
# count of a group in ``topic_groups`` is the page's count for that topic.
TOPIC_LISTS = """
LEFT JOIN LATERAL (
  SELECT string_agg(t.slug, '; ' ORDER BY t.slug) FILTER (WHERE t.id = ANY (m.topic_ids)) AS slugs,
         string_agg(t.slug, '; ' ORDER BY t.slug)
           FILTER (WHERE t.id = ANY (m.topic_group_ids)) AS groups
  FROM meetings_topic t
  WHERE t.id = ANY (m.topic_ids) OR t.id = ANY (m.topic_group_ids)
) topics ON true
"""

PARTICIPANT_ROWS = """
FROM meetings_participation p
JOIN meetings_minister mi ON mi.id = p.minister_id
LEFT JOIN meetings_mandate ma ON ma.id = p.mandate_id
LEFT JOIN meetings_post po ON po.id = ma.post_id
LEFT JOIN meetings_portfolio pf ON pf.id = po.portfolio_id
"""
# Lead first, then the others in the editor's order (meetings.display.PARTICIPANT_ORDER).
PARTICIPANT_ORDER = "p.role <> 'lead', p.\"order\", p.id"
SOURCE_ROWS = """
FROM meetings_source s
LEFT JOIN meetings_outlet o ON o.id = s.outlet_id
"""
SOURCE_ORDER = "s.published_on, s.id"


def meeting_lists(language: str) -> str:
    """Participants and sources of each meeting, as lists in single CSV cells: aggregated
    for all the chosen meetings at once (hash joins, one pass over each table), which is
    several times faster than a lookup per meeting."""
    label = (
        f"{person_name('mi', language)} || ' (' || "
        f"concat_ws(', ', p.country_id, {post(language)}, p.role) || ')'"
    )
    return f"""
LEFT JOIN (
  SELECT p.meeting_id,
         string_agg(mi.slug, '; ' ORDER BY {PARTICIPANT_ORDER}) AS ids,
         string_agg({label}, '; ' ORDER BY {PARTICIPANT_ORDER}) AS labels
  {PARTICIPANT_ROWS}
  WHERE p.meeting_id IN ({{ids}})
  GROUP BY p.meeting_id
) people ON people.meeting_id = m.id
LEFT JOIN (
  SELECT s.meeting_id,
         string_agg(NULLIF(s.url, ''), '; ' ORDER BY {SOURCE_ORDER}) AS urls,
         string_agg(DISTINCT o.name, '; ') AS outlets
  {SOURCE_ROWS}
  WHERE s.meeting_id IN ({{ids}})
  GROUP BY s.meeting_id
) sources ON sources.meeting_id = m.id
"""


def meeting_url() -> str:
    """SQL of a meeting's page address: the site, the language, the id."""
    sample = absolute_url(reverse("meetings:detail", kwargs={"pk": 987654321}))
    before, after = sample.split("987654321")
    return f"{quote(before)} || m.id || {quote(after)}"


def quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


MEETING_FIELDS = [
    Field(
        "id",
        "integer",
        _("The meeting's stable identifier in the archive."),
        "1",
        "m.id",
        constraints={"required": True, "unique": True},
    ),
    Field(
        "url",
        "string",
        _("The meeting's page."),
        "https://…/en/meetings/1/",
        lambda language: meeting_url(),
    ),
    Field(
        "date",
        "date",
        _("ISO 8601 date; the first day of the month or year when less precise."),
        "2024-04-15",
        "m.date",
    ),
    Field(
        "date_precision",
        "string",
        _("How precise the date is: day, month or year."),
        "day",
        "m.date_precision",
        constraints={"enum": ["day", "month", "year"]},
    ),
    Field(
        "country_a",
        "string",
        _("ISO 3166-1 alpha-2 code of one side (the one first in code order)."),
        "BE",
        "m.country_a_id",
    ),
    Field(
        "country_a_name",
        "string",
        _("Its name, in the language of the export's URL."),
        "Belgium",
        lambda language: f"ca.name_{language}",
    ),
    Field(
        "country_b",
        "string",
        _("ISO 3166-1 alpha-2 code of the other side."),
        "MA",
        "m.country_b_id",
    ),
    Field(
        "country_b_name",
        "string",
        _("Its name, in the language of the export's URL."),
        "Morocco",
        lambda language: f"cb.name_{language}",
    ),
    Field(
        "host_country",
        "string",
        _("ISO code of the country where the meeting took place, if known."),
        "MA",
        "m.host_country_id",
    ),
    Field(
        "city",
        "string",
        _("Identifier of the city where it took place, if known."),
        "rabat",
        "ci.slug",
    ),
    Field(
        "city_name",
        "string",
        _("The city's name."),
        "Rabat",
        lambda language: localized("ci", "name", language),
        text=True,
    ),
    Field(
        "title",
        "string",
        _("The record's title, in the URL's language (another if missing)."),
        "…",
        lambda language: (
            f"COALESCE({localized('m', 'title', language)}, "
            f"ca.name_{language} || ' – ' || cb.name_{language})"
        ),
        text=True,
    ),
    Field(
        "summary",
        "string",
        _("The editors' summary, in the URL's language (another if missing)."),
        "…",
        lambda language: localized("m", "summary", language),
        text=True,
    ),
    Field(
        "outcomes",
        "string",
        _("What was agreed, one item a line, in the URL's language (another if missing)."),
        "…",
        lambda language: localized("m", "outcomes", language),
        text=True,
    ),
]
MEETING_TIMES = [
    Field(
        "first_published",
        "datetime",
        _("When the record was first published in the archive (UTC)."),
        "2024-04-16T10:02:00Z",
        utc("m.published_at"),
    ),
    Field(
        "updated",
        "datetime",
        _("When the record last changed (UTC)."),
        "2024-05-01T08:00:00Z",
        utc("m.updated_at"),
    ),
]

MEETINGS = Table(
    name="meetings",
    title=_("Meetings"),
    description=_("One row per meeting."),
    fields=[
        *MEETING_FIELDS,
        Field(
            "topics",
            "string",
            _("The meeting's topics (identifiers), separated by “; ”."),
            "border-control; counter-terrorism",
            "topics.slugs",
        ),
        Field(
            "topic_groups",
            "string",
            _(
                "The top-level topics of those topics (a top-level topic is its own group), "
                "separated by “; ”: a meeting counts under a topic of the list's filter "
                "when that topic is here."
            ),
            "migration; security",
            "topics.groups",
        ),
        Field(
            "participant_ids",
            "string",
            _("Identifiers of the people who took part, separated by “; ” (lead first)."),
            "abdelouafi-laftit; annelies-verlinden",
            "people.ids",
        ),
        Field(
            "participants",
            "string",
            _(
                "Each participant as “name (country, post, role)”, separated by “; ”; "
                "participants.csv has them one a row."
            ),
            "Abdelouafi Laftit (MA, Minister of the Interior, lead)",
            "people.labels",
            text=True,
        ),
        Field(
            "source_urls",
            "string",
            _("URLs of the articles the record is taken from, separated by “; ”."),
            "https://…",
            "sources.urls",
            text=True,
        ),
        Field(
            "outlets",
            "string",
            _("Outlets of those articles, separated by “; ”."),
            "Express TV",
            "sources.outlets",
            text=True,
        ),
        *MEETING_TIMES,
    ],
    source=lambda language: (
        MEETING_ROWS
        + TOPIC_LISTS
        + meeting_lists(language)
        + "WHERE m.id IN ({ids})\nORDER BY m.id"
    ),
    primary_key=["id"],
)


def meeting_id_field(alias: str) -> Field:
    """The column naming a row's meeting, in every table of rows of meetings."""
    return Field(
        "meeting_id",
        "integer",
        _("The meeting (id in meetings.csv)."),
        "1",
        f"{alias}.meeting_id",
        constraints={"required": True},
    )


# The tables of rows of meetings point at meetings.csv (Frictionless foreign key).
TO_MEETINGS = {"fields": ["meeting_id"], "reference": {"resource": "meetings", "fields": ["id"]}}


def participant_fields(meeting_id: bool) -> list[Field]:
    return [
        *([meeting_id_field("p")] if meeting_id else []),
        Field(
            "person_id",
            "string",
            _("The person's stable identifier in the archive."),
            "annelies-verlinden",
            "mi.slug",
            constraints={"required": True},
        ),
        Field(
            "name_latin",
            "string",
            _("The person's name in Latin script, if known."),
            "Annelies Verlinden",
            "NULLIF(mi.name_latin, '')",
            text=True,
        ),
        Field(
            "name_ar",
            "string",
            _("The person's name in Arabic script, if known."),
            "أنيليس فيرليندن",
            "NULLIF(mi.name_ar, '')",
            text=True,
        ),
        Field(
            "country",
            "string",
            _("ISO code of the country the person represented."),
            "BE",
            "p.country_id",
        ),
        Field(
            "post",
            "string",
            _("The post held that day, in the URL's language; else the article's description."),
            "Minister of the Interior",
            post,
            text=True,
        ),
        Field(
            "portfolio",
            "string",
            _("Identifier of the post's area of government (portfolio), if known."),
            "interior",
            "pf.slug",
        ),
        Field(
            "role",
            "string",
            _("lead, or accompanying someone who leads."),
            "lead",
            "p.role",
            constraints={"enum": ["lead", "accompanying"]},
        ),
    ]


PARTICIPANTS = Table(
    name="participants",
    title=_("Participants"),
    description=_("One row per person per meeting, lead first."),
    fields=participant_fields(meeting_id=True),
    source=lambda language: (
        PARTICIPANT_ROWS
        + "WHERE p.meeting_id IN ({ids})\nORDER BY p.meeting_id, "
        + PARTICIPANT_ORDER
    ),
    primary_key=["meeting_id", "person_id"],
    foreign_keys=[TO_MEETINGS],
)

MEETING_TOPICS = Table(
    name="meeting_topics",
    title=_("Topics of meetings"),
    description=_("One row per topic per meeting, with the topic's group (its top-level topic)."),
    fields=[
        meeting_id_field("mt"),
        Field(
            "topic",
            "string",
            _("The topic's identifier (topics.csv)."),
            "border-control",
            "t.slug",
            constraints={"required": True},
        ),
        Field(
            "topic_group",
            "string",
            _("Its top-level topic; a top-level topic is its own group."),
            "migration",
            "COALESCE(g.slug, t.slug)",
            constraints={"required": True},
        ),
    ],
    source=lambda language: (
        """
FROM meetings_meeting_topics mt
JOIN meetings_topic t ON t.id = mt.topic_id
LEFT JOIN meetings_topic g ON g.id = t.parent_id
WHERE mt.meeting_id IN ({ids})
ORDER BY mt.meeting_id, t.slug"""
    ),
    primary_key=["meeting_id", "topic"],
    foreign_keys=[
        TO_MEETINGS,
        {"fields": ["topic"], "reference": {"resource": "topics", "fields": ["topic"]}},
    ],
)


def source_fields(meeting_id: bool) -> list[Field]:
    return [
        *([meeting_id_field("s")] if meeting_id else []),
        Field(
            "url",
            "string",
            _("The article's address, if it has one."),
            "https://…",
            "NULLIF(s.url, '')",
            text=True,
        ),
        Field(
            "outlet",
            "string",
            _("The news outlet that published it."),
            "Express TV",
            "o.name",
            text=True,
        ),
        Field(
            "published_on",
            "date",
            _("The day it was published, if known."),
            "2024-04-15",
            "s.published_on",
        ),
        Field("language", "string", _("Its language: ar, fr, en or other."), "ar", "s.language"),
        Field("headline", "string", _("Its headline."), "…", "NULLIF(s.headline, '')", text=True),
        Field(
            "author", "string", _("Its author, if named."), "…", "NULLIF(s.author, '')", text=True
        ),
    ]


SOURCES = Table(
    name="sources",
    title=_("Sources"),
    description=_("One row per article a meeting is taken from."),
    fields=source_fields(meeting_id=True),
    source=lambda language: (
        SOURCE_ROWS + "WHERE s.meeting_id IN ({ids})\nORDER BY s.meeting_id, " + SOURCE_ORDER
    ),
    foreign_keys=[TO_MEETINGS],
)

TOPICS = Table(
    name="topics",
    title=_("Topics"),
    description=_("The topic hierarchy: each topic with its group (its top-level topic)."),
    fields=[
        Field(
            "topic",
            "string",
            _("The topic's identifier."),
            "border-control",
            "t.slug",
            constraints={"required": True, "unique": True},
        ),
        Field(
            "topic_group",
            "string",
            _("Its top-level topic; a top-level topic is its own group."),
            "migration",
            "COALESCE(g.slug, t.slug)",
            constraints={"required": True},
        ),
        *(
            Field(f"name_{code}", "string", name, example, f"t.name_{code}")
            for code, name, example in (
                ("en", _("Its name in English."), "Border control"),
                ("fr", _("Its name in French."), "Contrôle des frontières"),
                ("ar", _("Its name in Arabic."), "مراقبة الحدود"),
            )
        ),
    ],
    source=lambda language: (
        """
FROM meetings_topic t
LEFT JOIN meetings_topic g ON g.id = t.parent_id
ORDER BY COALESCE(g.slug, t.slug), g.slug IS NOT NULL, t.slug"""
    ),
    primary_key=["topic"],
    filtered=False,
)

TABLES = {table.name: table for table in (MEETINGS, PARTICIPANTS, MEETING_TOPICS, SOURCES, TOPICS)}

# -- meetings as JSON: the same fields, with lists as arrays of objects -------------------


def meeting_arrays(language: str) -> str:
    def objects(fields: list[Field]) -> str:
        pairs = ", ".join(f"'{f.name}', {f.expression(language)}" for f in fields)
        return f"json_build_object({pairs})"

    return f"""
LEFT JOIN (
  SELECT p.meeting_id,
         json_agg({objects(participant_fields(meeting_id=False))}
                  ORDER BY {PARTICIPANT_ORDER}) AS list
  {PARTICIPANT_ROWS}
  WHERE p.meeting_id IN ({{ids}})
  GROUP BY p.meeting_id
) people ON people.meeting_id = m.id
LEFT JOIN (
  SELECT s.meeting_id,
         json_agg({objects(source_fields(meeting_id=False))} ORDER BY {SOURCE_ORDER}) AS list
  {SOURCE_ROWS}
  WHERE s.meeting_id IN ({{ids}})
  GROUP BY s.meeting_id
) sources ON sources.meeting_id = m.id
"""


JSON_TOPIC_LISTS = """
LEFT JOIN LATERAL (
  SELECT json_agg(t.slug ORDER BY t.slug) FILTER (WHERE t.id = ANY (m.topic_ids)) AS slugs,
         json_agg(t.slug ORDER BY t.slug) FILTER (WHERE t.id = ANY (m.topic_group_ids)) AS groups
  FROM meetings_topic t
  WHERE t.id = ANY (m.topic_ids) OR t.id = ANY (m.topic_group_ids)
) topics ON true
"""

MEETINGS_JSON = Table(
    name="meetings",
    title=_("Meetings (JSON)"),
    description=_("One object per meeting; lists are arrays, participants and sources objects."),
    fields=[
        *MEETING_FIELDS,
        Field(
            "topics",
            "array",
            _("The meeting's topics (identifiers)."),
            '["border-control"]',
            "COALESCE(topics.slugs, '[]')",
        ),
        Field(
            "topic_groups",
            "array",
            _("The top-level topics of those topics."),
            '["migration"]',
            "COALESCE(topics.groups, '[]')",
        ),
        Field(
            "participants",
            "array",
            _("One object per participant, with the columns of participants.csv."),
            '[{"person_id": "…", …}]',
            "COALESCE(people.list, '[]')",
        ),
        Field(
            "sources",
            "array",
            _("One object per source, with the columns of sources.csv."),
            '[{"url": "…", …}]',
            "COALESCE(sources.list, '[]')",
        ),
        *MEETING_TIMES,
    ],
    source=lambda language: (
        MEETING_ROWS
        + JSON_TOPIC_LISTS
        + meeting_arrays(language)
        + "WHERE m.id IN ({ids})\nORDER BY m.id"
    ),
)


def json_query(language: str) -> str:
    """One JSON object a row, its keys in the fields' order (row_to_json writes it
    compact, faster than json_build_object)."""
    columns = ",\n  ".join(f'{f.expression(language)} AS "{f.name}"' for f in MEETINGS_JSON.fields)
    source = MEETINGS_JSON.source(language)
    return f"SELECT row_to_json(meeting) FROM (SELECT\n  {columns}\n{source}\n) meeting"  # noqa: S608 - constants only


# -- streaming ------------------------------------------------------------------------------


def with_ids(query: str, queryset) -> tuple[str, list]:
    """The query with the SQL of the ids of ``queryset`` (any order) at each ``{ids}``, and
    the parameters of the whole (psycopg binds them client-side: COPY takes no others)."""
    if queryset is None:
        return query, []
    ids, params = queryset.order_by().values("pk").query.sql_with_params()
    return query.replace("{ids}", ids), list(params) * query.count("{ids}")


def copy_blocks(statement: str, params: list) -> Iterator[bytes]:
    """What COPY … TO STDOUT writes, in blocks of about CHUNK_BYTES.

    Started when first read (the view took a heavy-output slot with a query, so the
    database was reached before any header was sent). A reader that stops early closes
    the generator: psycopg then cancels the COPY and the connection is free again."""
    connection.ensure_connection()
    with connection.wrap_database_errors, connection.connection.cursor() as cursor:
        cursor.execute(ONE_PROCESS)
        try:
            with cursor.copy(statement, params or None) as copy:
                block, size = [], 0
                for row in copy:
                    block.append(row)
                    size += len(row)
                    if size >= CHUNK_BYTES:
                        yield b"".join(block)
                        block, size = [], 0
                if block:
                    yield b"".join(block)
        finally:
            with suppress(psycopg.Error):  # a broken connection is Django's to discard
                cursor.execute("RESET max_parallel_workers_per_gather")


# An export is computed by one process: with parallel workers, each worker built the
# participants' and the sources' lists of every meeting again for its share of the
# meetings (at a million meetings, the CSV of all of them: 32.6 s with two workers, 22.3 s
# with none). bench/run.py gives psql's COPY the same setting.
ONE_PROCESS = "SET max_parallel_workers_per_gather = 0"


def sql_language(language: str | None) -> str:
    """The active language as the tables' column suffix: one of ar, fr, en, nothing else."""
    language = (language or get_language() or "en")[:2]
    return language if language in LANGUAGES else "en"


def csv_blocks(table: Table, queryset=None, language: str | None = None, bom=True):
    """The table as CSV with a header line, for the meetings of ``queryset``."""
    language = sql_language(language)
    query, params = with_ids(table.query(language), queryset if table.filtered else None)
    statement = f"COPY ({query}) TO STDOUT WITH (FORMAT csv, HEADER true)"
    # The BOM lets spreadsheet programs see UTF-8 (pandas skips it). It goes with the first
    # block, so that the first chunk is the database's (heavy_outputs.ReleasingSlot).
    prefix = "\ufeff".encode() if bom else b""
    for block in copy_blocks(statement, params):
        yield prefix + block
        prefix = b""


# Output in COPY's CSV format with a quote and a delimiter no JSON text holds (PostgreSQL
# escapes every control character in JSON): each line is the JSON object, verbatim.
JSON_LINES = "WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')"


def json_lines_blocks(queryset, language: str | None = None) -> Iterator[bytes]:
    """The meetings as JSON Lines: one object a line (pandas.read_json(…, lines=True))."""
    language = sql_language(language)
    query, params = with_ids(json_query(language), queryset)
    yield from copy_blocks(f"COPY ({query}) TO STDOUT {JSON_LINES}", params)


def json_records_blocks(queryset, language: str | None = None) -> Iterator[bytes]:
    """The meetings as one JSON array of objects (pandas.read_json(…), orient "records")."""
    language = sql_language(language)
    query, params = with_ids(json_query(language), queryset)
    statement = f"COPY ({query}) TO STDOUT {JSON_LINES}"
    opening = b"["
    for block in copy_blocks(statement, params):
        # Lines end with "\n": a comma before each line but the first makes the array.
        lines = block.split(b"\n")
        yield opening + b"\n,".join(lines[:-1]) + b"\n"
        opening = b","
    yield b"[]\n" if opening == b"[" else b"]\n"
