"""The archive's version: one row, bumped by a trigger on every table public pages read.

Statement-level triggers (one bump per statement, however many rows) run the
UPDATE inside the changing transaction: readers see the new number when, and
only when, they see the new data. The number is the later of "one more" and the
clock in milliseconds, so it never repeats, even after a backup is restored.
Bulk loads switch triggers off and bump the version themselves (meetings.bulk).
"""

from django.db import migrations, models

TABLES = [
    "meetings_city", "meetings_country", "meetings_countrygroup",
    "meetings_countrygroup_members", "meetings_facettotal", "meetings_mandate", "meetings_meeting",
    "meetings_meeting_topics", "meetings_meetingcorrection", "meetings_minister",
    "meetings_outlet", "meetings_participation", "meetings_portfolio", "meetings_post",
    "meetings_source", "meetings_topic",
]  # fmt: skip

FUNCTIONS = """
CREATE FUNCTION meetings_bump_archive_version_now() RETURNS void AS $$
    UPDATE meetings_archiveversion
    SET version = greatest(version + 1, (extract(epoch FROM clock_timestamp()) * 1000)::bigint)
    WHERE id = 1
$$ LANGUAGE sql;

CREATE FUNCTION meetings_bump_archive_version() RETURNS trigger AS $$
BEGIN
    PERFORM meetings_bump_archive_version_now();
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
"""

TRIGGER = """
CREATE TRIGGER {table}_bumps_archive_version
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
FOR EACH STATEMENT EXECUTE FUNCTION meetings_bump_archive_version();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0012_published_pair_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArchiveVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("version", models.BigIntegerField(default=0)),
            ],
        ),  # fmt: skip
        migrations.RunSQL(
            [
                "INSERT INTO meetings_archiveversion (id, version) "
                "VALUES (1, (extract(epoch FROM clock_timestamp()) * 1000)::bigint)",
                FUNCTIONS,
                *[TRIGGER.format(table=table) for table in TABLES],
            ],
            [
                *[f"DROP TRIGGER {table}_bumps_archive_version ON {table}" for table in TABLES],
                "DROP FUNCTION meetings_bump_archive_version()",
                "DROP FUNCTION meetings_bump_archive_version_now()",
            ],
        ),
    ]
