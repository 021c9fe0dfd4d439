"""Issue 17's sixteenth round, countries: four kinds of article that are not meetings (former
ministers on a panel, with no date or place either; an honorary doctorate; one government's
ministers preparing a joint commission with another country; a minister meeting any
country's community abroad, named by its demonym), and the ministers' countries of an
agency's or an outlet's wire, where the foreign minister was given the home country.

The cases are eval/dev17's ``r16c-*`` articles, in our own words about invented meetings;
tests/test_extraction_rounds.py checks each as an editor sees its draft.
"""

import datetime

import pytest

from tests.extraction_support import draft_of, people

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 11)  # a Wednesday


def assert_no_meeting(draft):
    assert draft.countries == []
    assert draft.date is None
    assert draft.place is None
    assert draft.host_country is None


@pytest.mark.parametrize(
    "text",
    [
        "احتضنت جامعة وهران أمس الثلاثاء ندوة جمعت وزير الخارجية التونسي السابق علي "
        "الهمامي ووزير الخارجية الليبي السابق سالم الورفلي أمام الطلبة.",
        "L'université de Tunis a accueilli mardi un débat entre deux anciens ministres des "
        "Affaires étrangères, le Libyen Salem Werfelli et l'Algérien Ali Hamami.",
        "A university in Rabat hosted on Tuesday a debate between two former foreign "
        "ministers, Libya's Salem Werfelli and Tunisia's Ali Hammami.",
    ],
)  # fmt: skip
def test_former_ministers_only_give_no_date_nor_place(gazetteer, text):
    assert_no_meeting(draft_of(text, gazetteer, published=DAY))


@pytest.mark.parametrize(
    "text",
    [
        "تسلم وزير التعليم العالي، سمير الحداد، أمس الثلاثاء الدكتوراه الفخرية من جامعة "
        "لشبونة البرتغالية بحضور رئيس الجامعة.",
        "Le ministre de l'Enseignement supérieur, Samir Haddad, a reçu mardi le titre de "
        "docteur honoris causa de l'Université de Lisbonne, au Portugal.",
        "Higher education minister Samir Haddad received an honorary doctorate from the "
        "University of Lisbon in Portugal on Tuesday.",
    ],
)  # fmt: skip
def test_an_honorary_doctorate_is_no_meeting(gazetteer, text):
    assert_no_meeting(draft_of(text, gazetteer, published=DAY))


@pytest.mark.parametrize(
    "text",
    [
        "ترأس وزير المالية، نبيل الصغير، رفقة وزير الطاقة، حميد بوعزة، أمس الثلاثاء بالجزائر "
        "العاصمة، اجتماعا تحضيريا للجنة المشتركة الجزائرية الألمانية.",
        "Le ministre des Finances, Nabil Seghir, et le ministre de l'Énergie, Hamid Bouazza, "
        "ont présidé mardi à Alger une réunion préparatoire de la commission mixte "
        "algéro-allemande.",
        "Finance Minister Nabil Seghir and Energy Minister Hamid Bouazza chaired on Tuesday "
        "in Algiers a preparatory meeting for the Algerian-German joint commission.",
    ],
)  # fmt: skip
def test_one_government_preparing_a_joint_commission_is_no_meeting(gazetteer, text):
    assert_no_meeting(draft_of(text, gazetteer, published=DAY))


def test_a_preparatory_meeting_of_two_counterparts_is_a_meeting(gazetteer):
    text = (
        "Le ministre algérien des Finances, Nabil Seghir, a tenu mardi à Alger avec son "
        "homologue allemand, Peter Brandt, une réunion préparatoire de la commission mixte."
    )
    assert draft_of(text, gazetteer, published=DAY).countries == ["DE", "DZ"]


@pytest.mark.parametrize(
    "text",
    [
        "التقى وزير الجالية، عمر ديالو، أمس الثلاثاء بمدريد، بممثلين عن الجالية السنغالية "
        "المقيمة بإسبانيا.",
        "Le ministre de la Diaspora, Omar Diallo, a rencontré mardi à Madrid des ressortissants "
        "maliens établis en Espagne.",
        "Diaspora Minister Omar Diallo met on Tuesday in Madrid with the Ghanaian community "
        "living in Spain.",
    ],
)  # fmt: skip
def test_any_country_s_community_abroad_is_no_meeting(gazetteer, text):
    assert_no_meeting(draft_of(text, gazetteer, published=DAY))


def test_a_minister_met_about_a_community_is_still_a_meeting(gazetteer):
    # The community is what they talked about; the other minister is whom he met.
    text = (
        "Le ministre sénégalais de l'Intérieur, Omar Diallo, a rencontré mardi à Madrid la "
        "ministre espagnole de l'Intérieur, Elena Ruiz, au sujet des ressortissants sénégalais."
    )
    draft = draft_of(text, gazetteer, published=DAY, outlet="Le Soleil")
    assert draft.countries == ["ES", "SN"]


@pytest.mark.parametrize(
    "text, outlet, home, guest",
    [
        ("مباحثات مغربية برازيلية بالرباط\n\nالرباط - (ومع) - أجرى وزير الشؤون الخارجية والتعاون الإفريقي والمغاربة المقيمين "
         "بالخارج، سعيد العمراني، اليوم بالرباط مباحثات مع نظيرته آنا سوزا. وتناولت "
         "المباحثات التعاون بين المغرب والبرازيل.", "", "سعيد العمراني", "آنا سوزا"),
        ("Le Maroc et le Brésil parlent de leurs ports\n\nRabat (MAP) – Le ministre de l'Équipement, Driss Fassi, s'est entretenu mardi à "
         "Rabat avec la ministre des Travaux publics, Ana Souza. Les deux ministres ont parlé "
         "des ports du Maroc et du Brésil.", "", "Driss Fassi", "Ana Souza"),
        ("Morocco and Brazil eye direct flights\n\nMorocco's Minister of Tourism, Leila Sqalli, held talks on Tuesday in Brasilia with "
         "the Minister of Tourism, Ana Souza. They discussed flights between Morocco and "
         "Brazil.", "Hespress English", "Leila Sqalli", "Ana Souza"),
    ],
)  # fmt: skip
def test_the_foreign_minister_is_not_given_the_wire_s_country(gazetteer, text, outlet, home, guest):
    draft = draft_of(text, gazetteer, published=DAY, outlet=outlet)
    assert draft.countries == ["BR", "MA"]
    assert (home, "MA") in people(draft)
    assert (guest, "BR") in people(draft)


@pytest.mark.parametrize(
    "text, home, code",
    [
        ("أجرت وزيرة الصحة، سلمى الكافي، أمس الثلاثاء في العاصمة المالية مباحثات مع وزير "
         "الصحة المالي، موسى كوناتي. وتعود الوزيرة إلى الجزائر يوم الخميس.", "سلمى الكافي",
         "DZ"),
        ("La ministre de la Santé, Salma Kafi, s'est entretenue mardi dans la capitale "
         "malienne avec le ministre malien de la Santé, Moussa Konaté. Elle doit regagner "
         "Alger jeudi.", "Salma Kafi", "DZ"),
        ("Health Minister Salma Kafi held talks on Tuesday in the Malian capital with Mali's "
         "Minister of Health Moussa Konate. She returns to Algiers on Thursday.", "Salma Kafi",
         "DZ"),
    ],
)  # fmt: skip
def test_the_other_side_is_where_its_minister_returns(gazetteer, text, home, code):
    draft = draft_of(text, gazetteer, published=DAY)
    assert draft.countries == sorted([code, "ML"])
    assert (home, code) in people(draft)
