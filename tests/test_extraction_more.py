"""More cases for the article extractor, written for this file (not taken from an evaluation set)."""

import datetime

import pytest

from meetings.extraction import extract, read_article

pytestmark = pytest.mark.django_db


def draft_of(text, gazetteer, published, outlet=""):
    return extract(read_article(text, published=published, outlet=outlet), gazetteer)


def test_an_agency_name_before_the_city_and_date_is_still_a_dateline(gazetteer):
    text = (
        "(EFE) - MADRID, OCT 8 - Spain's foreign minister Jose Manuel Albares met his "
        "Mauritanian counterpart Mohamed Salem Ould Merzouk in Madrid on Monday to discuss "
        "irregular migration and fisheries, the ministry said."
    )
    draft = draft_of(text, gazetteer, datetime.date(2024, 10, 8))
    assert draft.countries == ["ES", "MR"]
    assert (draft.date, draft.date_precision) == (datetime.date(2024, 10, 7), "day")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Le ministre marocain de l'Intérieur Abdelouafi Laftit s'est entretenu mardi à Rabat "
            "avec son homologue espagnol Fernando Grande-Marlaska sur la migration. Les deux "
            "ministres doivent se retrouver vendredi à Madrid pour une réunion de suivi.",
            datetime.date(2024, 6, 13),
            datetime.date(2024, 6, 11),
        ),
        (
            "Moroccan Interior Minister Abdelouafi Laftit held talks with his Spanish counterpart "
            "Fernando Grande-Marlaska in Rabat on Tuesday on migration. The two are due to meet "
            "again on Friday in Madrid.",
            datetime.date(2024, 6, 13),
            datetime.date(2024, 6, 11),
        ),
        (
            "أجرى وزير الداخلية عبد الوافي لفتيت، يوم الثلاثاء بالرباط، مباحثات مع نظيره الإسباني "
            "فرناندو غراندي مارلاسكا حول الهجرة، على أن يلتقي الوزيران مجددا يوم الجمعة بمدريد.",
            datetime.date(2024, 6, 13),
            datetime.date(2024, 6, 11),
        ),
    ],
)
def test_a_weekday_announced_for_later_is_not_the_meetings_date(
    gazetteer, text, published, expected
):
    draft = draft_of(text, gazetteer, published, outlet="Hespress")
    assert draft.countries == ["ES", "MA"]
    assert draft.date == expected


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        (
            "استقبل وزير الداخلية البحريني، أمس بالمنامة، نظيره الكويتي لبحث التعاون الأمني.",
            ["BH", "KW"],
        ),
        ("بحث وزير الخارجية العماني مع نظيره القطري في مسقط العلاقات الثنائية.", ["OM", "QA"]),
        ("التقت وزيرة الدولة الإماراتية نظيرها السعودي في أبوظبي لبحث الاستثمار.", ["AE", "SA"]),
        ("Le ministre émirati de l'Économie a reçu son homologue koweïtien à Dubaï.", ["AE", "KW"]),
        ("Bahrain's interior minister met his Omani counterpart in Manama on trade.", ["BH", "OM"]),
    ],
)
def test_gulf_countries_by_demonym_in_three_languages(gazetteer, text, countries):
    draft = draft_of(text, gazetteer, datetime.date(2024, 6, 13))
    assert draft.countries == countries
