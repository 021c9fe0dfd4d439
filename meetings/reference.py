"""Reference tables (countries, topics, cities, portfolios), cached.

They change rarely and every public page names their rows; caching keeps the
number of queries per page constant and small. Saving a row clears its
table's cache (meetings.signals).
"""

from django.core.cache import cache

CACHE_SECONDS = 600


def cache_key(model) -> str:
    return f"reference:{model._meta.label_lower}"


def cached_objects(model) -> dict:
    """{pk: row} for a whole reference table."""
    key = cache_key(model)
    rows = cache.get(key)
    if rows is None:
        rows = {row.pk: row for row in model.objects.all()}
        cache.set(key, rows, CACHE_SECONDS)
    return rows


def cached_choices(model, label=lambda obj: obj.name, key_attr="pk") -> list[tuple]:
    """(key, label) pairs for a reference table, sorted by label (in the active language)."""
    return sorted(
        ((getattr(obj, key_attr), label(obj)) for obj in cached_objects(model).values()),
        key=lambda pair: pair[1].casefold(),
    )
