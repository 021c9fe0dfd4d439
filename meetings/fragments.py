"""Rendered meeting cards (and other fragments), kept under the archive's version.

A list page shows 20 cards. Building them took most of a rendered page's time:
the participants, their posts and the topics of each meeting (two queries and
some 600 model instances) and the card template, over 2,000 template nodes. The
same card appears on many pages (the list, its country, its pair, each filter
and search that finds it, each page of a cursor) that the page cache keeps
apart, so each card is rendered once and reused by every page that shows it.

A card is stored under its meeting's id and ``display_version`` (a new number,
given by the database, whenever the meeting's row, its participants or its
topics change), the reference version (bumped by any change to the countries,
cities, topics, people, posts and mandates a card names), the code's version
and the language. A change gives new keys to exactly the cards it can alter, so
a card is never shown out of date and the others stay: an edit costs the pages
one card to build, not twenty. Both versions are read in the page cache's one
query per request. A country page's list of ministers and mandates is kept
under the reference version (``cached_fragment``). See docs/decisions/0012, 0015.
"""

from django.conf import settings
from django.core.cache import caches
from django.template import loader
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from meetings.models import Meeting
from meetings.page_cache import code_version, request_reference_version

CARD_TEMPLATE = "includes/meeting_card.html"
# The meeting's columns a card shows (its summary and search columns are long, unused).
CARD_COLUMNS = (
    "date", "date_precision", "title_ar", "title_fr", "title_en",
    "country_a", "country_b", "host_country", "city",
)  # fmt: skip


def fragment_key(name: str, version: int, part) -> str:
    return f"fragment:{name}:{code_version()}:{version}:{get_language()}:{part}"


def fragment_store(request):
    """(the cache, the reference version), or (None, None) when fragments are not kept."""
    version = request_reference_version(request)
    if version is None or settings.FRAGMENT_CACHE_SECONDS <= 0:
        return None, None
    return caches["fragments"], version


def render_cards(pks) -> dict[int, str]:
    """{pk: card} for the meetings ``pks``, reading what the cards show in three queries."""
    meetings = Meeting.objects.filter(pk__in=pks).with_related().only(*CARD_COLUMNS)
    template = loader.get_template(CARD_TEMPLATE)
    return {meeting.pk: template.render({"meeting": meeting}) for meeting in meetings}


def meeting_cards(request, meetings) -> list[str]:
    """The card of each of ``meetings`` (only their ids and display versions are used), in
    their order, as safe HTML: from the cache, reading and rendering only the missing ones."""
    meetings = list(meetings)
    pks = [meeting.pk for meeting in meetings]
    if not pks:
        return []
    store, version = fragment_store(request)
    if store is None:
        cards = render_cards(pks)
    else:
        keys = {
            meeting.pk: fragment_key(
                CARD_TEMPLATE, version, f"{meeting.pk}:{meeting.display_version}"
            )
            for meeting in meetings
        }
        found = store.get_many(list(keys.values()))
        cards = {pk: found[key] for pk, key in keys.items() if key in found}
        missing = [pk for pk in pks if pk not in cards]
        if missing:
            rendered = render_cards(missing)
            store.set_many(
                {keys[pk]: card for pk, card in rendered.items()},
                settings.FRAGMENT_CACHE_SECONDS,
            )
            cards.update(rendered)
    # The cards are the output of an autoescaping template.
    return [mark_safe(cards[pk]) for pk in pks]  # noqa: S308


def cached_fragment(request, name: str, part, context) -> str:
    """Template ``name`` rendered with ``context()``, kept under the archive's version, the
    language and ``part`` (what the fragment is of): ``context`` is a function, so that
    its queries run only when the fragment is not in the cache."""
    store, version = fragment_store(request)
    key = fragment_key(name, version, part) if store is not None else None
    html = store.get(key) if store is not None else None
    if html is None:
        html = loader.get_template(name).render(context())
        if store is not None:
            store.set(key, html, settings.FRAGMENT_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - the output of an autoescaping template
