"""Rendered meeting cards, kept in the cache under the archive's version.

A list page shows 20 cards. Building them took most of a rendered page's time:
the participants, their posts and the topics of each meeting (two queries and
some 600 model instances) and the card template, over 2,000 template nodes. The
same card appears on many pages (the list, its country, its pair, each filter
and search that finds it, each page of a cursor) that the page cache keeps
apart, so each card is rendered once and reused by every page that shows it.

A card is stored under the archive's version (models.ArchiveVersion, bumped by
the database in the transaction of every change to any table a card reads:
meetings, participants, people, posts, mandates, topics, countries, cities),
the language and the meeting's id. After an edit, a publication or a withdrawal
every key is new, so a card is never shown out of date; it is built again the
first time a page needs it. The version is the one the page cache reads (read
once per request). See docs/decisions/0012.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db.models import prefetch_related_objects
from django.template import loader
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from meetings.models import meeting_prefetches
from meetings.page_cache import request_archive_version

CARD_TEMPLATE = "includes/meeting_card.html"


@functools.cache
def template_digest() -> str:
    """A few characters that change when the card's template does, so that cards kept
    in a shared cache (Redis) across a deployment are not taken for the new markup."""
    template = loader.get_template(CARD_TEMPLATE)
    return hashlib.sha256(template.template.source.encode()).hexdigest()[:8]


def card_key(version: int, pk: int) -> str:
    return f"card:{template_digest()}:{version}:{get_language()}:{pk}"


def render_cards(meetings) -> dict[int, str]:
    """{pk: card} for ``meetings``, fetching what the cards show in two queries."""
    prefetch_related_objects(meetings, *meeting_prefetches())
    template = loader.get_template(CARD_TEMPLATE)
    return {meeting.pk: template.render({"meeting": meeting}) for meeting in meetings}


def meeting_cards(request, meetings) -> list[str]:
    """The card of each of ``meetings`` (with their countries and places selected), in
    their order, as safe HTML: from the cache, rendering only the missing ones."""
    meetings = list(meetings)
    if not meetings:
        return []
    version = request_archive_version(request)
    if version is None or settings.FRAGMENT_CACHE_SECONDS <= 0:
        cards = render_cards(meetings)
    else:
        store = caches["fragments"]
        keys = {meeting.pk: card_key(version, meeting.pk) for meeting in meetings}
        found = store.get_many(list(keys.values()))
        cards = {pk: found[key] for pk, key in keys.items() if key in found}
        missing = [meeting for meeting in meetings if meeting.pk not in cards]
        if missing:
            rendered = render_cards(missing)
            store.set_many(
                {keys[pk]: card for pk, card in rendered.items()},
                settings.FRAGMENT_CACHE_SECONDS,
            )
            cards.update(rendered)
    # The cards are the output of an autoescaping template.
    return [mark_safe(cards[meeting.pk]) for meeting in meetings]  # noqa: S308
