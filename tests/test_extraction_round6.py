"""The general causes behind the misses of issue 17's sixth round, in three languages.

The cases are eval/dev17's ``r6-*`` articles, written for this round in our own words about
invented meetings (six classes, each in Arabic, French and English);
tests/test_extraction_rounds.py checks each as an editor sees its draft. A few more, written
here, check the rules on their own.
"""

import datetime

import pytest

from meetings.extraction.article import date_in_url
from tests.extraction_support import draft_of

pytestmark = pytest.mark.django_db

# -- The rules on their own -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/news/2025/10/14/talks", datetime.date(2025, 10, 14)),
        ("https://example.com/article/14/10/2025/talks", datetime.date(2025, 10, 14)),
        ("https://example.com/article/3-7-2025-talks", datetime.date(2025, 7, 3)),
        ("https://example.com/article/40/10/2025/talks", None),
        ("https://example.com/article/12345-talks", None),
    ],
)
def test_a_date_in_the_url_in_either_order(url, expected):
    assert date_in_url(url) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre algérien de l'Intérieur, Rachid Bensalem, a reçu le 3 courant à Alger son "
        "homologue tunisien, Kamel Jlassi.",
        "Algeria's Interior Minister Rachid Bensalem received his Tunisian counterpart Kamel "
        "Jlassi in Algiers on the 3rd of this month.",
    ],
)
def test_a_past_day_of_this_month_is_a_meeting_held(gazetteer, text):
    draft = draft_of(text, gazetteer, published=datetime.date(2025, 6, 4))
    assert draft.date == datetime.date(2025, 6, 3)
    assert not draft.announcement


def test_a_message_handed_over_in_a_meeting_leaves_the_meeting(gazetteer):
    """A message named in a sentence that also reports the meeting does not call it off."""
    text = (
        "Le ministre algérien de l'Intérieur, Rachid Bensalem, a reçu mardi à Alger son "
        "homologue tunisien, Kamel Jlassi, qui lui a remis un message de félicitations."
    )
    draft = draft_of(text, gazetteer)
    assert draft.countries == ["DZ", "TN"]


def test_a_meeting_held_with_another_trip_called_off_is_kept(gazetteer):
    """Both sides are named in a sentence that reports the meeting, not only where a trip is
    called off."""
    text = (
        "Algeria's Interior Minister Rachid Bensalem received his Tunisian counterpart Kamel "
        "Jlassi in Algiers on Tuesday.\n\nJlassi's visit to Rome was postponed."
    )
    draft = draft_of(text, gazetteer)
    assert draft.countries == ["DZ", "TN"]
