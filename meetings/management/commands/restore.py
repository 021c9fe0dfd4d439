"""Replace the whole database with a pg_dump archive: ``manage.py restore PATH [--no-input]``.

Every table in the archive is dropped and recreated with the archive's rows,
in one transaction: rows added since the backup are lost. Asks for
confirmation unless --no-input is given.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from meetings.operations.backup import BackupError, check_archive, restore


class Command(BaseCommand):
    help = "Replace every row of the database with those of a pg_dump archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "path", type=Path, help="The archive, as written by `manage.py backup`."
        )
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, path, interactive=True, **options):
        try:
            check_archive(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        database = describe_database()
        if interactive:
            answer = input(f"This replaces every row of {database} with the backup's. Type yes: ")
            if answer.strip().lower() != "yes":
                self.stdout.write("Restore cancelled; nothing changed.")
                return
        try:
            restore(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {path} into {database}.")


def describe_database() -> str:
    """'the database "postgres" on /path/to/socket', or '... "archive" on db.example:5432'."""
    settings = connections["default"].settings_dict
    host = settings.get("HOST") or "localhost"
    if settings.get("PORT"):
        host = f"{host}:{settings['PORT']}"
    return f'the database "{settings.get("NAME")}" on {host}'
