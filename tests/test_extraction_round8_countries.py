"""Issue 17's eighth round, countries: the sides, their countries and "not a meeting".

The cases are eval/dev17's ``r8c-*`` articles, written for this round in our own words about
invented meetings (each class in Arabic, French and English); tests/test_extraction_rounds.py
checks each as an editor sees its draft. A few more, written here, check that real meetings
using the same words are kept.
"""

import pytest

from meetings.extraction.pipeline import country_in_site_name, made_of_news_words
from tests.extraction_support import draft_of

pytestmark = pytest.mark.django_db

# -- Negatives: no countries, and no date either ---------------------------------------------


def test_a_negative_gets_no_date(gazetteer):
    text = (
        "Le député Marc Leroy a adressé une question écrite au ministre de l'Intérieur "
        "français, Paul Durand, sur sa visite à Rabat et son entretien avec son homologue "
        "marocain."
    )
    draft = draft_of(text, gazetteer)
    assert draft.countries == []
    assert draft.date is None


@pytest.mark.parametrize(
    "text",
    [
        # A question answered during a real meeting.
        "Le ministre algérien de l'Intérieur, Rachid Bensalem, a reçu mardi à Alger son "
        "homologue tunisien, Kamel Jlassi. Ils ont répondu à une question écrite de députés.",
        # A plan shelved that is the subject of real talks.
        "Algeria's Interior Minister Rachid Bensalem received his Tunisian counterpart Kamel "
        "Jlassi in Algiers on Tuesday. They revived a rail project shelved in 2019.",
    ],
)
def test_a_meeting_with_the_negatives_words_is_kept(gazetteer, text):
    assert draft_of(text, gazetteer).countries == ["DZ", "TN"]


def test_a_gathering_of_many_keeps_its_date(gazetteer):
    text = (
        "Le ministre marocain des Affaires étrangères, Ahmed Tazi, le ministre algérien des "
        "Affaires étrangères, Rachid Bensalem, et le ministre libyen des Affaires étrangères, "
        "Salem Ali, se sont réunis mardi à Tunis en conférence ministérielle, avec la Tunisie, "
        "la Mauritanie et l'Égypte."
    )
    draft = draft_of(text, gazetteer)
    assert draft.countries == []
    assert draft.date is not None


# -- The outlet's country from its site's name -----------------------------------------------


def test_words_of_a_papers_name():
    assert made_of_news_words("newsonline")
    assert made_of_news_words("observer")
    assert not made_of_news_words("ewsonline")
    assert not made_of_news_words("")


@pytest.mark.parametrize(
    "url, country",
    [
        ("https://www.jamaicaobserver.com/2025/09/26/story/", "JM"),
        ("https://focustaiwan.tw/politics/1", "TW"),
        ("https://dominicanewsonline.com/news/", "DM"),
        ("https://www.omandaily.om/x", "OM"),
        ("https://www.example.com/jamaica", None),
        ("https://www.spainbuilders.com/", None),
    ],
)
def test_country_in_site_name(gazetteer, url, country):
    assert country_in_site_name(url, gazetteer) == country


# -- Countries easily confused ----------------------------------------------------------------


def test_a_city_named_after_a_country_names_no_country(gazetteer):
    text = (
        "Ghana's Trade Minister Kofi Mensah met Trinidad and Tobago's Trade Minister Ravi "
        "Sookram in Port of Spain on Tuesday."
    )
    assert draft_of(text, gazetteer).countries == ["GH", "TT"]


def test_spain_named_as_a_country_is_still_a_side(gazetteer):
    text = (
        "Spain's Interior Minister Luis Ortega met Trinidad and Tobago's Minister of Homeland "
        "Security Ravi Sookram in Port of Spain on Tuesday."
    )
    assert draft_of(text, gazetteer).countries == ["ES", "TT"]
