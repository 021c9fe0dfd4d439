"""Meetings as CSV and JSON, streamed; the dyad-year table; the codebook of both.

One definition per column (``COLUMNS``) serves the CSV writer, the JSON
writer and the codebook page, so the documentation cannot drift from the
files. Rows come from one query with the participants, topics and sources of
each meeting aggregated in array subqueries, read through a server-side
cursor: a million meetings stream in constant memory.
"""

import csv
import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Count, OuterRef, Q
from django.db.models.functions import ExtractYear, JSONObject
from django.utils.translation import gettext_lazy as _

from meetings import display
from meetings.display import PARTICIPANT_ORDER, Values, localized
from meetings.models import Country, Meeting, Participation, Source, Topic
from meetings.reference import cached_objects

CHUNK_SIZE = 2000


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    example: str


COLUMNS = [
    Column("id", _("The meeting's stable identifier in the archive."), "1"),
    Column("url", _("The meeting's page."), "https://…/en/meetings/1/"),
    Column(
        "date",
        _("ISO 8601 date; the first day of the month or year when less precise."),
        "2024-04-15",
    ),
    Column("date_precision", _("How precise the date is: day, month or year."), "day"),
    Column(
        "country_a", _("ISO 3166-1 alpha-2 code of one side (the one first in code order)."), "BE"
    ),
    Column("country_a_name", _("Its name, in the language of the export's URL."), "Belgium"),
    Column("country_b", _("ISO 3166-1 alpha-2 code of the other side."), "MA"),
    Column("country_b_name", _("Its name, in the language of the export's URL."), "Morocco"),
    Column(
        "host_country", _("ISO code of the country where the meeting took place, if known."), "MA"
    ),
    Column("city", _("Identifier of the city where it took place, if known."), "rabat"),
    Column("city_name", _("The city's name."), "Rabat"),
    Column("title", _("The record's title, in the URL's language (another if missing)."), "…"),
    Column("summary", _("The editors' summary, in the URL's language (another if missing)."), "…"),
    Column("topics", _("Topic identifiers, separated by “; ”."), "migration; counter-terrorism"),
    Column(
        "participant_ids",
        _("Identifiers of the people who took part, separated by “; ”."),
        "abdelouafi-laftit; annelies-verlinden",
    ),
    Column(
        "participants",
        _("Each participant as “name (country, post, role)”, separated by “; ”."),
        "Abdelouafi Laftit (MA, Minister of the Interior, lead)",
    ),
    Column(
        "source_urls",
        _("URLs of the articles the record is taken from, separated by “; ”."),
        "https://…",
    ),
    Column("outlets", _("Outlets of those articles, separated by “; ”."), "Express TV"),
    Column(
        "first_published",
        _("When the record was first published in the archive (UTC)."),
        "2024-04-16T10:02:00+00:00",
    ),
    Column("updated", _("When the record last changed (UTC)."), "2024-05-01T08:00:00+00:00"),
]

DYAD_COLUMNS = [
    Column("country_a", _("ISO code of one side (first in code order)."), "BE"),
    Column("country_b", _("ISO code of the other side."), "MA"),
    Column("year", _("Calendar year of the meetings."), "2024"),
    Column("meetings", _("Number of meetings of the pair that year."), "3"),
    Column(
        "topic_<slug>",
        _("Of those, meetings on this top-level topic or its subtopics (one per top-level topic)."),
        "2",
    ),
]


def export_values(queryset):
    """The published meetings to export, as dicts, with related rows aggregated."""
    participants = ArraySubquery(
        Participation.objects.filter(meeting=OuterRef("pk"))
        .order_by(*PARTICIPANT_ORDER)
        .values(
            json=JSONObject(
                slug="minister__slug",
                name_latin="minister__name_latin",
                name_ar="minister__name_ar",
                country="country_id",
                post_title_ar="mandate__post__title_ar",
                post_title_fr="mandate__post__title_fr",
                post_title_en="mandate__post__title_en",
                portfolio="mandate__post__portfolio__slug",
                description="description",
                role="role",
            )
        )
    )
    topics = ArraySubquery(
        Meeting.topics.through.objects.filter(meeting=OuterRef("pk"))
        .order_by("topic__slug")
        .values("topic__slug")
    )
    sources = ArraySubquery(
        Source.objects.filter(meeting=OuterRef("pk"))
        .order_by("published_on", "pk")
        .values(
            json=JSONObject(
                url="url",
                outlet="outlet__name",
                author="author",
                published_on="published_on",
                language="language",
                headline="headline",
            )
        )
    )
    return queryset.values(
        "id",
        "date",
        "date_precision",
        "country_a_id",
        "country_b_id",
        "host_country_id",
        "city__slug",
        "city__name_ar",
        "city__name_fr",
        "city__name_en",
        "title_ar",
        "title_fr",
        "title_en",
        "summary_ar",
        "summary_fr",
        "summary_en",
        "outcomes_ar",
        "outcomes_fr",
        "outcomes_en",
        "published_at",
        "updated_at",
    ).annotate(participants=participants, topic_slugs=topics, sources=sources)


def records(queryset, page_url) -> Iterator[dict]:
    """One dict per meeting, with everything both formats need.

    The query runs when this is called, not when the first record is read: a database
    that cannot be reached then gives an error page (503), not a download cut short after
    its headers were sent."""
    rows = export_values(queryset).iterator(chunk_size=CHUNK_SIZE)
    first = next(rows, None)
    if first is None:
        return iter(())
    return (record(row, page_url) for row in itertools.chain([first], rows))


def record(row: dict, page_url) -> dict:
    countries = cached_objects(Country)
    values = Values(row)
    city = Values(row, "city__")
    a, b = countries[row["country_a_id"]], countries[row["country_b_id"]]
    return {
        "id": row["id"],
        "url": page_url(row["id"]),
        "date": row["date"].isoformat(),
        "date_precision": row["date_precision"],
        "country_a": a.code,
        "country_a_name": a.name,
        "country_b": b.code,
        "country_b_name": b.name,
        "host_country": row["host_country_id"] or "",
        "city": row["city__slug"] or "",
        "city_name": localized(city, "name") if row["city__slug"] else "",
        "title": display.title(values, a.name, b.name),
        "summary": localized(values, "summary"),
        "outcomes": localized(values, "outcomes"),
        "topics": row["topic_slugs"],
        "participants": list(row["participants"]),
        "sources": row["sources"],
        "first_published": row["published_at"].isoformat() if row["published_at"] else "",
        "updated": row["updated_at"].isoformat(),
    }


def person_label(person: dict) -> str:
    name = display.person_name(person["name_ar"], person["name_latin"])
    post = display.post(Values(person, "post_"), person["description"])
    details = ", ".join(part for part in (person["country"], post, person["role"]) if part)
    return f"{name} ({details})"


def csv_row(record: dict) -> list:
    flat = {
        **record,
        "topics": "; ".join(record["topics"]),
        "participant_ids": "; ".join(p["slug"] for p in record["participants"]),
        "participants": "; ".join(person_label(p) for p in record["participants"]),
        "source_urls": "; ".join(s["url"] for s in record["sources"] if s["url"]),
        "outlets": "; ".join(dict.fromkeys(s["outlet"] for s in record["sources"] if s["outlet"])),
    }
    return [spreadsheet_safe(flat[column.name]) for column in COLUMNS]


def spreadsheet_safe(value):
    """Text a spreadsheet would run as a formula (=, +, -, @ first) gets a leading quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


class Echo:
    """A file-like object that hands back what is written, for streaming csv.writer."""

    def write(self, value):
        return value


def csv_lines(rows: Iterable[list], header: list[str]) -> Iterator[str]:
    writer = csv.writer(Echo())
    yield "\ufeff" + writer.writerow(header)  # the BOM lets spreadsheet programs see UTF-8
    for row in rows:
        yield writer.writerow(row)


def meetings_csv(queryset, page_url) -> Iterator[str]:
    return csv_lines(
        (csv_row(record) for record in records(queryset, page_url)),
        [column.name for column in COLUMNS],
    )


def meetings_json(queryset, page_url, meta: dict) -> Iterator[str]:
    """A JSON document {"meta": {...}, "meetings": [...]}, written one meeting at a time."""
    return json_lines(records(queryset, page_url), meta)


def json_lines(meetings: Iterable[dict], meta: dict) -> Iterator[str]:
    yield '{"meta": ' + json.dumps(meta, ensure_ascii=False) + ', "meetings": ['
    for index, meeting in enumerate(meetings):
        meeting = {
            **meeting,
            "participants": [
                {
                    "id": person["slug"],
                    "name_latin": person["name_latin"],
                    "name_ar": person["name_ar"],
                    "country": person["country"],
                    "post": display.post(Values(person, "post_"), person["description"]),
                    "portfolio": person["portfolio"],
                    "role": person["role"],
                }
                for person in meeting["participants"]
            ],
        }
        yield ("," if index else "") + "\n" + json.dumps(meeting, ensure_ascii=False)
    yield "\n]}\n"


def dyad_years(queryset) -> tuple[list[str], list[list]]:
    """(header, rows): meetings per pair and year, overall and per top-level topic."""
    groups = sorted(
        (topic for topic in cached_objects(Topic).values() if topic.parent_id is None),
        key=lambda topic: topic.slug,
    )
    per_topic = {
        f"topic_{topic.slug.replace('-', '_')}": Count(
            "pk",
            filter=Q(topics=topic) | Q(topics__parent=topic),
            distinct=True,
        )
        for topic in groups
    }
    rows = (
        queryset.order_by()
        .annotate(year=ExtractYear("date"))
        .values("country_a_id", "country_b_id", "year")
        .annotate(meetings=Count("pk", distinct=True), **per_topic)
        .order_by("country_a_id", "country_b_id", "year")
    )
    header = ["country_a", "country_b", "year", "meetings", *per_topic]
    return header, [
        [row["country_a_id"], row["country_b_id"], row["year"], row["meetings"]]
        + [row[name] for name in per_topic]
        for row in rows
    ]
