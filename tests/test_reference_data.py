"""The reference data every install starts with, and how it is loaded."""

import io

import pytest
from django.core.management import call_command

from meetings.models import City, Country, Meeting, Minister, Participation, Source, Topic
from meetings.text import normalize

pytestmark = pytest.mark.django_db

# Countries most present in Moroccan and European diplomacy: each needs demonyms.
MAIN_COUNTRIES = [
    *("MA", "DZ", "TN", "LY", "EG", "MR", "SN", "ML", "NE", "NG", "CI", "GA", "CM", "BF"),
    *("TD", "SA", "AE", "QA", "KW", "BH", "OM", "JO", "IQ", "SY", "LB", "PS", "YE", "SD"),
    *("BE", "FR", "ES", "IT", "DE", "NL", "PT", "LU", "AT", "IE", "DK", "SE", "FI", "PL"),
    *("CZ", "SK", "HU", "RO", "BG", "HR", "SI", "GR", "CY", "MT", "EE", "LV", "LT", "GB"),
    *("NO", "CH", "US", "CA", "RU", "UA", "TR", "CN", "JP", "KR", "IN", "BR", "IL", "IR"),
]


def test_every_iso_country_is_named_in_three_languages():
    assert Country.objects.count() == 249
    morocco = Country.objects.get(code="MA")
    assert (morocco.name_en, morocco.name_fr, morocco.name_ar) == ("Morocco", "Maroc", "المغرب")
    assert not Country.objects.filter(name_ar="").exists()
    assert not Country.objects.filter(name_fr="").exists()


def test_main_countries_have_demonyms_in_three_languages():
    for country in Country.objects.filter(code__in=MAIN_COUNTRIES):
        arabic = [d for d in country.demonyms if "\u0600" <= d[0] <= "\u06ff"]
        latin = [d for d in country.demonyms if d not in arabic]
        assert len(arabic) >= 4, country.code
        assert len(latin) >= 2, country.code
    assert Country.objects.filter(code__in=MAIN_COUNTRIES).count() == len(MAIN_COUNTRIES)


@pytest.mark.parametrize(
    ("code", "forms"),
    [
        ("BE", ["بلجيكي", "بلجيكية", "البلجيكي", "البلجيكية", "belge", "Belgian"]),
        ("IT", ["إيطالي", "الإيطالية", "italien", "italienne", "Italian"]),
        ("US", ["الأمريكي", "أمريكية", "américain", "American"]),
        ("GB", ["البريطاني", "britannique", "British"]),
        ("AT", ["النمساوي", "autrichien", "Austrian"]),
    ],
)
def test_demonyms_with_and_without_the_article_and_in_the_feminine(code, forms):
    demonyms = {normalize(d) for d in Country.objects.get(code=code).demonyms}
    for form in forms:
        assert normalize(form) in demonyms, form


def test_no_demonym_or_alias_points_to_two_countries():
    seen = {}
    for country in Country.objects.all():
        for word in {normalize(w) for w in country.demonyms + country.aliases}:
            assert seen.setdefault(word, country.code) == country.code, word


def test_the_topic_taxonomy_has_two_levels_and_keywords_in_three_languages():
    assert Topic.objects.count() >= 20
    assert Topic.objects.top_level().count() >= 5
    assert not Topic.objects.filter(parent__parent__isnull=False).exists()
    for slug in (
        "security",
        "counter-terrorism",
        "migration",
        "border-control",
        "organised-crime",
        "diaspora",
        "civil-protection",
        "trade",
        "energy",
    ):
        topic = Topic.objects.get(slug=slug)
        assert topic.keywords_ar and topic.keywords_fr and topic.keywords_en, slug
    assert Topic.objects.get(slug="counter-terrorism").parent.slug == "security"
    assert Topic.objects.get(slug="border-control").parent.slug == "migration"


def test_capitals_are_known_with_their_arabic_names():
    rabat = City.objects.get(slug="rabat")
    assert (rabat.country_id, rabat.name_ar, rabat.is_capital) == ("MA", "الرباط", True)
    assert City.objects.filter(is_capital=True).count() >= 60


def test_the_seed_meetings_have_the_facts_of_their_articles(seed_meetings):
    belgium, italy = seed_meetings
    assert (belgium.date.isoformat(), belgium.city.slug, belgium.status) == (
        "2024-04-15",
        "rabat",
        "published",
    )
    people = {p.minister.slug: (p.country_id, p.role) for p in belgium.participations.all()}
    assert people == {
        "abdelouafi-laftit": ("MA", "lead"),
        "annelies-verlinden": ("BE", "lead"),
        "nicole-de-moor": ("BE", "accompanying"),
    }
    assert {"migration", "counter-terrorism", "diaspora"} <= set(
        belgium.topics.values_list("slug", flat=True)
    )
    assert belgium.sources.get().outlet.name == "Express TV"
    assert belgium.sources.get().author == "مصطفى الفيلالي"

    assert (italy.date.isoformat(), italy.city.slug) == ("2024-06-11", "rabat")
    people = {p.minister.slug: p.country_id for p in italy.participations.all()}
    assert people == {"abdelouafi-laftit": "MA", "matteo-piantedosi": "IT"}
    assert "permanent joint working group on migration" in italy.outcomes_en
    # Each participant's post on the day is the one their mandate gives.
    for participation in Participation.objects.filter(meeting__in=seed_meetings):
        assert participation.mandate is not None
        assert participation.mandate.covers(participation.meeting.date)


def test_seed_sources_keep_the_article_text_read_from_the_seeds_folder(settings, seed_meetings):
    if not (settings.SEEDS_DIR / "000_1e4a34d2bfc4e74e.txt").exists():
        pytest.skip(f"the seed articles are not in {settings.SEEDS_DIR}")
    source = seed_meetings[0].sources.get()
    assert "لفتيت" in source.text
    assert source.headline and source.headline in source.text


def test_loading_twice_adds_nothing_and_keeps_edits():
    verlinden = Minister.objects.get(slug="annelies-verlinden")
    verlinden.name_ar = "أنّيليس فرليندن"
    verlinden.save()
    counts = [
        Country.objects.count(),
        Topic.objects.count(),
        Meeting.objects.count(),
        Source.objects.count(),
    ]
    output = io.StringIO()
    call_command("load_reference_data", stdout=output)
    assert [
        Country.objects.count(),
        Topic.objects.count(),
        Meeting.objects.count(),
        Source.objects.count(),
    ] == counts
    assert "seed_meetings.json: 0 added, 2 already present" in output.getvalue()
    verlinden.refresh_from_db()
    assert verlinden.name_ar == "أنّيليس فرليندن"


def test_update_restores_reference_rows_from_the_fixtures():
    Country.objects.filter(code="MA").update(name_en="Renamed")
    call_command("load_reference_data", "--update", "--no-seeds", stdout=io.StringIO())
    assert Country.objects.get(code="MA").name_en == "Morocco"
