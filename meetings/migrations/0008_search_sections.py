"""Index each section of the search document with its own configuration.

A generated column cannot be altered: it is dropped (with its index) and added
again. Documents written before this change are rebuilt by
``manage.py rebuild_search_documents``.
"""

import django.contrib.postgres.indexes
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import migrations, models

from meetings.models import search_section


class Migration(migrations.Migration):
    dependencies = [("meetings", "0007_facet_totals")]

    operations = [
        migrations.RemoveIndex(model_name="meeting", name="meeting_search_vector"),
        migrations.RemoveField(model_name="meeting", name="search_vector"),
        migrations.AddField(
            model_name="meeting",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=(
                    SearchVector(search_section(1), config="arabic")
                    + SearchVector(search_section(2), config="french")
                    + SearchVector(search_section(3), config="english")
                    + SearchVector(search_section(4), config="simple")
                ),
                output_field=SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="meeting",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="meeting_search_vector"
            ),
        ),
    ]


