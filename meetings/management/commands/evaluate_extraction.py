"""Measure the extractor on evaluation sets of articles with expected facts (eval/*/README.md).

    python manage.py evaluate_extraction [SET ...] [--verbose]

For each set: articles right per class (issue 17's classes, from each case's
"covers") and per field, "before → after" when eval/before/<set>.json holds the
answers of the code before (scripts/extraction_predictions.py); then per-field
precision and recall, and how many meetings got both the countries and the date
right. Uses the people, countries and places in the database, as the admin does.
"""

import json
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from meetings.extraction.database import gazetteer_from_database
from meetings.extraction.evaluation import Report, class_table, classes_of, predict


class Command(BaseCommand):
    help = "Per-class and per-field scores of the article extractor on evaluation sets."

    def add_arguments(self, parser):
        parser.add_argument(
            "sets", nargs="*", default=[str(Path(settings.BASE_DIR) / "eval" / "corpus")]
        )
        parser.add_argument("--verbose", action="store_true", help="list each article's misses")

    def handle(self, *args, sets, verbose, **options):
        gazetteer = gazetteer_from_database()
        for folder in sets:
            self.evaluate(Path(folder), gazetteer, verbose)

    def evaluate(self, folder: Path, gazetteer, verbose: bool) -> None:
        files = sorted(folder.glob("*.json"))
        if not files:
            raise CommandError(f"No *.json articles in {folder}")
        stored = Path(settings.BASE_DIR) / "eval" / "before" / f"{folder.name}.json"
        before_answers = json.loads(stored.read_text(encoding="utf-8")) if stored.exists() else None
        after, before = Report(), Report() if before_answers is not None else None
        started = time.perf_counter()
        for path in files:
            case = json.loads(path.read_text(encoding="utf-8"))
            classes = classes_of(case)
            after.add(case["id"], predict(case, gazetteer), case["expected"], classes)
            if before is not None:
                answer = before_answers.get(case["id"])
                if answer is None:
                    raise CommandError(f"{stored} has no answer for {case['id']}: store it again")
                before.add(case["id"], answer, case["expected"], classes)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"\n== {folder}: {len(files)} articles, {elapsed / len(files) * 1000:.0f} ms each"
        )
        if before is not None:
            self.stdout.write(f"Articles right, before ({stored.name}, main's code) → after:")
        else:
            self.stdout.write("Articles right (no stored answers of the code before):")
        self.stdout.write(class_table(after, before))
        self.stdout.write("\nAfter, per field:")
        self.stdout.write(after.table())
        if verbose:
            self.stdout.write("\nMisses:")
            for line in after.misses:
                self.stdout.write(f"  {line}")
