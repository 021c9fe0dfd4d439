"""The dyad-year table (meetings per pair of countries and year), and the columns the
codebook lists for it. The tidy tables and the JSON of meetings are in
meetings.opendata.tables.

The balanced panel has a row for every pair-year in scope, zeros included: every pair
of countries with at least one meeting among the filtered ones, for every year from the
first to the last (the years of the date filters when given, else of those meetings).
"""

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import Count, Max, Min, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meetings.models import Topic
from meetings.reference import cached_objects


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    example: str
    type: str = "integer"  # its Frictionless type, in the release's datapackage.json
    constraints: dict = field(default_factory=dict)


def topic_groups() -> list[Topic]:
    return sorted(
        (topic for topic in cached_objects(Topic).values() if topic.parent_id is None),
        key=lambda topic: topic.slug,
    )


def topic_column(topic: Topic) -> str:
    """topic_civil_protection for civil-protection: a name every statistics package takes."""
    return "topic_" + topic.slug.replace("-", "_")


def dyad_columns() -> list[Column]:
    """Every column of the dyad-year table, by its exact name."""
    return [
        Column(
            "country_a", gettext_lazy("ISO code of one side (first in code order)."), "BE", "string"
        ),
        Column("country_b", gettext_lazy("ISO code of the other side."), "MA", "string"),
        Column("year", gettext_lazy("Calendar year of the meetings."), "2024"),
        Column("meetings", gettext_lazy("Number of meetings of the pair that year."), "3"),
        *(
            Column(
                topic_column(topic),
                _("Of those, meetings on “%(topic)s” (%(slug)s) or its subtopics.")
                % {"topic": topic.name, "slug": topic.slug},
                "2",
            )
            for topic in topic_groups()
        ),
    ]


def dyad_years(queryset, balanced: bool = False, date_from=None, date_to=None, year=None):
    """(header, rows): meetings per pair and year, overall and per top-level topic.

    With ``balanced``, every pair-year in scope (see the module's docstring), zeros
    included; the years of the filters (``date_from``, ``date_to``, ``year``) widen it."""
    groups = topic_groups()
    per_topic = {
        topic_column(topic): Count("pk", filter=Q(topic_group_ids__contains=[topic.pk]))
        for topic in groups
    }
    meetings = queryset.order_by()
    rows = (
        meetings.annotate(year=ExtractYear("date"))
        .values("country_a_id", "country_b_id", "year")
        .annotate(meetings=Count("pk"), **per_topic)
        .order_by("country_a_id", "country_b_id", "year")
    )
    header = ["country_a", "country_b", "year", "meetings", *per_topic]
    counted = {
        (row["country_a_id"], row["country_b_id"], row["year"]): [row["meetings"]]
        + [row[name] for name in per_topic]
        for row in rows
    }
    if not balanced:
        return header, [[*key, *values] for key, values in counted.items()]
    if not counted:
        return header, []
    span = meetings.aggregate(first=Min("date"), last=Max("date"))
    first = year or (date_from.year if date_from else span["first"].year)
    last = year or (date_to.year if date_to else span["last"].year)
    pairs = sorted({(a, b) for a, b, _year in counted})
    zeros = [0] * (1 + len(per_topic))
    return header, [
        [a, b, each, *counted.get((a, b, each), zeros)]
        for a, b in pairs
        for each in range(first, last + 1)
    ]


class Echo:
    """A file-like object that hands back what is written, for streaming csv.writer."""

    def write(self, value):
        return value


def csv_lines(rows: Iterable[list], header: list[str], bom: bool = True) -> Iterator[str]:
    writer = csv.writer(Echo(), lineterminator="\n")
    # The BOM lets spreadsheet programs see UTF-8 (pandas skips it).
    yield ("\ufeff" if bom else "") + writer.writerow(header)
    for row in rows:
        yield writer.writerow(row)
