"""Rebuild every meeting's derived fields: its search document and id arrays.

Needed after changing how they are built, or after loading meetings around
the application (bulk SQL).
"""

import time

from django.core.management.base import BaseCommand

from meetings.caching.facet_totals import refresh_facet_totals
from meetings.models import Meeting


class Command(BaseCommand):
    help = "Rebuild the search document and id arrays of every meeting, then the facet totals."

    def handle(self, *args, **options):
        started = time.perf_counter()
        done = Meeting.objects.all().refresh_derived_fields()
        refresh_facet_totals()
        self.stdout.write(f"{done:,} meetings in {time.perf_counter() - started:.1f} s")
