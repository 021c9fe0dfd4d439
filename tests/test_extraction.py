"""Article → draft meeting: the pipeline on short articles written for these tests."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from meetings.extraction import ExtractionError, extract, read_article

pytestmark = pytest.mark.django_db

THURSDAY = datetime.date(2024, 6, 13)


def draft_of(text, gazetteer, published=THURSDAY, outlet=""):
    return extract(read_article(text, published=published, outlet=outlet), gazetteer)


def names(draft):
    return {minister.name for minister in draft.ministers}


MEETING = "أجرى وزير الداخلية الإسباني فرناندو غراندي مارلاسكا مباحثات مع نظيره المغربي عبد الوافي لفتيت يوم {date} بمدريد، تناولت الهجرة ومكافحة الإرهاب."


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("12 ماي 2023", datetime.date(2023, 5, 12)),
        ("3 يوليوز 2023", datetime.date(2023, 7, 3)),
        ("21 غشت 2023", datetime.date(2023, 8, 21)),
        ("5 شتنبر 2023", datetime.date(2023, 9, 5)),
        ("14 نونبر 2023", datetime.date(2023, 11, 14)),
        ("2 دجنبر 2023", datetime.date(2023, 12, 2)),
        ("9 جانفي 2024", datetime.date(2024, 1, 9)),
        ("19 فيفري 2024", datetime.date(2024, 2, 19)),
        ("30 أفريل 2024", datetime.date(2024, 4, 30)),
        ("4 جوان 2024", datetime.date(2024, 6, 4)),
        ("11 جويلية 2023", datetime.date(2023, 7, 11)),
        ("8 أوت 2023", datetime.date(2023, 8, 8)),
        ("15 نيسان 2024", datetime.date(2024, 4, 15)),
        ("7 تشرين الأول 2023", datetime.date(2023, 10, 7)),
        ("15 أبريل 2024", datetime.date(2024, 4, 15)),
        ("10 يونيو", datetime.date(2024, 6, 10)),  # no year: the latest before publication
    ],
)
def test_maghreb_levantine_and_standard_month_names(gazetteer, written, expected):
    draft = draft_of(MEETING.format(date=written), gazetteer)
    assert (draft.date, draft.date_precision) == (expected, "day")
    assert draft.evidence["date"][0].text.endswith(written.split()[-1])


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("اليوم الثلاثاء", datetime.date(2024, 6, 11)),
        ("أمس الأربعاء", datetime.date(2024, 6, 12)),
        ("اليوم الخميس", datetime.date(2024, 6, 13)),
        ("الإثنين الماضي", datetime.date(2024, 6, 10)),
    ],
)
def test_bare_weekdays_resolve_against_the_publication_date(gazetteer, words, expected):
    text = (
        f"استقبل عبد الوافي لفتيت، وزير الداخلية، {words} بالرباط، نظيره الإيطالي ماتيو بيانتيدوزي."
    )
    draft = draft_of(text, gazetteer, published=THURSDAY)
    assert draft.date == expected


def test_weekdays_in_french_and_english(gazetteer):
    french = "Le ministre de l'Intérieur Abdelouafi Laftit a reçu ce mardi à Rabat son homologue italien Matteo Piantedosi."
    english = "Interior Minister Abdelouafi Laftit met his Italian counterpart Matteo Piantedosi in Rabat on Tuesday."
    assert draft_of(french, gazetteer).date == datetime.date(2024, 6, 11)
    assert draft_of(english, gazetteer).date == datetime.date(2024, 6, 11)


def test_a_month_without_a_day_gives_a_month_precision(gazetteer):
    text = "التقى وزير الفلاحة المغربي أحمد البواري بنظيره الفرنسي خلال شهر مارس الماضي بباريس لبحث التعاون الفلاحي."
    draft = draft_of(text, gazetteer, published=datetime.date(2025, 5, 2))
    assert (draft.date, draft.date_precision) == (datetime.date(2025, 3, 1), "month")


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        (
            "بحث وزير الداخلية عبد الوافي لفتيت مع نظيرته البلجيكية أنيليس فيرليندن قضايا الهجرة.",
            ["BE", "MA"],
        ),
        (
            "استقبلت وزيرة الخارجية الفرنسية كاثرين كولونا بباريس نظيرها المغربي ناصر بوريطة.",
            ["FR", "MA"],
        ),
        (
            "التقى وزير العدل الإسباني فيليكس بولانيوس نظيره مغربي الجنسية عبد اللطيف وهبي بمدريد لبحث التعاون القضائي بين إسبانيا والمغرب.",
            ["ES", "MA"],
        ),
        (
            "Le ministre belge de l'Intérieur a reçu à Bruxelles son homologue marocain Abdelouafi Laftit.",
            ["BE", "MA"],
        ),
        (
            "Italy's interior minister Matteo Piantedosi hosted his Tunisian counterpart Khaled Nouri in Rome to discuss migration.",
            ["IT", "TN"],
        ),
    ],
)
def test_demonyms_with_and_without_the_article_and_in_the_feminine(gazetteer, text, countries):
    assert draft_of(text, gazetteer).countries == countries


def test_counterpart_phrases_in_three_languages_give_the_counterparts_country(gazetteer):
    for text in (
        "أجرى لفتيت اليوم بالرباط مباحثات مع نظيره الإيطالي ماتيو بيانتيدوزي.",
        "Abdelouafi Laftit s'est entretenu à Rabat avec son homologue italien, Matteo Piantedosi.",
        "Abdelouafi Laftit held talks in Rabat with his Italian counterpart, Matteo Piantedosi.",
    ):
        draft = draft_of(text, gazetteer)
        assert draft.countries == ["IT", "MA"], text
        assert {m.slug for m in draft.ministers} == {"abdelouafi-laftit", "matteo-piantedosi"}


def test_prefixes_on_names_and_places(gazetteer):
    text = "وصل وزير الداخلية الإيطالي ماتيو بيانتيدوزي إلى الرباط، حيث أجرى بالرباط مباحثات مع نظيره المغربي. وأكد بيانتيدوزي ولفتيت أهمية التعاون في مجال الهجرة."
    draft = draft_of(text, gazetteer)
    assert draft.place == "rabat" and draft.host_country == "MA"
    assert draft.evidence["place"][0].text == "بالرباط"
    assert {m.slug for m in draft.ministers} == {"abdelouafi-laftit", "matteo-piantedosi"}


def test_an_unqualified_interior_minister_in_a_moroccan_outlet_is_moroccan(gazetteer):
    text = "استقبل وزير الداخلية، اليوم الخميس بالرباط، وزير الداخلية الموريتاني محمد أحمد ولد محمد الأمين، وتناول اللقاء مراقبة الحدود."
    draft = draft_of(text, gazetteer, outlet="Hespress")
    assert draft.countries == ["MA", "MR"]
    new = [m for m in draft.ministers if not m.known]
    assert {m.country for m in new} == {"MR"}


def test_an_unqualified_minister_without_a_known_outlet_stays_open(gazetteer):
    text = "استقبل وزير الداخلية، اليوم الخميس، وزير الداخلية الموريتاني محمد أحمد ولد محمد الأمين."
    draft = draft_of(text, gazetteer)
    # Morocco is not assumed: the clear side is proposed, the other marked unknown.
    assert draft.countries == ["MR"]
    assert draft.candidate_countries == ["MR"]
    assert any("Only one side is clear (MR)" in warning for warning in draft.warnings)


def test_third_countries_mentioned_in_passing_are_not_parties(gazetteer):
    text = (
        "أجرى عبد الوافي لفتيت، وزير الداخلية، اليوم الثلاثاء بالرباط مباحثات مع نظيره الإيطالي "
        "ماتيو بيانتيدوزي. وتطرق الوزيران إلى الوضع في ليبيا وتداعيات الأزمة في منطقة الساحل، "
        "كما استحضرا نتائج مؤتمر روما حول الهجرة الذي شاركت فيه تونس وفرنسا وإسبانيا."
    )
    draft = draft_of(text, gazetteer)
    assert draft.countries == ["IT", "MA"]


def test_unknown_ministers_are_proposed_with_name_country_and_post(gazetteer):
    text = "استقبل وزير الشؤون الخارجية ناصر بوريطة، اليوم الخميس بالرباط، وزير الخارجية البرتغالي باولو رانجيل."
    draft = draft_of(text, gazetteer, outlet="Hespress")
    proposed = {m.name: m for m in draft.ministers}
    assert set(proposed) == {"ناصر بوريطة", "باولو رانجيل"}
    assert proposed["باولو رانجيل"].country == "PT"
    assert proposed["باولو رانجيل"].post == "وزير الخارجية"
    assert proposed["ناصر بوريطة"].country == "MA"
    assert not any(m.known for m in draft.ministers)


def test_an_accompanying_official_is_marked(gazetteer):
    text = "بحث وزير الداخلية عبد الوافي لفتيت مع نظيرته البلجيكية أنيليس فيرليندن، التي كانت مرفوقة بكاتبة الدولة نيكول دي مور، قضايا الهجرة."
    draft = draft_of(text, gazetteer, published=datetime.date(2024, 4, 15))
    roles = {m.slug: m.role for m in draft.ministers}
    assert roles == {
        "abdelouafi-laftit": "lead",
        "annelies-verlinden": "lead",
        "nicole-de-moor": "accompanying",
    }


def test_topics_come_with_the_words_that_suggest_them(gazetteer):
    draft = draft_of(MEETING.format(date="12 ماي 2023"), gazetteer)
    assert {"migration", "counter-terrorism"} <= set(draft.topics)
    assert draft.evidence["topics"]["counter-terrorism"][0].text == "ومكافحة الإرهاب"


def test_html_is_reduced_to_its_article_with_its_metadata(gazetteer):
    html = """<html><head><title>Laftit reçoit son homologue italien</title>
    <meta name="author" content="Salma Idrissi"><meta property="og:site_name" content="Le360">
    <meta property="article:published_time" content="2024-06-11T10:00:00+01:00"></head>
    <body><nav><a href="/">Accueil</a> Politique Économie Sport</nav><article>
    <h1>Laftit reçoit son homologue italien</h1>
    <p>Le ministre de l'Intérieur, Abdelouafi Laftit, a reçu ce mardi à Rabat son homologue
    italien Matteo Piantedosi. Les deux ministres ont évoqué la migration irrégulière et la lutte
    contre le terrorisme.</p><p>Ils ont convenu de créer un groupe mixte permanent sur la
    migration, selon un communiqué du ministère.</p></article>
    <footer>© 2024 Le360. Tous droits réservés.</footer></body></html>"""
    draft = extract(read_article(html), gazetteer)
    assert (draft.title, draft.author, draft.outlet) == (
        "Laftit reçoit son homologue italien",
        "Salma Idrissi",
        "Le360",
    )
    assert draft.published == datetime.date(2024, 6, 11)
    assert (draft.date, draft.countries, draft.place) == (
        datetime.date(2024, 6, 11),
        ["IT", "MA"],
        "rabat",
    )
    assert "Accueil" not in draft.text and "droits" not in draft.text


SEEDS = {
    "000_1e4a34d2bfc4e74e.txt": {
        "published": datetime.date(2024, 4, 15),
        "date": datetime.date(2024, 4, 15),
        "countries": ["BE", "MA"],
        "place": "rabat",
        "people": {
            "abdelouafi-laftit": ("MA", "lead"),
            "annelies-verlinden": ("BE", "lead"),
            "nicole-de-moor": ("BE", "accompanying"),
        },
        "topics": {"migration", "counter-terrorism", "border-control", "organised-crime"},
    },
    "004_c24fc051f532d483.txt": {
        "published": datetime.date(2024, 6, 11),
        "date": datetime.date(2024, 6, 11),
        "countries": ["IT", "MA"],
        "place": "rabat",
        "people": {"abdelouafi-laftit": ("MA", "lead"), "matteo-piantedosi": ("IT", "lead")},
        "topics": {
            "migration",
            "counter-terrorism",
            "organised-crime",
            "border-control",
            "diaspora",
        },
    },
}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_the_seed_articles_give_every_fact_right(settings, gazetteer, seed):
    path = settings.SEEDS_DIR / seed
    if not path.exists():
        pytest.skip(f"seed article {seed} not found in {settings.SEEDS_DIR}")
    expected = SEEDS[seed]
    article = read_article(path.read_bytes(), published=expected["published"])
    draft = extract(article, gazetteer)
    assert (draft.date, draft.date_precision) == (expected["date"], "day")
    assert draft.countries == expected["countries"]
    assert (draft.place, draft.host_country) == (expected["place"], "MA")
    assert {m.slug: (m.country, m.role) for m in draft.ministers} == expected["people"]
    assert expected["topics"] <= set(draft.topics)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "The article is empty"),
        ("   \n\t ", "The article is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20, "binary file"),
        ("x" * 2_000_001, "an article is at most"),
        ("<html><body><nav>Menu</nav><div></div></body></html>", "No article text was found"),
        ("Bonjour.", "too little text"),
        ("\x01\x02\x03" * 200 + "abc", "does not look like text"),
    ],
)
def test_unusable_input_gets_a_clear_message(content, message):
    with pytest.raises(ExtractionError, match=message):
        read_article(content)


def test_an_article_about_no_meeting_says_so(gazetteer):
    text = "ترأس وزير الداخلية اليوم بالرباط اجتماعا للولاة والعمال خصص لتتبع تنزيل الجهوية المتقدمة وتحسين الخدمات العمومية بمختلف جهات المملكة."
    draft = draft_of(text, gazetteer, outlet="Hespress")
    assert draft.countries == []
    assert any("No bilateral meeting found" in warning for warning in draft.warnings)


def test_a_long_article_is_handled(gazetteer):
    paragraph = (
        MEETING.format(date="12 ماي 2023")
        + " "
        + "وتم التأكيد على أهمية الشراكة الاستراتيجية بين البلدين في مختلف المجالات. " * 20
    )
    draft = draft_of(paragraph * 20, gazetteer)
    assert draft.countries == ["ES", "MA"]


def test_the_command_prints_the_documented_json(settings, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(
        "أجرى عبد الوافي لفتيت، وزير الداخلية، اليوم الثلاثاء بالرباط، مباحثات مع نظيره الإيطالي ماتيو بيانتيدوزي حول الهجرة ومكافحة الإرهاب.",
        encoding="utf-8",
    )
    output = io.StringIO()
    call_command("extract_meeting", str(article), "--published", "2024-06-11", stdout=output)
    data = json.loads(output.getvalue())
    assert {
        key: data[key]
        for key in ("language", "date", "date_precision", "countries", "host_country", "place")
    } == {
        "language": "ar",
        "date": "2024-06-11",
        "date_precision": "day",
        "countries": ["IT", "MA"],
        "host_country": "MA",
        "place": "Rabat",
    }
    ministers = {m["name"]: m for m in data["ministers"]}
    assert ministers["عبد الوافي لفتيت"]["country"] == "MA"
    assert ministers["عبد الوافي لفتيت"]["known"] is True
    assert isinstance(ministers["عبد الوافي لفتيت"]["id"], int)
    assert {"migration", "counter-terrorism"} <= set(data["topics"])
    assert set(data["evidence"]) >= {"date", "countries", "place", "topics"}
    span = data["evidence"]["place"][0]
    assert article.read_text(encoding="utf-8")[span["start"] : span["end"]] == "بالرباط"


def test_the_command_refuses_bad_input_with_a_message(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(CommandError, match="empty"):
        call_command("extract_meeting", str(empty))
    with pytest.raises(CommandError, match="No such file"):
        call_command("extract_meeting", str(tmp_path / "missing.txt"))
    with pytest.raises(CommandError, match="not a date"):
        call_command("extract_meeting", str(empty), "--published", "2024-02-30")


def test_a_phone_call_is_not_a_meeting(gazetteer):
    text = "أجرى وزير الخارجية ناصر بوريطة، اليوم الخميس، اتصالا هاتفيا مع نظيره الإسباني خوسيه مانويل ألباريس، تناول العلاقات الثنائية."
    draft = draft_of(text, gazetteer, outlet="Hespress")
    assert draft.countries == []
    assert "This reports a phone call, not a meeting." in draft.warnings


def test_last_week_gives_no_day_rather_than_a_guess(gazetteer):
    text = "Italy's interior minister Matteo Piantedosi met his Tunisian counterpart Khaled Nouri in Rome last week to discuss migration."
    draft = draft_of(text, gazetteer)
    assert draft.countries == ["IT", "TN"]
    assert draft.date is None
    assert draft.evidence["date"][0].text == "last week"
