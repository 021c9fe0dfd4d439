"""Text normalisation shared by search and article extraction.

One definition, ``normalize_chars`` plus two context rules, is applied to
documents before they are indexed, to queries before they are searched, and
to articles before entities are matched, so that all sides agree:

* Arabic: diacritics (U+064B–U+0655, U+0670) and tatweel (U+0640) removed;
  أ إ آ ٱ mapped to ا, ى to ي; the prefix و+ال split off (PostgreSQL's arabic
  stemmer leaves والهجرة as والهجر but handles الهجرة).
* Latin: case-folded and stripped of accents (PostgreSQL's ``unaccent`` is not
  in the embedded build); typographic apostrophes made plain.
* Whitespace collapsed; characters PostgreSQL cannot store (NUL) dropped.

``normalize`` works on whole strings (fast, for indexing); ``normalize_with_offsets``
also says where each output character comes from in the input, so that the
extractor can point at the words of the article a suggestion came from. A test
checks that the two always agree.

Search goes one step further (``normalize_for_search``, whose SQL twin is
``meetings_normalize``; docs/decisions/0024): it also folds the spellings readers
mix up, which the extractor, tuned on the plain form, does not need:

* Persian and Urdu letters written in names (پ چ ژ گ ک ی, and ڭ ݣ ڤ ھ) to their
  Arabic counterparts, and the hamza on its seats ؤ ئ to ء (مسؤول, مسئول);
* a word-final ه to ة (الداخليه, الهجره), whichever the writer used: PostgreSQL's
  Arabic stemmer treats ة as a suffix, so both forms then stem alike;
* compound names in one form: عبدالوافي split as عبد الوافي, and the Latin
  Abd el / Abdel / Abdul / Abdal joined as one word "abdel…"; a lone Abu as Abou;
* French elision dropped (l'intérieur, d'Italie: the word alone).
"""

import functools
import re
import unicodedata

import regex

# U+0653-U+0655 (madda, hamza above and below) too: left after a letter they do not compose
# with (ٱٓ), the NFC at the end would join them to the ا that ٱ becomes, as آ, which a second
# pass maps to ا: normalising twice must change nothing (tests/test_text.py).
ARABIC_DIACRITICS = re.compile("[\u064b-\u0655\u0670\u0640]")
LATIN_ACCENTS = re.compile("[\u0300-\u036f]")
# Replaced one by one with str.replace, which is much faster than str.translate.
CHARACTER_MAP = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("’", "'"), ("ʼ", "'"))
# و glued to the article ال at the start of a word: والهجرة -> و الهجرة.
WAW_AL = re.compile(r"(?<!\w)و(?=ال\w)")
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
WHITESPACE = re.compile(r"\s+")
GRAPHEME = regex.compile(r"\X")
WORD = re.compile(r"\w+")


def strip_latin_accents(text: str) -> str:
    """Remove the accents of Latin letters (the combining marks U+0300–U+036F).

    Arabic marks are other characters and stay; the rule looks at no neighbour,
    so it gives the same result on a whole text as on each of its letters.
    """
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", LATIN_ACCENTS.sub("", decomposed))


def normalize_chars(text: str) -> str:
    """The character-level part of the normalisation (no context rules)."""
    text = text.replace("\x00", " ")
    # NFKC first: Arabic presentation forms (ﻻ, ﺍ...) become plain letters.
    text = unicodedata.normalize("NFKC", text)
    text = ARABIC_DIACRITICS.sub("", text)
    for character, replacement in CHARACTER_MAP:
        text = text.replace(character, replacement)
    return strip_latin_accents(text).casefold()


# An article has a few hundred distinct graphemes among tens of thousands.
normalized_grapheme = functools.lru_cache(maxsize=4096)(normalize_chars)


def normalize(text: str) -> str:
    """Return ``text`` in the form used for indexing, querying and matching."""
    if not text:
        return ""
    text = WAW_AL.sub("و ", normalize_chars(text))
    return WHITESPACE.sub(" ", text).strip()


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """``normalize(text)``, and for each of its characters the index in ``text`` it comes from.

    Each grapheme cluster (a letter with its diacritics) is normalised on its
    own and its output characters point at the cluster's first character.
    """
    chars: list[str] = []
    origins: list[int] = []
    for match in GRAPHEME.finditer(text):
        for char in normalized_grapheme(match.group()):
            chars.append(char)
            origins.append(match.start())
    # Context rule 1: split و from a following ال (the space points at the و).
    joined = "".join(chars)
    for match in reversed(list(WAW_AL.finditer(joined))):
        chars.insert(match.end(), " ")
        origins.insert(match.end(), origins[match.start()])
    # Context rule 2: collapse whitespace runs to one space, trim the ends.
    out_chars: list[str] = []
    out_origins: list[int] = []
    for char, origin in zip(chars, origins, strict=True):
        if char.isspace():
            if out_chars and out_chars[-1] != " ":
                out_chars.append(" ")
                out_origins.append(origin)
            continue
        out_chars.append(char)
        out_origins.append(origin)
    if out_chars and out_chars[-1] == " ":
        out_chars.pop()
        out_origins.pop()
    return "".join(out_chars), out_origins


def script_of(text: str) -> str:
    """Return "ar" when Arabic letters dominate ``text``, "latin" otherwise."""
    arabic = len(ARABIC_LETTER.findall(text))
    latin = len(LATIN_LETTER.findall(text))
    return "ar" if arabic > latin else "latin"


def words(normalized: str) -> list[str]:
    """The word tokens of normalised text (apostrophes and hyphens separate words)."""
    return WORD.findall(normalized)


# -- search's own rules (docs/decisions/0024), applied after ``normalize`` ---------------
SEARCH_CHARACTERS = str.maketrans("پچژگکیڭݣڤھؤئ", "بجزككيككفهءء")
# What the rules count as part of a word, written out: Python's \w and PostgreSQL's
# [[:alnum:]_] (from the database's locale) disagree on combining marks such as U+0653
# (migration 0041). Digits, Latin, Greek, Cyrillic and Arabic letters and marks.
WORD_CHARACTERS = (
    r"0-9A-Za-z_\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0370-\u03FF"
    r"\u0400-\u04FF\u0610-\u061A\u0620-\u065F\u0660-\u0669\u066E-\u06D3\u06D5-\u06DC"
    r"\u06DF-\u06E8\u06EA-\u06FF\u0750-\u077F\u08A0-\u08FF"
)
W = f"[{WORD_CHARACTERS}]"
# Each rule is (pattern, replacement); meetings_normalize applies the same ones, in this
# order, with the same patterns and the same class of word characters.
SEARCH_RULES = (
    # A word-final ه is written for ة: الداخليه, الهجره.
    (re.compile(rf"(?<={W})ه(?!{W})"), "ة"),
    # عبدالوافي, عبدالله: the compound split as most write it (عبد الوافي).
    (re.compile(rf"(?<!{W})عبد(?=ال{W})"), "عبد "),
    # French elision: l'intérieur, d'Italie, qu'il.
    (re.compile(rf"(?<!{W})(?:jusqu|lorsqu|puisqu|qu|[cdjlmnst])'(?={W})"), ""),
    # Abd el Ouafi, Abdel Ouafi, Abdul Wafi, Abd al-Aziz, Abdallah: "abdel" joined.
    (re.compile(rf"(?<!{W})abd(?:[ -]?(?:el|al|ul|oul|il)[ -]?|[ -])(?=[a-z])"), "abdel"),
    # Abu Bakr, Abou Bakr.
    (re.compile(rf"(?<!{W})abu(?!{W})"), "abou"),
)


def normalize_for_search(text: str) -> str:
    """``normalize`` and search's own rules: the form of every indexed text and every
    query (meetings_normalize is the same function in SQL; a test keeps them equal)."""
    text = normalize(text).translate(SEARCH_CHARACTERS)
    for pattern, replacement in SEARCH_RULES:
        text = pattern.sub(replacement, text)
    return text
