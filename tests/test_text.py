"""The normaliser shared by search and extraction."""

import importlib

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from meetings.text import (
    WORD_CHARACTERS,
    normalize,
    normalize_for_search,
    normalize_with_offsets,
    script_of,
)


def test_arabic_diacritics_and_tatweel_are_removed():
    assert normalize("الهِجْرَةُ") == "الهجرة"
    assert normalize("الـهـجـرة") == "الهجرة"


def test_alef_forms_and_alef_maqsura_are_unified():
    assert normalize("أإآٱ") == "اااا"
    assert normalize("مستوى") == "مستوي"


def test_waw_is_split_from_the_article():
    assert normalize("والهجرة") == "و الهجرة"
    # Only at the start of a word, and only before the article.
    assert normalize("الوالي") == "الوالي"
    assert normalize("وزير") == "وزير"


def test_latin_text_is_casefolded_and_stripped_of_accents():
    assert normalize("Sécurité  INTÉRIEURE") == "securite interieure"
    assert normalize("Côte d’Ivoire") == "cote d'ivoire"


def test_nul_characters_and_empty_input_are_harmless():
    assert normalize("a\x00b") == "a b"
    assert normalize("") == ""


def test_script_is_detected_from_the_letters():
    assert script_of("وزير الداخلية عبد الوافي لفتيت") == "ar"
    assert script_of("Le ministre de l'Intérieur") == "latin"


ARABIC_AND_LATIN = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0x0020, max_codepoint=0x024F),
        st.sampled_from(["\u200f", "\u00a0", "\t", "\n", "’", "ﻻ", "ﺍ", "\u0301", "\u0653"]),
    ),
    max_size=60,
)


@given(ARABIC_AND_LATIN)
def test_normalising_with_offsets_gives_the_same_text(text):
    normalized, origins = normalize_with_offsets(text)
    assert normalized == normalize(text)
    assert len(origins) == len(normalized)
    assert origins == sorted(origins)
    assert all(0 <= origin < len(text) for origin in origins)


@given(st.text(max_size=40))
def test_normalising_any_unicode_with_offsets_gives_the_same_text(text):
    assert normalize_with_offsets(text)[0] == normalize(text)


def test_offsets_point_at_the_original_words():
    text = "أجرى عبدُ الوافي لفتيت، اليوم الثلاثاء بالرباط، مباحثات والهجرة"
    normalized, origins = normalize_with_offsets(text)
    start = normalized.index("بالرباط")
    end = start + len("بالرباط")
    assert text[origins[start] : origins[end - 1] + 1] == "بالرباط"
    start = normalized.index("الهجرة")
    assert text[origins[start] :].startswith("الهجرة")


def sql_normalize(texts: list[str], function="meetings_normalize_characters") -> list[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {function}(t) FROM unnest(%s::text[]) AS t", [texts])  # noqa: S608
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.django_db
def test_the_database_normalises_exactly_as_python_does():
    """Search documents and queries are normalised by PostgreSQL (meetings_normalize); the
    extractor by meetings.text.normalize: on every name of the reference data and every
    evaluation article, both must give the same text."""
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    texts = [
        "والهجرة وزير الداخلية، بالرباط", "ÉNERGIE l’Été", "Straße ΣΊΣΥΦΟΣ Łódź", "ﻻ ﺍلـمـغـرب",
        "أإآٱى", "  many   spaces\n\tand tabs ", "İstanbul", "Œuvre ﬁnale", "وال", "و الهجرة",
        "1وال2", "_والهجرة", "a\u200fb", "naïve café à Québec", "الهجره ه هه ـه", "عبدالله عبدال",
        "Abd el Ouafi, abdel-ouafi, ABDUL Wafi, abdallah, abd-", "l’Intérieur d'Italie qu'il l'",
        "Abu Dhabi abuse", "پيانتيدوزي ڤالس گ ک ی ڭ ݣ ھ مسؤول رئيس",
    ]  # fmt: skip

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    for fixture in (root / "fixtures").glob("*.json"):
        texts += list(strings(json.loads(fixture.read_text())))
    for article in sorted((root / "eval").rglob("*.json"))[:60]:
        data = json.loads(article.read_text())
        if isinstance(data, dict):  # an article (eval/before/search.json is a list)
            texts.append(data.get("text", ""))
            texts += list(strings(data.get("concepts", {})))
    texts = [text.replace("\x00", "") for text in texts]
    assert len(texts) > 1000
    for python_function, sql_function in (
        (normalize, "meetings_normalize_characters"),
        (normalize_for_search, "meetings_normalize"),
    ):
        expected = [python_function(text) for text in texts]
        differing = [
            (text[:60], python[:60], sql[:60])
            for text, python, sql in zip(
                texts, expected, sql_normalize(texts, sql_function), strict=True
            )
            if python != sql
        ]
        assert differing == [], sql_function


# Letters, digits and punctuation of the two scripts, the search rules' own characters.
SEARCH_TEXT = st.lists(
    st.one_of(
        st.characters(min_codepoint=0x0620, max_codepoint=0x06D3),
        st.characters(min_codepoint=0x0020, max_codepoint=0x007E),
        st.characters(min_codepoint=0x00C0, max_codepoint=0x017F),
        st.sampled_from(
            ["ه", "ة", "عبد", "ال", "abd", "el ", "ul", "-", "'", "’", "abu", " ", "ـ"]
        ),
    ),
    max_size=30,
).map("".join)


@pytest.mark.django_db
@settings(max_examples=300, deadline=None)
@given(SEARCH_TEXT)
def test_the_database_normalises_any_text_for_search_as_python_does(text):
    text = text.replace("\x00", "")
    assert sql_normalize([text], "meetings_normalize") == [normalize_for_search(text)]


# Characters next to ه, عبد, an elision or abu that PostgreSQL's locale and Python's \w
# classed differently before migration 0041: Arabic combining marks (U+0653 maddah,
# U+0654 hamza above), marks of other scripts, letters of scripts the rules do not name.
NEIGHBOURS = ["\u0653", "\u0654", "\u0655", "\u0616", "\u065f", "\u0301", "\u05b0", "\u0900",
              "中", "ж", "٣", "_"]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("neighbour", NEIGHBOURS)
def test_the_database_finds_word_boundaries_as_python_does(neighbour):
    texts = [
        f"به{neighbour}", f"ب{neighbour}ه", f"الهجره{neighbour} وزير", f"عبد{neighbour}الله",
        f"{neighbour}عبدالله", f"abu{neighbour}", f"{neighbour}abu", f"l'{neighbour}etat",
    ]  # fmt: skip
    assert sql_normalize(texts, "meetings_normalize") == [normalize_for_search(t) for t in texts]


def test_the_migration_writes_the_word_characters_python_uses():
    migration = importlib.import_module("meetings.migrations.0041_word_characters")
    assert f"[{WORD_CHARACTERS}]" == migration.W


# A madda or hamza left after a letter it does not compose with, next to one ٱ or ى become
# (migration 0042: the NFC at the end joined them as آ, which a second pass mapped to ا).
LONE_MARKS = ["\u0671\u0653", "\u0671\u0654", "\u0671\u0655", "\u0649\u0654", "\u0643\u0654",
              "\u0627\u0653", "\u0622", "\u0623\u0653"]  # fmt: skip


@given(SEARCH_TEXT)
@example(LONE_MARKS[0])
@example(LONE_MARKS[3])
def test_normalising_for_search_twice_changes_nothing(text):
    """Terms are normalised in Python, then again by meetings_search_query."""
    once = normalize_for_search(text)
    assert normalize_for_search(once) == once


@pytest.mark.parametrize(
    ("variants", "expected"),
    [
        (["الهجره", "الهجرة"], "الهجرة"),
        (["وزير الداخليه", "وزير الداخلية"], "وزير الداخلية"),
        (["عبدالوافي لفتيت", "عبد الوافي لفتيت", "عبدُ الوافي لفتيت"], "عبد الوافي لفتيت"),
        (["أبو ظبي", "ابو ظبي", "أبـو ظبي"], "ابو ظبي"),
        (["پيانتيدوزي", "بيانتيدوزي"], "بيانتيدوزي"),
        (["گ ک ی چ ژ", "ك ك ي ج ز"], "ك ك ي ج ز"),
        (["مسؤول", "مسئول", "مسءول"], "مسءول"),
        (["ـالـهـجـرة"], "الهجرة"),
        (
            [
                "Abdelouafi Laftit",
                "Abdel Ouafi Laftit",
                "Abd el Ouafi Laftit",
                "Abd-el-Ouafi LAFTIT",
            ],
            "abdelouafi laftit",
        ),
        (["Abdul Wafi", "Abdel Wafi", "Abd al-Wafi", "abdelwafi"], "abdelwafi"),
        (["Abu Bakr", "Abou Bakr"], "abou bakr"),
        (["l’Intérieur", "l'interieur", "Intérieur", "INTERIEUR"], "interieur"),
        (["d'Italie", "D’ITALIE", "italie"], "italie"),
    ],
)
def test_search_folds_the_spellings_readers_mix(variants, expected):
    assert {normalize_for_search(variant) for variant in variants} == {expected}


@pytest.mark.django_db
def test_the_database_removes_lone_marks_as_python_does():
    assert sql_normalize(LONE_MARKS) == [normalize(text) for text in LONE_MARKS]
    assert sql_normalize(LONE_MARKS, "meetings_normalize") == [
        normalize_for_search(text) for text in LONE_MARKS
    ]
    assert all(normalize(normalize(text)) == normalize(text) for text in LONE_MARKS)
