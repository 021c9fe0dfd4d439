"""Write a dataset release of everything published (see meetings/opendata/dataset.py)."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand

from meetings.opendata import dataset


class Command(BaseCommand):
    help = (
        "Write a dated, versioned release of all published data: a Frictionless Data "
        "Package with checksums and CITATION.cff, and its zip."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="folder (default: settings.DATASET_DIR)")
        parser.add_argument(
            "--with-article-text",
            action="store_true",
            help="include the article text kept with sources (not for public releases)",
        )
        parser.add_argument(
            "--if-none", action="store_true", help="only when no release exists yet (make run)"
        )
        parser.add_argument(
            "--if-older-than",
            type=int,
            metavar="DAYS",
            help="only when the latest release is older than DAYS days (or there is none)",
        )

    def handle(self, *args, output, with_article_text, if_none, if_older_than, **options):
        if if_none or if_older_than is not None:
            if output or with_article_text:
                self.stderr.write(
                    "--if-none and --if-older-than make a public release in DATASET_DIR."
                )
            days = if_older_than if if_older_than is not None else 365_000
            path = dataset.release_if_due(datetime.timedelta(days=days))
            if path is None:
                self.stdout.write(f"A release is already there: {dataset.latest_release()}")
                return
        else:
            path = dataset.write_release(output, with_article_text=with_article_text)
        checksum = path.with_suffix(".zip.sha256").read_text().split()[0]
        self.stdout.write(
            f"{path} ({path.stat().st_size:,} bytes)\nSHA-256 {checksum}\n"
            f"Folder: {path.with_suffix('')} (verify: manage.py verify_release)"
        )
