"""The general causes behind the misses of issue 17's eighth round on places and dates, in
three languages.

The cases are eval/dev17's ``r8p-*`` articles, written for this round in our own words about
invented meetings (each class in Arabic, French and English); tests/test_extraction_rounds.py
checks each as an editor sees its draft. The tests written here check the smaller rules:
datelines with a colon or a dash touching the credit, a part of today, a day of the month alone.
"""

import datetime

import pytest

from tests.extraction_support import (
    WEDNESDAY,
    draft_of,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        # The wire's date in a dateline closed by a colon: the text's weekday is the meeting's.
        "RABAT, Mar 12 (MAP): Morocco's Interior Minister Karim Alami and Mauritania's "
        "Interior Minister Mohamed Ould Ahmed last Monday agreed on joint border patrols.",
        # An Arabic credit touching its dash.
        "الرباط 12-3-2025 ومع- التقى وزير الداخلية المغربي كريم العلمي، مساء أمس الاثنين "
        "بالرباط، وزير الداخلية الموريتاني محمد ولد أحمد.",
    ],
)
def test_the_wires_date_in_its_dateline_is_not_the_meetings(gazetteer, text):
    draft = draft_of(text, gazetteer)
    assert draft.date == datetime.date(2025, 3, 10)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Kenya's Interior Minister John Mwangi received his Ugandan counterpart Peter "
            "Okello in Nairobi this morning. The visit follows talks in Kampala last month.",
            12,
        ),
        (
            "Le ministre sénégalais de l'Intérieur, Amadou Diallo, a reçu ce matin à Dakar "
            "son homologue gambien, Lamin Jatta. Ils s'étaient vus le mois dernier.",
            12,
        ),
        (
            "Kenya's Interior Minister John Mwangi held talks with his Ugandan counterpart "
            "Peter Okello on the 7th in Nairobi. Okello left for Kampala on Tuesday.",
            7,
        ),
        (
            "استهل وزير الداخلية المغربي كريم العلمي في الـ7 من الشهر الحالي زيارة إلى "
            "نواكشوط بجلسة مباحثات مع وزير الداخلية الموريتاني محمد ولد أحمد، وعاد أمس.",
            7,
        ),
    ],
)
def test_a_part_of_today_or_a_day_of_this_month(gazetteer, text, day):
    draft = draft_of(text, gazetteer, published=WEDNESDAY)
    assert draft.date == WEDNESDAY.replace(day=day)


def test_a_vague_week_before_yesterday_still_leaves_the_day_open(gazetteer):
    text = (
        "Kenya's Interior Minister John Mwangi met his Ugandan counterpart Peter Okello in "
        "Nairobi last week, the ministry said yesterday."
    )
    assert draft_of(text, gazetteer).date is None
