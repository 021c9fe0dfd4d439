"""The general causes behind the place misses of issue 17's fourteenth round.

The cases are eval/dev17's ``r14p-*`` articles, written for this round in our own words about
invented meetings; tests/test_extraction_rounds.py checks each as an editor sees its draft.
The tests here check each rule alone: a guest received "au X" or "à l'édifice X", a building
no list knows, is at the host's seat, over a city of the host named in passing; a visit to
"the Republic of X" names the side visited, over the dateline of the guest's home; a
readout's dateline with the date before the place names the place; grounds that may lie
outside the host's seat (an exhibition centre, a resort) "in" a town no list knows give no
place, not the dateline's capital.
"""

import datetime

import pytest

from tests.extraction_support import draft_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "La ministre autrichienne de l'Économie, Katharina Mosbrugger, a reçu mardi au "
        "Waldhof le ministre jordanien de l'Industrie, Omar Haddadin.\n\nLes deux ministres ont "
        "évoqué la communauté jordanienne installée à Salzbourg.",
        "La ministre autrichienne de l'Économie, Katharina Mosbrugger, a reçu mardi à "
        "l'édifice Anton-Wildgans le ministre jordanien de l'Industrie, Omar Haddadin.\n\nLes "
        "deux ministres ont évoqué la communauté jordanienne installée à Salzbourg.",
    ],
)
def test_a_building_no_list_knows_is_the_hosts_seat(gazetteer, text):
    draft = draft_of(text, gazetteer)
    assert (draft.host_country, draft.place) == ("AT", "vienna")


def test_the_hosts_seat_once_the_host_is_read_from_a_city_in_passing(gazetteer):
    # The host minister by title only: the host's side comes from the city named further
    # on; the building where they met is then that side's, in its capital.
    draft = draft_of(
        "La ministre de l'Économie, Katharina Mosbrugger, a reçu mardi à l'édifice "
        "Anton-Wildgans le ministre jordanien de l'Industrie, Omar Haddadin, en visite "
        "officielle.\n\nLes échanges portent sur le tourisme.\n\n« Une communauté jordanienne "
        "très présente à Salzbourg », a dit la ministre à l'issue de la rencontre.",
        gazetteer,
    )
    assert draft.host_country == "AT"
    assert draft.place == "vienna"


@pytest.mark.parametrize(
    "text",
    [
        "RABAT, May 21 (MAP) - Agriculture Minister Abderrahim Ouazzani will leave for Quito "
        "on an official visit to the Republic of Ecuador, the ministry said.\n\nThe minister "
        "will hold talks with Ecuadorian Agriculture Minister Juan Carlos Pineda on Sunday.",
    ],
)
def test_a_visit_to_the_republic_of_a_side_is_where_they_meet(gazetteer, text):
    draft = draft_of(text, gazetteer, published=datetime.date(2026, 5, 21))
    assert (draft.host_country, draft.place) == ("EC", "quito")


def test_a_readouts_date_then_place_dateline(gazetteer):
    draft = draft_of(
        "Trade Minister meets with Kenya's Minister of Economy\n\nMay 20, 2026 - Marrakech, "
        "Morocco - Ministry of Trade\n\nYesterday, Moroccan Trade Minister Youssef Benkirane "
        "met Kenya's Minister of Economy David Otieno on the margins of a roundtable.",
        gazetteer,
        published=datetime.date(2026, 5, 20),
    )
    assert (draft.host_country, draft.place) == ("MA", "marrakech")
    assert draft.date == datetime.date(2026, 5, 19)


def test_grounds_in_a_town_no_list_knows_give_no_place(gazetteer):
    draft = draft_of(
        "Doha, May 19 (QNA): The Minister of Commerce and Industry, Fahd bin Salem Al "
        "Attiyah, met on Monday with Italy's Minister of Economy, Marco Belloni, on the "
        "sidelines of a trade fair at Al Wafra Exhibition Grounds in Kharara.",
        gazetteer,
        published=datetime.date(2026, 5, 19),
    )
    assert draft.host_country == "QA"
    assert draft.place is None


def test_an_office_in_a_district_of_the_seat_is_still_the_seat(gazetteer):
    # An office, not grounds: "in X" after it is its address, a district of the host's seat.
    draft = draft_of(
        "Doha, May 19 (QNA): The Minister of Commerce and Industry, Fahd bin Salem Al "
        "Attiyah, met on Monday with Italy's Minister of Economy, Marco Belloni, at the "
        "ministry's offices in Lusail Heights.",
        gazetteer,
        published=datetime.date(2026, 5, 19),
    )
    assert (draft.host_country, draft.place) == ("QA", "doha")
