"""Keep caches in step with the reference data they are built from."""

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save

from meetings.caching.facet_totals import PEOPLE_TOTAL_KEY
from meetings.models import (
    City,
    Country,
    CountryGroup,
    Meeting,
    Participation,
    Portfolio,
    Source,
    Topic,
)
from meetings.reference import cache_key


def clear_reference_cache(sender, **kwargs):
    # Now, and again once the change is committed: a process that reloads the table in
    # between would otherwise keep the rows from before the change under a fresh token.
    key = cache_key(sender)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def clear_people_total(sender, **kwargs):
    """Publishing or withdrawing changes how many people the archive shows."""
    cache.delete(PEOPLE_TOTAL_KEY)


def bump_meeting_version(sender, instance, raw=False, **kwargs):
    """A change to a participant or a source is a change to its meeting."""
    if raw:
        return  # loading a fixture or a release: rows arrive as they were
    Meeting.objects.filter(pk=instance.meeting_id).update(version=F("version") + 1)


def connect():
    for model in (Country, CountryGroup, Topic, City, Portfolio):
        uid = f"clear-reference-cache-{model._meta.label_lower}"
        post_save.connect(clear_reference_cache, sender=model, dispatch_uid=uid)
        post_delete.connect(clear_reference_cache, sender=model, dispatch_uid=uid)
    for signal in (post_save, post_delete):
        signal.connect(clear_people_total, sender=Meeting, dispatch_uid="clear-people-total")
    for model in (Participation, Source):
        uid = f"bump-meeting-version-{model._meta.label_lower}"
        post_save.connect(bump_meeting_version, sender=model, dispatch_uid=uid)
        post_delete.connect(bump_meeting_version, sender=model, dispatch_uid=uid)
