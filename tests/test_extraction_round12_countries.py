"""Issue 17's twelfth round, countries and negatives: a foreign parliament's friendship group,
an interview given to the outlet, a book of condolences, a commissioner of a union of states
(none of them a meeting of two countries' ministers), and the country a minister is visiting
as the host's side.

The cases are eval/dev17's ``r12c-*`` articles, in our own words about invented meetings;
tests/test_extraction_rounds.py checks each as an editor sees its draft.
"""

import pytest

from tests.extraction_support import draft_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "استقبل وزير النقل المغربي، يوم الاثنين، وفدا عن مجموعة الصداقة الإسبانية المغربية "
        "بمجلس النواب الإسباني، وبحث معه مشاريع الموانئ.",
        "Le ministre marocain des Transports a reçu lundi une délégation du groupe d'amitié "
        "France-Maroc de l'Assemblée nationale française.",
        "Morocco's transport minister on Monday received a delegation of Spain's "
        "parliamentary friendship group to discuss ports.",
    ],
)
def test_a_parliament_s_friendship_group_is_no_minister(gazetteer, text):
    draft = draft_of(text, gazetteer)
    assert draft.countries == []
    assert draft.date is None


@pytest.mark.parametrize(
    "text",
    [
        "في حوار خاص، تحدث وزير المالية سمير العلوي عن الميزانية الجديدة. وقال إنه التقى "
        "نظيره الإيطالي ماركو روسي في روما الشهر الماضي.",
        "Le ministre des Finances, Samir Alaoui, répond à nos questions sur le budget. Il dit "
        "avoir rencontré le mois dernier à Rome son homologue italien Marco Rossi.",
        "Finance Minister Samir Alaoui answers our questions on the budget. He says he met his "
        "Italian counterpart Marco Rossi in Rome last month.",
    ],
)
def test_an_interview_given_to_the_outlet_is_no_meeting(gazetteer, text):
    assert draft_of(text, gazetteer).countries == []


@pytest.mark.parametrize(
    "text",
    [
        "وقع وزير الخارجية الأردني أمس في سجل التعازي بسفارة اليابان في عمان.",
        "Le ministre tchadien des Affaires étrangères a signé lundi le registre de "
        "condoléances à l'ambassade du Japon à N'Djamena.",
        "Chad's foreign minister on Monday signed the book of condolences at the Japanese "
        "embassy in N'Djamena.",
    ],
)
def test_a_book_of_condolences_is_no_meeting(gazetteer, text):
    assert draft_of(text, gazetteer).countries == []


@pytest.mark.parametrize(
    "text",
    [
        "استقبل وزير الطاقة التونسي، يوم الاثنين، المفوضة الأوروبية للطاقة، الإسبانية لوسيا "
        "غارسيا.",
        "Le ministre tunisien de l'Énergie a reçu lundi la commissaire européenne à l'Énergie, "
        "l'Espagnole Lucia Garcia.",
        "Tunisia's energy minister on Monday met European Commissioner for Energy Lucia "
        "Garcia, a Spanish national.",
    ],
)
def test_a_union_s_commissioner_is_no_country_s_minister(gazetteer, text):
    assert draft_of(text, gazetteer).countries == []


@pytest.mark.parametrize(
    "text",
    [
        "استقبل وزير الصحة، علي الهاشمي، اليوم الثلاثاء، وزير الصحة السويدي، أندرس ليند، "
        "الذي يقوم بزيارة إلى العراق.",
        "Le ministre de la Santé, Ali Hachemi, a reçu mardi le ministre suédois de la Santé, "
        "Anders Lind, en visite en Irak.",
        "Health Minister Ali Hashemi on Tuesday received Swedish Health Minister Anders Lind, "
        "who is on a visit to Iraq.",
    ],
)
def test_the_country_visited_is_the_host_s_side(gazetteer, text):
    assert draft_of(text, gazetteer).countries == ["IQ", "SE"]


def test_a_visit_to_the_known_side_adds_no_side(gazetteer):
    text = (
        "Health Minister Ali Hashemi on Tuesday received Swedish Health Minister Anders Lind, "
        "before his visit to Sweden next month."
    )
    assert draft_of(text, gazetteer).countries != ["IQ", "SE"]
