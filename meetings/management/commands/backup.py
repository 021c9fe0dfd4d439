"""Write a pg_dump archive of the whole database: ``manage.py backup [--output PATH]``.

By default the archive goes to .data/backups/archive-YYYY-MM-DDTHHMMSS.dump
(UTC), readable by its owner only. ``manage.py restore PATH`` puts it back.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from meetings.operations.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write a pg_dump archive (custom format) of the whole database."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            type=Path,
            help="Where to write the archive (default: "
            ".data/backups/archive-YYYY-MM-DDTHHMMSS.dump under the project folder).",
        )

    def handle(self, *args, output=None, **options):
        if output is None:
            directory = Path(settings.BASE_DIR) / ".data" / "backups"
            if not directory.exists():
                directory.mkdir(parents=True)
                directory.chmod(0o700)
            stamp = timezone.now().strftime("%Y-%m-%dT%H%M%S")
            output = directory / f"archive-{stamp}.dump"
        try:
            path = backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = path.stat().st_size
        self.stdout.write(f"Wrote {path} ({human_size(size)}).")


def human_size(size: int) -> str:
    """1234567 → '1.2 MB' (decimal units, as ls -h --si)."""
    value = float(size)
    for unit in ("bytes", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{size} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")
