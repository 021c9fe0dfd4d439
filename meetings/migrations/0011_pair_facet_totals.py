"""Facet totals for each pair of countries, and an index for a pair's newest meetings.

The facet keys function gains a scope per pair ("pair:BE-MA": years, topics,
topic groups, portfolios and people), so that a pair's page needs no count
over its meetings. Totals are recounted with the new function.
"""

from django.db import migrations

KEYS = """
CREATE OR REPLACE FUNCTION meetings_facet_keys(m meetings_meeting)
RETURNS TABLE (scope varchar, facet varchar, key varchar) AS $$
    SELECT s.scope, k.facet, k.key
    FROM (VALUES (''), ('country:' || m.country_a_id), ('country:' || m.country_b_id),
                 ('pair:' || m.country_a_id || '-' || m.country_b_id)) AS s (scope),
    LATERAL (
        SELECT 'total', ''
        UNION ALL SELECT 'country', m.country_a_id WHERE left(s.scope, 5) <> 'pair:'
        UNION ALL SELECT 'country', m.country_b_id WHERE left(s.scope, 5) <> 'pair:'
        UNION ALL SELECT 'year', extract(year FROM m.date)::int::text
        UNION ALL SELECT 'topic', t::text FROM unnest(m.topic_ids) AS t
        UNION ALL SELECT 'topic_group', t::text FROM unnest(m.topic_group_ids) AS t
        UNION ALL SELECT 'portfolio', p::text FROM unnest(m.portfolio_ids) AS p
        UNION ALL SELECT 'person', p::text FROM unnest(m.person_ids) AS p
            WHERE s.scope = '' OR left(s.scope, 5) = 'pair:'
    ) AS k (facet, key)
$$ LANGUAGE sql IMMUTABLE;
"""

RECOUNT = """
DELETE FROM meetings_facettotal;
INSERT INTO meetings_facettotal (scope, facet, key, meetings)
SELECT k.scope, k.facet, k.key, count(*)
FROM meetings_meeting m, meetings_facet_keys(m) AS k
WHERE m.status = 'published'
GROUP BY 1, 2, 3;
"""


class Migration(migrations.Migration):
    dependencies = [("meetings", "0010_facet_totals_trigger")]

    operations = [migrations.RunSQL(KEYS + RECOUNT, migrations.RunSQL.noop)]
