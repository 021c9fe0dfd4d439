"""Rate-limit counters shared by every worker (meetings/operations/rate_limits.py), in an UNLOGGED
table: no write-ahead log for counters a crash may forget."""

import django.contrib.postgres.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0016_display_and_reference_versions'),
    ]

    operations = [
        migrations.CreateModel(
            name='RateLimit',
            fields=[
                ('key', models.CharField(max_length=100, primary_key=True, serialize=False)),
                ('moments', django.contrib.postgres.fields.ArrayField(base_field=models.DateTimeField())),
            ],
        ),
        migrations.RunSQL(
            "ALTER TABLE meetings_ratelimit SET UNLOGGED",
            reverse_sql="ALTER TABLE meetings_ratelimit SET LOGGED",
        ),
    ]
