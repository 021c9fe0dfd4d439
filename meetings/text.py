"""Text normalisation shared by search and article extraction.

One function, ``normalize``, is applied to documents before they are indexed
and to queries before they are searched, so that both sides agree:

* Arabic: diacritics (U+064B–U+0652, U+0670) and tatweel (U+0640) removed;
  أ إ آ ٱ mapped to ا, ى to ي; the prefix و+ال split off (PostgreSQL's arabic
  stemmer leaves والهجرة as والهجر but handles الهجرة).
* Latin: case-folded and stripped of accents (PostgreSQL's ``unaccent`` is not
  in the embedded build).
* Whitespace collapsed; characters PostgreSQL cannot store (NUL) dropped.
"""

import re
import unicodedata

ARABIC_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
ALEF_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})
# و glued to the article ال at the start of a word: والهجرة -> و الهجرة.
WAW_AL = re.compile(r"(?<![\w])وال(?=\w)")
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
WHITESPACE = re.compile(r"\s+")


def strip_latin_accents(text: str) -> str:
    """Remove combining accents from Latin letters, leaving Arabic letters intact."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = []
    for char in decomposed:
        if unicodedata.combining(char) and kept and kept[-1].isascii():
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def normalize(text: str) -> str:
    """Return ``text`` in the form used for indexing, querying and matching."""
    if not text:
        return ""
    text = text.replace("\x00", " ")
    # NFKC first: Arabic presentation forms (ﻻ, ﺍ...) become plain letters.
    text = unicodedata.normalize("NFKC", text)
    text = ARABIC_DIACRITICS.sub("", text)
    text = text.translate(ALEF_FORMS)
    text = WAW_AL.sub("و ال", text)
    text = strip_latin_accents(text).casefold()
    text = text.replace("’", "'").replace("ʼ", "'")
    return WHITESPACE.sub(" ", text).strip()


def script_of(text: str) -> str:
    """Return "ar" when Arabic letters dominate ``text``, "latin" otherwise."""
    arabic = len(ARABIC_LETTER.findall(text))
    latin = len(LATIN_LETTER.findall(text))
    return "ar" if arabic > latin else "latin"
