"""Issue 17's thirteenth round, countries: national agency wires whose home side is named by
title only (an Arabic abbreviation of an agency, a country's long official name, a regional
cooperation in a title, words of several sides or another meeting's counterpart outside the
meeting's sentence), Niger and Nigeria kept apart, the DR Congo's spellings, and three
negatives: the head of a UN agency, a meeting denied, a session of many under a dateline.

The cases are eval/dev17's ``r13c-*`` articles, in our own words about invented meetings;
tests/test_extraction_rounds.py checks each as an editor sees its draft.
"""

import datetime

import pytest

from meetings.extraction.document import Document
from meetings.extraction.knowledge import credited_agencies
from tests.extraction_support import draft_of, people

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 10, 14)


def test_the_libyan_agency_s_arabic_abbreviation_is_credited():
    document = Document.from_text("طرابلس 14 أكتوبر 2026 (وال)- بحث وزير الخارجية ...")
    assert [match.payload.country for match in credited_agencies(document)] == ["LY"]


@pytest.mark.parametrize(
    "text, code",
    [
        ("جمهورية تنزانيا المتحدة", "TZ"),
        ("United Republic of Tanzania", "TZ"),
        ("République-Unie de Tanzanie", "TZ"),
        ("جمهورية القمر المتحدة", "KM"),
        ("الكونغو الديموقراطية", "CD"),
        ("RDC", "CD"),
        ("DRC", "CD"),
    ],
)
def test_long_official_names_and_abbreviations(gazetteer, text, code):
    matches = gazetteer.find_country_names(Document.from_text(f"وزير من {text} "))
    matches = matches or gazetteer.find_country_names(Document.from_text(f"a minister of {text}"))
    assert {match.payload for match in matches} == {code}


@pytest.mark.parametrize(
    "text, home",
    [
        ("طرابلس 14 أكتوبر 2026 (وال)- بحث وزير الخارجية سالم الزوي اليوم مع وزير الخارجية "
         "والتعاون الشرق أفريقي في جمهورية تنزانيا المتحدة إدريس كومبو سبل التعاون.", "LY"),
        ("KUWAIT, Oct 14 (KUNA) -- Minister of Commerce Fahad Al-Ajmi met on Wednesday with "
         "Minister of Trade of the United Republic of Tanzania Idrisa Kombo.", "KW"),
        ("Alger, 14 oct. (APS) – Le ministre de l'Agriculture, Karim Benali, a reçu mercredi le "
         "ministre de l'Agriculture de la République-Unie de Tanzanie, Idrisa Kombo.", "DZ"),
    ],
)  # fmt: skip
def test_a_wire_s_home_minister_by_title_meets_a_long_named_country_s(gazetteer, text, home):
    draft = draft_of(text, gazetteer, published=DAY)
    assert sorted(draft.countries) == sorted([home, "TZ"])


@pytest.mark.parametrize(
    "text",
    [
        "استقبل وزير الداخلية الليبي سالم الزوي اليوم في طرابلس نظيره التشادي محمد أبكر. "
        "وتطرقت المباحثات إلى الاتفاقية الرباعية لتأمين الحدود بين ليبيا وتشاد والسودان "
        "والنيجر.",
        "Le ministre algérien des Mines, Karim Benali, a reçu mercredi à Alger son homologue "
        "tanzanien, Idrisa Kombo. Le ministre tanzanien avait rencontré la veille ses "
        "homologues de Tunisie et du Maroc.",
        "Kuwaiti Trade Minister Fahad Al-Ajmi received his Tanzanian counterpart Idrisa Kombo "
        "in Kuwait City on Wednesday. A quadrilateral framework with Oman and Qatar is under "
        "study.",
    ],
)
def test_words_of_several_sides_outside_the_meeting_s_sentence(gazetteer, text):
    draft = draft_of(text, gazetteer, published=DAY)
    assert len(draft.countries) == 2


@pytest.mark.parametrize(
    "text",
    [
        "استقبل وزير الصحة البلجيكي يان فيرمولن اليوم في بروكسل وزير الصحة الكونغولي باتريك "
        "موانزا. وكان الوزير الكونغولي قد التقى في برازافيل نظيره من جمهورية الكونغو.",
        "Le ministre belge de la Santé, Jan Vermeulen, a reçu mercredi à Bruxelles le ministre "
        "congolais de la Santé, Patrick Mwanza. Le ministre congolais s'était arrêté à "
        "Brazzaville pour une réunion avec son homologue de la République du Congo.",
        "Belgian Health Minister Jan Vermeulen on Wednesday received Congolese Health Minister "
        "Patrick Mwanza in Brussels. The Congolese minister had stopped in Brazzaville for talks "
        "with his counterpart from the Republic of the Congo.",
    ],
)
def test_another_meeting_s_counterpart_does_not_make_congolese_the_republic_s(gazetteer, text):
    draft = draft_of(text, gazetteer, published=DAY)
    assert sorted(draft.countries) == ["BE", "CD"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("استقبل وزير الخارجية النيجري عمر باكاري اليوم في نيامي نظيره النيجيري يوسف أدامو.",
         {("عمر باكاري", "NE"), ("يوسف أدامو", "NG")}),
        ("Le ministre nigérien Oumarou Bakary a reçu mercredi à Niamey son homologue nigérian "
         "Yusuf Adamu.", {("Oumarou Bakary", "NE"), ("Yusuf Adamu", "NG")}),
        ("Nigerien Minister Oumarou Bakary on Wednesday received his Nigerian counterpart Yusuf "
         "Adamu in Niamey.", {("Oumarou Bakary", "NE"), ("Yusuf Adamu", "NG")}),
    ],
)  # fmt: skip
def test_niger_and_nigeria_are_kept_apart(gazetteer, text, expected):
    draft = draft_of(text, gazetteer, published=DAY)
    assert sorted(draft.countries) == ["NE", "NG"]
    assert expected <= people(draft)


def test_no_demonym_of_niger_is_nigeria_s_nor_of_one_congo_the_other_s(gazetteer):
    demonyms = {entry.code: set(entry.demonyms) for entry in gazetteer.countries}
    assert not demonyms["NE"] & demonyms["NG"]
    assert not demonyms["CD"] & demonyms["CG"]


@pytest.mark.parametrize(
    "text",
    [
        "نيويورك (بترا) -- التقى نائب رئيس الوزراء وزير الخارجية سامي العتوم اليوم المفوض "
        "السامي للأمم المتحدة لشؤون اللاجئين إريك لندغرين على هامش الجمعية العامة. وبحثا "
        "أوضاع اللاجئين السوريين في الأردن.",
        "New York (Petra) – Le vice-Premier ministre et ministre des Affaires étrangères Sami "
        "Atoum a rencontré mercredi le Haut-Commissaire des Nations unies pour les réfugiés Erik "
        "Lindgren en marge de l'Assemblée générale. Ils ont évoqué les réfugiés syriens en "
        "Jordanie.",
        "New York (Petra) -- Deputy Prime Minister and Minister of Foreign Affairs Sami Atoum "
        "met on Wednesday with UN High Commissioner for Refugees Erik Lindgren on the sidelines "
        "of the General Assembly. They discussed Syrian refugees in Jordan.",
    ],
)
def test_the_head_of_a_un_agency_is_no_minister(gazetteer, text):
    assert draft_of(text, gazetteer, published=DAY).countries == []


@pytest.mark.parametrize(
    "text",
    [
        "Le ministère de la Santé a qualifié de fausses les informations selon lesquelles le "
        "ministre marocain de la Santé aurait rencontré jeudi à Bombay son homologue indien.",
        "The Ministry of Trade has dismissed as false reports that Kenya's Trade Cabinet "
        "Secretary Peter Wafula met India's Minister of Commerce in Mumbai on Thursday.",
    ],
)
def test_a_meeting_dismissed_as_false_is_no_meeting(gazetteer, text):
    assert draft_of(text, gazetteer, published=DAY).countries == []


@pytest.mark.parametrize(
    "text",
    [
        "القاهرة في 14 أكتوبر /أ ش أ/\nانطلقت اليوم أعمال الدورة العادية للمجلس الوزاري "
        "العربي للسياحة بمشاركة وزراء الدول الأعضاء.\nوسلم وزير السياحة الأردني عماد الخطيب "
        "رئاسة الدورة إلى وزير السياحة التونسي منير بن سالم.",
        "Le Caire, 14 oct. (MENA)\nLa session ordinaire du conseil des ministres arabes du "
        "Tourisme s'est ouverte mercredi avec la participation des ministres des Etats membres."
        "\nLe ministre jordanien du Tourisme, Imad Khatib, a remis la présidence au ministre "
        "tunisien du Tourisme, Mounir Ben Salem.",
        "CAIRO, Oct 14 (MENA)\nThe ordinary session of the Arab ministerial council for tourism "
        "opened on Wednesday with the participation of member states' ministers.\nJordanian "
        "Tourism Minister Imad Khatib handed the chairmanship to Tunisian Tourism Minister "
        "Mounir Ben Salem.",
    ],
)
def test_a_session_of_many_under_a_dateline_line_is_no_meeting(gazetteer, text):
    assert draft_of(text, gazetteer, published=DAY).countries == []
