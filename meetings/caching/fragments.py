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

from collections import defaultdict

from django.conf import settings
from django.core.cache import caches
from django.template import loader
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from meetings import display
from meetings.caching.page_cache import code_version
from meetings.display import Values
from meetings.models import Meeting, Participation, reverse_fast
from meetings.versions import reference_version

CARD_TEMPLATE = "includes/meeting_card.html"
NAMES = ("name_ar", "name_fr", "name_en")


def fragment_key(name: str, version: int, part) -> str:
    return f"fragment:{name}:{code_version()}:{version}:{get_language()}:{part}"


def fragment_store(request):
    """(the cache, the reference version), or (None, None) when fragments are not kept."""
    version = reference_version()
    if version is None or settings.FRAGMENT_CACHE_SECONDS <= 0:
        return None, None
    return caches["fragments"], version


def card_values(pks) -> dict[int, dict]:
    """What the card of each of the meetings ``pks`` shows, in the active language.

    Three queries of plain values (the meetings with their countries' and city's
    names, their leads with their posts, their topics), joined in the database:
    the model instances select_related and prefetch_related built took four
    times as long, and the reference tables kept in memory may lag a change
    made outside Django, which the key of a card would not."""
    meetings = Meeting.objects.filter(pk__in=pks).values(
        "pk", "date", "date_precision", "title_ar", "title_fr", "title_en",
        "country_a_id", "country_b_id",
        *(f"{side}__{name}" for side in ("country_a", "country_b", "host_country", "city")
          for name in NAMES),
    )  # fmt: skip
    leads = defaultdict(list)
    for lead in (
        Participation.objects.filter(meeting_id__in=pks, role=Participation.Role.LEAD)
        .order_by("order", "pk")
        .values(
            "meeting_id", "description", "minister__slug", "minister__name_ar",
            "minister__name_latin", "mandate__post__title_ar", "mandate__post__title_fr",
            "mandate__post__title_en",
        )
    ):  # fmt: skip
        post = display.post(Values(lead, "mandate__post__"), lead["description"])
        name = display.person_name(lead["minister__name_ar"], lead["minister__name_latin"])
        url = reverse_fast("meetings:minister", lead["minister__slug"])
        leads[lead["meeting_id"]].append((name, post, url))
    topics = defaultdict(list)
    for topic in (
        Meeting.topics.through.objects.filter(meeting_id__in=pks)
        .order_by("topic__slug")
        .values("meeting_id", *(f"topic__{name}" for name in NAMES))
    ):
        topics[topic["meeting_id"]].append(display.localized(Values(topic, "topic__"), "name"))
    cards = {}
    for meeting in meetings:
        a, b, city, host = (
            display.localized(Values(meeting, f"{part}__"), "name")
            for part in ("country_a", "country_b", "city", "host_country")
        )
        cards[meeting["pk"]] = {
            "url": reverse_fast("meetings:detail", meeting["pk"]),
            "title": display.title(Values(meeting), a, b),
            "date": meeting["date"],
            "date_display": display.date_display(meeting["date"], meeting["date_precision"]),
            "place": display.place(city, host),
            "countries": [
                (a, reverse_fast("meetings:country", meeting["country_a_id"].lower())),
                (b, reverse_fast("meetings:country", meeting["country_b_id"].lower())),
            ],
            "leads": leads[meeting["pk"]],
            "topics": topics[meeting["pk"]],
        }
    return cards


def render_cards(pks) -> dict[int, str]:
    """{pk: card} for the meetings ``pks``, reading what the cards show in three queries."""
    template = loader.get_template(CARD_TEMPLATE)
    return {pk: template.render({"card": card}) for pk, card in card_values(pks).items()}


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
