"""Indexes nothing reads, that every write and every bulk load paid for.

- A participant's meeting: the unique (meeting, minister) index starts with it.
- The ``varchar_pattern_ops`` copies Django adds beside the indexes of text
  columns, for ``LIKE 'prefix%'``: nothing searches country codes or statuses
  by prefix. At a million meetings they were 10 s of a bulk load's index builds
  and 70 MB. Django drops such an index with IF EXISTS when it alters a field,
  and makes it again: a later migration of these fields may bring one back.
"""

import django.db.models.deletion
from django.db import migrations, models

DROP_PATTERN_INDEXES = """
DO $$
DECLARE name text;
BEGIN
    FOR name IN
        SELECT indexname FROM pg_indexes
        WHERE schemaname = current_schema()
          AND tablename IN ('meetings_meeting', 'meetings_participation')
          AND indexdef LIKE '%varchar_pattern_ops%'
    LOOP
        EXECUTE format('DROP INDEX %I', name);
    END LOOP;
END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [("meetings", "0014_search_vector_kept_by_a_trigger")]

    operations = [
        migrations.AlterField(
            model_name="participation",
            name="meeting",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="participations",
                to="meetings.meeting",
                verbose_name="meeting",
            ),
        ),
        # Not recreated on the way back: they served no query.
        migrations.RunSQL(DROP_PATTERN_INDEXES, migrations.RunSQL.noop),
    ]
