"""What real published articles do that the first extractor missed (issue 17), in three languages.

Every article here was written for this file, in our own words.
"""

import datetime
import io
import json

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252", to make mojibake)
import pytest
from django.core.management import call_command

from tests.extraction_support import WEDNESDAY, draft_of

pytestmark = pytest.mark.django_db


def mojibake(text):
    """What UTF-8 text looks like when a page is read as Windows-1252."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


# -- 1. Mojibake -----------------------------------------------------------------

MOJIBAKE = [
    "Le ministre de l’Intérieur Abdelouafi Laftit a reçu mardi à Rabat son homologue "
    "français Bruno Retailleau pour évoquer l’immigration irrégulière.",
    "استقبل وزير الداخلية عبد الوافي لفتيت، يوم الثلاثاء بالرباط، نظيره الفرنسي برونو "
    "روتايو، وبحث معه ملف الهجرة غير النظامية.",
    "Morocco’s interior minister Abdelouafi Laftit received his French counterpart Bruno "
    "Retailleau in Rabat on Tuesday to discuss irregular migration – “a shared priority”.",
]


@pytest.mark.parametrize("text", MOJIBAKE)
def test_mojibake_is_repaired_before_anything_reads_the_text(gazetteer, text):
    draft = draft_of(mojibake(text), gazetteer)
    assert draft.text == text
    assert (draft.countries, draft.date, draft.place) == (
        ["FR", "MA"],
        datetime.date(2025, 3, 11),
        "rabat",
    )
    # Evidence points into the repaired text.
    span = draft.evidence["place"][0]
    assert draft.text[span.start : span.end] == span.text


def test_mojibake_in_an_html_page_and_its_title_is_repaired(gazetteer):
    html = (
        "<html><head><meta charset='utf-8'><title>"
        + mojibake("Laftit reçoit son homologue français")
        + "</title></head><body><article><p>"
        + mojibake(MOJIBAKE[0])
        + "</p><p>"
        + mojibake("Les deux ministres ont aussi parlé de la sécurité des frontières.")
        + "</p></article></body></html>"
    )
    draft = draft_of(html, gazetteer)
    assert draft.title == "Laftit reçoit son homologue français"
    assert draft.countries == ["FR", "MA"]


def test_arabic_saved_in_windows_1256_and_read_as_windows_1252_is_read_back(gazetteer):
    garbled = MOJIBAKE[1].encode("cp1256").decode("cp1252", errors="replace")
    assert draft_of(garbled, gazetteer).countries == ["FR", "MA"]


@pytest.mark.parametrize(
    ("content", "charset"),
    [
        (MOJIBAKE[1].encode("cp1256"), "windows-1256"),  # declared by the server
        (MOJIBAKE[1].encode("cp1256"), ""),  # recognised
        (MOJIBAKE[0].encode("cp1252"), ""),
        (
            f'<html><head><meta http-equiv="Content-Type" content="text/html; '
            f'charset=windows-1252"></head><body><article><p>{MOJIBAKE[2]}</p>'
            f"<p>{MOJIBAKE[2]}</p></article></body></html>".encode("cp1252"),
            "",
        ),
    ],
)
def test_bytes_are_decoded_by_their_declared_or_recognised_charset(gazetteer, content, charset):
    assert draft_of(content, gazetteer, charset=charset).countries == ["FR", "MA"]


def test_utf8_wins_over_a_wrong_declaration(gazetteer):
    content = MOJIBAKE[0].encode("utf-8")
    draft = draft_of(content, gazetteer, charset="iso-8859-1")
    assert draft.text == MOJIBAKE[0]


# -- 2. One side given only implicitly --------------------------------------------


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        (
            "الدوحة (قنا) - التقى وزير الدولة بوزارة الخارجية محمد الخليفي، اليوم، وزير "
            "الخارجية التشادي، وبحثا علاقات التعاون.",
            ["QA", "TD"],
        ),
        (
            "Le ministre des Affaires étrangères a reçu mercredi son homologue malien, "
            "Abdoulaye Diop, avec lequel il a évoqué la sécurité au Sahel (APS).",
            ["DZ", "ML"],
        ),
        (
            "MANAMA, March 12 (BNA) -- Foreign Minister Abdullatif Al Zayani received today his "
            "Cypriot counterpart Constantinos Kombos.",
            ["BH", "CY"],
        ),
    ],
)
def test_a_national_agency_gives_its_country_to_the_home_minister(gazetteer, text, countries):
    assert draft_of(text, gazetteer).countries == countries


def test_an_international_agency_says_nothing_about_either_side(gazetteer):
    text = (
        "PARIS (AFP) - Le ministre des Affaires étrangères a reçu mardi son homologue "
        "tchadien pour parler de la crise au Soudan."
    )
    draft = draft_of(text, gazetteer)
    assert "FR" not in draft.countries
    assert draft.countries == ["TD"]
    assert any("Only one side is clear (TD)" in warning for warning in draft.warnings)


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        (
            "Le ministre des Affaires étrangères, de la Coopération africaine et des Marocains "
            "résidant à l'étranger, Nasser Bourita, a reçu mardi la ministre autrichienne Beate "
            "Meinl-Reisinger.",
            ["AT", "MA"],
        ),
        (
            "استقبلت وزيرة التكامل الإفريقي والشؤون الخارجية ياسين فال، الثلاثاء، نظيرها الغيني.",
            ["GN", "SN"],
        ),
        (
            "The Minister for Europe and Foreign Affairs, Jean-Noël Barrot, met his Chilean "
            "counterpart on Tuesday.",
            ["CL", "FR"],
        ),
    ],
)
def test_a_long_official_title_gives_its_country(gazetteer, text, countries):
    assert draft_of(text, gazetteer).countries == countries


def test_one_clear_side_is_proposed_and_the_other_marked_unknown(gazetteer, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(
        "Le ministre des Affaires étrangères Jan Novak a rencontré mardi son homologue "
        "marocain Nasser Bourita pour parler du commerce.",
        encoding="utf-8",
    )
    output = io.StringIO()
    call_command("extract_meeting", str(path), "--published", "2025-03-12", stdout=output)
    data = json.loads(output.getvalue())
    assert data["countries"] == ["MA"]
    assert any("Only one side is clear (MA)" in warning for warning in data["warnings"])
    novak = next(m for m in data["ministers"] if m["name"] == "Jan Novak")
    assert novak["country"] is None


# -- 3. Country names ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        (
            "Moroccan Foreign Minister Nasser Bourita held talks on Tuesday with his "
            "counterpart from the United States. Later this month he is expected in Oslo to "
            "meet Norway's foreign minister Espen Barth Eide.",
            ["MA", "US"],
        ),
        ("Bourita a reçu mardi son homologue des Émirats arabes unis.", ["AE", "MA"]),
        ("Bourita met his US counterpart in Rabat on Tuesday.", ["MA", "US"]),
        ("استقبل بوريطة يوم الثلاثاء نظيره من الولايات المتحدة.", ["MA", "US"]),
        (
            "Les ministres marocain et espagnol de l'Intérieur se sont réunis mardi à Rabat.",
            ["ES", "MA"],
        ),
        (
            "The Moroccan and Spanish interior ministers met in Rabat on Tuesday.",
            ["ES", "MA"],
        ),
    ],
)
def test_countries_by_their_names_and_short_forms(gazetteer, text, countries):
    assert draft_of(text, gazetteer, outlet="Hespress").countries == countries


def test_a_summit_host_is_not_a_side(gazetteer):
    text = (
        "En marge du sommet de Davos, en Suisse, le ministre marocain de l'Industrie a "
        "rencontré mardi son homologue indien pour évoquer l'industrie automobile."
    )
    draft = draft_of(text, gazetteer)
    assert draft.countries == ["IN", "MA"]
    assert (draft.place, draft.host_country) == ("davos", "CH")


# -- 4. Dates relative to the publication ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "announcement"),
    [
        (
            "Le ministre espagnol de l'Intérieur rencontrera demain, jeudi 13 mars, son "
            "homologue marocain à Rabat.",
            datetime.date(2025, 3, 13),
            True,
        ),
        (
            "يحل وزير الداخلية الإسباني غدا الخميس بالرباط حيث سيجري مباحثات مع نظيره المغربي.",
            datetime.date(2025, 3, 13),
            True,
        ),
        (
            "Spain's interior minister will meet his Moroccan counterpart in Rabat on Friday.",
            datetime.date(2025, 3, 14),
            True,
        ),
        (
            "Spain's interior minister met his Moroccan counterpart in Rabat this Monday, a "
            "year after their talks of March 2024.",
            datetime.date(2025, 3, 10),
            False,
        ),
        (
            "التقى وزير الداخلية الإسباني أمس بالرباط نظيره المغربي.",
            datetime.date(2025, 3, 11),
            False,
        ),
    ],
)
def test_dates_resolve_against_the_publication_and_announcements_are_marked(
    gazetteer, text, date, announcement
):
    draft = draft_of(text, gazetteer)
    assert (draft.date, draft.announcement) == (date, announcement)
    assert draft.as_json()["announcement"] is announcement


def test_the_publication_date_can_come_from_the_url(gazetteer):
    text = "Spain's interior minister met his Moroccan counterpart in Rabat yesterday."
    url = "https://news.example/politics/2025/03/12/spain-morocco-interior"
    draft = draft_of(text, gazetteer, published=None, url=url)
    assert (draft.published, draft.date) == (WEDNESDAY, datetime.date(2025, 3, 11))


def test_the_review_screen_shows_an_announcement(client):
    from tests.factories import EditorFactory

    client.force_login(EditorFactory(username="announcement-editor"))
    response = client.post(
        "/en/admin/meetings/meeting/from-article/",
        {
            "step": "extract",
            "content": "Spain's interior minister will meet his Moroccan counterpart in Rabat "
            "tomorrow to discuss migration.",
            "published": "2025-03-12",
        },
    )
    assert response.status_code == 200
    assert "Announced meeting" in response.content.decode()


# -- 5. Places ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "host"),
    [
        (
            "Le ministre marocain de l'Intérieur a été reçu mardi place Beauvau par son "
            "homologue français.",
            "paris",
            "FR",
        ),
        (
            "استقبل وزير الخارجية البحريني في مكتبه يوم الثلاثاء نظيره المغربي.",
            "manama",
            "BH",
        ),
        (
            "RABAT (MAP) - The Moroccan foreign minister met his Mauritanian counterpart in "
            "Nouakchott on Tuesday.",
            "nouakchott",
            "MR",
        ),
        (
            "NOUAKCHOTT - Le ministre mauritanien des Affaires étrangères a reçu mardi son "
            "homologue sénégalais.",
            "nouakchott",
            "MR",
        ),
        (
            "On the sidelines of a forum in Istanbul, the foreign ministers of Morocco and "
            "Jordan met on Tuesday.",
            "istanbul",
            "TR",
        ),
    ],
)
def test_places_named_in_other_ways(gazetteer, text, place, host):
    draft = draft_of(text, gazetteer)
    assert (draft.place, draft.host_country) == (place, host)


def test_a_place_inferred_from_the_hosts_office_is_marked(gazetteer):
    text = "استقبل وزير الخارجية البحريني في مكتبه يوم الثلاثاء نظيره المغربي."
    draft = draft_of(text, gazetteer)
    assert draft.evidence["place"][0].note == "inferred"
    assert any("capital is proposed" in warning for warning in draft.warnings)


# -- 6. People --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Turkish Foreign Minister Hakan Fidan received his Moroccan counterpart Nasser "
            "Bourita in Ankara on Tuesday.",
            {
                "Hakan Fidan": ("TR", "Foreign Minister"),
                "Nasser Bourita": ("MA", "Foreign Minister"),
            },
        ),
        (
            "استقبل وزير الخارجية الإيراني عباس عراقجي، الثلاثاء في طهران، نظيره العماني بدر "
            "البوسعيدي.",
            {"عباس عراقجي": ("IR", "وزير الخارجية"), "بدر البوسعيدي": ("OM", "وزير الخارجية")},
        ),
        (
            "Ahmed Attaf, ministre algérien des Affaires étrangères, a reçu mardi à Alger Yassine "
            "Fall, ministre sénégalaise de l'Intégration africaine et des Affaires étrangères.",
            {
                "Ahmed Attaf": ("DZ", "ministre des Affaires étrangères"),
                "Yassine Fall": (
                    "SN",
                    "ministre de l'Intégration africaine et des Affaires étrangères",
                ),
            },
        ),
    ],
)
def test_ministers_not_in_the_archive_are_proposed_with_country_and_post(gazetteer, text, expected):
    draft = draft_of(text, gazetteer)
    proposed = {m.name: (m.country, m.post) for m in draft.ministers if not m.known}
    assert proposed == expected
