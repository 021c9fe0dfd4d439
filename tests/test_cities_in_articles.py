"""Every city of the archive, by each of its names, as the place of a meeting in Arabic,
French and English articles; and every country has its capital.

The cases are generated from fixtures/cities.json (built by scripts/build_cities.py): each
name and alias of each city is put in a sentence of the right language that reports a
meeting held there between Morocco's minister (Spain's, for Moroccan cities) and a
minister of the city's country, and the extractor must propose that city.
"""

import datetime
import json
import re
from pathlib import Path

import pytest
from django.conf import settings

from meetings.extraction import extract, read_article
from meetings.extraction.database import gazetteer_from_database
from meetings.text import script_of

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
CITIES = json.loads((ROOT / "fixtures" / "cities.json").read_text(encoding="utf-8"))
COUNTRIES = {
    country["pk"]: country["fields"]
    for country in json.loads((ROOT / "fixtures" / "countries.json").read_text(encoding="utf-8"))
}
PUBLISHED = datetime.date(2025, 3, 12)

SENTENCES = {
    "ar": "التقى {host} يوم الثلاثاء في {city} نظيره من {country} سامي النوري، وبحث الجانبان التعاون.",
    "fr": "{host} a rencontré mardi à {city} son homologue de {country}, Samir Nouri. Les deux "
    "ministres ont évoqué la coopération.",
    "en": "{host} met his counterpart from {country}, Samir Nouri, in {city} on Tuesday. The two "
    "ministers discussed cooperation.",
}
HOSTS = {
    "MA": {
        "ar": "وزير الخارجية المغربي ناصر بوريطة",
        "fr": "Le ministre marocain des Affaires étrangères, Nasser Bourita,",
        "en": "Moroccan Foreign Minister Nasser Bourita",
    },
    "ES": {
        "ar": "وزير الخارجية الإسباني خوسيه مانويل ألباريس",
        "fr": "Le ministre espagnol des Affaires étrangères, José Manuel Albares,",
        "en": "Spanish Foreign Minister José Manuel Albares",
    },
}


@pytest.fixture(scope="module")
def gazetteer(django_db_blocker):
    with django_db_blocker.unblock():
        return gazetteer_from_database()


def names_of(fields):
    """(language, name) for each name and alias; a Latin alias is tried in French and English."""
    names = [(language, fields[f"name_{language}"]) for language in ("ar", "fr", "en")]
    for alias in fields["aliases"]:
        if script_of(alias) == "ar":
            names.append(("ar", alias))
        else:
            names += [("fr", alias), ("en", alias)]
    return names


def capitalised(name: str) -> str:
    """Names are written capitalised in articles; the fixture may keep an alias in lower
    case ("el aaiun", "'s-gravenhage"): capitalise its words of three letters or more."""
    if script_of(name) == "ar":
        return name
    return re.sub(r"\b\w{3,}", lambda word: word.group()[0].upper() + word.group()[1:], name)


@pytest.mark.parametrize(
    "city", [city["fields"] for city in CITIES], ids=[city["fields"]["slug"] for city in CITIES]
)
def test_every_name_of_every_city_is_read_as_the_place_of_the_meeting(gazetteer, city):
    code = city["country"][0]
    host = "ES" if code == "MA" else "MA"
    country = COUNTRIES[code]
    wrong = []
    for language, name in names_of(city):
        text = SENTENCES[language].format(
            host=HOSTS[host][language], city=capitalised(name), country=country[f"name_{language}"]
        )
        draft = extract(read_article(text, published=PUBLISHED), gazetteer)
        if (draft.place, draft.host_country) != (city["slug"], code):
            wrong.append(f"{name!r} in {language}: {draft.place}, {draft.host_country}")
    assert not wrong, wrong


# Places with no capital in the city list, each for a reason given in scripts/build_cities.py.
WITHOUT_A_CAPITAL = {
    "AI", "AQ", "BM", "BV", "CC", "CX", "EH", "FK", "GI", "GS", "HM", "IL", "IM", "IO", "KY",
    "MS", "NF", "PM", "PN", "PS", "RE", "SH", "TF", "TK", "UM",
}  # fmt: skip


def test_every_country_has_one_capital_but_the_listed_exceptions():
    capitals: dict[str, list[str]] = {}
    for city in CITIES:
        if city["fields"]["is_capital"]:
            capitals.setdefault(city["fields"]["country"][0], []).append(city["fields"]["slug"])
    assert set(COUNTRIES) - set(capitals) == WITHOUT_A_CAPITAL
    assert all(len(slugs) == 1 for slugs in capitals.values()), capitals


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # The same word, written as a word, is no place.
        ("Le ministre marocain a reçu mardi son homologue malien. La réunion annuelle de la "
         "commission mixte est prévue en juin.", None),
        ("Morocco's labour minister met his Maldivian counterpart on Tuesday to discuss male "
         "and female migrant workers.", None),
        ("Moroccan Foreign Minister Nasser Bourita met his Maldivian counterpart in Malé on "
         "Tuesday.", "male"),
        # A city's name at the head of another name: a person, an agreement.
        ("Spain's foreign minister met Victoria Nuland on Tuesday to discuss the Paris "
         "Agreement.", None),
        # "Bissau" in "Guinée-Bissau" is the country, not the capital.
        ("Le ministre marocain des Affaires étrangères a reçu mardi son homologue de "
         "Guinée-Bissau.", None),
    ],
)  # fmt: skip
def test_city_names_that_are_also_words_or_parts_of_names(gazetteer, text, place):
    assert extract(read_article(text, published=PUBLISHED), gazetteer).place == place
