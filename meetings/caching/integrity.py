"""Every derived value recomputed from the rows it comes from, and compared with what is
stored (``manage.py check_integrity``). Each drift names the row it concerns; ``fix``
writes the recomputed values back through their owner, the database's own functions
(docs/decisions/0020).

Checked: each meeting's search vector (from its own text), its word postings (from its
vector), its id arrays (topics, topic groups, people, posts, portfolios), each reference
row's names vector, and this process's bitmaps of the published meetings
(meetings.counting), those of searched words included, against a reading made now. Not
checked, as they are not functions of the rows: the archive's, reference and display
versions (clocks that only grow) and the caches keyed by them.

A drift can only come from a write made with the database's triggers off (a restore
tool, ``session_replication_role = replica``) or from a loader breaking its promise to
supply vectors computed with the trigger's own function.
"""

from dataclasses import dataclass

from django.db import connection, transaction
from pyroaring import BitMap

from meetings.counting import MeetingBitmaps, bitmaps, forget, text_matches
from meetings.models import City, Country, Meeting, Minister, Portfolio, Post, Topic

ARRAYS = ["topic_ids", "topic_group_ids", "person_ids", "post_ids", "portfolio_ids"]
# Each table with a search vector, and the database function that computes it from a row.
VECTORS = {
    Meeting: "meetings_meeting_vector(t.title_ar, t.title_fr, t.title_en, t.summary_ar, "
    "t.summary_fr, t.summary_en, t.outcomes_ar, t.outcomes_fr, t.outcomes_en)",
    Country: "meetings_country_vector(t)",
    City: "meetings_city_vector(t)",
    Topic: "meetings_topic_vector(t)",
    Portfolio: "meetings_portfolio_vector(t)",
    Post: "meetings_post_vector(t)",
    Minister: "meetings_minister_vector(t)",
}


@dataclass(frozen=True)
class Drift:
    """A stored value that is not what its rows give: on which row, in which value."""

    table: str
    row: str
    value: str
    detail: str = ""

    def __str__(self):
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.table} {self.row}: {self.value}{detail}"


def drifts(meeting_ids: list[int] | None = None) -> list[Drift]:
    """Every drift, or only those of the meetings ``meeting_ids``."""
    found = vector_drifts(Meeting, meeting_ids) + array_drifts(meeting_ids)
    found += posting_drifts(meeting_ids)
    if meeting_ids is None:
        for model in VECTORS:
            if model is not Meeting:
                found += vector_drifts(model)
        found += bitmap_drifts()
    return found


def vector_drifts(model, ids=None) -> list[Drift]:
    table, pk = model._meta.db_table, model._meta.pk.column
    where = "" if ids is None else f"AND t.{pk} = ANY(%s)"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT t.{pk} FROM {table} t "  # noqa: S608 - constants only
            f"WHERE t.search_vector IS DISTINCT FROM {VECTORS[model]} {where} ORDER BY t.{pk}",
            [] if ids is None else [list(ids)],
        )
        rows = cursor.fetchall()
    return [Drift(model._meta.model_name, str(key), "search_vector") for (key,) in rows]


def array_drifts(meeting_ids=None) -> list[Drift]:
    """Stored arrays against meetings_meeting_arrays, the database's one definition."""
    differs = " OR ".join(f"m.{name} IS DISTINCT FROM d.{name}" for name in ARRAYS)
    where = "" if meeting_ids is None else "AND m.id = ANY(%s)"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT m.id, {', '.join(f'm.{n}, d.{n}' for n in ARRAYS)} "  # noqa: S608
            f"FROM meetings_meeting m JOIN meetings_meeting_arrays d ON d.id = m.id "
            f"WHERE ({differs}) {where} ORDER BY m.id",
            [] if meeting_ids is None else [list(meeting_ids)],
        )
        rows = cursor.fetchall()
    found = []
    for pk, *pairs in rows:
        for index, name in enumerate(ARRAYS):
            stored, derived = pairs[2 * index], pairs[2 * index + 1]
            if stored != derived:
                found.append(Drift("meeting", str(pk), name, f"stored {stored}, derived {derived}"))
    return found


def posting_drifts(meeting_ids=None) -> list[Drift]:
    """The word postings (migration 0021) against the words of each meeting's vector: the
    meetings with a word missing or one too many (or postings of a meeting that is gone).

    Compared first by a checksum per meeting (how many words, and their sum), which
    PostgreSQL aggregates within work_mem (set operations over fifty million postings would
    not be); then, for the meetings that differ, word by word."""
    where = "" if meeting_ids is None else "WHERE m.id = ANY(%(ids)s)"
    posted = "" if meeting_ids is None else "WHERE meeting_id = ANY(%(ids)s)"
    params = {"ids": list(meeting_ids or [])}
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH stored AS (
                SELECT meeting_id AS id, count(*) AS words, sum(word::numeric) AS total
                FROM meetings_wordposting {posted} GROUP BY meeting_id
            ), derived AS (
                SELECT m.id, v.words, v.total FROM meetings_meeting m, LATERAL (
                    SELECT count(*) AS words, sum(word::numeric) AS total
                    FROM meetings_vector_words(m.search_vector) AS word
                ) v {where}
            )
            SELECT coalesce(d.id, s.id) FROM derived d FULL JOIN stored s ON s.id = d.id
            WHERE coalesce(d.words, 0) <> coalesce(s.words, 0)
               OR coalesce(d.total, 0) <> coalesce(s.total, 0)
            """,  # noqa: S608 - constants only
            params,
        )
        differing = sorted(row[0] for row in cursor.fetchall())
        if not differing:
            return []
        cursor.execute(
            """
            WITH derived AS (
                SELECT meetings_vector_words(search_vector) AS word, id
                FROM meetings_meeting WHERE id = ANY(%(ids)s)
            ), stored AS (
                SELECT word, meeting_id AS id FROM meetings_wordposting
                WHERE meeting_id = ANY(%(ids)s)
            )
            SELECT id, count(*) FILTER (WHERE missing), count(*) FILTER (WHERE NOT missing)
            FROM (
                (SELECT *, true AS missing FROM derived EXCEPT SELECT *, true FROM stored)
                UNION ALL
                (SELECT *, false FROM stored EXCEPT SELECT *, false FROM derived)
            ) difference
            GROUP BY id ORDER BY id
            """,
            {"ids": differing},
        )
        rows = cursor.fetchall()
    return [
        Drift("meeting", str(pk), "word postings", f"{missing} missing, {extra} too many")
        for pk, missing, extra in rows
    ]


def bitmap_drifts() -> list[Drift]:
    """This process's bitmaps, followed change by change since they were read, against a
    whole reading made now: the same sets, family by family."""
    followed = bitmaps()
    fresh = MeetingBitmaps()
    fresh.load("default")
    found = []
    if followed.published != fresh.published:
        found.append(Drift("bitmap", "published", "meetings", f"{len(followed.published)} "
                           f"followed, {len(fresh.published)} read"))  # fmt: skip
    for family, values in fresh.by.items():
        kept = followed.by.get(family, {})
        for key in sorted(set(values) | set(kept)):
            if values.get(key, BitMap()) != kept.get(key, BitMap()):
                found.append(Drift("bitmap", f"{family} {key}", "meetings"))
    for words, kept in list(followed.words.items()):
        if kept != text_matches(words) & fresh.published:
            found.append(Drift("bitmap", f"word {words}", "meetings"))
    return found


@transaction.atomic
def fix(found: list[Drift]) -> None:
    """Write the recomputed values of every drift back with the database's functions."""
    models = {model._meta.model_name: model for model in VECTORS}
    vectors: dict[str, set[str]] = {}
    arrays: set[int] = set()
    postings: set[int] = set()
    for drift in found:
        if drift.value == "word postings":
            postings.add(int(drift.row))
        elif drift.value == "search_vector":
            vectors.setdefault(drift.table, set()).add(drift.row)
        elif drift.value in ARRAYS:
            arrays.add(int(drift.row))
    with connection.cursor() as cursor:
        if arrays:
            cursor.execute("SELECT meetings_refresh_arrays(%s)", [sorted(arrays)])
        # Written as a loader supplying vectors would: with the trigger's own function.
        cursor.execute("SET LOCAL meetings.search_vectors_supplied = 'on'")
        for name, keys in vectors.items():
            model = models[name]
            table, pk = model._meta.db_table, model._meta.pk.column
            cursor.execute(
                f"UPDATE {table} t SET search_vector = {VECTORS[model]} "  # noqa: S608
                f"WHERE t.{pk} = ANY(%s)",
                [[model._meta.pk.to_python(key) for key in keys]],
            )
        cursor.execute("SET LOCAL meetings.search_vectors_supplied = 'off'")
        # After the vectors: a vector written again has its postings kept by the trigger.
        if postings:
            ids = sorted(postings)
            cursor.execute("DELETE FROM meetings_wordposting WHERE meeting_id = ANY(%s)", [ids])
            cursor.execute(
                "INSERT INTO meetings_wordposting (word, meeting_id)"
                " SELECT meetings_vector_words(search_vector), id FROM meetings_meeting"
                " WHERE id = ANY(%s)",
                [ids],
            )
    # The bitmaps of searched words follow the postings: read again after a repair.
    if postings or vectors or any(drift.table == "bitmap" for drift in found):
        forget()
