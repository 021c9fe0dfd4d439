"""Load a dataset release (zip or folder) into an archive without meetings."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings.caching.integrity import drifts
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
        found = drifts()
        for drift in found[:20]:
            self.stdout.write(f"  drift: {drift}")
        if found:
            raise CommandError(
                f"{len(found)} derived values are not what their rows give: "
                "run manage.py check_integrity --fix, and report this."
            )
        self.stdout.write("Derived values checked: no drift.")
