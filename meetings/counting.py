"""Exact counts, facets and pages of the published meetings, from compressed bitmaps kept
in each process (docs/decisions/0023).

For every value a list can be filtered or counted by (each country, host country, city,
day, month and year, topic, topic group, portfolio, person and post) the process keeps
the set of published meetings that have it, as a Roaring bitmap of their ids (the
``pyroaring`` package). A filtered list is then a few set operations, its total and
every facet count an intersection's cardinality, and its newest page a walk down the
years, months and days: microseconds where counting rows in PostgreSQL took tens to
hundreds of milliseconds at a million meetings. Words are matched by PostgreSQL (the
meetings whose own text has them, from the word postings' index), names by the bitmaps
of what they name (meetings.search), so that a search is counted exactly too.

The bitmaps follow the archive at once: every request reads the archive's version
(meetings.versions); when it has changed, the process reads the meetings written since
its last reading, found by the id of the transaction that wrote them (``changed_in``,
kept by the database, migration 0019), and the deletions logged the same way, and moves
each from the bitmaps of its old values to those of its new ones. Transactions that were
still running at the last reading are read again, so that none is missed. A process
reads everything at its first request (gunicorn's master reads them before forking its
workers, config/gunicorn.py), and again when more than RELOAD_AFTER meetings changed at
once (a bulk load).

Only published meetings are in the bitmaps: nothing else is counted or listed.
"""

from __future__ import annotations

import array
import datetime
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from django.db import connections
from pyroaring import BitMap

from meetings.versions import archive_version

EPOCH = datetime.date(1900, 1, 1)
EPOCH_DAY = np.datetime64("1900-01-01", "D")
# More meetings changed than this since the last reading: read everything again.
RELOAD_AFTER = 20_000
# The published meetings of a searched word are kept when there are at least this many
# (reading fewer from the word postings costs about a millisecond), for at most this many
# words, the least recently searched one dropped first (docs/decisions/0031).
WORD_BITMAPS_FROM = 10_000
WORD_BITMAPS = 64


def country_number(column: str) -> str:
    return f"(ascii({column}) * 256 + ascii(substr({column}, 2)))"


# The families of values a meeting has one of, each a number from the meeting's row.
SCALARS = {
    "day": "(m.date - DATE '1900-01-01')",
    "country_a": country_number("m.country_a_id"),
    "country_b": country_number("m.country_b_id"),
    "host": f"coalesce({country_number('m.host_country_id')}, 0)",
    "city": "coalesce(m.city_id, 0)::int4",
}
# The families of values a meeting has several of, and their array column.
MULTIPLES = {"topic": "topic_ids", "group": "topic_group_ids", "portfolio": "portfolio_ids",
             "person": "person_ids", "post": "post_ids"}  # fmt: skip
# The queries of a whole reading: the oldest running transaction, the rows, the families.
READING_QUERIES = 3
# The facet counts of a list, by the family each is counted from.
FACETS = {"country": "country", "year": "year", "topic": "topic", "topic_group": "group",
          "portfolio": "portfolio"}  # fmt: skip


def code(country: str) -> int:
    """A country code as the number its bitmaps are keyed by ("MA" -> 77 * 256 + 65)."""
    return ord(country[0]) * 256 + ord(country[1])


def country_of(number: int) -> str:
    return chr(number // 256) + chr(number % 256)


def day_of(date: datetime.date) -> int:
    return (date - EPOCH).days


def months_of(days: np.ndarray) -> np.ndarray:
    """Months since January 1970 of day numbers (as numpy counts them)."""
    return (EPOCH_DAY + days.astype("timedelta64[D]")).astype("datetime64[M]").astype(np.int64)


def years_of(days: np.ndarray) -> np.ndarray:
    dates = EPOCH_DAY + days.astype("timedelta64[D]")
    return dates.astype("datetime64[Y]").astype(np.int64) + 1970


# -- reading from PostgreSQL --------------------------------------------------------------


# How each field of packed_rows travels: its binary form, of fixed width. A meeting id
# (below 2**32) travels in four bytes as ">u4": shifted into int4's range by PostgreSQL,
# shifted back here (UNSIGNED_SHIFT).
SEND = {
    ">i8": "int8send(({})::int8)",
    ">i4": "int4send(({})::int4)",
    ">i2": "int2send(({})::int2)",
    ">u4": "int4send((({})::int8 - 2147483648)::int4)",
}
UNSIGNED_SHIFT = 0x80000000
# Rows of ids within this many are packed into one value (well under a value's 1 GB).
PACK_SPAN = 2**18


def packed_rows(
    cursor, sql: str, params, fields: list[tuple[str, str]], spans: bool = True
) -> np.ndarray:
    """The rows of ``sql`` as one numpy record array, each field (name, big-endian numpy
    type) NOT NULL and of fixed width, the first one ``id``. PostgreSQL packs them into a few
    values (string_agg of each row's fields in binary form, by span of ids), which Python
    reads whole: COPY hands rows over one at a time, and ten million of them took Python
    seconds. Without ``spans`` the rows come as one value: for results known to stay far
    below a value's 1 GB, where grouping by span cost as much as reading the rows.
    ``cursor`` is Django's (the query is counted with the others)."""
    packed = " || ".join(SEND[kind].format(f"q.{name}") for name, kind in fields)
    grouping = f" GROUP BY q.id / {PACK_SPAN}" if spans else ""
    cursor.execute(
        f"SELECT string_agg({packed}, '') FROM ({sql}) AS q{grouping}",  # noqa: S608 - constants only
        params,
    )
    dtype = np.dtype(fields)
    parts = [np.frombuffer(value, dtype=dtype) for (value,) in cursor.fetchall() if value]
    rows = np.concatenate(parts) if parts else np.empty(0, dtype=dtype)
    for name, kind in fields:
        if kind == ">u4":
            rows[name] ^= UNSIGNED_SHIFT
    return rows


@dataclass
class Rows:
    """Published meetings as numpy columns: ids, one column per scalar family, and for each
    multiple family its (id, value) pairs."""

    ids: np.ndarray
    scalars: dict[str, np.ndarray]
    pairs: dict[str, tuple[np.ndarray, np.ndarray]]


def read_rows(cursor, where: str = "", params=()) -> Rows:
    columns = ", ".join(f"{expression} AS {name}" for name, expression in SCALARS.items())
    rows = packed_rows(
        cursor,
        f"SELECT m.id, {columns} FROM meetings_meeting m "  # noqa: S608 - constants only
        f"WHERE m.status = 'published' {where}",
        params,
        [("id", ">i8")] + [(name, ">i4") for name in SCALARS],
    )
    # Every family's (id, value) pairs in one scan of the table, tagged by family.
    families = list(MULTIPLES)
    unnested = " UNION ALL ".join(
        f"SELECT {number}::int2, unnest(m.{column})"
        for number, column in enumerate(MULTIPLES.values())
    )
    found = packed_rows(
        cursor,
        f"SELECT m.id, f.family, f.value FROM meetings_meeting m,"  # noqa: S608 - constants
        f" LATERAL ({unnested}) AS f(family, value) WHERE m.status = 'published' {where}",
        params,
        [("id", ">i8"), ("family", ">i2"), ("value", ">i4")],
    )
    pairs = {}
    for number, family in enumerate(families):
        chosen = found["family"] == number
        pairs[family] = (
            found["id"][chosen].astype(np.uint32),
            found["value"][chosen].astype(np.int32),
        )
    return Rows(
        rows["id"].astype(np.uint32), {name: rows[name].astype(np.int32) for name in SCALARS}, pairs
    )


def bitmap_of(ids: np.ndarray) -> BitMap:
    """The bitmap of ``ids``: handed to pyroaring as an array.array, which it reads in one
    piece (a numpy array it reads element by element, ten times slower)."""
    return BitMap(array.array("I", np.ascontiguousarray(ids, dtype=np.uint32).tobytes()))


def grouped(keys: np.ndarray, ids: np.ndarray) -> dict[int, BitMap]:
    """{key: the bitmap of the ids that have it}."""
    if not len(keys):
        return {}
    order = np.lexsort((ids, keys))
    keys, ids = keys[order], ids[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    return {int(keys[s]): bitmap_of(ids[s:e]) for s, e in zip(starts, ends, strict=True)}


class Records:
    """What each published meeting is in, to take it out of its bitmaps when it changes:
    numpy columns ordered by id (a few bytes a meeting), and the meetings changed since."""

    def __init__(self, rows: Rows):
        order = np.argsort(rows.ids)
        self.ids = rows.ids[order]
        self.scalars = {name: column[order] for name, column in rows.scalars.items()}
        self.multiples = {}
        for family, (pair_ids, values) in rows.pairs.items():
            order = np.argsort(pair_ids, kind="stable")
            offsets = np.searchsorted(pair_ids[order], self.ids).astype(np.int64)
            self.multiples[family] = (values[order], np.r_[offsets, len(pair_ids)])
        self.changed: dict[int, tuple | None] = {}

    def values_of(self, family: str, meetings: np.ndarray) -> np.ndarray:
        """The values of ``family`` of every meeting of ``meetings`` (an array of ids), in
        one array: the meetings read at load, at once; those changed since, one by one."""
        values, offsets = self.multiples[family]
        meetings = np.asarray(meetings, dtype=np.uint32)
        changed = np.isin(meetings, np.array(list(self.changed), dtype=np.uint32))
        index = np.searchsorted(self.ids, meetings[~changed])  # all read at load
        starts, ends = offsets[index], offsets[index + 1]
        lengths = ends - starts
        # Every start's range, end to end: position k of meeting i is starts[i] + k.
        shift = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
        found = [values[shift + np.arange(lengths.sum())]]
        position = list(MULTIPLES).index(family) + len(SCALARS)
        for meeting in meetings[changed].tolist():
            record = self.changed[meeting]
            if record is not None:
                found.append(np.array(record[position], dtype=values.dtype))
        return np.concatenate(found) if found else np.array([], dtype=np.int32)

    def get(self, meeting: int) -> tuple | None:
        """(day, country_a, country_b, host, city, topics, groups, portfolios, people, posts)."""
        if meeting in self.changed:
            return self.changed[meeting]
        index = int(np.searchsorted(self.ids, meeting))
        if index >= len(self.ids) or self.ids[index] != meeting:
            return None
        return (
            *(int(self.scalars[name][index]) for name in SCALARS),
            *(
                tuple(values[offsets[index] : offsets[index + 1]].tolist())
                for values, offsets in self.multiples.values()
            ),
        )


def keys_of(record: tuple) -> list[tuple[str, int]]:
    """The (family, key) of every bitmap a meeting of ``record`` is in."""
    day, a, b, host, city, *multiples = record
    month, year = int(months_of(np.array([day]))[0]), int(years_of(np.array([day]))[0])
    keys = [("day", day), ("month", month), ("year", year), ("country", a), ("country", b)]
    if host:
        keys.append(("host", host))
    if city:
        keys.append(("city", city))
    for family, values in zip(MULTIPLES, multiples, strict=True):
        keys += [(family, value) for value in values]
    return keys


# -- the bitmaps --------------------------------------------------------------------------


# The words kept (MeetingBitmaps.words) that a changed meeting's text has now, decided as
# text_matches decides it: from the word postings for a term of one lexeme, else from the
# meeting's vector. Each term's lexemes and query are computed once (the CTE), not once a
# meeting. (A deleted meeting has no row: it matches none.)
KEPT_WORDS = """
    kept AS MATERIALIZED (
        SELECT term, meetings_query_words(term) AS lexemes, meetings_search_query(term) AS query
        FROM unnest(%(words)s::text[]) AS term
    )
"""
MATCHED_WORDS = """
    ARRAY(SELECT w.term FROM kept w
          WHERE CASE WHEN w.lexemes IS NULL THEN m.search_vector @@ w.query
                     ELSE EXISTS (SELECT FROM meetings_wordposting p WHERE p.meeting_id = m.id
                                  AND p.word = ANY (w.lexemes)) END)
"""


class MeetingBitmaps:
    """The bitmaps of one process, of one archive version."""

    def __init__(self):
        self.version = None  # the archive's version they are of
        self.since = None  # the oldest transaction that may have written after the reading
        self.published = BitMap()
        self.by: dict[str, dict[int, BitMap]] = {}
        self.records: Records | None = None
        self._calendar = None
        self._people: int | None = None  # how many people have a bitmap with meetings
        # {a searched term: its published meetings}, for the terms that match many.
        self.words: OrderedDict[str, BitMap] = OrderedDict()

    # -- reading them, following changes --

    def load(self, using: str) -> None:
        with self.reading(using) as cursor:
            rows = read_rows(cursor)
        self.build(rows)

    def build(self, rows: Rows) -> None:
        ids, scalars = rows.ids, rows.scalars
        self.published = bitmap_of(ids)
        by = {name: grouped(scalars[name], ids) for name in SCALARS}
        sides = by.pop("country_a"), by.pop("country_b")
        by["country"] = {
            key: sides[0].get(key, BitMap()) | sides[1].get(key, BitMap())
            for key in set(sides[0]) | set(sides[1])
        }
        by["month"] = grouped(months_of(scalars["day"]), ids)
        by["year"] = grouped(years_of(scalars["day"]), ids)
        for family, (pair_ids, values) in rows.pairs.items():
            by[family] = grouped(values, pair_ids)
        by["host"].pop(0, None)
        by["city"].pop(0, None)
        self.by = by
        self.records = Records(rows)
        self._calendar = None
        self._people = None
        self.words = OrderedDict()

    @contextmanager
    def reading(self, using: str):
        """A cursor for one reading, which first notes the oldest transaction still running:
        whatever that transaction, or any later one, wrote is read again next time. (Noted
        before the rows are read, so that nothing written meanwhile can be missed; what is
        read twice is only read twice.)"""
        with connections[using].cursor() as cursor:
            cursor.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")
            since = cursor.fetchone()[0]
            yield cursor
        self.since = since

    def follow(self, using: str) -> bool:
        """Apply what was written since the last reading, read in one statement (with the
        oldest transaction running now); False when more than RELOAD_AFTER meetings were."""
        columns = ", ".join([*SCALARS.values(), *(f"m.{c}" for c in MULTIPLES.values())])
        with connections[using].cursor() as cursor:
            cursor.execute(
                f"""
                WITH now AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS since),
                changed AS (
                    SELECT id FROM meetings_meeting WHERE changed_in >= %(since)s::xid8
                    UNION
                    SELECT meeting_id FROM meetings_deletedmeeting
                     WHERE deleted_in >= %(since)s::xid8
                    LIMIT %(limit)s
                ), {KEPT_WORDS}
                SELECT now.since, c.id, m.status = 'published', {MATCHED_WORDS}, {columns}
                FROM now LEFT JOIN changed c ON true
                LEFT JOIN meetings_meeting m ON m.id = c.id
                """,  # noqa: S608 - constants only
                {"since": self.since, "limit": RELOAD_AFTER + 1, "words": list(self.words)},
            )
            rows = cursor.fetchall()
        if len(rows) > RELOAD_AFTER:
            return False
        for since, meeting, published, matched, *values in rows:
            self.since = since
            if meeting is None:
                continue
            self.take_out(meeting)
            if published:
                scalars = [int(value) for value in values[: len(SCALARS)]]
                self.put_in(meeting, (*scalars, *(tuple(v) for v in values[len(SCALARS) :])))
                for words in matched:
                    self.words[words].add(meeting)
        return True

    def take_out(self, meeting: int) -> None:
        record = self.records.get(meeting)
        if record is not None:
            for family, key in keys_of(record):
                bitmap = self.by[family].get(key)
                if bitmap is not None:
                    bitmap.discard(meeting)
            self.published.discard(meeting)
        for bitmap in self.words.values():
            bitmap.discard(meeting)
        self.records.changed[meeting] = None
        self._people = None

    def put_in(self, meeting: int, record: tuple) -> None:
        self.records.changed[meeting] = record
        self._people = None
        self.published.add(meeting)
        for family, key in keys_of(record):
            if key not in self.by[family]:
                self.by[family][key] = BitMap()
                self._calendar = None
            self.by[family][key].add(meeting)

    # -- answering --

    def of(self, family: str, key) -> BitMap:
        return self.by[family].get(key) or BitMap()

    def matching_text(self, words: str, using: str) -> BitMap:
        """The published meetings whose own text has ``words`` (text_matches). A term that
        matches many is kept, and followed change by change like the other bitmaps: a word
        of every meeting is read from its postings once per process, not at every search
        (about 90 ms at a million meetings)."""
        with _lock:  # the order changes while a following may be walking the words
            kept = self.words.get(words)
            if kept is not None:
                self.words.move_to_end(words)
                return kept
        since = self.since
        found = text_matches(words, using) & self.published
        # Kept only if no change was applied meanwhile (another thread's request): the
        # changes after ``since`` are then applied to it at the next following.
        with _lock:
            if len(found) >= WORD_BITMAPS_FROM and self.since == since:
                self.words[words] = found
                while len(self.words) > WORD_BITMAPS:
                    self.words.popitem(last=False)
        return found

    def union(self, family: str, keys) -> BitMap:
        found = [self.by[family][key] for key in keys if key in self.by[family]]
        return BitMap.union(*found) if found else BitMap()

    def between(self, first: datetime.date | None, last: datetime.date | None) -> BitMap:
        """The meetings dated from ``first`` to ``last`` (inclusive; None: open-ended): whole
        years and months where they fit, days at the edges."""
        low = day_of(first) if first else -(10**9)
        high = day_of(last) if last else 10**9
        parts = []
        for year, months in self.calendar():
            year_first = day_of(datetime.date(year, 1, 1))
            year_last = day_of(datetime.date(year, 12, 31))
            if year_last < low or year_first > high:
                continue
            if low <= year_first and year_last <= high:
                parts.append(self.by["year"][year])
                continue
            for month, days in months:
                if days[-1] < low or days[0] > high:
                    continue
                if low <= days[0] and days[-1] <= high:
                    parts.append(self.by["month"][month])
                else:
                    parts += [self.by["day"][day] for day in days if low <= day <= high]
        return BitMap.union(*parts) if parts else BitMap()

    def calendar(self) -> list[tuple[int, list[tuple[int, list[int]]]]]:
        """[(year, [(month, [days...]), ...]), ...] of the days that have meetings, in order."""
        if self._calendar is None:
            days = np.array(sorted(self.by["day"]), dtype=np.int64)
            months, years = months_of(days), years_of(days)
            calendar: dict[int, dict[int, list[int]]] = {}
            for day, month, year in zip(days.tolist(), months.tolist(), years.tolist(),
                                        strict=True):  # fmt: skip
                calendar.setdefault(year, {}).setdefault(month, []).append(day)
            self._calendar = [
                (year, sorted(months.items())) for year, months in sorted(calendar.items())
            ]
        return self._calendar

    def first(self, matching: BitMap, size: int, after=None, oldest_first=False) -> list[int]:
        """The ``size`` newest meetings of ``matching`` (or oldest), by (date, id), after
        the position (date, id) when given: a walk down the years, months and days that
        skips every one without a match."""
        bound = (day_of(after[0]), after[1]) if after else None
        found: list[int] = []
        order = (lambda items: items) if oldest_first else reversed
        for year, months in order(self.calendar()):
            if not self.by["year"][year].intersection_cardinality(matching):
                continue
            for month, days in order(months):
                if not self.by["month"][month].intersection_cardinality(matching):
                    continue
                for day in order(days):
                    if bound and (day < bound[0] if oldest_first else day > bound[0]):
                        continue
                    members = self.by["day"][day] & matching
                    if not members:
                        continue
                    ids = list(members) if oldest_first else list(reversed(members))
                    if bound and day == bound[0]:
                        beyond = (
                            (lambda pk: pk > bound[1])
                            if oldest_first
                            else (lambda pk: pk < bound[1])
                        )
                        ids = [pk for pk in ids if beyond(pk)]
                    found += ids[: size - len(found)]
                    if len(found) >= size:
                        return found
        return found

    def people(self) -> int:
        """How many people took part in published meetings (counted again after a change:
        tens of thousands of bitmaps)."""
        if self._people is None:
            self._people = sum(1 for bitmap in self.by["person"].values() if bitmap)
        return self._people

    def counts(self, matching: BitMap, people: bool = False, facets=FACETS) -> dict:
        """The total and every facet count of ``matching`` (of ``facets``: all of FACETS by
        default), in the shape of MeetingQuerySet.facet_counts ({"total": n, "country":
        {code: n}, ...})."""
        counts = {"total": len(matching), "capped": False}
        # Every bitmap holds published meetings only: against all of them, its own size.
        whole = matching is self.published
        for name in facets:
            family, found = FACETS[name], {}
            for key, bitmap in self.by[family].items():
                number = len(bitmap) if whole else bitmap.intersection_cardinality(matching)
                if number:
                    found[country_of(key) if family == "country" else key] = number
            counts[name] = found
        if people:
            # People are many (tens of thousands of bitmaps): counted from the meetings'
            # records instead, on the lists that show them (a pair, a person), which are small.
            values = self.records.values_of("person", matching.to_array())
            if values.size and values.max() < 16 * values.size + 2**20:
                # A count per id up to the largest: no sort (4 ms -> 0.2 ms for a pair's
                # 170,000 participations at a million meetings), the array kept small.
                numbers = np.bincount(values)
                keys = np.flatnonzero(numbers)
                numbers = numbers[keys]
            else:
                keys, numbers = np.unique(values, return_counts=True)
            counts["person"] = dict(zip(keys.tolist(), numbers.tolist(), strict=True))
        return counts


_bitmaps: dict[str, MeetingBitmaps] = {}
_lock = threading.Lock()


def bitmaps(using: str = "default") -> MeetingBitmaps:
    """This process's bitmaps, brought to the archive's current version. A version lower
    than theirs (a restored backup, a rolled-back test) means other data: read it all."""
    version = archive_version()
    with _lock:
        index = _bitmaps.get(using)
        if index is None or (version or 0) < (index.version or 0):
            index = MeetingBitmaps()
            index.load(using)
        elif index.version != version and not index.follow(using):
            index.load(using)
        index.version = version
        _bitmaps[using] = index
        return index


# -- a list's filters as a set ------------------------------------------------------------


def text_matches(words: str, using: str = "default") -> BitMap:
    """The meetings whose own text has ``words`` (PostgreSQL's full-text match), drafts
    included (callers keep the published ones). A term whose query is one lexeme per
    configuration is read from the word postings' index alone (migration 0021); anything
    else (a phrase, a negation) from the GIN index of the search vectors. The function
    that tells them apart is immutable: PostgreSQL picks one branch when it plans."""
    with connections[using].cursor() as cursor:
        rows = packed_rows(
            cursor,
            "SELECT meeting_id AS id FROM meetings_wordposting"
            " WHERE word = ANY (meetings_query_words(%(words)s))"
            " UNION ALL"
            " SELECT id FROM meetings_meeting WHERE meetings_query_words(%(words)s) IS NULL"
            " AND status = 'published' AND search_vector @@ meetings_search_query(%(words)s)",
            {"words": words},
            # At most a few lexemes' postings a meeting: megabytes, one value (no spans).
            [("id", ">u4")],
            spans=False,
        )
    return bitmap_of(rows["id"])


def named_by(index: MeetingBitmaps, names: dict) -> BitMap:
    """The meetings that refer to what a search term names (meetings.search)."""
    from meetings.search import subtopics_of

    found = [index.union("country", [code(country) for country in names.get("country", ())])]
    found.append(index.union("city", [int(key) for key in names.get("city", ())]))
    found.append(index.union("topic", subtopics_of([int(k) for k in names.get("topic", ())])))
    for kind in ("person", "post", "portfolio"):
        found.append(index.union(kind, [int(key) for key in names.get(kind, ())]))
    return BitMap.union(*found)


def searched(index: MeetingBitmaps, query: str, using: str = "default") -> BitMap:
    """What MeetingQuerySet.search finds (meetings.search), as a set: every group of terms
    matches, each term by its own text or by what it names."""
    from meetings.search import look_up_names, parse

    groups = parse(query)
    terms = [term for group in groups for term in group]
    if not terms:
        return index.published
    look_up_names(terms, using)
    result = index.published
    for group in groups:
        alternatives = BitMap()
        for term in group:
            found = index.matching_text(term.words, using) | named_by(index, term.names)
            alternatives |= (index.published - found) if term.negated else found
        result = result & alternatives
    return result


def matching(index: MeetingBitmaps, cleaned: dict, using: str = "default") -> BitMap:
    """The published meetings a list's filters (MeetingFilter's cleaned data) keep: the same
    meetings as the filtered queryset, as a set (tests compare the two)."""
    result = index.published
    country, counterpart = cleaned.get("country"), cleaned.get("counterpart")
    for side in (country, counterpart):
        if side:
            result = result & index.of("country", code(side.code))
    group = cleaned.get("group")
    if group:
        members = [code(member) for member in group.members.values_list("code", flat=True)]
        one = country or counterpart
        if one:
            members = [member for member in members if member != code(one.code)]
        result = result & index.union("country", members)
    if cleaned.get("minister"):
        result = result & index.of("person", cleaned["minister"].pk)
    if cleaned.get("portfolio"):
        result = result & index.of("portfolio", cleaned["portfolio"].pk)
    topics = list(cleaned.get("topic") or ())
    if topics:
        sets = [
            index.of("topic", topic.pk) if topic.parent_id else index.of("group", topic.pk)
            for topic in topics
        ]
        if cleaned.get("topic_match") == "all":
            for topic_set in sets:
                result = result & topic_set
        else:
            result = result & BitMap.union(*sets)
    if cleaned.get("date_from") or cleaned.get("date_to"):
        result = result & index.between(cleaned.get("date_from"), cleaned.get("date_to"))
    if cleaned.get("year") is not None:
        result = result & index.of("year", int(cleaned["year"]))
    if cleaned.get("host"):
        result = result & index.of("host", code(cleaned["host"].code))
    if cleaned.get("place"):
        result = result & index.of("city", cleaned["place"].pk)
    if cleaned.get("q"):
        result = result & searched(index, cleaned["q"], using)
    return result


def read_bitmaps() -> None:
    """Read the bitmaps of every database now: for a server's master process before it
    forks its workers (meetings.operations.warm_up). A database that does not answer is
    logged and left to the workers' first requests."""
    import logging

    logger = logging.getLogger(__name__)
    for alias in connections:
        try:
            started = time.perf_counter()
            index = bitmaps(alias)
            seconds = time.perf_counter() - started
            logger.info("counting bitmaps of %s read: %s published meetings in %.1f s",
                        alias, f"{len(index.published):,}", seconds)  # fmt: skip
        except Exception:  # the server must start: its workers read them later
            logger.warning("counting bitmaps of %s not read before forking", alias, exc_info=True)


def forget() -> None:
    """Drop this process's bitmaps (tests, whose rolled-back transactions the bitmaps,
    which saw them uncommitted on the same connection, cannot know of)."""
    with _lock:
        _bitmaps.clear()
