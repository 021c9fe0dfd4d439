"""Precision and recall of the newsroom's classifier, and its grouping, on the labelled set."""

from django.core.management.base import BaseCommand

from meetings.extraction.database import gazetteer_from_database
from meetings.newsroom.evaluation import evaluate


class Command(BaseCommand):
    help = "Measure the newsroom's classifier and grouping on eval/newsroom/articles.json."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default="eval/newsroom/articles.json")

    def handle(self, *args, path, **options):
        result = evaluate(path, gazetteer_from_database())
        total = (
            result.true_positive
            + result.false_positive
            + result.false_negative
            + result.true_negative
        )
        self.stdout.write(f"Newsroom classifier on {total} articles ({path}):")
        self.stdout.write(
            f"  reports a bilateral ministerial meeting: precision {result.precision:.1%}, "
            f"recall {result.recall:.1%} (TP {result.true_positive}, FP "
            f"{result.false_positive}, FN {result.false_negative}, TN {result.true_negative})"
        )
        for line in result.mistakes:
            self.stdout.write(f"    wrong: {line}")
        grouped = result.articles_grouped_right / max(result.articles_grouped, 1)
        self.stdout.write(
            f"  grouping: {result.pairs_right}/{result.pairs} pairs of reports right "
            f"({result.pairs_right / max(result.pairs, 1):.1%}); "
            f"{result.articles_grouped_right}/{result.articles_grouped} reports in exactly "
            f"their meeting's group ({grouped:.1%})"
        )
        for line in result.group_mistakes[:20]:
            self.stdout.write(f"    {line}")
