"""Dataset releases on a schedule, run by the background worker (manage.py run_worker,
Django's tasks framework, decision 0025): ``release_when_due`` makes a release when the
latest is older than RELEASE_EVERY_DAYS (a week by default), then comes back in an hour.
"""

import datetime

from django.conf import settings
from django.tasks import task

from meetings.opendata.dataset import release_if_due
from meetings.periodic import keep_one_waiting

CHECK_EVERY = datetime.timedelta(hours=1)


@task
def release_when_due() -> str:
    """A new release when the latest is older than RELEASE_EVERY_DAYS; its file's name."""
    try:
        made = release_if_due(datetime.timedelta(days=settings.RELEASE_EVERY_DAYS))
        return made.name if made else ""
    finally:
        keep_one_waiting(release_when_due, CHECK_EVERY)


def ensure_releasing() -> bool:
    """Enqueue ``release_when_due`` in CHECK_EVERY unless one is waiting (a worker starting;
    a new archive's first release is made by ``make run`` itself)."""
    return keep_one_waiting(release_when_due, CHECK_EVERY)
