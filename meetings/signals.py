"""Keep caches in step with the reference data they are built from."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from meetings.models import City, Country, CountryGroup, Portfolio, Topic
from meetings.reference import cache_key


def clear_reference_cache(sender, **kwargs):
    cache.delete(cache_key(sender))


def connect():
    for model in (Country, CountryGroup, Topic, City, Portfolio):
        uid = f"clear-reference-cache-{model._meta.label_lower}"
        post_save.connect(clear_reference_cache, sender=model, dispatch_uid=uid)
        post_delete.connect(clear_reference_cache, sender=model, dispatch_uid=uid)
