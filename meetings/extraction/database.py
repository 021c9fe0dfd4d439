"""The extractor's links to the archive: what it knows, and what already exists."""

import datetime

from django.contrib.postgres.search import TrigramSimilarity
from django.db.models import Prefetch
from django.db.models.functions import Greatest

from meetings.extraction.gazetteer import (
    CityEntry,
    CountryEntry,
    Gazetteer,
    MandateEntry,
    OutletEntry,
    PersonEntry,
    PortfolioEntry,
    TopicEntry,
)
from meetings.models import (
    City,
    Country,
    Mandate,
    Meeting,
    Minister,
    Outlet,
    Portfolio,
    Topic,
)

DUPLICATE_WINDOW_DAYS = 3


def names(obj, field="name"):
    return {code: getattr(obj, f"{field}_{code}") for code in ("ar", "fr", "en")}


def gazetteer_from_database() -> Gazetteer:
    """Everything the extractor matches against, read fresh from the database."""
    people = Minister.objects.prefetch_related(
        Prefetch("mandates", queryset=Mandate.objects.select_related("post__portfolio"))
    )
    return Gazetteer(
        countries=[
            CountryEntry(c.code, names(c), tuple(c.aliases), tuple(c.demonyms))
            for c in Country.objects.all()
        ],
        cities=[
            CityEntry(c.slug, c.country_id, names(c), tuple(c.aliases), c.is_capital)
            for c in City.objects.all()
        ],
        people=[
            PersonEntry(
                id=person.pk,
                slug=person.slug,
                name_ar=person.name_ar,
                name_latin=person.name_latin,
                aliases=tuple(person.aliases),
                mandates=tuple(
                    MandateEntry(
                        country=m.post.country_id,
                        post_titles={k: v for k, v in names(m.post, "title").items() if v},
                        portfolio=m.post.portfolio.slug if m.post.portfolio else None,
                        rank=m.post.rank,
                        start=m.start,
                        end=m.end,
                    )
                    for m in person.mandates.all()
                ),
            )
            for person in people
        ],
        portfolios=[
            PortfolioEntry(p.slug, names(p), tuple(p.keywords)) for p in Portfolio.objects.all()
        ],
        topics=[
            TopicEntry(
                t.slug,
                t.parent.slug if t.parent else None,
                {
                    "ar": tuple(t.keywords_ar),
                    "fr": tuple(t.keywords_fr),
                    "en": tuple(t.keywords_en),
                },
            )
            for t in Topic.objects.select_related("parent")
        ],
        outlets=[
            OutletEntry(o.name, o.name_ar, o.domain, o.country_id) for o in Outlet.objects.all()
        ],
    )


def possible_duplicates(countries, day: datetime.date | None):
    """Meetings between the same two countries within a few days: maybe the same meeting."""
    if len(countries) != 2 or day is None:
        return Meeting.objects.none()
    window = datetime.timedelta(days=DUPLICATE_WINDOW_DAYS)
    return (
        Meeting.objects.between(*countries)
        .filter(date__range=(day - window, day + window))
        .with_related()
        .order_by("date")
    )


def similar_people(name: str, limit: int = 3, threshold: float = 0.3):
    """People whose names look like ``name`` (Laftit / Lafti / لفتيت), most alike first."""
    return (
        Minister.objects.annotate(
            similarity=Greatest(
                TrigramSimilarity("name_latin", name), TrigramSimilarity("name_ar", name)
            )
        )
        .filter(similarity__gte=threshold)
        .order_by("-similarity")[:limit]
    )
