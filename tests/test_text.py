"""The normaliser shared by search and extraction."""

from meetings.text import normalize, script_of


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
