"""Numbers that say when what a meeting card shows has changed (docs/decisions/0015).

Cards used to be kept under the archive's version, which every change bumps: one
edit retired every card of the archive. A card shows its meeting's row, its
participants and topics, and the names of countries, cities, people, posts and
topics. So it is now kept under two numbers:

- ``meetings_meeting.display_version``: a new number from a sequence on every
  insert and every update of the meeting's row (a trigger, which fires in bulk
  loads too: a row restored from history with its old number gets a new one),
  and whenever one of its participants
  or topics is added, changed or removed (statement triggers that touch the
  meeting's row, so that the first trigger gives it a new number). Rows older
  than this migration keep NULL until they change: a number like any other.
- the reference version: row 2 of meetings_archiveversion, bumped by statement
  triggers on the tables of names a card shows, as row 1 is on every table.

Adding a column without a default rewrites no row; the default then applies to
new rows only.
"""

from django.db import migrations, models

REFERENCE_TABLES = [
    "meetings_city", "meetings_country", "meetings_mandate", "meetings_minister",
    "meetings_post", "meetings_topic",
]  # fmt: skip
# The tables of a meeting's own rows, by the column naming the meeting.
MEETING_PARTS = ["meetings_participation", "meetings_meeting_topics"]

FORWARD = """
CREATE SEQUENCE meetings_meeting_display_version;
ALTER TABLE meetings_meeting ADD COLUMN display_version bigint;
ALTER SEQUENCE meetings_meeting_display_version OWNED BY meetings_meeting.display_version;
ALTER TABLE meetings_meeting
    ALTER COLUMN display_version SET DEFAULT nextval('meetings_meeting_display_version');

CREATE FUNCTION meetings_new_display_version() RETURNS trigger AS $$
BEGIN
    NEW.display_version := nextval('meetings_meeting_display_version');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER meeting_display_version BEFORE INSERT OR UPDATE ON meetings_meeting
    FOR EACH ROW EXECUTE FUNCTION meetings_new_display_version();
ALTER TABLE meetings_meeting ENABLE ALWAYS TRIGGER meeting_display_version;

-- Transition tables allow one event per trigger: one trigger each for insert,
-- update and delete, sharing this function.
CREATE FUNCTION meetings_touch_meetings_of_rows() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE meetings_meeting SET display_version = NULL
        WHERE id IN (SELECT meeting_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE meetings_meeting SET display_version = NULL
        WHERE id IN (SELECT meeting_id FROM old_rows);
    ELSE
        UPDATE meetings_meeting SET display_version = NULL
        WHERE id IN (SELECT meeting_id FROM new_rows UNION SELECT meeting_id FROM old_rows);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

INSERT INTO meetings_archiveversion (id, version)
VALUES (2, (extract(epoch FROM clock_timestamp()) * 1000)::bigint);

CREATE FUNCTION meetings_bump_reference_version_now() RETURNS void AS $$
    UPDATE meetings_archiveversion
    SET version = greatest(version + 1, (extract(epoch FROM clock_timestamp()) * 1000)::bigint)
    WHERE id = 2
$$ LANGUAGE sql;

CREATE FUNCTION meetings_bump_reference_version() RETURNS trigger AS $$
BEGIN
    PERFORM meetings_bump_reference_version_now();
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
"""

PART_TRIGGERS = """
CREATE TRIGGER {table}_inserted_touches_meeting AFTER INSERT ON {table}
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_touch_meetings_of_rows();
CREATE TRIGGER {table}_updated_touches_meeting AFTER UPDATE ON {table}
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_touch_meetings_of_rows();
CREATE TRIGGER {table}_deleted_touches_meeting AFTER DELETE ON {table}
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_touch_meetings_of_rows();
"""
DROP_PART_TRIGGERS = """
DROP TRIGGER {table}_inserted_touches_meeting ON {table};
DROP TRIGGER {table}_updated_touches_meeting ON {table};
DROP TRIGGER {table}_deleted_touches_meeting ON {table};
"""

REFERENCE_TRIGGER = """
CREATE TRIGGER {table}_bumps_reference_version
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
FOR EACH STATEMENT EXECUTE FUNCTION meetings_bump_reference_version();
"""

BACKWARD = """
DROP TRIGGER meeting_display_version ON meetings_meeting;
DROP FUNCTION meetings_new_display_version();
DROP FUNCTION meetings_touch_meetings_of_rows();
ALTER TABLE meetings_meeting DROP COLUMN display_version;
DROP FUNCTION meetings_bump_reference_version();
DROP FUNCTION meetings_bump_reference_version_now();
DELETE FROM meetings_archiveversion WHERE id = 2;
"""


class Migration(migrations.Migration):
    dependencies = [("meetings", "0015_fewer_indexes")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    [
                        FORWARD,
                        *[PART_TRIGGERS.format(table=table) for table in MEETING_PARTS],
                        *[REFERENCE_TRIGGER.format(table=table) for table in REFERENCE_TABLES],
                    ],
                    [
                        *[
                            f"DROP TRIGGER {table}_bumps_reference_version ON {table}"
                            for table in REFERENCE_TABLES
                        ],
                        *[DROP_PART_TRIGGERS.format(table=table) for table in MEETING_PARTS],
                        BACKWARD,
                    ],
                )
            ],
            state_operations=[
                migrations.AddField(
                    model_name="meeting",
                    name="display_version",
                    field=models.BigIntegerField(
                        db_default=models.Func(
                            models.Value("meetings_meeting_display_version"), function="nextval"
                        ),
                        editable=False,
                        null=True,
                    ),
                ),
            ],
        ),
    ]
