"""Issue 16: people are easy to reach. An index of people (search by name in any script
and spelling, filters by country, portfolio and a day in office), person pages linked
from cards and results, the meeting list's minister filter taking a name, and
/api/ministers/?q= searching names the same way."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Minister, Portfolio, Post
from tests.factories import MandateFactory, MinisterFactory, ParticipationFactory

PEOPLE_URL = reverse("meetings:people")
LIST_URL = reverse("meetings:list")


def names_listed(response) -> list[str]:
    return [person.name_latin for person, _mandate, _count in response.context["people"]]


@pytest.mark.parametrize(
    "query", ["Laftit", "laftit", "لفتيت", "عبدالوافي", "Abdel Ouafi Laftit", "Leftit", "Lafteet"]
)
def test_the_people_index_finds_a_name_in_any_script_and_spelling(client, db, query):
    response = client.get(PEOPLE_URL, {"q": query})
    assert response.status_code == 200
    assert names_listed(response) == ["Abdelouafi Laftit"]
    assert "1 person" in response.content.decode()


def test_the_people_index_lists_everyone_with_their_post_and_meetings(client, seed_meetings):
    response = client.get(PEOPLE_URL)
    content = response.content.decode()
    assert response.status_code == 200
    assert response.context["total"] == Minister.objects.count()
    laftit = Minister.objects.get(slug="abdelouafi-laftit")
    assert f'href="{laftit.get_absolute_url()}"' in content
    row = next(row for row in response.context["people"] if row[0] == laftit)
    assert row[2] == 2  # both seed meetings, exact
    assert "Minister of the Interior" in content
    assert '<option value="BE">Belgium</option>' in content
    assert '<option value="interior">' in content


def test_the_people_index_filters_by_country_portfolio_and_day_in_office(client, db):
    interior = Portfolio.objects.get(slug="interior")
    post = Post.objects.create(
        country_id="TN", slug="interior-test", portfolio=interior, title_en="Interior",
        title_fr="Intérieur", title_ar="الداخلية",
    )  # fmt: skip
    before = MandateFactory(
        post=post, minister=MinisterFactory(name_latin="Earlier Minister"),
        start=datetime.date(2015, 1, 1), end=datetime.date(2019, 12, 31),
    )  # fmt: skip
    after = MandateFactory(
        post=post, minister=MinisterFactory(name_latin="Later Minister"),
        start=datetime.date(2020, 1, 1),
    )  # fmt: skip
    assert names_listed(client.get(PEOPLE_URL, {"country": "TN"})) == [
        "Earlier Minister",
        "Later Minister",
    ]
    on_day = {"country": "TN", "portfolio": "interior", "in_office": "2018-06-01"}
    assert names_listed(client.get(PEOPLE_URL, on_day)) == [before.minister.name_latin]
    on_day["in_office"] = "2024-06-01"
    assert names_listed(client.get(PEOPLE_URL, on_day)) == [after.minister.name_latin]
    assert names_listed(client.get(PEOPLE_URL, {"country": "TN", "portfolio": "defence"})) == []


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"country": "ZZ"}, "Unknown country code"),
        ({"portfolio": "nothing"}, "Unknown portfolio"),
        ({"in_office": "yesterday"}, "Enter a valid date"),
        ({"page": "x"}, "“page” must be a whole number"),
        ({"page": "0"}, "“page” must be a whole number"),
        ({"page": "9999"}, "There is no page 9999"),
        ({"q": "x" * 300}, "at most 200 characters"),
    ],
)
def test_bad_input_on_the_people_index_is_a_400_saying_why(client, db, params, message):
    response = client.get(PEOPLE_URL, params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_people_index_makes_a_constant_number_of_queries(client, db):
    for number in range(60):
        MandateFactory(minister=MinisterFactory(name_latin=f"Many People {number}"))
    client.get(PEOPLE_URL)  # warm the reference cache and the bitmaps
    counts = []
    for params in (
        {},
        {"page": "2"},
        {"q": "Many People"},
        {"country": "MA", "in_office": "2024-01-01"},
    ):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(PEOPLE_URL, params).status_code == 200
        counts.append(len(queries))
    assert max(counts) <= 10
    assert len(set(counts[:2])) == 1


def test_people_pages_are_linked_from_meeting_cards(client, seed_meetings):
    content = client.get(LIST_URL).content.decode()
    for slug in ("abdelouafi-laftit", "annelies-verlinden", "matteo-piantedosi"):
        assert f'href="{reverse("meetings:minister", kwargs={"slug": slug})}"' in content


@pytest.mark.parametrize("value", ["Laftit", "laftit", "لفتيت", "Leftit", "abdelouafi-laftit"])
def test_the_minister_filter_takes_a_name(client, seed_meetings, value):
    belgium, italy = seed_meetings
    response = client.get(LIST_URL, {"minister": value})
    assert response.status_code == 200
    assert {meeting.pk for meeting in response.context["object_list"]} == {belgium.pk, italy.pk}


def test_a_name_several_people_answer_to_offers_them_without_javascript(client, db):
    first = MinisterFactory(name_latin="Karim Bennani", slug="karim-bennani-1")
    second = MinisterFactory(name_latin="Karim Bennani", slug="karim-bennani-2")
    ParticipationFactory(minister=second)
    response = client.get(LIST_URL, {"minister": "Karim Bennani"})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Several people answer to “Karim Bennani”" in content
    for person in (first, second):
        assert f"minister={person.slug}" in content
    chosen = client.get(LIST_URL, {"minister": second.slug})
    assert chosen.status_code == 200
    assert chosen.context["result_count"] == 1


def test_an_unknown_minister_is_a_400_naming_the_value(client, db):
    response = client.get(LIST_URL, {"minister": "Nobody Atall"})
    assert response.status_code == 400
    assert "Nobody in the archive answers to “Nobody Atall”" in response.content.decode()


def test_the_minister_box_offers_suggestions_from_the_api(client, db):
    content = client.get(LIST_URL).content.decode()
    assert 'aria-controls="people-suggestions"' in content
    assert 'data-suggest-people="/api/ministers/"' in content
    assert '<ul id="people-suggestions" class="suggestions" aria-live="polite">' in content
    assert re.search(r'<script src="[^"]*suggest-people[^"]*\.js" defer>', content)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("laftit", ["abdelouafi-laftit"]),
        ("لفتيت", ["abdelouafi-laftit"]),
        ("Leftit", ["abdelouafi-laftit"]),
        ("Abdel Ouafi", ["abdelouafi-laftit"]),
        ("پيانتيدوزي", ["matteo-piantedosi"]),
        ("xqzwvk", []),
    ],
)
def test_the_ministers_api_searches_names(client, db, query, expected):
    response = client.get("/api/ministers/", {"q": query})
    assert response.status_code == 200
    assert [person["slug"] for person in response.json()["results"]] == expected


def test_the_ministers_api_filters_and_rejects_unknown_parameters(client, db):
    data = client.get("/api/ministers/", {"country": "IT", "in_office": "2024-06-11"}).json()
    assert "matteo-piantedosi" in [person["slug"] for person in data["results"]]
    response = client.get("/api/ministers/", {"name": "laftit"})
    assert response.status_code == 400
    assert "name" in response.json()
    assert client.get("/api/ministers/", {"country": "ZZ"}).status_code == 400
