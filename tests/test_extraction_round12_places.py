"""The general causes behind the place misses of issue 17's twelfth round.

The cases are eval/dev17's ``r12p-*`` articles, written for this round in our own words about
invented meetings; tests/test_extraction_rounds.py checks each as an editor sees its draft.
The tests here check each rule alone: a hotel, a residence or a conference centre named
where they met stands for the host's seat; the side brought in by "with" after such a venue
is the guest; a district after the ministry is its address, even when the district's name is
also a foreign city's.
"""

import datetime

import pytest

from meetings.extraction.article import published_in_metadata
from tests.extraction_support import draft_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre sénégalais de la Pêche, Moussa Ndiaye, a reçu lundi, à l'hôtel Les "
        "Filaos, son homologue gambien, Lamin Ceesay.",
        "Senegalese Fisheries Minister Moussa Ndiaye received his Gambian counterpart Lamin "
        "Ceesay on Monday at the Les Filaos Hotel.",
        "Senegalese Fisheries Minister Moussa Ndiaye met his Gambian counterpart Lamin "
        "Ceesay on Monday at the Bel Air residence.",
        "Le ministre sénégalais de la Pêche, Moussa Ndiaye, a reçu lundi, au Centre "
        "international de conférences Les Filaos, son homologue gambien, Lamin Ceesay.",
        "استقبل وزير الصيد السنغالي موسى انداي، يوم الاثنين بفندق الفيلاو، نظيره الغامبي "
        "لامين سيساي.",
    ],
)
def test_a_hotel_residence_or_centre_is_the_hosts_seat(gazetteer, text):
    draft = draft_of(text, gazetteer)
    assert (draft.host_country, draft.place) == ("SN", "dakar")


def test_a_centre_in_lower_case_is_no_venue(gazetteer):
    draft = draft_of(
        "Le ministre sénégalais de la Pêche, Moussa Ndiaye, a reçu lundi son homologue "
        "gambien, Lamin Ceesay, au centre des discussions sur la pêche artisanale.",
        gazetteer,
    )
    assert draft.place is None


def test_the_side_after_with_is_the_venues_guest(gazetteer):
    draft = draft_of(
        "Fisheries Minister Moussa Ndiaye held talks on Monday at the Bel Air residence with "
        "Gambia's Minister of Fisheries, Lamin Ceesay.\n\nNdiaye said Senegal would share "
        "its data, and that Senegal's fleet respects the quotas.",
        gazetteer,
    )
    assert (draft.host_country, draft.place) == ("SN", "dakar")


def test_a_hotel_with_its_city_keeps_the_city(gazetteer):
    draft = draft_of(
        "Le ministre sénégalais de la Pêche, Moussa Ndiaye, a reçu lundi, à l'hôtel Les "
        "Filaos à Saint-Louis, son homologue gambien, Lamin Ceesay.",
        gazetteer,
    )
    assert draft.place is None  # a city the list lacks: named, not the capital


@pytest.mark.parametrize(
    "text",
    [
        "استقبل وزير الصيد السنغالي موسى انداي، يوم الاثنين بمقر الوزارة بمدينة الفيلاو، "
        "نظيره الغامبي لامين سيساي.",
        "Le ministre sénégalais de la Pêche, Moussa Ndiaye, a reçu lundi au siège du "
        "département à Hay Rabat son homologue gambien, Lamin Ceesay.",
    ],
)
def test_a_district_after_the_ministry_is_its_address(gazetteer, text):
    draft = draft_of(text, gazetteer)
    assert (draft.host_country, draft.place) == ("SN", "dakar")


@pytest.mark.parametrize(
    "text",
    [
        "يتحول وزير الصيد السنغالي موسى انداي يوم الأحد إلى بانجول، ومن المنتظر أن يلتقي يوم "
        "الاثنين نظيره الغامبي لامين سيساي.",
        "Senegalese Fisheries Minister Moussa Ndiaye travels to Banjul on Sunday and is "
        "expected to meet his Gambian counterpart Lamin Ceesay on Monday.",
    ],
)
def test_a_trip_told_in_the_present_is_to_come_and_is_not_the_talks(gazetteer, text):
    draft = draft_of(text, gazetteer)  # published on Wednesday 12 March 2025
    assert draft.announcement
    assert draft.date == datetime.date(2025, 3, 17)


def test_the_pages_own_publication_day_is_taken():
    page = (
        '<html><head><meta property="article:published_time" '
        'content="2031-05-14T09:30:00+01:00"></head><body>© 2026</body></html>'
    )
    assert published_in_metadata(page) == datetime.date(2031, 5, 14)
    assert published_in_metadata("<html><head></head></html>") is None
