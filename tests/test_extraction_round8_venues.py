"""The general causes behind the place misses of issue 17's eighth round, in three languages.

The cases are eval/dev17's ``r8q-*`` articles, written for this round in our own words about
invented meetings (each class in Arabic, French and English); tests/test_extraction_rounds.py
checks each as an editor sees its draft. The tests written here check the smaller rules: a city
a minister leaves for, a building the archive does not know, the host read from the guest, and
the traps kept (a ministry of no country, the host's own ministry).
"""

import pytest

from tests.extraction_support import (
    draft_of,
)

pytestmark = pytest.mark.django_db


def test_a_city_a_minister_leaves_for_beats_the_dateline(gazetteer):
    text = (
        "NAIROBI: Interior Minister John Mwangi will leave for Kampala tomorrow on a two-day "
        "visit, during which he will hold talks with his Ugandan counterpart Peter Okello."
    )
    draft = draft_of(text, gazetteer)
    assert (draft.place, draft.host_country) == ("kampala", "UG")


def test_a_city_left_for_after_the_meeting_is_not_its_place(gazetteer):
    text = (
        "NAIROBI - Kenya's Interior Minister John Mwangi received his Ugandan counterpart "
        "Peter Okello on Tuesday.\n\nOkello then left for Kampala."
    )
    assert draft_of(text, gazetteer).place == "nairobi"


@pytest.mark.parametrize(
    "text",
    [
        # A building written with capitals after "at", the host given by who hosted.
        "Kenya's Interior Minister John Mwangi hosted his Ugandan counterpart Peter Okello "
        "at Harambee House Headquarters on Tuesday.",
        # "au ministère", not followed by the ministry's name.
        "La ministre kényane de l'Intérieur, Jane Wanjiru, a reçu mardi au ministère, sur "
        "l'avenue principale, son homologue ougandais Peter Okello.",
    ],
)
def test_a_building_the_archive_does_not_know_is_the_hosts_seat(gazetteer, text):
    draft = draft_of(text, gazetteer)
    assert (draft.place, draft.host_country) == ("nairobi", "KE")


def test_the_host_is_the_other_side_when_only_the_guest_has_a_country(gazetteer):
    text = (
        "Le ministre de la Sécurité, Moussa Traoré, a reçu mardi, au siège de son "
        "département, son homologue mauritanien Sidi Ould Cheikh. Le ministre sénégalais a "
        "salué la coopération entre les polices du Sénégal et de la Mauritanie."
    )
    draft = draft_of(text, gazetteer)
    assert draft.host_country == "SN"
    assert draft.place == "dakar"


def test_a_palacio_is_the_hosts_seat(gazetteer):
    text = (
        "DAKAR - Senegal's Foreign Minister Amadou Diallo received his Spanish counterpart "
        "Pablo Ruiz at the Palácio do Governo on Friday.\n\nThe two discussed fellowships "
        "for students at universities in Madrid and Seville."
    )
    assert draft_of(text, gazetteer).place == "dakar"


@pytest.mark.parametrize(
    "text",
    [
        # "بمقر الوزارة" is the host's own ministry: the demonym after it is the guest's.
        "استقبل وزير الداخلية المغربي كريم العلمي، اليوم الأربعاء بمقر الوزارة، نظيره "
        "الموريتاني محمد ولد أحمد.",
        # "au siège de son département": his own, though his guest's demonym follows.
        "Le ministre marocain de l'Intérieur, Karim Alami, a reçu mardi au siège de son "
        "département son homologue mauritanien Mohamed Ould Ahmed.",
    ],
)
def test_the_hosts_own_ministry_is_not_the_guests(gazetteer, text):
    draft = draft_of(text, gazetteer)
    assert (draft.place, draft.host_country) == ("rabat", "MA")


def test_a_ministry_named_by_its_portfolio_is_not_where_they_met(gazetteer):
    text = (
        "Le secrétaire général au ministère des Affaires étrangères a indiqué que le ministre "
        "kényan de l'Intérieur, John Mwangi, et son homologue ougandais Peter Okello se sont "
        "entretenus mardi à Kampala."
    )
    assert draft_of(text, gazetteer).place == "kampala"


def test_a_reporters_city_in_the_credit_is_no_place(gazetteer):
    text = (
        "Kenya's Interior Minister John Mwangi and his Ugandan counterpart Peter Okello held "
        "talks on Tuesday on refugee returns.\n\n(Reporting by Amina Hassan in Kampala; "
        "Editing by Tom Reed)"
    )
    assert draft_of(text, gazetteer).place != "kampala"
