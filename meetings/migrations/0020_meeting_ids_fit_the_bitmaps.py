"""Meeting ids stay below 2**32: the counting bitmaps (meetings.counting, pyroaring's
BitMap) hold 32-bit ids, and the importer, which keeps the ids of a file, says so per row."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0019_counts_from_bitmaps'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.CheckConstraint(condition=models.Q(('id__gte', 1), ('id__lte', 4294967295)), name='meeting_id_fits_the_bitmaps'),
        ),
    ]
