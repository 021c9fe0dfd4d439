"""Import meetings from a CSV or JSON export of the archive (see meetings/opendata/importer.py).

python manage.py import_meetings meetings.csv [--format csv|json]
                                 [--status published|draft] [--rejected rejected.csv]
"""

import csv
import random
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from meetings.caching.integrity import drifts
from meetings.models import Meeting
from meetings.opendata.importer import import_meetings, rows_from

# Imported meetings whose derived values are checked at the end, at most.
CHECKED = 10_000


class Command(BaseCommand):
    help = "Import meetings from the archive's CSV or JSON export format; reports rejected rows."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--format", choices=["csv", "json"])
        parser.add_argument(
            "--status",
            choices=[Meeting.Status.PUBLISHED, Meeting.Status.DRAFT],
            default="published",
        )
        parser.add_argument("--rejected", type=Path, help="write the rejected rows to this CSV")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, path, format, status, rejected, no_progress, **options):
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        started = time.perf_counter()
        try:
            rows, stream = rows_from(path, format)
        except ValueError as error:
            raise CommandError(str(error)) from error
        with stream, tqdm(unit=" meetings", disable=no_progress, mininterval=1) as bar:
            try:
                report = import_meetings(rows, status=status, progress=bar.update)
            except (ValueError, UnicodeDecodeError, csv.Error) as error:
                raise CommandError(f"{path} cannot be read: {error}") from error
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"{report.read:,} rows read: {report.imported:,} imported, "
            f"{report.present:,} already present, {len(report.rejected):,} rejected; "
            f"{report.people_created:,} new people. {seconds:.1f} s "
            f"({report.read / max(seconds, 1e-9):,.0f} rows a second)."
        )
        if options["verbosity"] >= 2:
            for step, step_seconds in report.steps.seconds.items():
                self.stdout.write(f"  {step_seconds:7.1f} s  {step}")
        for number, field, message in report.rejected[:20]:
            self.stdout.write(f"  row {number}: {field}: {message}")
        if len(report.rejected) > 20:
            self.stdout.write(f"  … and {len(report.rejected) - 20:,} more")
        if rejected:
            with rejected.open("w", newline="", encoding="utf-8") as out:
                writer = csv.writer(out)
                writer.writerow(["row", "field", "message"])
                writer.writerows(report.rejected)
            self.stdout.write(f"Rejected rows written to {rejected}")
        self.check_derived_values(report.ids)

    def check_derived_values(self, ids: list[int]) -> None:
        """The imported meetings' derived values against what their rows give (a random
        CHECKED of them for a large import: the same code wrote them all)."""
        if not ids:
            return
        checked = ids if len(ids) <= CHECKED else random.sample(ids, CHECKED)
        started = time.perf_counter()
        found = drifts(meeting_ids=checked)
        which = (
            "" if len(checked) == len(ids) else f" ({len(checked):,} meetings, chosen at random)"
        )
        if not found:
            self.stdout.write(
                f"Derived values checked: no drift{which}. {time.perf_counter() - started:.1f} s."
            )
            return
        for drift in found[:20]:
            self.stdout.write(f"  drift: {drift}")
        raise CommandError(
            f"{len(found)} derived values are not what their rows give{which}: "
            "run manage.py check_integrity --fix, and report this."
        )
