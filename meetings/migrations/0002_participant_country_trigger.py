"""Database checks that span two tables, which CHECK constraints cannot express.

A participant represents one of the meeting's two countries. The check runs
at commit (deferred), so an editor may change a meeting's countries and its
participants in one transaction; it fires on changes to either table.
"""

from django.db import migrations

CREATE = """
CREATE FUNCTION meetings_check_participant_country() RETURNS trigger AS $$
BEGIN
    IF TG_TABLE_NAME = 'meetings_participation' THEN
        IF NOT EXISTS (
            SELECT 1 FROM meetings_meeting m
            WHERE m.id = NEW.meeting_id AND NEW.country_id IN (m.country_a_id, m.country_b_id)
        ) THEN
            RAISE EXCEPTION 'participant country % is not one of the meeting''s two countries',
                NEW.country_id USING ERRCODE = 'check_violation',
                CONSTRAINT = 'participation_country_in_meeting';
        END IF;
    ELSE
        IF EXISTS (
            SELECT 1 FROM meetings_participation p
            WHERE p.meeting_id = NEW.id AND p.country_id NOT IN (NEW.country_a_id, NEW.country_b_id)
        ) THEN
            RAISE EXCEPTION 'meeting % has participants from a country it no longer involves',
                NEW.id USING ERRCODE = 'check_violation',
                CONSTRAINT = 'participation_country_in_meeting';
        END IF;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER participation_country_in_meeting
    AFTER INSERT OR UPDATE OF country_id, meeting_id ON meetings_participation
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION meetings_check_participant_country();

CREATE CONSTRAINT TRIGGER meeting_countries_cover_participants
    AFTER UPDATE OF country_a_id, country_b_id ON meetings_meeting
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION meetings_check_participant_country();
"""

DROP = """
DROP TRIGGER IF EXISTS meeting_countries_cover_participants ON meetings_meeting;
DROP TRIGGER IF EXISTS participation_country_in_meeting ON meetings_participation;
DROP FUNCTION IF EXISTS meetings_check_participant_country();
"""


class Migration(migrations.Migration):
    dependencies = [("meetings", "0001_initial")]

    operations = [migrations.RunSQL(CREATE, DROP)]
