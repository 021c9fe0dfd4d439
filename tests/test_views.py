"""The public pages: home, the filtered list of meetings and a meeting's page."""

import datetime
import re

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from meetings import counting
from meetings.models import Country, Meeting
from tests.factories import MeetingFactory, ParticipationFactory, SourceFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/en/meetings/"


def listed_ids(response):
    return [meeting.pk for meeting in response.context["object_list"]]


def test_the_root_redirects_to_the_home_page_in_a_language(client):
    response = client.get("/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/en/"


def test_the_home_page_shows_totals_and_the_latest_meetings(client, seed_meetings):
    response = client.get("/en/")
    assert response.status_code == 200
    assert response.context["totals"] == {"meetings": 2, "countries": 3, "people": 4}
    content = response.content.decode()
    assert "Laftit and Piantedosi agree on a permanent joint group on migration" in content
    assert "Laftit and Verlinden discuss security and migration cooperation" in content


def test_a_list_filtered_to_belgium_shows_verlinden_and_not_piantedosi(client, seed_meetings):
    belgium, _italy = seed_meetings
    response = client.get(LIST_URL, {"country": "BE"})
    assert response.status_code == 200
    assert listed_ids(response) == [belgium.pk]
    content = response.content.decode()
    assert "Annelies Verlinden" in content
    assert "Matteo Piantedosi" not in content


def test_a_card_names_the_leads_separated_without_a_trailing_separator(client, seed_meetings):
    # The Belgian meeting's last participant accompanies: she is not on the card.
    response = client.get(LIST_URL, {"country": "BE"})
    people = re.search(r'<p class="people">(.*?)</p>', response.content.decode(), re.S).group(1)
    text = re.sub(r"<[^>]+>", "", people).strip()
    assert text.startswith("Abdelouafi Laftit") and "; Annelies Verlinden" in text
    assert not text.endswith(";") and "Nicole de Moor" not in text


def test_a_list_filtered_to_migration_shows_both_seed_meetings(client, seed_meetings):
    belgium, italy = seed_meetings
    response = client.get(LIST_URL, {"topic": "migration"})
    assert listed_ids(response) == [italy.pk, belgium.pk]
    assert "2 meetings" in response.content.decode()


def test_a_topic_filter_includes_its_subtopics(client):
    meeting = MeetingFactory(topics=["border-control"])
    other = MeetingFactory(topics=["energy"])
    ids = listed_ids(client.get(LIST_URL, {"topic": "migration"}))
    assert meeting.pk in ids
    assert other.pk not in ids


def test_several_topics_match_any_or_all(client):
    both = MeetingFactory(topics=["counter-terrorism", "border-control"])
    one = MeetingFactory(topics=["counter-terrorism"])
    any_ids = listed_ids(client.get(LIST_URL, {"topic": ["security", "migration"]}))
    all_ids = listed_ids(
        client.get(LIST_URL, {"topic": ["security", "migration"], "topic_match": "all"})
    )
    assert {both.pk, one.pk} <= set(any_ids)
    assert both.pk in all_ids
    assert one.pk not in all_ids


def test_a_pair_filter_works_in_either_order_and_excludes_other_pairs(client, seed_meetings):
    belgium, _italy = seed_meetings
    assert listed_ids(client.get(LIST_URL, {"country": "MA", "counterpart": "BE"})) == [belgium.pk]
    assert listed_ids(client.get(LIST_URL, {"country": "be", "counterpart": "ma"})) == [belgium.pk]


def test_date_range_and_year_filters(client):
    early = MeetingFactory(date=datetime.date(2019, 3, 1))
    late = MeetingFactory(date=datetime.date(2021, 3, 1))
    ids = listed_ids(client.get(LIST_URL, {"date_from": "2020-01-01", "date_to": "2022-01-01"}))
    assert late.pk in ids and early.pk not in ids
    ids = listed_ids(client.get(LIST_URL, {"year": "2019"}))
    assert early.pk in ids and late.pk not in ids


def test_place_and_host_country_filters(client, seed_meetings):
    belgium, italy = seed_meetings
    elsewhere = MeetingFactory(host_country=Country.objects.get(code="ES"))
    assert set(listed_ids(client.get(LIST_URL, {"place": "rabat"}))) == {belgium.pk, italy.pk}
    ids = listed_ids(client.get(LIST_URL, {"host": "ES"}))
    assert elsewhere.pk in ids and belgium.pk not in ids


def test_minister_filter(client, seed_meetings):
    belgium, italy = seed_meetings
    assert listed_ids(client.get(LIST_URL, {"minister": "matteo-piantedosi"})) == [italy.pk]
    assert listed_ids(client.get(LIST_URL, {"minister": "abdelouafi-laftit"})) == [
        italy.pk,
        belgium.pk,
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("الهجرة", {"BE", "IT"}),  # Arabic, in the summaries of both
        ("والهجرة", {"BE", "IT"}),  # with the conjunction glued to the article
        ("الهِجْرَة", {"BE", "IT"}),  # with diacritics
        ("بلجيكا", {"BE"}),  # a country name in Arabic
        ("Belgique", {"BE"}),  # in French
        ("sécurité", {"BE", "IT"}),  # French, accented
        ("securite", {"BE", "IT"}),  # French, unaccented
        ("Piantedosi", {"IT"}),  # a name in Latin script
        ("بيانتيدوزي", {"IT"}),  # the same in Arabic script
        ("smuggling", {"IT"}),  # English, stemmed
        ("Marhaba", {"IT"}),
    ],
)
def test_free_text_search_in_three_languages(client, seed_meetings, query, expected):
    belgium, italy = seed_meetings
    by_country = {belgium.pk: "BE", italy.pk: "IT"}
    ids = listed_ids(client.get(LIST_URL, {"q": query}))
    assert {by_country[pk] for pk in ids} == expected


def test_search_can_be_ordered_by_relevance(client, seed_meetings):
    response = client.get(LIST_URL, {"q": "Piantedosi", "order": "relevance"})
    assert response.status_code == 200
    assert len(listed_ids(response)) == 1


def test_ordering_oldest_first(client, seed_meetings):
    belgium, italy = seed_meetings
    assert listed_ids(client.get(LIST_URL, {"topic": "migration", "order": "date"})) == [
        belgium.pk,
        italy.pk,
    ]


def test_drafts_never_appear_in_lists_or_pages(client):
    draft = MeetingFactory(status="draft", title_en="A secret draft")
    assert draft.pk not in listed_ids(client.get(LIST_URL))
    assert "A secret draft" not in client.get(LIST_URL, {"q": "secret draft"}).content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_pagination_keeps_every_filter_and_walks_the_whole_list(client, settings):
    for day in range(1, 25):
        MeetingFactory(date=datetime.date(2022, 1, day), topics=["energy"])
    response = client.get(LIST_URL, {"topic": "energy", "year": "2022", "order": "date"})
    content = response.content.decode()
    assert "24 meetings" in content
    older = re.search(r'<a rel="next" href="([^"]+)"', content).group(1).replace("&amp;", "&")
    query = QueryDict(older.removeprefix("?"))
    assert {name: query.getlist(name) for name in ("topic", "year", "order")} == {
        "topic": ["energy"],
        "year": ["2022"],
        "order": ["date"],
    }
    assert query["after"].startswith("2022-01-20_")
    page_two = client.get(LIST_URL + older)
    assert len(listed_ids(page_two)) == 24 - settings.MEETINGS_PER_PAGE
    assert [m.date.day for m in page_two.context["object_list"]] == [21, 22, 23, 24]
    newer = re.search(r'<a rel="prev" href="([^"]+)"', page_two.content.decode()).group(1)
    back = client.get(LIST_URL + newer.replace("&amp;", "&"))
    assert listed_ids(back) == listed_ids(response)


def test_relevance_keeps_page_numbers_up_to_a_limit(client, seed_meetings):
    response = client.get(LIST_URL, {"q": "Laftit", "order": "relevance", "page": "1"})
    assert response.status_code == 200
    assert (
        client.get(LIST_URL, {"q": "Laftit", "order": "relevance", "page": "51"}).status_code == 400
    )


def test_the_meeting_page_shows_who_what_where_and_the_sources(client, seed_meetings):
    belgium, _italy = seed_meetings
    response = client.get(reverse("meetings:detail", kwargs={"pk": belgium.pk}))
    assert response.status_code == 200
    content = response.content.decode()
    for expected in (
        "Abdelouafi Laftit",
        "Annelies Verlinden",
        "Nicole de Moor",
        "State Secretary for Asylum and Migration",
        "accompanying",
        "Rabat",
        "15 April 2024",
        "Express TV",
        "permanent joint working group on migration",
        "Counter-terrorism",
    ):
        assert expected in content, expected


def test_the_meeting_page_in_arabic_uses_arabic_names(client, seed_meetings):
    belgium, _italy = seed_meetings
    content = client.get(f"/ar/meetings/{belgium.pk}/").content.decode()
    assert 'dir="rtl"' in content
    assert "عبد الوافي لفتيت" in content
    assert "بلجيكا" in content


def make_meetings(count):
    for index in range(count):
        meeting = MeetingFactory(
            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=index),
            topics=["energy", "trade"],
        )
        ParticipationFactory(meeting=meeting, country=meeting.country_a)
        ParticipationFactory(meeting=meeting, country=meeting.country_b)
        SourceFactory(meeting=meeting)


def count_queries(client, url, params=None):
    """Queries for rendering a page, once the reference-data caches are warm (the page
    cache is off: a cached page costs one query, see test_page_cache.py)."""
    with override_settings(PAGE_CACHE_SECONDS=0):
        client.get(url, params or {})
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "params",
    [{}, {"country": "MA", "topic": "energy"}, {"q": "meeting", "counterpart": "ES"}],
)
def test_the_list_runs_as_many_queries_for_50_meetings_as_for_5(client, params):
    make_meetings(5)
    with_five = count_queries(client, LIST_URL, params)
    make_meetings(45)
    assert Meeting.objects.published().count() >= 50
    assert count_queries(client, LIST_URL, params) == with_five
    assert with_five <= 10


def test_the_home_and_meeting_pages_run_a_fixed_number_of_queries(client):
    make_meetings(3)
    home = count_queries(client, "/en/")
    meeting = Meeting.objects.published().first()
    detail = count_queries(client, meeting.get_absolute_url())
    make_meetings(20)
    assert count_queries(client, "/en/") == home
    assert count_queries(client, meeting.get_absolute_url()) == detail
    assert home <= 10 and detail <= 10


def test_cold_reference_caches_cost_one_query_per_table_once(client, settings, seed_meetings):
    settings.PAGE_CACHE_SECONDS = 0  # the page itself, not the cached copy
    params = {"country": "MA", "topic": "migration"}
    with CaptureQueriesContext(connection) as cold:
        assert client.get(LIST_URL, params).status_code == 200
    with CaptureQueriesContext(connection) as warm:
        assert client.get(LIST_URL, params).status_code == 200
    reference_tables = 5  # countries, groups, topics, cities, portfolios
    # The first request also renders the meeting cards, which the second finds in the
    # fragment cache: the meetings with their places, people and topics (meetings/caching/fragments.py).
    cards = 3
    # And the process reads its bitmaps, once (meetings/counting.py).
    assert len(cold) == len(warm) + reference_tables + cards + counting.READING_QUERIES
    assert len(warm) <= 10
