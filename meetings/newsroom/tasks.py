"""The newsroom's tasks, run by `manage.py db_worker` (Django's tasks framework, decision 0025).

``watch_feeds`` runs about every minute: it hands each feed that is due to a
``poll_feed`` task and enqueues its own next run. ``poll_feed`` enqueues a ``read_item``
per new or changed article. Tasks are enqueued in the database, in the transaction that
made them needed; every task claims its feed or item before working on it, so a task
run twice, or by two workers, does its work once.
"""

import datetime

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from meetings.newsroom import polling
from meetings.periodic import keep_one_waiting

TICK = datetime.timedelta(seconds=60)


@task
def watch_feeds() -> int:
    """Poll every due feed (each in its own task), then come back in a minute."""
    try:
        due = polling.due_feeds()
        for feed_id in due:
            poll_feed.enqueue(feed_id)
        return len(due)
    finally:
        schedule_watch(later=True)


@task
def poll_feed(feed_id: int) -> int:
    """Poll one feed; its new articles are read one host's turn apart, so workers go from
    host to host rather than wait in line at one."""
    item_ids = polling.poll(feed_id)
    now = timezone.now()
    for turn, item_id in enumerate(item_ids):
        wait = datetime.timedelta(seconds=turn * settings.NEWSROOM_HOST_DELAY)
        read_item.using(run_after=now + wait if wait else None).enqueue(item_id)
    return len(item_ids)


@task
def read_item(item_id: int) -> None:
    retry_at = polling.read(item_id)
    if retry_at is not None:  # its host's turn is later: come back then
        read_item.using(run_after=retry_at).enqueue(item_id)


def ensure_watching() -> bool:
    """Enqueue ``watch_feeds`` unless it is waiting or running already (run when a worker
    starts: a worker that died in the middle of it is replaced by the next one started).
    Returns whether it was enqueued."""
    return schedule_watch(later=False)


def schedule_watch(later: bool) -> bool:
    """One ``watch_feeds`` waiting at most: a second enqueued by hand, or a worker started
    twice, never doubles the rhythm. ``later``: the next run, from the running one."""
    return keep_one_waiting(watch_feeds, TICK if later else None)
