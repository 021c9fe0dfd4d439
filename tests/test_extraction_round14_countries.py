"""Issue 17's fourteenth round, countries: Arabic country names written with the article, a
page's own domain over a namesake outlet, the Republic of the Congo's agency and its demonym,
credits that end a dateline's line, a wire filed from a gathering abroad, demonyms each with
its minister's name, a joint commission named by two demonyms, an envoy who attends the
ministers' meeting, another meeting's two countries, and two negatives: a panel of a forum,
and a minister who meets nobody of another country.

The cases are eval/dev17's ``r14c-*`` articles, in our own words about invented meetings;
tests/test_extraction_rounds.py checks each as an editor sees its draft.
"""

import datetime

import pytest

from meetings.extraction.document import Document
from meetings.extraction.knowledge import credited_agencies
from tests.extraction_support import draft_of

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 9, 9)  # a Wednesday


def credited(text):
    return [match.payload.country for match in credited_agencies(Document.from_text(text))]


@pytest.mark.parametrize("text, code", [("جمهورية التشاد", "TD"), ("التوغو", "TG")])
def test_an_arabic_country_name_written_with_the_article(gazetteer, text, code):
    matches = gazetteer.find_country_names(Document.from_text(f"وزير من {text} "))
    assert {match.payload for match in matches} == {code}


def test_an_article_before_a_name_is_not_read_where_it_makes_a_demonym(gazetteer):
    # "المالي" is Malian (or financial), a demonym: not Mali's name.
    matches = gazetteer.find_country_names(Document.from_text("الوضع المالي للشركة"))
    assert not matches
    # Nor where it makes a common plural: "البنين" is "the boys", not Benin.
    assert not gazetteer.find_country_names(Document.from_text("مدرسة البنين"))


@pytest.mark.parametrize(
    "text",
    [
        "عمّان 9 أيلول 2026 بترا\nبحث وزير الداخلية سليم الخطيب اليوم مع نظيره القبرصي.",
        "Kuwait City-KUNA\nForeign Minister Fahad Al-Mutairi received Malta's minister.",
        "Doha - QNA\nLe ministre d'Etat Nasser Al Kuwari a reçu le ministre béninois.",
    ],
)
def test_a_credit_ending_the_dateline_s_line(text):
    assert len(credited(text)) == 1


def test_a_common_word_an_agency_signs_with_counts_only_in_a_dateline():
    assert credited("وطنية - بيروت - استقبل وزير الداخلية نظيره القبرصي.") == ["LB"]
    assert credited("أعلنت الوزارة عن إنشاء وكالة وطنية للتشغيل تعنى بالشباب.") == []


def test_the_congolese_agency_reads_congolese_as_its_own_country(gazetteer):
    text = (
        "Brazzaville, 9 sept. (ACI) – Le ministre de la Santé, Jean Mabiala, a reçu mercredi "
        "son homologue tunisien, Karim Ayari. Les deux ministres ont évoqué la formation des "
        "médecins congolais."
    )
    assert sorted(draft_of(text, gazetteer, published=DAY).countries) == ["CG", "TN"]


def test_a_site_s_domain_decides_over_a_namesake_outlet_s_name(gazetteer):
    # A page on a Jordanian site names itself as an outlet of another country is named.
    outlet = next(
        o for o in gazetteer.outlets if o.domain and o.name_ar and o.country not in {"JO", "CY"}
    )
    text = "عمّان - استقبل وزير الداخلية سليم الخطيب اليوم نظيره القبرصي أندرياس كوستا."
    page = "https://www.akhbar-example.jo/news/1"
    draft = draft_of(text, gazetteer, published=DAY, outlet=outlet.name_ar, url=page)
    assert sorted(draft.countries) == ["CY", "JO"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("بانكوك - التقى وزير المالية أحمد ولد سالم يوم الخميس في العاصمة التايلاندية بانكوك، "
         "وزيرة التعاون الألمانية أنا بيكر، على هامش الاجتماعات السنوية لصندوق النقد الدولي.",
         "DE"),
        ("BANGKOK - Finance Minister Ahmed Ould Salem met his German counterpart Anna "
         "Becker in the Thai capital Bangkok on Thursday, on the sidelines of the IMF annual "
         "meetings.", "DE"),
    ],
)  # fmt: skip
def test_a_wire_filed_from_a_gathering_abroad_gives_no_side_its_host(gazetteer, text, expected):
    draft = draft_of(text, gazetteer, published=DAY)
    assert "TH" not in draft.countries
    assert expected in draft.countries


@pytest.mark.parametrize(
    "text",
    [
        "عقد وزيرا الداخلية الأردني سليم الخطيب والقبرصي أندرياس كوستا، الثلاثاء في نيقوسيا، "
        "اجتماعا خصص لمكافحة الجريمة المنظمة.",
    ],
)
def test_demonyms_each_with_its_minister_s_name_after_a_plural_minister_word(gazetteer, text):
    assert sorted(draft_of(text, gazetteer, published=DAY).countries) == ["CY", "JO"]


def test_a_joint_commission_named_by_two_demonyms(gazetteer):
    text = (
        "نواكشوط - تنطلق غدا الخميس في نواكشوط أشغال الدورة الخامسة للجنة المشتركة "
        "الموريتانية السنغالية، برئاسة وزير الاقتصاد ووزيرة التخطيط في السنغال."
    )
    assert sorted(draft_of(text, gazetteer, published=DAY).countries) == ["MR", "SN"]


def test_not_the_next_session_of_a_joint_commission_ministers_of_one_country_prepare(gazetteer):
    text = (
        "تونس - اجتمع وزير الاقتصاد ووزيرة المالية يوم الاثنين لمتابعة الاستعدادات لانعقاد "
        "الدورة المقبلة للجنة المشتركة التونسية الإيطالية."
    )
    assert draft_of(text, gazetteer, published=DAY).countries == []


@pytest.mark.parametrize(
    "text, countries",
    [
        ("الجزائر - استقبل وزير الداخلية إبراهيم مراد اليوم نظيره البرتغالي جواو بيريرا، بحضور "
         "سفير البرتغال بالجزائر.", ["DZ", "PT"]),
        ("Tunis - Le ministre de l'Intérieur tunisien Khaled Nouri a reçu lundi son homologue "
         "portugais João Pereira, en présence de l'ambassadeur du Portugal.", ["PT", "TN"]),
    ],
)  # fmt: skip
def test_an_envoy_attending_counterparts_meeting_is_not_the_one_received(
    gazetteer, text, countries
):
    assert sorted(draft_of(text, gazetteer, published=DAY).countries) == countries


def test_an_envoy_attending_an_audience_of_no_counterpart_is_still_an_audience(gazetteer):
    text = (
        "الجزائر - استقبل وزير الصناعة اليوم بمقر الوزارة رئيس شركة إيطالية، بحضور سفير "
        "إيطاليا بالجزائر."
    )
    assert draft_of(text, gazetteer, published=DAY).countries == []


def test_another_meeting_s_two_countries_are_no_sides(gazetteer):
    text = (
        "Moroccan Foreign Minister Karim El Fassi met on Friday his Kenyan counterpart Joseph "
        "Mwangi in Nairobi.\n\nEl Fassi also met separately with the foreign ministers of "
        "Ghana and Zambia."
    )
    assert sorted(draft_of(text, gazetteer, published=DAY).countries) == ["KE", "MA"]


def test_a_visit_with_a_pronoun_gives_the_host_s_side(gazetteer):
    text = (
        "استقبل وزير الإسكان كريم حسن أمس بمدينة الإسكندرية وزيرة الإسكان البرتغالية آنا "
        "كوستا، في إطار زيارتها الحالية لمصر."
    )
    assert sorted(draft_of(text, gazetteer, published=DAY).countries) == ["EG", "PT"]


@pytest.mark.parametrize(
    "text",
    [
        "Brazilian Foreign Minister Marcos Alves and Norwegian Foreign Minister Ingrid Holm "
        "took part on Saturday in a panel at an international forum.",
        "Le ministre brésilien Marcos Alves et la ministre norvégienne Ingrid Holm ont participé "
        "samedi à une table ronde d'un forum international.",
    ],
)
def test_two_ministers_on_a_panel_did_not_meet(gazetteer, text):
    assert draft_of(text, gazetteer, published=DAY).countries == []


def test_a_minister_who_meets_nobody_of_another_country_gives_no_side(gazetteer):
    text = (
        "Ghana's Minister for Defence, Kwame Mensah, has visited the Ghanaian contingent "
        "serving with a United Nations force abroad.\n\nThe minister inspected a guard of "
        "honour and addressed the troops."
    )
    draft = draft_of(text, gazetteer, published=DAY)
    assert draft.countries == []
