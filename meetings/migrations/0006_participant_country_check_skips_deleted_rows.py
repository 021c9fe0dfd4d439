"""The participant-country check looks at rows as they are at commit.

Deferred trigger events keep the row values of the moment they were queued; a
participation inserted and then deleted with its meeting in one transaction
must not fail the check. So the function reads the current rows, and passes
when the row it was queued for is gone.
"""

from django.db import migrations

REPLACE = """
CREATE OR REPLACE FUNCTION meetings_check_participant_country() RETURNS trigger AS $$
BEGIN
    IF TG_TABLE_NAME = 'meetings_participation' THEN
        IF EXISTS (
            SELECT 1 FROM meetings_participation p
            JOIN meetings_meeting m ON m.id = p.meeting_id
            WHERE p.id = NEW.id AND p.country_id NOT IN (m.country_a_id, m.country_b_id)
        ) THEN
            RAISE EXCEPTION 'participant country % is not one of the meeting''s two countries',
                NEW.country_id USING ERRCODE = 'check_violation',
                CONSTRAINT = 'participation_country_in_meeting';
        END IF;
    ELSE
        IF EXISTS (
            SELECT 1 FROM meetings_participation p
            JOIN meetings_meeting m ON m.id = p.meeting_id
            WHERE m.id = NEW.id AND p.country_id NOT IN (m.country_a_id, m.country_b_id)
        ) THEN
            RAISE EXCEPTION 'meeting % has participants from a country it no longer involves',
                NEW.id USING ERRCODE = 'check_violation',
                CONSTRAINT = 'participation_country_in_meeting';
        END IF;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
"""


class Migration(migrations.Migration):
    dependencies = [("meetings", "0005_editorial_workflow")]

    operations = [migrations.RunSQL(REPLACE, migrations.RunSQL.noop)]
