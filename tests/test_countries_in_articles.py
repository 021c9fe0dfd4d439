"""Every country, by each of its names and demonyms, in Arabic, French and English articles.

The cases are generated from fixtures/countries.json (built by scripts/build_countries.py):
for each of the 249 countries, each name, alias and demonym is put in a sentence of the
right language reporting a meeting with Morocco (or with Spain, for Morocco itself), and
the extractor must propose exactly those two countries.
"""

import datetime
import json
from pathlib import Path

import pytest
from django.conf import settings

from meetings.extraction import extract, read_article
from meetings.extraction.database import gazetteer_from_database
from meetings.text import script_of

pytestmark = pytest.mark.django_db

COUNTRIES = json.loads((Path(settings.BASE_DIR) / "fixtures" / "countries.json").read_text())
PUBLISHED = datetime.date(2025, 3, 12)

# The host side: Morocco, or Spain when the country tested is Morocco.
HOSTS = {
    "MA": {
        "ar": "استقبل وزير الشؤون الخارجية المغربي ناصر بوريطة، يوم الثلاثاء بالرباط، ",
        "fr": "Le ministre marocain des Affaires étrangères, Nasser Bourita, a reçu mardi à Rabat ",
        "en": "Moroccan Foreign Minister Nasser Bourita received on Tuesday in Rabat ",
    },
    "ES": {
        "ar": "استقبل وزير الخارجية الإسباني خوسيه مانويل ألباريس، يوم الثلاثاء بمدريد، ",
        "fr": "Le ministre espagnol des Affaires étrangères, José Manuel Albares, a reçu mardi à Madrid ",
        "en": "Spanish Foreign Minister José Manuel Albares received on Tuesday in Madrid ",
    },
}
# The guest: by a demonym ("his Italian counterpart") or a name ("his counterpart from Italy").
BY_DEMONYM = {
    "ar": "نظيره {} سامي النوري، وبحث الجانبان التعاون الثنائي.",
    "fr": "son homologue {} Samir Nouri. Les deux ministres ont évoqué la coopération.",
    "en": "his {} counterpart Samir Nouri. The two ministers discussed cooperation.",
}
BY_NAME = {
    "ar": "نظيره من {} سامي النوري، وبحث الجانبان التعاون الثنائي.",
    "fr": "son homologue de {} Samir Nouri. Les deux ministres ont évoqué la coopération.",
    "en": "his counterpart from {} Samir Nouri. The two ministers discussed cooperation.",
}


def language_of(word: str) -> str:
    return "ar" if script_of(word) == "ar" else ""


def cases():
    for country in COUNTRIES:
        code, fields = country["pk"], country["fields"]
        names = [(language, fields[f"name_{language}"], "name") for language in ("ar", "fr", "en")]
        names += [(language_of(alias), alias, "alias") for alias in fields["aliases"]]
        names += [(language_of(word), word, "demonym") for word in fields["demonyms"]]
        yield pytest.param(code, names, id=code)


@pytest.fixture(scope="module")
def gazetteer(django_db_blocker):
    with django_db_blocker.unblock():
        return gazetteer_from_database()


def countries_found(gazetteer, code, language, phrase, kind):
    host = "ES" if code == "MA" else "MA"
    template = BY_DEMONYM if kind == "demonym" else BY_NAME
    text = HOSTS[host][language] + template[language].format(phrase)
    return extract(read_article(text, published=PUBLISHED), gazetteer).countries


@pytest.mark.parametrize(("code", "names"), list(cases()))
def test_every_name_and_demonym_of_every_country_is_recognised(gazetteer, code, names):
    host = "ES" if code == "MA" else "MA"
    wrong = []
    for language, phrase, kind in names:
        # A Latin-script name or demonym is tried in French and in English.
        languages = [language] if language else ["fr", "en"]
        for each in languages:
            found = countries_found(gazetteer, code, each, phrase, kind)
            if found != sorted([code, host]):
                wrong.append(f"{kind} {phrase!r} in {each}: {found}")
    assert not wrong, wrong


# Places without a demonym in use (scripts/build_countries.py says why for each).
WITHOUT_DEMONYMS = {
    "AI",
    "AQ",
    "AS",
    "AX",
    "BL",
    "BQ",
    "BV",
    "CC",
    "CG",
    "CK",
    "CX",
    "EH",
    "FK",
    "GS",
    "GU",
    "HM",
    "IO",
    "MF",
    "MP",
    "MS",
    "NF",
    "NU",
    "PM",
    "PN",
    "SH",
    "SJ",
    "SX",
    "TC",
    "TF",
    "TK",
    "UM",
    "VA",
    "VG",
    "VI",
    "WF",
}


def test_every_inhabited_country_has_demonyms_in_french_and_english():
    without = {country["pk"] for country in COUNTRIES if not country["fields"]["demonyms"]}
    assert without == WITHOUT_DEMONYMS
    for country in COUNTRIES:
        demonyms = country["fields"]["demonyms"]
        latin = [word for word in demonyms if script_of(word) != "ar"]
        assert demonyms == [] or len(latin) >= 2, country["pk"]


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        # Niger and Nigeria
        (
            "Le ministre nigérien des Affaires étrangères a reçu mardi à Niamey son homologue nigérian Yusuf Tuggar.",
            ["NE", "NG"],
        ),
        (
            "Nigeria's foreign minister Yusuf Tuggar met his Nigerien counterpart in Abuja on Tuesday.",
            ["NE", "NG"],
        ),
        (
            "استقبل وزير الخارجية النيجري يوم الثلاثاء في نيامي نظيره النيجيري يوسف توغار.",
            ["NE", "NG"],
        ),
        # The two Congos
        (
            "Le ministre des Affaires étrangères du Congo-Brazzaville a reçu mardi son homologue de la RDC, Thérèse Kayikwamba Wagner.",
            ["CD", "CG"],
        ),
        (
            "The foreign minister of the Republic of the Congo met his counterpart from the Democratic Republic of the Congo in Brazzaville on Tuesday.",
            ["CD", "CG"],
        ),
        (
            "بحث وزير خارجية الكونغو برازافيل يوم الثلاثاء مع نظيره من الكونغو الديمقراطية الوضع في المنطقة.",
            ["CD", "CG"],
        ),
        # Guinea, Guinea-Bissau, Equatorial Guinea
        (
            "Le ministre guinéen des Affaires étrangères a reçu mardi à Conakry son homologue bissau-guinéen.",
            ["GN", "GW"],
        ),
        (
            "Equatorial Guinea's foreign minister met his Guinean counterpart in Malabo on Tuesday.",
            ["GN", "GQ"],
        ),
        ("استقبل وزير خارجية غينيا بيساو يوم الثلاثاء نظيره من غينيا الاستوائية.", ["GQ", "GW"]),
        # Sudan and South Sudan
        (
            "Le ministre soudanais des Affaires étrangères a reçu mardi son homologue sud-soudanais.",
            ["SD", "SS"],
        ),
        (
            "South Sudan's foreign minister met his Sudanese counterpart in Juba on Tuesday.",
            ["SD", "SS"],
        ),
        ("استقبل وزير الخارجية السوداني يوم الثلاثاء نظيره الجنوب سوداني.", ["SD", "SS"]),
        # Dominica and the Dominican Republic
        (
            "Dominica's foreign minister met his counterpart from the Dominican Republic on Tuesday in Santo Domingo.",
            ["DM", "DO"],
        ),
        (
            "Le ministre dominicain des Affaires étrangères a reçu mardi son homologue de la Dominique.",
            ["DM", "DO"],
        ),
        # Austria and Australia, Iran and Iraq
        (
            "Austria's foreign minister met his Australian counterpart in Vienna on Tuesday.",
            ["AT", "AU"],
        ),
        ("استقبل وزير الخارجية العراقي يوم الثلاثاء نظيره الإيراني.", ["IQ", "IR"]),
    ],
)
def test_countries_easily_confused_are_kept_apart(gazetteer, text, countries):
    assert extract(read_article(text, published=PUBLISHED), gazetteer).countries == countries
