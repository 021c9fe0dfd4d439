"""Measure search on the evaluation queries (eval/search/; meetings/operations/search_evaluation).

    python manage.py evaluate_search [eval/search] [--verbose]

Per class of spelling variant: queries, queries found exactly, recall and precision,
"before → after" when eval/before/search.json holds the answers of the code before issue
16 (scripts/search_predictions.py run in a checkout of that code).
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from meetings.operations.search_evaluation import answers, misses, scores


class Command(BaseCommand):
    help = "Per-class recall and precision of search on the evaluation queries."

    def add_arguments(self, parser):
        parser.add_argument(
            "folder", nargs="?", default=str(Path(settings.BASE_DIR) / "eval" / "search")
        )
        parser.add_argument("--verbose", action="store_true", help="list each query's misses")

    def handle(self, *args, folder, verbose, **options):
        folder = Path(folder)
        after = answers(folder)
        stored = Path(settings.BASE_DIR) / "eval" / "before" / "search.json"
        before = json.loads(stored.read_text()) if stored.exists() else None
        now = scores(folder, after)
        then = scores(folder, before) if before else {}
        self.stdout.write(f"Search evaluation: {folder} ({now['all'].queries} queries)")
        self.stdout.write(
            f"{'class':24} {'queries':>7}  {'found exactly':>15}  {'recall':>15}  {'precision':>15}"
        )

        def pair(old, new, percent=True):
            show = (lambda value: f"{value:.0%}") if percent else str
            return f"{show(old)} → {show(new)}" if old is not None else show(new)

        for name in sorted(now, key=lambda n: (n == "all", n)):
            score, old = now[name], then.get(name)
            unavailable = old is not None and old.unavailable == old.queries
            old_recall = None if old is None else (0.0 if unavailable else old.recall)
            old_precision = None if old is None or unavailable else old.precision
            right = pair(old.right if old else None, score.right, percent=False)
            self.stdout.write(
                f"{name:24} {score.queries:>7}  {right:>15}  "
                f"{pair(old_recall, score.recall):>15}  "
                f"{pair(old_precision, score.precision):>15}"
                + ("  (no search of people before)" if unavailable else "")
            )
        if verbose:
            for line in misses(folder, after):
                self.stdout.write(f"  {line}")
