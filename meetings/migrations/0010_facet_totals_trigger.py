"""Keep meetings_facettotal in step with meetings_meeting, in the database.

Every insert, update or delete of a meeting adds its facet keys (country, year,
topics, topic groups, portfolios, people; for all meetings and for each of its
two countries) when it is published after the change, and subtracts them when
it was published before. Updates that touch none of those columns do nothing.
meetings.facet_totals.refresh_facet_totals() recounts the whole table with the
same function, after bulk loads done with the trigger switched off.
"""

from django.db import migrations

CREATE = """
CREATE FUNCTION meetings_facet_keys(m meetings_meeting)
RETURNS TABLE (scope varchar, facet varchar, key varchar) AS $$
    SELECT s.scope, k.facet, k.key
    FROM (VALUES (''), ('country:' || m.country_a_id), ('country:' || m.country_b_id)) AS s (scope),
    LATERAL (
        SELECT 'total', ''
        UNION ALL SELECT 'country', m.country_a_id
        UNION ALL SELECT 'country', m.country_b_id
        UNION ALL SELECT 'year', extract(year FROM m.date)::int::text
        UNION ALL SELECT 'topic', t::text FROM unnest(m.topic_ids) AS t
        UNION ALL SELECT 'topic_group', t::text FROM unnest(m.topic_group_ids) AS t
        UNION ALL SELECT 'portfolio', p::text FROM unnest(m.portfolio_ids) AS p
        UNION ALL SELECT 'person', p::text FROM unnest(m.person_ids) AS p WHERE s.scope = ''
    ) AS k (facet, key)
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION meetings_maintain_facet_totals() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND OLD.status IS NOT DISTINCT FROM NEW.status
       AND OLD.date = NEW.date
       AND OLD.country_a_id = NEW.country_a_id
       AND OLD.country_b_id = NEW.country_b_id
       AND OLD.topic_ids = NEW.topic_ids
       AND OLD.topic_group_ids = NEW.topic_group_ids
       AND OLD.portfolio_ids = NEW.portfolio_ids
       AND OLD.person_ids = NEW.person_ids THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'published' THEN
        INSERT INTO meetings_facettotal (scope, facet, key, meetings)
        SELECT k.scope, k.facet, k.key, -count(*) FROM meetings_facet_keys(OLD) AS k
        GROUP BY 1, 2, 3
        ON CONFLICT (scope, facet, key)
        DO UPDATE SET meetings = meetings_facettotal.meetings + EXCLUDED.meetings;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'published' THEN
        INSERT INTO meetings_facettotal (scope, facet, key, meetings)
        SELECT k.scope, k.facet, k.key, count(*) FROM meetings_facet_keys(NEW) AS k
        GROUP BY 1, 2, 3
        ON CONFLICT (scope, facet, key)
        DO UPDATE SET meetings = meetings_facettotal.meetings + EXCLUDED.meetings;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER meeting_facet_totals
    AFTER INSERT OR UPDATE OR DELETE ON meetings_meeting
    FOR EACH ROW EXECUTE FUNCTION meetings_maintain_facet_totals();
"""

DROP = """
DROP TRIGGER IF EXISTS meeting_facet_totals ON meetings_meeting;
DROP FUNCTION IF EXISTS meetings_maintain_facet_totals();
DROP FUNCTION IF EXISTS meetings_facet_keys(meetings_meeting);
"""


class Migration(migrations.Migration):
    dependencies = [("meetings", "0009_derived_arrays_and_published_indexes")]

    operations = [migrations.RunSQL(CREATE, DROP)]
