"""What the extractor knows: countries, cities, people, portfolios, topics, outlets.

Plain data, built from the database by ``meetings.extraction.database`` (or
from anything else in tests), with a phrase matcher per kind of entity.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cached_property

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
        for country in self.countries:
            for name in (*country.names.values(), *country.aliases):
                matcher.add(name, country.code)
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
        """Countries named in the article, written as names (see ``written_as_a_name``)."""
        return [m for m in self.country_names.find(document) if written_as_a_name(document, m)]

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
        for match in self.city_names.find(document):
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
            host = url.split("//", 1)[-1].split("/", 1)[0].lower().removeprefix("www.")
            for outlet in sorted(self.outlets, key=lambda o: -len(o.domain)):
                domain = outlet.domain.lower().removeprefix("www.")
                if domain and (host == domain or host.endswith("." + domain)):
                    return outlet
        return None


# A city's name followed by one of these names a gathering held in that city.
GATHERING_NAMES = {"forum", "summit", "conference", "dialogue", "expo"}


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
    word = document.original(match.end, match.end + 1)
    return word[:1].isupper() and bool(LATIN.match(word))
