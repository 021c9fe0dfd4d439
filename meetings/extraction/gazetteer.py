"""What the extractor knows: countries, cities, people, portfolios, topics, outlets.

Plain data, built from the database by ``meetings.extraction.database`` (or
from anything else in tests), with a phrase matcher per kind of entity.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cached_property

from meetings.extraction.article import on_domain
from meetings.extraction.document import Document, Match, PhraseMatcher
from meetings.text import normalize

# Small words of place names, written in lower case inside them: "la Réunion", "Dar es Salaam".
NAME_PARTICLES = {"le", "la", "les", "l", "the", "el", "al", "de", "du", "des", "d", "es", "of"}
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Capitalised words that may follow a city without making a name of it with the city:
# "in Rabat Monday", a headline's "Meet In Moscow To Discuss".
NOT_NAME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "on", "to", "for", "and", "with", "as", "after", "amid", "over",
    "in", "at", "from", "by", "this", "last", "next", "et", "a", "le", "la", "les", "pour",
    "avec", "sur", "ce", "cette", "said", "says",
}  # fmt: skip
# Prepositions after which a city is a place even when a name follows it.
PLACE_WORDS = {"a", "au", "en", "in", "at", "to", "from", "depuis", "vers"}


@dataclass(frozen=True)
class CountryEntry:
    code: str
    names: dict[str, str]  # language -> name
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class CityEntry:
    slug: str
    country: str
    names: dict[str, str]
    aliases: tuple[str, ...] = ()
    is_capital: bool = False


@dataclass(frozen=True)
class MandateEntry:
    country: str
    post_titles: dict[str, str]
    portfolio: str | None
    rank: str
    start: datetime.date
    end: datetime.date | None

    def covers(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class PersonEntry:
    id: int
    slug: str
    name_ar: str
    name_latin: str
    aliases: tuple[str, ...] = ()
    mandates: tuple[MandateEntry, ...] = ()

    def mandate_on(self, day: datetime.date | None) -> MandateEntry | None:
        """The mandate held on ``day``; without a day, or none then, the latest one."""
        if day:
            running = [m for m in self.mandates if m.covers(day)]
            if running:
                return running[0]
        return max(self.mandates, key=lambda m: m.start, default=None)


@dataclass(frozen=True)
class PortfolioEntry:
    slug: str
    names: dict[str, str]
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicEntry:
    slug: str
    parent: str | None
    keywords: dict[str, tuple[str, ...]]  # language -> keywords


@dataclass(frozen=True)
class OutletEntry:
    name: str
    name_ar: str
    domain: str
    country: str | None


@dataclass
class Gazetteer:
    countries: list[CountryEntry] = field(default_factory=list)
    cities: list[CityEntry] = field(default_factory=list)
    people: list[PersonEntry] = field(default_factory=list)
    portfolios: list[PortfolioEntry] = field(default_factory=list)
    topics: list[TopicEntry] = field(default_factory=list)
    outlets: list[OutletEntry] = field(default_factory=list)

    @cached_property
    def country_by_code(self) -> dict[str, CountryEntry]:
        return {country.code: country for country in self.countries}

    @cached_property
    def city_by_slug(self) -> dict[str, CityEntry]:
        return {city.slug: city for city in self.cities}

    @cached_property
    def person_by_id(self) -> dict[int, PersonEntry]:
        return {person.id: person for person in self.people}

    @cached_property
    def country_names(self) -> PhraseMatcher:
        matcher = PhraseMatcher()
        demonyms = {normalize(d) for country in self.countries for d in country.demonyms}
        for country in self.countries:
            for name in (*country.names.values(), *country.aliases):
                matcher.add(name, country.code)
            # Maghreb usage writes some countries' names with the article ("جمهورية
            # البيرو", "الشيلي"): one word of four letters or more, not itself a demonym
            # ("المالي" is Malian, or financial), nor read as a plural noun ("البنين", boys).
            name = normalize(country.names.get("ar") or "")
            written = "ال" + name
            if (
                len(name) >= 4
                and " " not in name
                and name[:2] != "ال"
                and written not in demonyms
                and not written.endswith(("ين", "ون"))
            ):
                matcher.add(written, country.code)
        return matcher

    @cached_property
    def demonyms(self) -> PhraseMatcher:
        matcher = PhraseMatcher()
        for country in self.countries:
            for demonym in country.demonyms:
                matcher.add(demonym, country.code)
        return matcher

    @cached_property
    def city_names(self) -> PhraseMatcher:
        matcher = PhraseMatcher()
        for city in self.cities:
            for name in (*city.names.values(), *city.aliases):
                matcher.add(name, city.slug)
        return matcher

    @cached_property
    def outlet_bylines(self) -> PhraseMatcher:
        """Outlets' names as a byline at the top of a text gives them (longer than three
        letters): built once, not for every article."""
        matcher = PhraseMatcher()
        for outlet in self.outlets:
            for name in (outlet.name, outlet.name_ar):
                if name and len(name) > 3:
                    matcher.add(name, outlet.name)
        return matcher

    @cached_property
    def contracted_city_names(self) -> PhraseMatcher:
        """French names that begin with "Le", read after the contractions "au" and "du" ("au
        Cap", "du Havre"): the match is on the tokens after the contraction."""
        matcher = PhraseMatcher()
        for city in self.cities:
            name = city.names.get("fr") or ""
            if name.startswith("Le ") and len(name) > 3:
                for contraction in ("au", "du"):
                    matcher.add(f"{contraction} {name[3:]}", city.slug)
        return matcher

    @cached_property
    def person_names(self) -> PhraseMatcher:
        matcher = PhraseMatcher()
        for person in self.people:
            for name in (person.name_ar, person.name_latin, *person.aliases):
                if name:
                    matcher.add(name, person.id)
        return matcher

    @cached_property
    def portfolio_keywords(self) -> PhraseMatcher:
        matcher = PhraseMatcher()
        for portfolio in self.portfolios:
            for keyword in (*portfolio.names.values(), *portfolio.keywords):
                matcher.add(keyword, portfolio.slug)
        return matcher

    @cached_property
    def topic_keywords(self) -> PhraseMatcher:
        matcher = PhraseMatcher()
        for topic in self.topics:
            for keywords in topic.keywords.values():
                for keyword in keywords:
                    matcher.add(keyword, topic.slug)
        return matcher

    def find_country_names(self, document: Document) -> list[Match]:
        """Countries named in the article, written as names (see ``written_as_a_name``), and
        not words of a longer city's name ("Spain" in "Port of Spain", "Kuwait City")."""
        cities = [match for match in self.city_names.find(document) if match.length > 1]
        return [
            m
            for m in self.country_names.find(document)
            if written_as_a_name(document, m)
            and not any(
                c.start <= m.start and m.end <= c.end and c.length > m.length for c in cities
            )
        ]

    def find_cities(self, document: Document, countries: list[Match] | None = None) -> list[Match]:
        """Cities named in the article: written as names; not a word of a longer country
        name ("Bissau" in "Guinée-Bissau", "São Tomé" in "São Tomé and Príncipe"); not
        the first words of another name ("Victoria Nuland", "the Paris Agreement")."""
        if countries is None:
            countries = self.find_country_names(document)
        inside = {
            position
            for match in countries
            for position in range(match.start, match.end)
            if match.length > 1
        }
        found = []
        contracted = [
            Match(match.start + 1, match.end, match.payload)
            for match in self.contracted_city_names.find(document)
        ]
        for match in [*self.city_names.find(document), *contracted]:
            if not written_as_a_name(document, match):
                continue
            if inside.issuperset(range(match.start, match.end)) and not any(
                c.start == match.start and c.end == match.end for c in countries
            ):
                continue
            if followed_by_a_name(document, match):
                continue
            found.append(match)
        return found

    def outlet_named(self, name: str | None = None, url: str | None = None) -> OutletEntry | None:
        """The outlet with this name (any script) or whose domain the URL is on."""
        if name:
            wanted = normalize(name)
            for outlet in self.outlets:
                if wanted in {normalize(outlet.name), normalize(outlet.name_ar)} - {""}:
                    return outlet
        if url:
            for outlet in sorted(self.outlets, key=lambda o: -len(o.domain)):
                if outlet.domain and on_domain(url, outlet.domain):
                    return outlet
        return None


# A city's name followed by one of these names a gathering held in that city.
GATHERING_NAMES = {"forum", "summit", "conference", "dialogue", "expo"}
# A city's name followed by a few capitalised words and one of these names a venue of that
# city: "the Lagos Port", "the Ankara International Sea Port", "the Perth Stadium".
CITY_VENUE_NAMES = {"port", "stadium", "arena", "airport"}


def names_a_venue_of(document: Document, index: int) -> int | None:
    """Capitalised words from token ``index`` that end, four at most, with a word of a
    venue ("Port", "Stadium"): the city named just before is the venue's ("the Lagos
    International Sea Port"). The venue word's token, or None."""
    for position in range(index, min(index + 4, len(document.tokens))):
        if not document.original(position, position + 1)[:1].isupper():
            return None
        if document.tokens[position].text in CITY_VENUE_NAMES:
            return position
    return None


def in_a_brand_name(document: Document, match: Match) -> bool:
    """The city is the second word of a capitalised venue's name right after "au" or "at
    (the)": "au Novotel Oran Les Falaises", "at the Marriott Lagos Ikeja": a hotel or hall
    of that city."""
    if match.start < 2:
        return False
    brand = document.original(match.start - 1, match.start)
    if not (brand[:1].isupper() and brand.isalpha() and LATIN.match(brand)):
        return False
    before = document.tokens[match.start - 2].text
    if before == "the" and match.start > 2:
        before = document.tokens[match.start - 3].text
    return before in {"au", "at"}


def written_as_a_name(document: Document, match: Match) -> bool:
    """A name in Latin script counts only written with a capital ("la Réunion", "Malé",
    "Le Cap"), not as the word it also is ("la réunion annuelle", "male", "garder le cap").
    Arabic has no capitals: its names always count."""
    written = document.original(match.start, match.end)
    if not LATIN.search(written):
        return True
    for position in range(match.start, match.end):
        if document.tokens[position].text in NAME_PARTICLES:
            continue
        if document.original(position, position + 1)[:1].isupper():
            return True
    return False


def followed_by_a_name(document: Document, match: Match) -> bool:
    """A Latin-script name followed, with nothing between, by a capitalised word that is
    not a weekday, a month or a small word: "Victoria Nuland", "Paris Agreement"; not
    after a preposition of place ("à Abuja Ahmed Attaf": a place, then a name)."""
    if match.end >= len(document.tokens):
        return False
    if match.start and document.tokens[match.start - 1].text in PLACE_WORDS:
        return False  # "a reçu jeudi à Bruxelles Thérèse Kayikwamba Wagner": a place
    written = document.original(match.start, match.end)
    if not LATIN.search(written):
        return False
    following = document.tokens[match.end]
    gap = document.text[
        document.original_span(match.start, match.end)[1] : document.origins[following.start]
    ]
    if gap != " " or following.text in NOT_NAME_WORDS:
        return False
    after = {token.text for token in document.tokens[match.end : match.end + 3]}
    if after & GATHERING_NAMES:
        return False  # "the Doha Forum", "the Munich Security Conference": held there
    if names_a_venue_of(document, match.end):
        return False  # "the Lagos Port", "the Ankara International Sea Port": a venue there
    if in_a_brand_name(document, match):
        return False  # "au Novotel Oran Les Falaises": a hotel of that city
    word = document.original(match.end, match.end + 1)
    return word[:1].isupper() and bool(LATIN.match(word))
