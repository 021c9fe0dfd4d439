"""Facet counts of published meetings, kept in a table instead of counted per request.

A trigger (migration 0010) adds and subtracts each meeting's facet keys as it
changes. ``refresh_facet_totals`` recounts everything with the same keys,
after bulk loads that switch the trigger off. Pages with no filter
read scope ""; pages filtered only by a country read scope "country:XX".
"""

from django.core.cache import cache
from django.db import connection, transaction

from meetings.models import FacetTotal, facet_dict
from meetings.versions import archive_version

# Each meeting's keys from meetings_meeting_facets (migration 0018), the definition the
# trigger applies meeting by meeting, counted in two steps: once per pair of countries,
# then summed into the archive's, each country's and each pair's scope, with the trigger's
# rules (no country facet within a pair, people over the archive and per pair). Twice as
# fast as the trigger's function per meeting (a pair has many meetings);
# tests/test_facet_totals.py checks that both give the same totals.
RECOUNT = """
    WITH per_pair AS (
        SELECT m.country_a_id AS a, m.country_b_id AS b, k.facet, k.key, count(*) AS n
        FROM meetings_meeting m,
        meetings_meeting_facets(m.date, m.country_a_id, m.country_b_id, m.topic_ids,
                                m.topic_group_ids, m.portfolio_ids, m.person_ids) AS k
        WHERE m.status = 'published' AND k.facet <> 'country'
        GROUP BY 1, 2, 3, 4
    )
    SELECT scope, facet, key, sum(n) FROM (
        SELECT 'pair:' || a || '-' || b, facet, key, n FROM per_pair
        UNION ALL SELECT '', facet, key, n FROM per_pair
        UNION ALL SELECT 'country:' || c, facet, key, n
            FROM per_pair, LATERAL (VALUES (a), (b)) AS v (c) WHERE facet <> 'person'
        UNION ALL SELECT s.scope, 'country', v.c, n
            FROM per_pair, LATERAL (VALUES (a), (b)) AS v (c),
                 LATERAL (VALUES (''), ('country:' || a), ('country:' || b)) AS s (scope)
            WHERE facet = 'total'
    ) AS scoped (scope, facet, key, n)
    GROUP BY 1, 2, 3
"""


def refresh_facet_totals() -> None:
    """Recount everything published, in one statement; concurrent recounts queue up."""
    table = FacetTotal._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        # The counts per pair hold millions of keys at a million meetings: in the
        # sessions' 32 MB they spill to disk and take three times as long.
        cursor.execute("SET LOCAL work_mem = '256MB'")
        # TRUNCATE leaves no dead rows behind (readers wait for the recount to commit).
        cursor.execute(f"TRUNCATE {table}")
        cursor.execute(f"INSERT INTO {table} (scope, facet, key, meetings) {RECOUNT}")
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


def people_total() -> int:
    """How many people took part in published meetings: a home-page figure, counted once
    per archive version (any change to a meeting gives a new one)."""
    return cache.get_or_set(
        f"people-total:{archive_version()}",
        lambda: FacetTotal.objects.filter(scope="", facet="person", meetings__gt=0).count(),
        timeout=600,
    )
