"""Reference tables (countries, topics, cities, portfolios), cached.

They change rarely and every public page names their rows; caching keeps the
number of queries per page constant and small.

Each process keeps the rows in memory, tagged with a token held in the shared
cache. Saving a row deletes its table's token (meetings.caching.signals), so every
process, on every machine, reloads the table on its next call. Reading a short
token costs microseconds; unpickling the whole table of countries from the
cache cost about 1 ms a call, and a country page makes up to ten calls.
"""

import uuid

from django.core.cache import cache
from django.utils.translation import get_language

CACHE_SECONDS = 600

# cache key -> (token, {pk: row}) for this process.
_loaded: dict[str, tuple[str, dict]] = {}


def cache_key(model) -> str:
    return f"reference:{model._meta.label_lower}"


def cached_objects(model) -> dict:
    """{pk: row} for a whole reference table. Shared by the requests of a process:
    read the rows, never change them."""
    return tagged_objects(model)[1]


def tagged_objects(model) -> tuple[str, dict]:
    """(token, {pk: row}): the rows and the token they were read under."""
    key = cache_key(model)
    token = cache.get(key)
    loaded = _loaded.get(key)
    if token is not None and loaded is not None and loaded[0] == token:
        return loaded
    if token is None:
        cache.add(key, uuid.uuid4().hex, CACHE_SECONDS)
        token = cache.get(key)
    # Read after the token is in place, so a save from now on retires these rows.
    rows = {row.pk: row for row in model.objects.all()}
    _loaded[key] = (token, rows)
    return token, rows


# (cache key, language, label, key attribute) -> (token, sorted choices), for this process.
_choices: dict[tuple, tuple[str, list[tuple]]] = {}


def name_of(obj) -> str:
    return obj.name


def cached_choices(model, label=name_of, key_attr="pk") -> list[tuple]:
    """(key, label) pairs for a reference table, sorted by label (in the active language).

    Sorted once per language while the table's token stays the same: every list page
    builds its filter form, whose select lists hold some 500 countries, places, topics
    and groups, and sorting them by their localised names cost a millisecond or two."""
    token, rows = tagged_objects(model)
    memo = (cache_key(model), get_language(), label, key_attr)
    found = _choices.get(memo)
    if found is None or token is None or found[0] != token:
        pairs = sorted(
            ((getattr(obj, key_attr), label(obj)) for obj in rows.values()),
            key=lambda pair: pair[1].casefold(),
        )
        found = _choices[memo] = (token, pairs)
    return list(found[1])
