"""Issue 16: every query the issue lists as failing finds what it should, on the two seed
meetings plus factory meetings whose own text does not have the words searched for (so
that a country or a person is found by what the meeting refers to, not by its text).

Each query is checked both ways a list is computed: pages ordered by date count and
page from the bitmaps (meetings.counting), pages ordered by relevance from the queryset
(meetings.search); both must give the same meetings and the same exact total.
"""

import pytest
from django.urls import reverse

from meetings.models import Country, Minister
from tests.factories import MeetingFactory, MinisterFactory, ParticipationFactory

LIST_URL = reverse("meetings:list")


def found(client, query) -> set[int]:
    """The meetings a query finds, asserting that both ways of listing agree."""
    by_date = client.get(LIST_URL, {"q": query})
    by_relevance = client.get(LIST_URL, {"q": query, "order": "relevance"})
    assert by_date.status_code == by_relevance.status_code == 200
    dated = {meeting.pk for meeting in by_date.context["object_list"]}
    ranked = {meeting.pk for meeting in by_relevance.context["object_list"]}
    assert dated == ranked
    assert by_date.context["result_count"] == by_relevance.context["result_count"] == len(dated)
    return dated


@pytest.fixture
def archive(seed_meetings):
    """The seed meetings, a Belgian and a Moroccan meeting whose text names no country, and
    a meeting of Laftit's whose text does not name him."""
    belgium, italy = seed_meetings
    spain = Country.objects.get(code="ES")
    plain_belgian = MeetingFactory(
        country_a=Country.objects.get(code="BE"), country_b=spain, title_en="Plain talks"
    )
    plain_moroccan = MeetingFactory(title_en="Other plain talks")  # Morocco–Spain
    laftit = Minister.objects.get(slug="abdelouafi-laftit")
    ParticipationFactory(meeting=plain_moroccan, minister=laftit)
    unrelated = MeetingFactory(
        country_a=spain, country_b=Country.objects.get(code="PT"), title_en="Iberian talks"
    )
    return {
        "BE": belgium.pk,
        "IT": italy.pk,
        "plain BE": plain_belgian.pk,
        "plain MA": plain_moroccan.pk,
        "unrelated": unrelated.pk,
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Final ه for ة, after the article too.
        ("الهجره", {"BE", "IT"}),
        ("الداخليه", {"BE", "IT"}),
        ("وزير الداخليه", {"BE", "IT"}),
        ("هجره", {"BE", "IT"}),
        # Demonyms in every gender and number, with and without the article, three languages.
        ("بلجيكي", {"BE", "plain BE"}),
        ("البلجيكي", {"BE", "plain BE"}),
        ("البلجيكية", {"BE", "plain BE"}),
        ("البلجيكيون", {"BE", "plain BE"}),
        ("بلجيكا", {"BE", "plain BE"}),
        ("belge", {"BE", "plain BE"}),
        ("belges", {"BE", "plain BE"}),
        ("Belgian", {"BE", "plain BE"}),
        ("Belgians", {"BE", "plain BE"}),
        ("Belgique", {"BE", "plain BE"}),
        ("marocain", {"BE", "IT", "plain MA"}),
        ("Moroccan", {"BE", "IT", "plain MA"}),
        ("المغاربة", {"BE", "IT", "plain MA"}),
        ("italien", {"IT"}),
        ("الإيطالية", {"IT"}),
        # Names joined, split, in Persian letters, transliterated otherwise.
        ("عبدالوافي لفتيت", {"BE", "IT", "plain MA"}),
        ("عبد الوافي لفتيت", {"BE", "IT", "plain MA"}),
        ("پيانتيدوزي", {"IT"}),
        ("بيانتدوزي", {"IT"}),
        ("Leftit", {"BE", "IT", "plain MA"}),
        ("Lafteet", {"BE", "IT", "plain MA"}),
        ("Abdelwafi Laftit", {"BE", "IT", "plain MA"}),
        ("Abdel Ouafi Laftit", {"BE", "IT", "plain MA"}),
        ("Abd el Ouafi Laftit", {"BE", "IT", "plain MA"}),
        # French elision.
        ("l’Intérieur", {"BE", "IT"}),
    ],
)
def test_every_query_the_issue_lists_finds_its_meetings(client, archive, query, expected):
    assert found(client, query) == {archive[name] for name in expected}


def test_a_word_nothing_has_and_no_name_is_like_finds_nothing(client, archive):
    assert found(client, "xqzwv") == set()
    assert found(client, "migraton") == set()


def test_a_similar_name_is_not_guessed_when_the_word_exists(client, archive):
    """ "Lafite" is in a meeting's text: it finds that meeting only, not Laftit's."""
    wine = MeetingFactory(title_en="Lafite vineyards")
    assert found(client, "Lafite") == {wine.pk}


def test_the_results_say_whom_a_misspelt_name_was_taken_for(client, archive):
    response = client.get(LIST_URL, {"q": "Leftit"})
    content = response.content.decode()
    assert "Did you mean" in content
    laftit = Minister.objects.get(slug="abdelouafi-laftit")
    assert laftit.get_absolute_url() in content
    assert "?q=Abdelouafi+Laftit" in content


def test_the_results_offer_the_country_a_word_names(client, archive):
    response = client.get(LIST_URL, {"q": "البلجيكية"})
    content = response.content.decode()
    assert "Meetings of Belgium" in content
    assert f"{LIST_URL}?country=BE" in content


def test_the_results_link_to_the_people_they_name(client, archive):
    content = client.get(LIST_URL, {"q": "بيانتيدوزي"}).content.decode()
    assert Minister.objects.get(slug="matteo-piantedosi").get_absolute_url() in content


def test_a_new_person_is_found_by_a_similar_spelling_at_once(client, db):
    """The trigram index follows the names (it is the database's, on an expression)."""
    person = MinisterFactory(name_latin="Zbigniew Wroblewski", name_ar="", slug="zw")
    meeting = MeetingFactory(title_en="Talks")
    ParticipationFactory(meeting=meeting, minister=person)
    assert found(client, "Wroblevski") == {meeting.pk}
    person.name_latin = "Jan Kowalczyk"
    person.save()
    assert found(client, "Wroblevski") == set()
    assert found(client, "Kowalczik") == {meeting.pk}


def test_a_search_page_makes_a_constant_number_of_queries(client, archive):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(LIST_URL)  # warm the reference cache and the bitmaps
    counts = {}
    for query in ("migration", "Leftit", "البلجيكية الهجره", "بيانتيدوزي", "xqzwv"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST_URL, {"q": query}).status_code == 200
        counts[query] = len(queries)
    assert max(counts.values()) <= 10, counts
