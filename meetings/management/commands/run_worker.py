"""The background worker: Django's tasks framework, stored in the database (decision 0025).

``manage.py run_worker`` makes sure the newsroom's watch over the feeds and the dataset
releases (weekly by default) are scheduled, then runs django-tasks-db's worker on every
queue. Start as many as wanted, on as many machines: they share the tasks through
PostgreSQL, each run by one of them.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from meetings.newsroom.tasks import ensure_watching
from meetings.opendata.tasks import ensure_releasing


class Command(BaseCommand):
    help = "Run a background worker (the newsroom's polling and any other task)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", action="store_true", help="Stop when no task is left (tests, cron)."
        )
        parser.add_argument("--max-tasks", type=int, default=None)

    def handle(self, *args, batch=False, max_tasks=None, **options):
        if ensure_watching():
            self.stdout.write("The newsroom's watch over the feeds is scheduled.")
        if ensure_releasing():
            self.stdout.write("Dataset releases are scheduled (RELEASE_EVERY_DAYS).")
        call_command(
            "db_worker",
            queue_name="*",
            batch=batch,
            max_tasks=max_tasks,
            reload=False,
            verbosity=options["verbosity"],
        )
