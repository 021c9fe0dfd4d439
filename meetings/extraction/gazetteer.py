"""What the extractor knows: countries, cities, people, portfolios, topics, outlets.

Plain data, built from the database by ``meetings.extraction.database`` (or
from anything else in tests), with a phrase matcher per kind of entity.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from meetings.extraction.document import PhraseMatcher
from meetings.text import normalize


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
