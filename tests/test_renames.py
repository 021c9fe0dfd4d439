"""Renaming any reference row changes at once everything that shows or finds it: search,
facets, cards, pages, exports, the API and feeds, in the three languages (issue 14).

The renames are made as a shell would (QuerySet.update: no Django signal, no save()):
only what the database keeps itself can follow them (docs/decisions/0020).
"""

import csv
import io
import json

import pytest

from meetings.models import City, Country, Meeting, Minister, Portfolio, Post, Topic
from tests.factories import MandateFactory, MeetingFactory, ParticipationFactory, PostFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ("ar", "fr", "en")
NEW = {"ar": "اسمجديد", "fr": "Nouveaunom", "en": "Brandnewname"}


@pytest.fixture
def meeting(seed_meetings):
    """A published Morocco–Belgium meeting in Rabat on a subtopic, whose lead held a post
    in a portfolio; no editor's title, so that its title is made of the countries."""
    portfolio = Portfolio.objects.get(slug="interior")
    post = PostFactory(country=Country.objects.get(code="MA"), portfolio=portfolio)
    mandate = MandateFactory(post=post, start="2020-01-01")
    topic = Topic.objects.filter(parent__isnull=False).order_by("slug").first()
    meeting = MeetingFactory(
        country_a=Country.objects.get(code="BE"),
        country_b=Country.objects.get(code="MA"),
        city=City.objects.get(slug="rabat"),
        host_country=Country.objects.get(code="MA"),
        date="2024-05-02",
        title_en="",
        title_fr="",
        title_ar="",
        topics=[topic.slug],
    )
    ParticipationFactory(
        meeting=meeting, minister=mandate.minister, mandate=mandate, country_id="MA", role="lead"
    )
    return meeting


def rename(kind: str, meeting: Meeting, language: str) -> str:
    """Rename the ``kind`` row the meeting refers to, in ``language``, as a shell would."""
    new = NEW[language]
    field = {"ar": "name_ar"}.get(language, f"name_{language}")
    if kind == "country":
        Country.objects.filter(code="BE").update(**{f"name_{language}": new})
    elif kind == "city":
        City.objects.filter(pk=meeting.city_id).update(**{f"name_{language}": new})
    elif kind == "topic":
        Topic.objects.filter(meetings=meeting).update(**{f"name_{language}": new})
    elif kind == "person":
        field = "name_ar" if language == "ar" else "name_latin"
        Minister.objects.filter(participations__meeting=meeting).update(**{field: new})
    elif kind == "post":
        Post.objects.filter(mandates__participations__meeting=meeting).update(
            **{f"title_{language}": new}
        )
    elif kind == "portfolio":
        Portfolio.objects.filter(slug="interior").update(**{field: new})
    return new


def listed(client, url, **params) -> list[int]:
    response = client.get(url, params)
    assert response.status_code == 200
    return [card.pk for card in response.context["page"].items]


def streamed(response) -> str:
    return b"".join(response.streaming_content).decode()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["country", "city", "topic", "person", "post", "portfolio"])
def test_a_renamed_row_is_found_and_shown_by_its_new_name_everywhere(
    client, meeting, kind, language
):
    base = f"/{language}/meetings/"
    assert meeting.pk not in listed(client, base, q=NEW[language])
    new = rename(kind, meeting, language)

    # Search, in that language's list.
    assert meeting.pk in listed(client, base, q=new)
    # The card on the list, and the meeting's page.
    shows_on_card = kind in ("country", "city", "topic", "person", "post")
    card = client.get(base, {"country": "BE"}).content.decode()
    page = client.get(f"{base}{meeting.pk}/").content.decode()
    if shows_on_card:
        assert new in card, "card"
        assert new in page, "page"
    # The data in the same language.
    export = streamed(client.get(f"{base}export.json", {"country": "BE"}))
    exported = next(m for m in json.loads(export) if m["id"] == meeting.pk)
    feed = client.get(f"{base}feed/atom/", {"country": "BE"}).content.decode()
    api = client.get(f"/api/meetings/{meeting.pk}/").json()
    if kind == "country":
        assert exported["country_a_name"] == new
        assert new in feed  # the entry's title is the two countries
        assert new in client.get(f"/{language}/countries/be/").content.decode()
        assert api["countries"][0][f"name_{language}"] == new
    elif kind == "city":
        assert exported["city_name"] == new
        assert api["city"][f"name_{language}"] == new
    elif kind == "topic":
        slug = Topic.objects.get(meetings=meeting).slug
        assert new in feed  # a category of the entry
        assert new in client.get(f"/{language}/topics/{slug}/").content.decode()
        assert client.get(f"/api/topics/{slug}/").json()[f"name_{language}"] == new
    elif kind == "person":
        person = exported["participants"][0]
        assert new in (person["name_latin"], person["name_ar"])
        assert new in feed
        rows = csv.DictReader(
            io.StringIO(
                streamed(client.get(f"{base}export.csv", {"country": "BE"})).lstrip("\ufeff")
            )
        )
        assert any(new in row["participants"] for row in rows)
    elif kind == "post":
        assert exported["participants"][0]["post"] == new
        assert new in feed
        assert api["participants"][0]["post_title"][language] == new
    elif kind == "portfolio":
        # The portfolio facet beside the list, and the filter it offers.
        facets = client.get(base, {"country": "BE", "year": "2024"}).content.decode()
        assert new in facets
        assert meeting.pk in listed(client, base, portfolio="interior")
