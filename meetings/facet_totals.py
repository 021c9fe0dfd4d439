"""Facet counts of published meetings, kept in a table instead of counted per request.

A trigger (migration 0010) adds and subtracts each meeting's facet keys as it
changes. ``refresh_facet_totals`` recounts everything with the same SQL
function, after bulk loads that switch the trigger off. Pages with no filter
read scope ""; pages filtered only by a country read scope "country:XX".
"""

from django.db import connection, transaction

from meetings.models import FacetTotal, facet_dict


def refresh_facet_totals() -> None:
    """Recount everything published; concurrent recounts queue behind each other."""
    table = FacetTotal._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608
        cursor.execute(
            f"""
            INSERT INTO {table} (scope, facet, key, meetings)
            SELECT k.scope, k.facet, k.key, count(*)
            FROM meetings_meeting m, meetings_facet_keys(m) AS k
            WHERE m.status = 'published'
            GROUP BY 1, 2, 3
            """  # noqa: S608
        )


def facet_totals(scope: str = "") -> dict:
    """The stored counts for ``scope``, in the shape of MeetingQuerySet.facet_counts()."""
    rows = FacetTotal.objects.filter(scope=scope, meetings__gt=0).values_list(
        "facet", "key", "meetings"
    )
    counts = facet_dict(rows)
    counts["capped"] = False
    return counts


def people_total() -> int:
    """How many people took part in published meetings."""
    return FacetTotal.objects.filter(scope="", facet="person", meetings__gt=0).count()
