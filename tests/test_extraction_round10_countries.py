"""Issue 17's tenth round, countries and negatives: what is not a meeting, and sides.

The cases are eval/dev17's ``r10c-*`` articles, in our own words about invented meetings;
tests/test_extraction_rounds.py checks each as an editor sees its draft.
"""

import pytest

from tests.extraction_support import draft_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "Trade Minister Elena Varga met former Chilean foreign minister Tomas Ibarra in "
        "Budapest on Wednesday.",
        "Le ministre sénégalais de l'Économie, Ousmane Fall, a reçu mercredi l'ancien ministre "
        "malien des Finances, Bakary Traoré.",
        "استقبل وزير الخارجية التونسي يوسف الشابي، يوم الثلاثاء، وزير الخارجية المالي السابق "
        "عمر كوليبالي.",
    ],
)
def test_a_former_minister_is_no_side(gazetteer, text):
    draft = draft_of(text, gazetteer)
    assert draft.countries == [] and draft.date is None


@pytest.mark.parametrize(
    "text",
    [
        "Energy Minister Amani Njoroge on Tuesday received the chief executive of Norwegian "
        "energy group Nordvik, Lars Hovland.\n\nThe Norwegian trade minister did not travel.",
        "Le ministre de l'Industrie, Karim Belhadj, a reçu lundi le président-directeur général "
        "du groupe espagnol Ferrovial Norte.\n\nLe ministre espagnol est attendu au printemps.",
    ],
)
def test_a_companys_chief_is_no_minister(gazetteer, text):
    assert draft_of(text, gazetteer).countries == []


def test_two_governors_who_met_give_no_date_nor_place(gazetteer):
    text = (
        "Governor of the Central Bank of Jordan Ahmad Haddad met Governor of the Central Bank "
        "of Egypt Samir Nour in Amman on Tuesday.\n\nEgypt's finance minister is expected to "
        "visit Jordan later this month."
    )
    draft = draft_of(text, gazetteer)
    assert draft.countries == [] and draft.date is None and draft.place is None


def test_two_chiefs_of_staff_are_no_ministers(gazetteer):
    text = (
        "التقى رئيس أركان الجيش الأردني اللواء سامر الخطيب، اليوم الاثنين، رئيس أركان الجيش "
        "العراقي في عمّان.\n\nوبحث الجانبان التعاون، فيما يتوقع أن يزور وزير الدفاع العراقي "
        "الأردن الشهر المقبل."
    )
    assert draft_of(text, gazetteer).countries == []


@pytest.mark.parametrize(
    "text",
    [
        "In a joint op-ed published on Monday, Irish Foreign Minister Siobhan Carey and her "
        "Portuguese counterpart Rui Almeida called for a faster enlargement.",
        "Dans une tribune commune publiée ce jeudi, la ministre belge du Climat, Anne Dufour, "
        "et son homologue néerlandais, Pieter de Wit, appellent à un marché de l'hydrogène.",
    ],
)
def test_a_column_signed_together_is_no_meeting(gazetteer, text):
    assert draft_of(text, gazetteer).countries == []


def test_a_copy_of_credentials_is_an_audience(gazetteer):
    text = (
        "Foreign Minister Rahim Chowdhury on Wednesday received a copy of the credentials of "
        "the new Ambassador of Argentina.\n\nThe ambassador conveyed greetings from "
        "Argentina's foreign minister."
    )
    assert draft_of(text, gazetteer).countries == []


def test_a_cabinets_session_is_no_meeting(gazetteer):
    text = (
        "The cabinet held its weekly meeting on Tuesday and approved a bill ratifying a "
        "memorandum signed last year by Transport Minister Ali Rezaei and his Azerbaijani "
        "counterpart."
    )
    assert draft_of(text, gazetteer).countries == []


def test_a_visit_postponed_said_of_a_minister_of_no_country_given(gazetteer):
    text = (
        "علمت الصحيفة أن الزيارة التي كان من المقرر أن يقوم بها وزير الداخلية سالم الهاجري إلى "
        "مسقط يوم الأحد المقبل تأجلت.\n\nوكان من المنتظر أن يبحث الهاجري مع نظيره العماني "
        "ملفات أمن الحدود."
    )
    draft = draft_of(text, gazetteer)
    assert draft.countries == [] and draft.date is None


def test_a_counterpart_of_a_visit_to_come_is_no_side(gazetteer):
    text = (
        "Trade Minister Ahmed Khalil held talks in Cairo on Sunday with Peru's Minister of "
        "Foreign Trade Lucia Paredes.\n\nThe two ministers discussed exports between Egypt and "
        "Peru. After Cairo, Ms Paredes is due to travel to Jordan, where she will meet her "
        "Jordanian counterpart."
    )
    assert sorted(draft_of(text, gazetteer).countries) == ["EG", "PE"]


def test_ministers_who_agree_with_other_countries_named_are_bilateral(gazetteer):
    text = (
        "Estonian Minister of Energy Mart Kask and Finnish Climate Minister Aino Lehto agreed "
        "on Monday to build a second power cable.\n\nThe cable would also help Latvia and "
        "Lithuania, and reduce the exposure to Russia. Sweden and Norway were consulted."
    )
    assert sorted(draft_of(text, gazetteer).countries) == ["EE", "FI"]


def test_the_other_side_is_named_when_another_meetings_minister_is_set_aside(gazetteer):
    text = (
        "Le ministre de l'Énergie, Karim Haddad, a reçu lundi le ministre d'État nigérian du "
        "Pétrole, Samuel Okoro.\n\nLes deux ministres ont évoqué le réseau gazier algérien, entre "
        "l'Algérie et le Nigeria, et "
        "l'exportation vers l'Europe. Une réunion tripartite à Abuja doit réunir le ministre "
        "nigérien du Pétrole."
    )
    assert sorted(draft_of(text, gazetteer).countries) == ["DZ", "NG"]
