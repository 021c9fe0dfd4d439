"""Load a dataset release (zip or folder) into an archive without meetings."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings.opendata import dataset


class Command(BaseCommand):
    help = "Import a release written by release_dataset into an empty archive."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        if not path.exists():
            raise CommandError(f"No such file or folder: {path}")
        try:
            counts = dataset.import_release(path)
        except dataset.ImportRefused as error:
            raise CommandError(str(error)) from error
        for label, number in counts.items():
            self.stdout.write(f"{label}: {number}")
