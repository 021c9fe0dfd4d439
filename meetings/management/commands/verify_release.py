"""Verify a dataset release: every checksum, and the Data Package (frictionless)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings.opendata import dataset


class Command(BaseCommand):
    help = (
        "Check a release folder as `sha256sum -c SHA256SUMS` and `frictionless validate "
        "datapackage.json` would (default: the latest release)."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", type=Path, help="a release folder or its zip")

    def handle(self, *args, folder, **options):
        folder = folder or dataset.latest_release_folder()
        if folder is None:
            raise CommandError("No release to verify: make one with manage.py release_dataset.")
        if folder.suffix == ".zip":
            folder = folder.with_suffix("")
        if not folder.is_dir():
            raise CommandError(f"No such release folder: {folder}")
        try:
            checked = dataset.verify_release(folder)
        except dataset.ReleaseDamaged as error:
            raise CommandError(f"{folder} is damaged:\n{error}") from error
        self.stdout.write("\n".join(checked))
        self.stdout.write(f"{folder}: every check passed.")
