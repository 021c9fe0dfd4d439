"""Every derived value recomputed from the rows it comes from, and compared with what is
stored (``manage.py check_integrity``). Each drift names the row it concerns; ``fix``
writes the recomputed values back through their owners (docs/decisions/0020).

Checked: each meeting's search document (its own text) and vector, its id arrays
(topics, topic groups, people, posts, portfolios), each reference row's names document
and vector, and the facet totals. Not checked, as they are not functions of the rows:
the archive's, reference and display versions (clocks that only grow) and the caches
keyed by them.
"""

from dataclasses import dataclass

from django.db import connection, transaction

from meetings.caching.facet_totals import RECOUNT, refresh_facet_totals
from meetings.models import Meeting, NamesIndexed
from meetings.search import SEARCHED_FIELDS, meeting_document, names_document

BATCH = 5000
ARRAYS = ["topic_ids", "topic_group_ids", "person_ids", "post_ids", "portfolio_ids"]


@dataclass(frozen=True)
class Drift:
    """A stored value that is not what its rows give: on which row, in which value."""

    table: str
    row: str
    value: str
    detail: str = ""

    def __str__(self):
        return f"{self.table} {self.row}: {self.value}" + (
            f" ({self.detail})" if self.detail else ""
        )


def drifts(meeting_ids: list[int] | None = None) -> list[Drift]:
    """Every drift, or only those of ``meeting_ids`` and the facet totals."""
    found = []
    found += document_drifts(meeting_ids)
    found += vector_drifts(Meeting, "search_document", meeting_ids)
    found += array_drifts(meeting_ids)
    if meeting_ids is None:
        for model in NamesIndexed.__subclasses__():
            found += names_drifts(model)
            found += vector_drifts(model, "search_names")
    found += facet_total_drifts()
    return found


def meetings_of(meeting_ids):
    meetings = Meeting.objects.order_by("pk")
    return meetings if meeting_ids is None else meetings.filter(pk__in=meeting_ids)


def document_drifts(meeting_ids=None) -> list[Drift]:
    rows = meetings_of(meeting_ids).only("pk", "search_document", *SEARCHED_FIELDS)
    return [
        Drift("meeting", str(meeting.pk), "search_document")
        for meeting in rows.iterator(chunk_size=BATCH)
        if meeting.search_document != meeting_document(meeting)
    ]


def names_drifts(model) -> list[Drift]:
    return [
        Drift(model._meta.model_name, str(row.pk), "search_names")
        for row in model.objects.order_by("pk").iterator(chunk_size=BATCH)
        if row.search_names != names_document(row)
    ]


def vector_drifts(model, document: str, ids=None) -> list[Drift]:
    table, pk = model._meta.db_table, model._meta.pk.column
    where = "" if ids is None else f"AND {pk} = ANY(%s)"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {pk} FROM {table} WHERE search_vector IS DISTINCT FROM "  # noqa: S608
            f"meetings_search_vector({document}) {where} ORDER BY {pk}",
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


def facet_total_drifts() -> list[Drift]:
    """Stored facet totals against a recount (zeros and missing rows are the same)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH counted AS ({RECOUNT}), stored AS (
                SELECT scope, facet, key, meetings FROM meetings_facettotal WHERE meetings <> 0
            )
            SELECT coalesce(c.scope, s.scope), coalesce(c.facet, s.facet), coalesce(c.key, s.key),
                   s.meetings, c.sum
            FROM counted c FULL JOIN stored s
              ON s.scope = c.scope AND s.facet = c.facet AND s.key = c.key
            WHERE s.meetings IS DISTINCT FROM c.sum
            ORDER BY 1, 2, 3
            """  # noqa: S608 - constants only
        )
        rows = cursor.fetchall()
    return [
        Drift(
            "facet total",
            f"{scope or 'all'} {facet} {key}".strip(),
            "meetings",
            f"stored {stored or 0}, counted {counted or 0}",
        )
        for scope, facet, key, stored, counted in rows
    ]


@transaction.atomic
def fix(found: list[Drift]) -> None:
    """Write the recomputed values of every drift back, through each value's owner."""
    by_value: dict[tuple[str, str], set[str]] = {}
    for drift in found:
        if drift.table != "facet total":
            by_value.setdefault((drift.table, drift.value), set()).add(drift.row)
    models = {model._meta.model_name: model for model in [Meeting, *NamesIndexed.__subclasses__()]}
    with connection.cursor() as cursor:
        if ids := by_value.get(("meeting", "search_document")):
            meetings = list(meetings_of(ids).only("pk", *SEARCHED_FIELDS))
            for meeting in meetings:
                meeting.search_document = meeting_document(meeting)
            Meeting.objects.bulk_update(meetings, ["search_document"], batch_size=BATCH)
        for (table, value), ids in by_value.items():
            if value == "search_names":
                rows = list(models[table].objects.filter(pk__in=ids))
                for row in rows:
                    row.search_names = names_document(row)
                models[table].objects.bulk_update(rows, ["search_names"], batch_size=BATCH)
        array_ids = set().union(*(ids for (_t, v), ids in by_value.items() if v in ARRAYS))
        if array_ids:
            cursor.execute("SELECT meetings_refresh_arrays(%s)", [sorted(map(int, array_ids))])
        # A vector left wrong (written while its trigger was off) is set from its document,
        # the transaction saying it supplies vectors computed with the trigger's function.
        cursor.execute("SET LOCAL meetings.search_vectors_supplied = 'on'")
        for (name, value), ids in by_value.items():
            if value == "search_vector":
                model = models[name]
                document = "search_document" if model is Meeting else "search_names"
                keys = [model._meta.pk.to_python(key) for key in ids]
                cursor.execute(
                    f"UPDATE {model._meta.db_table} SET search_vector = "  # noqa: S608
                    f"meetings_search_vector({document}) WHERE {model._meta.pk.column} = ANY(%s)",
                    [keys],
                )
        cursor.execute("SET LOCAL meetings.search_vectors_supplied = 'off'")
    if any(drift.table == "facet total" for drift in found) or array_ids:
        refresh_facet_totals()
