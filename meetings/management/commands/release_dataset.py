"""Write a dataset release of everything published (see meetings/opendata/dataset.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from meetings.opendata import dataset


class Command(BaseCommand):
    help = "Write a dated, versioned release of all published data, with checksums."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="folder (default: settings.DATASET_DIR)")
        parser.add_argument(
            "--with-article-text",
            action="store_true",
            help="include the article text kept with sources (not for public releases)",
        )

    def handle(self, *args, output, with_article_text, **options):
        path = dataset.write_release(output, with_article_text=with_article_text)
        checksum = path.with_suffix(".zip.sha256").read_text().split()[0]
        self.stdout.write(f"{path} ({path.stat().st_size:,} bytes)\nSHA-256 {checksum}")
