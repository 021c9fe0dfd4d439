"""Recompute every derived value from its rows and report each drift (exit 1 on drift).

python manage.py check_integrity          # report
python manage.py check_integrity --fix    # report, then repair, then check again
"""

import sys
import time

from django.core.management.base import BaseCommand

from meetings.caching.integrity import drifts, fix


class Command(BaseCommand):
    help = (
        "Check that every derived value (documents, vectors, id arrays, facet totals) is what "
        "its rows give."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="repair every drift found")

    def handle(self, *args, **options):
        started = time.perf_counter()
        found = drifts()
        for drift in found[:200]:
            self.stdout.write(f"drift: {drift}")
        if len(found) > 200:
            self.stdout.write(f"... and {len(found) - 200} more")
        seconds = time.perf_counter() - started
        if not found:
            self.stdout.write(
                f"No drift: every derived value is what its rows give ({seconds:.1f} s)."
            )
            return
        self.stdout.write(f"{len(found)} drifts ({seconds:.1f} s).")
        if options["fix"]:
            fix(found)
            left = drifts()
            self.stdout.write(f"Fixed; {len(left)} drifts left.")
            if not left:
                return
        sys.exit(1)
