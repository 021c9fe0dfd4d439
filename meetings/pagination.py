"""Keyset pagination for lists of meetings: deep pages cost what the first one does.

A page is asked for by the position of the last meeting seen (``after``) or
the first one (``before``): "2024-04-15_123", the sort value and the id. The
database then starts from that position in its index instead of counting its
way through all the rows before it (OFFSET). Ordering by relevance has no
such position; it keeps page numbers, up to MAX_RELEVANCE_PAGES.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

# order parameter -> (field, descending)
KEYSET_ORDERS = {"-date": ("date", True), "date": ("date", False), "-updated": ("updated_at", True)}
MAX_RELEVANCE_PAGES = 50


class BadCursor(ValueError):
    """A cursor parameter that names no position: the message names the parameter."""


@dataclass
class Page:
    items: list
    next_cursor: str | None = None  # for ?after=
    previous_cursor: str | None = None  # for ?before=
    number: int | None = None  # relevance pages only
    has_next: bool = False
    has_previous: bool = False
    extra: dict = field(default_factory=dict)


def cursor_of(meeting, name: str) -> str:
    """The position of ``meeting`` (a model instance or a values() dict) in a list sorted by
    ``name``: "2024-04-15_123"."""
    if isinstance(meeting, dict):
        return f"{meeting[name].isoformat()}_{meeting['id']}"
    return f"{getattr(meeting, name).isoformat()}_{meeting.pk}"


def parse_cursor(text: str, name: str, parameter: str):
    value, _sep, number = (text or "").rpartition("_")
    try:
        parsed = (
            datetime.date.fromisoformat(value)
            if name == "date"
            else datetime.datetime.fromisoformat(value)
        )
        pk = int(number)
    except ValueError as error:
        raise BadCursor(
            _("“%(parameter)s” is not a position in this list.") % {"parameter": parameter}
        ) from error
    if pk < 1 or pk > 2**63 - 1:
        raise BadCursor(
            _("“%(parameter)s” is not a position in this list.") % {"parameter": parameter}
        )
    return parsed, pk


def position(name: str, operator: str, value, pk: int) -> RawSQL:
    """(name, id) before or after a position, as one row comparison: PostgreSQL then
    reads the (name desc, id desc) index from that point instead of filtering rows."""
    column = f'"meetings_meeting"."{name}"'
    return RawSQL(  # noqa: S611 - column names are fixed here; values are parameters
        f'({column}, "meetings_meeting"."id") {operator} (%s, %s)',
        (value, pk),
        output_field=BooleanField(),
    )


def keyset_page(queryset, order: str, size: int, after: str = "", before: str = "") -> Page:
    """The page of ``queryset`` after or before a cursor, in the ``order`` of the list."""
    name, descending = KEYSET_ORDERS[order]
    forward = ("-" if descending else "") + name, ("-id" if descending else "id")
    backward = (name if descending else "-" + name), ("id" if descending else "-id")
    if before:
        value, pk = parse_cursor(before, name, "before")
        rows = list(
            queryset.filter(position(name, ">" if descending else "<", value, pk)).order_by(
                *backward
            )[: size + 1]
        )
        has_previous = len(rows) > size
        items = list(reversed(rows[:size]))
        has_next = True
    else:
        if after:
            value, pk = parse_cursor(after, name, "after")
            queryset = queryset.filter(position(name, "<" if descending else ">", value, pk))
        rows = list(queryset.order_by(*forward)[: size + 1])
        items = rows[:size]
        has_next = len(rows) > size
        has_previous = bool(after)
    return Page(
        items=items,
        next_cursor=cursor_of(items[-1], name) if items and has_next else None,
        previous_cursor=cursor_of(items[0], name) if items and has_previous else None,
        has_next=has_next and bool(items),
        has_previous=has_previous and bool(items),
    )


def numbered_page(queryset, size: int, page_number: str) -> Page:
    """Page ``page_number`` of a list ordered by relevance (at most MAX_RELEVANCE_PAGES)."""
    try:
        number = int(page_number or 1)
    except ValueError as error:
        raise BadCursor(_("“page” must be a whole number.")) from error
    if not 1 <= number <= MAX_RELEVANCE_PAGES:
        raise BadCursor(
            _("“page” goes from 1 to %(last)d when ordering by relevance.")
            % {"last": MAX_RELEVANCE_PAGES}
        )
    start = (number - 1) * size
    rows = list(queryset[start : start + size + 1])
    return Page(
        items=rows[:size],
        number=number,
        has_next=len(rows) > size and number < MAX_RELEVANCE_PAGES,
        has_previous=number > 1,
    )


def bitmap_page(
    index, matching, queryset, order: str, size: int, after: str = "", before: str = ""
) -> Page:
    """``keyset_page`` for a list ordered by date whose meetings are a set of ids
    (meetings.counting): the page's ids come from the bitmaps, its rows from ``queryset``."""
    _name, descending = KEYSET_ORDERS[order]
    if before:
        position = parse_cursor(before, "date", "before")
        ids = index.first(matching, size + 1, after=position, oldest_first=descending)
        has_previous = len(ids) > size
        ids = list(reversed(ids[:size]))
        has_next = True
    else:
        position = parse_cursor(after, "date", "after") if after else None
        ids = index.first(matching, size + 1, after=position, oldest_first=not descending)
        has_next = len(ids) > size
        ids = ids[:size]
        has_previous = bool(after)
    rows = queryset.in_bulk(ids)
    items = [rows[pk] for pk in ids if pk in rows]
    return Page(
        items=items,
        next_cursor=cursor_of(items[-1], "date") if items and has_next else None,
        previous_cursor=cursor_of(items[0], "date") if items and has_previous else None,
        has_next=has_next and bool(items),
        has_previous=has_previous and bool(items),
    )
