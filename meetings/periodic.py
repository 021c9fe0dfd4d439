"""Periodic background tasks: a task that enqueues its own next run keeps one run waiting.

Used by the newsroom's feed watcher and the dataset releases (Django's tasks framework,
decision 0025).
"""

import datetime

from django.db import connection, transaction
from django.utils import timezone

SCHEDULE_LOCK = 1818  # advisory lock: one scheduler check at a time
# A run still marked RUNNING after this is taken for one whose worker died.
RUNNING_LEASE = datetime.timedelta(minutes=10)


def keep_one_waiting(periodic, after: datetime.timedelta | None) -> bool:
    """Enqueue the task ``periodic`` (``after`` from now, or now) unless one is waiting
    already, or, when ``after`` is None (a worker starting), running within its lease: a
    task that enqueues its own next run thus runs at one rhythm however many workers
    start. Returns whether it was enqueued."""
    from django_tasks_db.models import DBTaskResult

    path = f"{periodic.func.__module__}.{periodic.func.__qualname__}"
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SCHEDULE_LOCK])
        waiting = DBTaskResult.objects.filter(task_path=path, status="READY")
        if after is None:
            stale = timezone.now() - RUNNING_LEASE
            waiting |= DBTaskResult.objects.filter(
                task_path=path, status="RUNNING", started_at__gte=stale
            )
        if waiting.exists():
            return False
        periodic.using(run_after=timezone.now() + after if after else None).enqueue()
        return True
