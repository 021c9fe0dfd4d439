"""Counts come from each process's bitmaps (meetings/counting.py, docs/decisions/0023):
what they need to follow the archive, and the facet totals they replace.

``meetings_meeting.changed_in``: the id of the transaction that last wrote the row, set
by the display version's trigger (migration 0016) on every insert and update, bulk
loads included. ``meetings_deletedmeeting``: the meetings deleted, by the transaction
that deleted them, kept a day. A process that read the archive with a snapshot whose
oldest running transaction was X reads next the rows written by X or later: what
committed after its reading, and what was still running then.

Rows older than this migration keep changed_in NULL: written before any reading.

The facet totals table, its trigger (migrations 0010, 0011) and its key function go:
nothing reads them, and the trigger cost every write of a meeting.
"""

from importlib import import_module

from django.db import migrations

FORWARD = """
DROP TRIGGER meeting_facet_totals ON meetings_meeting;
DROP FUNCTION meetings_maintain_facet_totals();
DROP FUNCTION meetings_facet_keys(meetings_meeting);

ALTER TABLE meetings_meeting ADD COLUMN changed_in xid8;
CREATE INDEX meeting_changed_in ON meetings_meeting (changed_in);

CREATE OR REPLACE FUNCTION meetings_new_display_version() RETURNS trigger AS $$
BEGIN
    NEW.display_version := nextval('meetings_meeting_display_version');
    NEW.changed_in := pg_current_xact_id();
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TABLE meetings_deletedmeeting (
    meeting_id bigint NOT NULL,
    deleted_in xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deleted_meeting_deleted_in ON meetings_deletedmeeting (deleted_in);

CREATE FUNCTION meetings_log_deletions() RETURNS trigger AS $$
BEGIN
    INSERT INTO meetings_deletedmeeting (meeting_id) SELECT id FROM old_rows;
    DELETE FROM meetings_deletedmeeting WHERE deleted_at < now() - interval '1 day';
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER meeting_deletions_logged AFTER DELETE ON meetings_meeting
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_log_deletions();
ALTER TABLE meetings_meeting ENABLE ALWAYS TRIGGER meeting_deletions_logged;
"""

BACKWARD = """
DROP TRIGGER meeting_deletions_logged ON meetings_meeting;
DROP FUNCTION meetings_log_deletions();
DROP TABLE meetings_deletedmeeting;
CREATE OR REPLACE FUNCTION meetings_new_display_version() RETURNS trigger AS $$
BEGIN
    NEW.display_version := nextval('meetings_meeting_display_version');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
ALTER TABLE meetings_meeting DROP COLUMN changed_in;
"""
# Going back: the facet totals' functions and trigger as migrations 0010 and 0011 left
# them (run after the table is made again, operations going back in reverse order).
BACKWARD += (
    import_module("meetings.migrations.0010_facet_totals_trigger").CREATE
    + import_module("meetings.migrations.0011_pair_facet_totals").KEYS
)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0018_derived_values_owned_by_the_database")]

    operations = [
        migrations.RunSQL(FORWARD, BACKWARD),
        # Going back recreates the table empty and its trigger: recount it then with that
        # code (refresh_facet_totals).
        migrations.DeleteModel(name="FacetTotal"),
    ]
