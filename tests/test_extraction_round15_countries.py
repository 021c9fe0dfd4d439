"""Issue 17's fifteenth round, countries: two ministers named by title only in a home outlet
(the first named is the outlet's, the other the other side's), titles only one country uses
(human resources and Emiratisation; Mexico's Secretary of Foreign Relations), and three
negatives: a minister meeting his own country's community abroad, an interview a paper
published, and an interview where a meeting is only hoped for (no date either).

The cases are eval/dev17's ``r15c-*`` articles, in our own words about invented meetings;
tests/test_extraction_rounds.py checks each as an editor sees its draft.
"""

import datetime

import pytest

from tests.extraction_support import draft_of, people

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 9, 9)  # a Wednesday


@pytest.mark.parametrize(
    "text, outlet, home, guest, countries",
    [
        ("استقبل وزير النقل، سعيد الناصري، أمس الثلاثاء بالرباط، وزيرة النقل، آنا كوفاتش، "
         "التي تزور المملكة. وأبدت الوزيرة المجرية اهتمام بلادها بالموانئ.",
         "Hespress", "سعيد الناصري", "آنا كوفاتش", ["HU", "MA"]),
        ("Le ministre du Transport, Saïd Naciri, a reçu mardi à Rabat la ministre des "
         "Transports, Anna Kovacs. La ministre hongroise a visité le port de Casablanca.",
         "Le Matin", "Saïd Naciri", "Anna Kovacs", ["HU", "MA"]),
        ("The Minister of Transport, Said Naciri, received on Tuesday in Rabat the Minister "
         "of Transport, Anna Kovacs. The Hungarian minister also visited the port.",
         "Morocco World News", "Said Naciri", "Anna Kovacs", ["HU", "MA"]),
    ],
)  # fmt: skip
def test_two_ministers_by_title_only_first_is_the_outlet_s(
    gazetteer, text, outlet, home, guest, countries
):
    draft = draft_of(text, gazetteer, published=DAY, outlet=outlet)
    assert sorted(draft.countries) == countries
    assert (home, "MA") in people(draft)
    assert (guest, "HU") in people(draft)


def test_two_ministers_of_one_country_keep_the_outlet_s(gazetteer):
    # No other side is found: both ministers named by title are the outlet's.
    text = (
        "Le ministre de l'Intérieur, Saïd Naciri, et le ministre de la Santé, Omar Tazi, ont "
        "présidé mardi à Rabat une réunion sur la saison estivale."
    )
    draft = draft_of(text, gazetteer, published=DAY, outlet="Le Matin")
    assert {country for _, country in people(draft)} == {"MA"}


@pytest.mark.parametrize(
    "text, code",
    [
        ("استقبل وزير التشغيل، كريم السباعي، الثلاثاء بالرباط، وزير الموارد البشرية والتوطين، "
         "سالم علي الكعبي.", "AE"),
        ("The Minister of Employment, Karim Sbai, received on Tuesday in Rabat the Minister of "
         "Human Resources and Emiratisation, Salem Ali Al Kaabi.", "AE"),
        ("Le ministre des Affaires étrangères, Karim Touhami, a reçu mardi à Rabat la "
         "secrétaire aux Relations extérieures, Elena Robles Fuentes.", "MX"),
    ],
)  # fmt: skip
def test_a_title_only_one_country_uses(gazetteer, text, code):
    draft = draft_of(text, gazetteer, published=DAY, outlet="Le Matin")
    assert sorted(draft.countries) == sorted([code, "MA"])


@pytest.mark.parametrize(
    "text",
    [
        "التقى وزير الثقافة، أحمد الودغيري، أمس الثلاثاء بباريس، أفراد الجالية المغربية المقيمة "
        "بفرنسا، بمقر القنصلية العامة.",
        "Le ministre de la Culture, Ahmed Ouadghiri, a rencontré mardi à Paris des membres de "
        "la communauté marocaine résidant en France, au consulat général.",
        "The Minister of Culture, Ahmed Ouadghiri, met on Tuesday in Paris with members of the "
        "Moroccan community living in France, at the consulate general.",
    ],
)
def test_a_minister_meeting_his_country_s_community_abroad_is_no_meeting(gazetteer, text):
    draft = draft_of(text, gazetteer, published=DAY, outlet="Le Matin")
    assert draft.countries == []
    assert draft.date is None


def test_a_minister_meeting_a_counterpart_and_the_community_is_a_meeting(gazetteer):
    text = (
        "Le ministre de la Culture, Ahmed Ouadghiri, s'est entretenu mardi à Paris avec son "
        "homologue française, Claire Dubois. Il a ensuite rencontré des membres de la "
        "communauté marocaine."
    )
    draft = draft_of(text, gazetteer, published=DAY, outlet="Le Matin")
    assert sorted(draft.countries) == ["FR", "MA"]


@pytest.mark.parametrize(
    "text",
    [
        "أكد وزير الفلاحة، محمد الصديقي، أن العلاقات مع البرتغال متميزة، وذلك في حوار نشرته "
        "صحيفة برتغالية اليوم الأربعاء.",
        "Dans un entretien accordé au quotidien portugais Diário Novo, le ministre de "
        "l'Agriculture, Mohamed Seddiki, a salué les relations avec le Portugal.",
        "Agriculture minister Mohamed Seddiki on Tuesday said relations with Portugal were "
        "excellent.\n\nIn an interview with the paper at his office, Seddiki said the two "
        "ministers would meet next year.",
    ],
)
def test_an_interview_is_no_meeting_and_gives_no_date(gazetteer, text):
    draft = draft_of(text, gazetteer, published=DAY, outlet="Le Matin")
    assert draft.countries == []
    assert draft.date is None
