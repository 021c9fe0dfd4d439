"""Facet counts of published meetings, kept in a table instead of counted per request.

A trigger (migration 0010) adds and subtracts each meeting's facet keys as it
changes. ``refresh_facet_totals`` recounts everything with the same SQL
function, after bulk loads that switch the trigger off. Pages with no filter
read scope ""; pages filtered only by a country read scope "country:XX".
"""

from django.core.cache import cache
from django.db import connection, transaction

from meetings.models import FacetTotal, facet_dict


def refresh_facet_totals() -> None:
    """Recount everything published, in one statement; concurrent recounts queue up."""
    table = FacetTotal._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        # TRUNCATE leaves no dead rows behind (readers wait for the recount to commit).
        cursor.execute(f"TRUNCATE {table}")
        cursor.execute(
            f"""
            INSERT INTO {table} (scope, facet, key, meetings)
            SELECT k.scope, k.facet, k.key, count(*)
            FROM meetings_meeting m, meetings_facet_keys(m) AS k
            WHERE m.status = 'published'
            GROUP BY 1, 2, 3
            """  # noqa: S608 - our table name
        )
        cursor.execute(f"ANALYZE {table}")


def facet_totals(scope: str = "") -> dict:
    """The stored counts for ``scope``, in the shape of MeetingQuerySet.facet_counts().

    People are listed for a pair only; over the whole archive they are only counted.
    """
    facets = ["total", "country", "year", "topic", "topic_group", "portfolio"]
    if scope.startswith("pair:"):
        facets.append("person")
    rows = FacetTotal.objects.filter(scope=scope, facet__in=facets, meetings__gt=0).values_list(
        "facet", "key", "meetings"
    )
    counts = facet_dict(rows)
    counts["capped"] = False
    return counts


PEOPLE_TOTAL_KEY = "people-total"


def people_total() -> int:
    """How many people took part in published meetings (a home-page figure, cached;
    saving a meeting clears it, see meetings.signals)."""
    return cache.get_or_set(
        PEOPLE_TOTAL_KEY,
        lambda: FacetTotal.objects.filter(scope="", facet="person", meetings__gt=0).count(),
        timeout=300,
    )
