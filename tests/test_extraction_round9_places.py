"""The general causes behind the place and date misses of issue 17's ninth round.

The cases are eval/dev17's ``r9p-*`` articles, written for this round in our own words about
invented meetings; tests/test_extraction_rounds.py checks each as an editor sees its draft. The
tests written here check the smaller rules and the traps kept (a gathering named after "at", a
later meeting agreed in another capital).
"""

import datetime

import pytest

from tests.extraction_support import draft_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's Interior Minister John Mwangi met his Ugandan counterpart Peter Okello at "
        "Harambee Plaza on Tuesday.",
        "La ministre kényane de l'Intérieur, Jane Wanjiru, a reçu mardi au camp de Kahawa "
        "son homologue ougandais Peter Okello.",
        "La ministre kényane de l'Intérieur, Jane Wanjiru, a reçu mardi, rue de la Paix, "
        "son homologue ougandais Peter Okello.",
    ],
)
def test_a_venue_the_archive_does_not_know_is_the_hosts_seat(gazetteer, text):
    draft = draft_of(text, gazetteer)
    assert (draft.place, draft.host_country) == ("nairobi", "KE")


def test_a_gathering_after_at_is_no_venue_of_the_host(gazetteer):
    text = (
        "Kenya's Interior Minister John Mwangi met his Ugandan counterpart Peter Okello at "
        "Africa Security Forum on Tuesday."
    )
    assert draft_of(text, gazetteer).place != "nairobi"


def test_his_counterpart_after_the_arabic_verb_is_the_guest(gazetteer):
    text = (
        "بحث وزير الداخلية الكيني جون موانغي مع وزير الداخلية الأوغندي بيتر أوكيلو اليوم "
        "سبل التعاون.\n\nوقالت الوزارة إن الوزير موانغي استقبل نظيره الأوغندي في مقر الوزارة."
    )
    draft = draft_of(text, gazetteer)
    assert (draft.place, draft.host_country) == ("nairobi", "KE")


def test_a_french_participle_after_a_comma_tells_of_the_guest(gazetteer):
    text = (
        "La ministre kényane de l'Intérieur, Jane Wanjiru, a rencontré mardi son homologue "
        "ougandais, Peter Okello, reçu au ministère."
    )
    assert draft_of(text, gazetteer).host_country == "KE"


def test_a_gathering_city_counts_as_a_sides(gazetteer):
    text = (
        "Le ministre marocain du Commerce, Ryad Mezzour, s'est entretenu mardi à Berlin avec "
        "son homologue tunisien, Samir Abid, en marge d'un salon. Une visite de Samir Abid à "
        "Rabat doit suivre."
    )
    assert draft_of(text, gazetteer).place == "berlin"


def test_a_later_meeting_agreed_in_arabic_is_not_the_place(gazetteer):
    text = (
        "التقى وزير الدفاع الموريتاني حننا ولد سيدي اليوم بطنجة بنظيره المالي على هامش "
        "منتدى دولي.\n\nواتفق الوزيران على عقد اجتماع اللجنة العسكرية المشتركة في نواكشوط."
    )
    assert draft_of(text, gazetteer).place == "tangier"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Kenya's minister John Mwangi met Uganda's minister Peter Okello last night.", 2),
        ("La rencontre, le 9 du mois en cours, entre la ministre kényane Jane Wanjiru et son "
         "homologue ougandais Peter Okello.", 9),
    ],
)  # fmt: skip
def test_last_night_and_a_day_of_this_month(gazetteer, text, day):
    draft = draft_of(text, gazetteer, published=datetime.date(2025, 10, 3))
    assert draft.date == datetime.date(2025, 10, day)
