"""The search vector: a plain column that a trigger keeps, instead of a generated one.

A generated column is computed by the backend that writes the row, and nothing
else may write it; so a bulk import computed its million vectors one after the
other, after the file was read. As a plain column, the importer can have them
computed while it is still reading the file, in its staging table, with the same
function (docs/decisions/0014).

``meetings_search_vector(document)`` is the expression the generated column had.
The trigger applies it on every insert and on every update that changes the
document (an update that does not keeps the stored vector, whatever it sets),
so the vector stays the function of the document. It fires in bulk loads too
(ENABLE ALWAYS), unless the loading transaction declares, with
``SET LOCAL meetings.search_vectors_supplied = 'on'``, that it writes vectors
computed with that same function.

DROP EXPRESSION keeps the stored values: no row is rewritten.
"""

import django.contrib.postgres.search
from django.db import migrations

FORWARD = r"""
ALTER TABLE meetings_meeting ALTER COLUMN search_vector DROP EXPRESSION;

-- OR REPLACE: going back to 0013 keeps it, for the generated column made again.
CREATE OR REPLACE FUNCTION meetings_search_vector(document text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN to_tsvector('arabic'::regconfig, coalesce(split_part(document, E'\f', 1), ''))
        || to_tsvector('french'::regconfig, coalesce(split_part(document, E'\f', 2), ''))
        || to_tsvector('english'::regconfig, coalesce(split_part(document, E'\f', 3), ''))
        || to_tsvector('simple'::regconfig, coalesce(split_part(document, E'\f', 4), ''));

CREATE FUNCTION meetings_keep_search_vector() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.search_document IS NOT DISTINCT FROM OLD.search_document THEN
        NEW.search_vector := OLD.search_vector;
    ELSE
        NEW.search_vector := meetings_search_vector(NEW.search_document);
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER meeting_search_vector
    BEFORE INSERT OR UPDATE ON meetings_meeting
    FOR EACH ROW
    WHEN (current_setting('meetings.search_vectors_supplied', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION meetings_keep_search_vector();
ALTER TABLE meetings_meeting ENABLE ALWAYS TRIGGER meeting_search_vector;
"""

BACKWARD = r"""
DROP TRIGGER meeting_search_vector ON meetings_meeting;
DROP FUNCTION meetings_keep_search_vector();
DROP INDEX meeting_search_vector;
ALTER TABLE meetings_meeting DROP COLUMN search_vector;
ALTER TABLE meetings_meeting ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (meetings_search_vector(search_document)) STORED;
CREATE INDEX meeting_search_vector ON meetings_meeting USING gin (search_vector);
"""


class Migration(migrations.Migration):
    dependencies = [("meetings", "0013_archive_version")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(FORWARD, BACKWARD)],
            state_operations=[
                migrations.AlterField(
                    model_name="meeting",
                    name="search_vector",
                    field=django.contrib.postgres.search.SearchVectorField(
                        editable=False, null=True
                    ),
                ),
            ],
        ),
    ]
