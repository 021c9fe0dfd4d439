"""Issue 17's ninth round, countries: parties who are not ministers, contacts not in person.

The cases are eval/dev17's ``r9c-*`` articles, written for this round in our own words about
invented meetings: negatives (officials below minister, the head of an organisation, a
written message handed over, a council of many opening, a press conference answering a
minister) and real meetings that use the same words, each in Arabic, French and English.
"""

import pytest

from tests.extraction_support import draft_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre de l'Énergie, Jean Kouassi, a reçu lundi à Abidjan le vice-ministre "
        "ghanéen de l'Énergie, Kofi Mensah, pour parler du gazoduc.",
        "Interior Minister Omar Haddad met the Secretary-General of the Arab League in Cairo "
        "on Monday.\n\nThe Secretary-General, a former Tunisian interior minister, praised "
        "Egypt's role.",
        "التقى نائب وزير الخارجية المغربي، أمس الثلاثاء بالرباط، نائب وزير الخارجية "
        "الإسباني، وبحثا التعاون في مجال الهجرة.",
    ],
)
def test_a_party_below_minister_or_heading_an_organisation_is_no_meeting(gazetteer, text):
    draft = draft_of(text, gazetteer)
    assert draft.countries == []
    assert draft.date is None


def test_two_ministers_named_before_a_director_general_who_attended_met(gazetteer):
    text = (
        "Le ministre marocain du Tourisme, Ali Bennani, s'est entretenu lundi à Madrid avec "
        "son homologue espagnol, Jorge Ruiz.\n\nL'entretien, auquel assistait le directeur "
        "général de l'office du tourisme, a porté sur les vols."
    )
    draft = draft_of(text, gazetteer)
    assert draft.countries == ["ES", "MA"]


def test_a_message_received_is_no_meeting_but_a_counterpart_bringing_one_is(gazetteer):
    message = draft_of(
        "Foreign Minister Ama Boateng received a written message from her Nigerian "
        "counterpart on Monday, handed over by Nigeria's ambassador in Accra.",
        gazetteer,
    )
    assert message.countries == []
    meeting = draft_of(
        "Foreign Minister Ama Boateng received her Nigerian counterpart Musa Bello in Accra "
        "on Monday, who handed over a written message from his president.",
        gazetteer,
    )
    assert meeting.countries == ["GH", "NG"]
