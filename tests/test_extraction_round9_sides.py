"""Issue 17's ninth round, sides: ministers named by title and name only.

The cases are eval/dev17's ``r9s-*`` articles, in our own words about invented meetings;
tests/test_extraction_rounds.py checks each as an editor sees its draft.
"""

import pytest

from tests.extraction_support import draft_of

pytestmark = pytest.mark.django_db


def test_a_portfolio_before_secretary_is_a_ministers_title(gazetteer):
    text = (
        "Philippine Defence Secretary Ramon Dizon met his counterpart from Vietnam, Tran Van "
        "Long, in Manila on Saturday.\n\nDizon is due to meet Australia's defence minister "
        "next month."
    )
    assert sorted(draft_of(text, gazetteer).countries) == ["PH", "VN"]


@pytest.mark.parametrize(
    "text",
    [
        "Trade Cabinet Secretary Amina Wekesa on Tuesday hosted her Rwandan counterpart Jean "
        "Habimana for talks.\n\nTanzania is expected to join a follow-up meeting.",
        "La secrétaire du Cabinet chargée du Commerce, Amina Wekesa, a reçu mardi son "
        "homologue rwandais, Jean Habimana.\n\nLa Tanzanie doit se joindre à une réunion.",
    ],
)
def test_a_cabinet_secretary_is_kenyas_minister(gazetteer, text):
    assert sorted(draft_of(text, gazetteer).countries) == ["KE", "RW"]


def test_a_counterpart_and_the_title_after_its_comma_are_one_person(gazetteer):
    text = (
        "Transport Minister Karim Alaoui met on Thursday in Washington his counterpart from "
        "the United States, Transportation Secretary John Miller."
    )
    draft = draft_of(text, gazetteer)
    countries = {m.name: m.country for m in draft.ministers}
    assert countries.get("John Miller") == "US"
