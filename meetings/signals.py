"""Keep caches in step with the reference data they are built from."""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from meetings.models import City, Country, Topic


def clear_choices(sender, **kwargs):
    cache.delete_many(
        [f"choices:{sender._meta.label_lower}:{code}" for code, _name in settings.LANGUAGES]
    )


def connect():
    for model in (Country, Topic, City):
        post_save.connect(clear_choices, sender=model, dispatch_uid=f"clear-choices-{model}")
        post_delete.connect(clear_choices, sender=model, dispatch_uid=f"clear-choices-del-{model}")
