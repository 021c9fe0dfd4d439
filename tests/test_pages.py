"""Country, pair, minister and topic pages; facets; charts; the meeting page's metadata."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Country, Meeting, Minister
from tests.factories import MandateFactory, MeetingFactory, ParticipationFactory, SourceFactory

pytestmark = pytest.mark.django_db


def ids(response):
    return [meeting.pk for meeting in response.context["object_list"]]


def links(response):
    return re.findall(r'href="([^"]+)"', response.content.decode())


def test_the_country_page_lists_its_meetings_counterparts_chart_topics_and_ministers(
    client, seed_meetings
):
    belgium, italy = seed_meetings
    response = client.get("/en/countries/ma/")
    assert response.status_code == 200
    assert ids(response) == [italy.pk, belgium.pk]
    content = response.content.decode()
    assert [(c.label, c.count, c.url) for c in response.context["counterparts"]] == [
        ("Belgium", 1, "/en/countries/ma/be/"),
        ("Italy", 1, "/en/countries/ma/it/"),
    ]
    assert "/en/countries/ma/be/" in links(response)
    assert "/en/countries/ma/it/" in links(response)
    assert '<svg viewBox="0 0 640 220" role="img"' in content
    assert '<title id="chart-title-years">Meetings per year</title>' in content
    assert "Migration" in content
    assert "Abdelouafi Laftit" in content and "Minister of the Interior" in content


def test_the_pair_page_is_the_same_whichever_order(client, seed_meetings):
    belgium, _italy = seed_meetings
    first = client.get("/en/countries/ma/be/")
    second = client.get("/en/countries/be/ma/")
    assert ids(first) == ids(second) == [belgium.pk]
    for response in (first, second):
        assert (
            '<link rel="canonical" href="https://archive.example/en/countries/be/ma/">'
            in response.content.decode()
        )
    sides = {
        country.code: [p.url.split("/")[-2] for p in people]
        for country, people in first.context["sides"]
    }
    assert sides == {"BE": ["annelies-verlinden", "nicole-de-moor"], "MA": ["abdelouafi-laftit"]}


def test_the_pair_page_names_the_countries_in_the_order_asked(client, seed_meetings):
    """A reader coming from Morocco's page reads Morocco first, and its people first."""
    for url, heading, first_side in (
        ("/en/countries/ma/be/", "Morocco</a> – <a", "MA"),
        ("/en/countries/be/ma/", "Belgium</a> – <a", "BE"),
    ):
        response = client.get(url)
        assert heading in response.content.decode().split("<h1>")[1].split("</h1>")[0]
        assert response.context["sides"][0][0].code == first_side


def test_unknown_countries_topics_and_people_answer_404(client):
    for url in (
        "/en/countries/zz/",
        "/en/countries/ma/ma/",
        "/en/countries/morocco/",
        "/en/topics/astrology/",
        "/en/people/nobody/",
        "/en/countries/ma/zz/",
    ):
        assert client.get(url).status_code == 404, url


def test_the_minister_page_shows_mandates_meetings_and_people_met(client, seed_meetings):
    belgium, italy = seed_meetings
    response = client.get("/en/people/abdelouafi-laftit/")
    assert response.status_code == 200
    assert ids(response) == [italy.pk, belgium.pk]
    met = {
        person.slug: (country.code, n) for person, country, n in response.context["counterparts"]
    }
    assert met == {
        "annelies-verlinden": ("BE", 1),
        "nicole-de-moor": ("BE", 1),
        "matteo-piantedosi": ("IT", 1),
    }
    assert "5 April 2017" in response.content.decode()


def test_the_topic_page_includes_subtopics_and_the_most_active_countries(client):
    on_child = MeetingFactory(topics=["border-control"], country_b=Country.objects.get(code="FR"))
    response = client.get("/en/topics/migration/")
    assert on_child.pk in ids(response)
    assert [t.slug for t in response.context["subtopics"]][:2] == ["asylum", "border-control"] or (
        "border-control" in [t.slug for t in response.context["subtopics"]]
    )
    assert response.context["active_countries"][0][0].code == "MA"
    child = client.get("/en/topics/border-control/")
    assert child.context["parent"].slug == "migration"


def test_facets_count_what_the_filters_leave_and_link_to_add_a_filter(client):
    for year in (2021, 2022, 2022):
        MeetingFactory(date=datetime.date(year, 3, 1), topics=["energy"])
    MeetingFactory(date=datetime.date(2022, 5, 1), topics=["trade"])
    response = client.get("/en/meetings/", {"topic": "energy"})
    years = {item.label: item.count for item in response.context["facets"]["years"]}
    assert years == {"2022": 2, "2021": 1}
    link = next(item.url for item in response.context["facets"]["years"] if item.label == "2021")
    assert link == "?topic=energy&year=2021"
    assert len(ids(client.get("/en/meetings/" + link))) == 1
    topics = {item.label: item.count for item in response.context["facets"]["topics"]}
    assert topics == {"Energy": 3}


def test_the_country_facet_adds_the_counterpart_once_a_country_is_chosen(client, seed_meetings):
    response = client.get("/en/meetings/", {"country": "MA"})
    items = {item.label: item.url for item in response.context["facets"]["countries"]}
    assert items == {"Belgium": "?country=MA&counterpart=BE", "Italy": "?country=MA&counterpart=IT"}
    pair = client.get("/en/meetings/", {"country": "MA", "counterpart": "BE"})
    assert pair.context["facets"]["countries"] == []


def test_topic_facets_add_topics_and_any_or_all_narrows(client, seed_meetings):
    response = client.get("/en/meetings/", {"topic": "migration"})
    security = next(
        item for item in response.context["facets"]["topics"] if item.label == "Security"
    )
    assert security.url == "?topic=migration&topic=security"
    assert len(ids(client.get("/en/meetings/" + security.url))) == 2
    child = next(
        c
        for item in response.context["facets"]["topics"]
        for c in item.children
        if c.label == "Irregular migration"
    )
    assert child.count == 1
    assert (
        len(
            ids(
                client.get("/en/meetings/?topic=diaspora&topic=irregular-migration&topic_match=all")
            )
        )
        == 1
    )


def test_the_portfolio_filter_and_facet(client, seed_meetings):
    response = client.get("/en/meetings/", {"portfolio": "migration-asylum"})
    assert ids(response) == [seed_meetings[0].pk]
    facet = {
        item.label: item.count
        for item in client.get("/en/meetings/").context["facets"]["portfolios"]
    }
    assert facet["Interior"] == 2


def test_every_listing_page_offers_the_filters_and_a_link_to_the_full_list(client, seed_meetings):
    response = client.get("/en/countries/ma/", {"topic": "migration"})
    assert response.context["full_list_url"] == "/en/meetings/?topic=migration&country=MA"
    content = response.content.decode()
    assert 'name="q"' in content and 'name="date_from"' in content
    assert 'name="country"' not in content  # fixed by the page


def test_the_meeting_page_has_json_ld_open_graph_canonical_and_a_citation(client, seed_meetings):
    belgium, _italy = seed_meetings
    response = client.get(f"/en/meetings/{belgium.pk}/")
    content = response.content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1)
    )
    assert data["@type"] == "Event"
    assert data["startDate"] == "2024-04-15"
    assert data["location"]["address"]["addressCountry"] == "MA"
    assert {a["name"] for a in data["attendee"]} == {
        "Abdelouafi Laftit",
        "Annelies Verlinden",
        "Nicole de Moor",
    }
    assert data["subjectOf"][0]["publisher"]["name"] == "Express TV"
    assert (
        f'<link rel="canonical" href="https://archive.example/en/meetings/{belgium.pk}/">'
        in content
    )
    assert (
        '<meta property="og:title" content="Laftit and Verlinden discuss security and migration cooperation">'
        in content
    )
    assert f"@misc{{meeting{belgium.pk}," in content
    assert "year = {2024}" in content
    assert "Cite this meeting" in content


def test_pages_exist_in_three_languages_with_names_and_dates_in_each(client, seed_meetings):
    belgium, _italy = seed_meetings
    arabic = client.get(f"/ar/meetings/{belgium.pk}/").content.decode()
    french = client.get(f"/fr/meetings/{belgium.pk}/").content.decode()
    assert 'lang="ar" dir="rtl"' in arabic and "بلجيكا" in arabic and "15 إبريل، 2024" in arabic
    assert 'lang="fr" dir="ltr"' in french and "Belgique" in french and "15 avril 2024" in french
    english = client.get("/en/countries/ma/")
    assert 'hreflang="ar" href="/ar/countries/ma/"' in english.content.decode()


def test_a_journalist_reaches_morocco_belgium_on_migration_since_2024_in_four_clicks(
    client, seed_meetings
):
    belgium, _italy = seed_meetings
    MeetingFactory(
        country_b=Country.objects.get(code="BE"),
        date=datetime.date(2023, 6, 1),
        topics=["migration"],
    )
    home = client.get("/en/")
    country = client.get(
        next(link for link in links(home) if link == "/en/countries/ma/")
    )  # click 1
    pair = client.get(
        next(link for link in links(country) if link == "/en/countries/ma/be/")
    )  # click 2
    migration = next(
        item.url for item in pair.context["facets"]["topics"] if item.label == "Migration"
    )
    on_topic = client.get("/en/countries/ma/be/" + migration)  # click 3
    assert len(ids(on_topic)) == 2
    since = client.get(
        "/en/countries/ma/be/" + migration + "&date_from=2024-01-01"
    )  # date entry, click 4
    assert ids(since) == [belgium.pk]


def make_rich_meetings(count):
    for index in range(count):
        meeting = MeetingFactory(
            date=datetime.date(2018, 1, 1) + datetime.timedelta(days=30 * index),
            topics=["energy", "border-control"],
        )
        mandate = MandateFactory(start=datetime.date(2010, 1, 1))
        ParticipationFactory(
            meeting=meeting,
            minister=mandate.minister,
            mandate=mandate,
            country=mandate.post.country,
        )
        ParticipationFactory(meeting=meeting, country=meeting.country_b)
        SourceFactory(meeting=meeting)


def queries_for(client, url):
    client.get(url)  # warm the reference-data caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


PAGES = [
    "/en/",
    "/en/meetings/",
    "/en/meetings/?country=MA&topic=energy&year=2018",
    "/en/countries/",
    "/en/countries/ma/",
    "/en/countries/es/ma/",
    "/en/topics/",
    "/en/topics/migration/",
    "/ar/countries/ma/",
]


def test_every_page_runs_a_fixed_number_of_queries_at_most_ten(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # rendered every time (a cached page is one query)
    make_rich_meetings(5)
    minister = Minister.objects.filter(participations__isnull=False).first()
    pages = [
        *PAGES,
        minister.get_absolute_url(),
        Meeting.objects.published().first().get_absolute_url(),
    ]
    few = {url: queries_for(client, url) for url in pages}
    make_rich_meetings(45)
    many = {url: queries_for(client, url) for url in pages}
    assert many == few
    assert max(few.values()) <= 10, few
