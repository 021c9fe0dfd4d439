"""Reference tables (countries, topics, cities, portfolios), cached.

They change rarely and every public page names their rows; caching keeps the
number of queries per page constant and small.

Each process keeps the rows in memory, tagged with a token held in the shared
cache. Saving a row deletes its table's token (meetings.signals), so every
process, on every machine, reloads the table on its next call. Reading a short
token costs microseconds; unpickling the whole table of countries from the
cache cost about 1 ms a call, and a country page makes up to ten calls.
"""

import uuid

from django.core.cache import cache

CACHE_SECONDS = 600

# cache key -> (token, {pk: row}) for this process.
_loaded: dict[str, tuple[str, dict]] = {}


def cache_key(model) -> str:
    return f"reference:{model._meta.label_lower}"


def cached_objects(model) -> dict:
    """{pk: row} for a whole reference table. Shared by the requests of a process:
    read the rows, never change them."""
    key = cache_key(model)
    token = cache.get(key)
    loaded = _loaded.get(key)
    if token is not None and loaded is not None and loaded[0] == token:
        return loaded[1]
    if token is None:
        cache.add(key, uuid.uuid4().hex, CACHE_SECONDS)
        token = cache.get(key)
    # Read after the token is in place, so a save from now on retires these rows.
    rows = {row.pk: row for row in model.objects.all()}
    _loaded[key] = (token, rows)
    return rows


def cached_choices(model, label=lambda obj: obj.name, key_attr="pk") -> list[tuple]:
    """(key, label) pairs for a reference table, sorted by label (in the active language)."""
    return sorted(
        ((getattr(obj, key_attr), label(obj)) for obj in cached_objects(model).values()),
        key=lambda pair: pair[1].casefold(),
    )
