"""Reference tables (countries, topics, cities, portfolios, groups), cached.

They change rarely and every public page names their rows; caching keeps the
number of queries per page constant and small.

Each process keeps the rows in memory, tagged with the reference version they were
read under (meetings.versions): any change to a reference table, made by anyone
(admin, import, shell, raw SQL), bumps that version in its transaction, and the next
request of every process, on every machine, reads the table again.
"""

from django.utils.translation import get_language

from meetings.versions import reference_version

# table label -> (reference version, {pk: row}) for this process.
_loaded: dict[str, tuple[int | None, dict]] = {}


def cache_key(model) -> str:
    return model._meta.label_lower


def cached_objects(model) -> dict:
    """{pk: row} for a whole reference table. Shared by the requests of a process:
    read the rows, never change them."""
    return tagged_objects(model)[1]


def tagged_objects(model) -> tuple[int | None, dict]:
    """(version, {pk: row}): the rows and the reference version they were read under."""
    key = cache_key(model)
    version = reference_version()
    loaded = _loaded.get(key)
    if version is not None and loaded is not None and loaded[0] == version:
        return loaded
    rows = {row.pk: row for row in model.objects.all()}
    _loaded[key] = (version, rows)
    return version, rows


# (table, language, label, key attribute) -> (version, sorted choices), for this process.
_choices: dict[tuple, tuple[int | None, list[tuple]]] = {}


def name_of(obj) -> str:
    return obj.name


def cached_choices(model, label=name_of, key_attr="pk") -> list[tuple]:
    """(key, label) pairs for a reference table, sorted by label (in the active language).

    Sorted once per language while the reference version stays the same: every list page
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
