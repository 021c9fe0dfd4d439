"""Add realistic, reproducible demo meetings (see meetings/operations/demo.py).

python manage.py generate_demo_data --meetings 100000 --seed 1
"""

import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from meetings.operations import demo


class Command(BaseCommand):
    help = "Add N demo meetings with people, mandates, topics and sources (same seed, same data)."

    def add_arguments(self, parser):
        parser.add_argument("--meetings", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, meetings, seed, no_progress, **options):
        started = time.perf_counter()
        with tqdm(total=meetings, unit=" meetings", disable=no_progress, mininterval=1) as bar:
            demo.generate(meetings, seed, progress=bar.update)
        generated = time.perf_counter() - started
        self.stdout.write(
            f"{meetings:,} meetings in {generated:.1f} s ({meetings / generated:,.0f} a second)"
        )
