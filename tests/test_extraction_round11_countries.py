"""Issue 17's eleventh round, countries and negatives: two countries' names joined after
ministers, a family name read as a demonym, a parliament's questions, a "Cabinet Secretary".

The cases are eval/dev17's ``r11c-*`` articles, in our own words about invented meetings;
tests/test_extraction_rounds.py checks each as an editor sees its draft.
"""

import datetime

import pytest

from tests.extraction_support import draft_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        (
            "Ghana's and Togo's transport ministers met in Accra on Monday. Benin's deputy "
            "minister of transport, Paul Houngbo, chaired the opening session.",
            ["GH", "TG"],
        ),
        (
            "Les ministres de l'Eau du Mali et du Sénégal se sont rencontrés lundi à Bamako.",
            ["ML", "SN"],
        ),
        ("التقى وزيرا الصحة في الأردن والعراق يوم الاثنين في عمان.", ["IQ", "JO"]),
    ],
)
def test_two_countries_joined_after_ministers_are_the_sides(gazetteer, text, countries):
    assert draft_of(text, gazetteer).countries == countries


def test_the_situation_in_two_countries_is_no_pair(gazetteer):
    text = (
        "استقبل وزير الخارجية التونسي يوسف الشابي، يوم الثلاثاء، نظيره التشادي محمد عبدالله، "
        "وتبادل الجانبان وجهات النظر حول الأوضاع في السودان وليبيا."
    )
    assert draft_of(text, gazetteer).countries == ["TD", "TN"]


def test_a_family_name_before_a_title_is_no_nationality(gazetteer):
    text = (
        "الدوحة / قنا / استقبل سعادة السيد سالم بن علي الإيطالي وزير الدولة للشؤون الخارجية، "
        "اليوم، معالي السيد جوزيف كاباندا وزير الخارجية في جمهورية زامبيا."
    )
    assert draft_of(text, gazetteer).countries == ["QA", "ZM"]


@pytest.mark.parametrize(
    "text",
    [
        "Energy Minister Grace Wanjiru on Tuesday faced questions from senators over fuel "
        "prices.\n\nShe said she hoped to meet Uganda's energy minister next month and had "
        "written to Tanzania's minister of energy.",
        "Le ministre des Mines, Aliou Sow, a répondu mardi aux questions des députés lors "
        "d'une séance plénière.\n\nIl espère rencontrer le ministre malien des Mines et a écrit "
        "au ministre guinéen.",
        "أجاب وزير الطاقة خالد العمر، الثلاثاء، على أسئلة النواب في جلسة عامة.\n\nوقال إنه "
        "يأمل في لقاء وزير الطاقة المصري وإنه راسل نظيره الأردني.",
    ],
)
def test_answering_a_parliaments_questions_is_no_meeting(gazetteer, text):
    assert draft_of(text, gazetteer).countries == []


def test_a_cabinet_secretary_is_a_minister_not_a_cabinets_session(gazetteer):
    text = (
        "Kenya's Cabinet Secretary for Trade, Mary Otieno, met on Monday with Uganda's Trade "
        "Minister John Okello in Nairobi."
    )
    draft = draft_of(text, gazetteer, published=datetime.date(2026, 10, 6))
    assert draft.countries == ["KE", "UG"]
