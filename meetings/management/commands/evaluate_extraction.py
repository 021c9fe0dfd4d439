"""Measure the extractor on a corpus of articles with expected facts (see eval/corpus/README.md).

    python manage.py evaluate_extraction [eval/corpus] [--verbose]

Prints per-field precision and recall, and how many meetings got both the
countries and the date right. Uses the people, countries and places in the
database, as the admin does.
"""

import datetime
import json
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from meetings.extraction import ExtractionError, extract, read_article
from meetings.extraction.database import gazetteer_from_database
from meetings.extraction.evaluation import Report

EMPTY = {"language": None, "date": None, "date_precision": None, "countries": [],
         "host_country": None, "place": None, "ministers": [], "topics": []}  # fmt: skip


class Command(BaseCommand):
    help = "Per-field precision and recall of the article extractor on a corpus."

    def add_arguments(self, parser):
        parser.add_argument(
            "corpus", nargs="?", default=str(Path(settings.BASE_DIR) / "eval" / "corpus")
        )
        parser.add_argument("--verbose", action="store_true", help="list each article's misses")

    def handle(self, *args, corpus, verbose, **options):
        files = sorted(Path(corpus).glob("*.json"))
        if not files:
            raise CommandError(f"No *.json articles in {corpus}")
        gazetteer = gazetteer_from_database()
        report = Report()
        started = time.perf_counter()
        for path in files:
            case = json.loads(path.read_text(encoding="utf-8"))
            report.add(case["id"], predict(case, gazetteer), case["expected"])
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"{len(files)} articles from {corpus}, {elapsed / len(files) * 1000:.0f} ms each\n"
        )
        self.stdout.write(report.table())
        if verbose:
            self.stdout.write("\nMisses:")
            for line in report.misses:
                self.stdout.write(f"  {line}")


def predict(case: dict, gazetteer) -> dict:
    given = case["input"]
    published = given.get("published")
    try:
        article = read_article(
            case["text"],
            published=datetime.date.fromisoformat(published) if published else None,
            url=given.get("url") or "",
            outlet=given.get("outlet") or "",
            is_html=given.get("format") == "html",
        )
    except ExtractionError:
        return EMPTY
    draft = extract(article, gazetteer).as_json()
    draft["place"] = draft["place_slug"]
    return draft
