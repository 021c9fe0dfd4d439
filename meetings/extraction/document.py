"""An article's text as normalised word tokens, and phrase matching over them.

Matching works on whole words of normalised text, so "ليون" (Lyon) is not
found inside "مليون" and "sport" not inside "transport". Arabic words may
carry proclitics the phrase lists do not spell out: و ف (and), ب ل ك (in,
for, as), so "بالرباط", "ولفتيت" and "للجالية" (ل + الجالية) are found. The
word as written is always tried first: "وجدة" is Oujda before it is و + جدة.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from meetings.text import WORD, normalize, normalize_with_offsets

ARABIC_WORD = re.compile(r"^[\u0621-\u064a]+$")
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
MIN_STEM = 3


@functools.lru_cache(maxsize=65536)  # articles repeat their words; this runs for each
def word_forms(word: str) -> tuple[tuple[str, str], ...]:
    """The forms a word may be matched under, as (form, proclitics removed), as written first."""
    forms = [(word, "")]
    if not ARABIC_WORD.match(word):
        return tuple(forms)
    stems = [(word, "")]
    if word[0] in CONJUNCTIONS and len(word) - 1 >= MIN_STEM:
        stems.append((word[1:], word[0]))
    for stem, removed in list(stems):
        if stem[0] in PREPOSITIONS and len(stem) - 1 >= MIN_STEM:
            rest = stem[1:]
            stems.append((rest, removed + stem[0]))
            if stem[0] == "ل" and rest.startswith("ل"):
                # ل + ال is written لل: للجالية is ل + الجالية.
                stems.append(("ا" + rest, removed + "ل"))
    for stem, removed in stems[1:]:
        forms.append((stem, removed))
    return tuple(forms)


@dataclass(frozen=True)
class Token:
    text: str  # normalised
    start: int  # character span in the normalised text
    end: int


@dataclass
class Document:
    """Original text, its normalised form, and word tokens with their places in both."""

    text: str
    normalized: str
    origins: list[int]
    tokens: list[Token]

    @classmethod
    def from_text(cls, text: str) -> Document:
        normalized, origins = normalize_with_offsets(text)
        tokens = [Token(m.group(), m.start(), m.end()) for m in WORD.finditer(normalized)]
        return cls(text=text, normalized=normalized, origins=origins, tokens=tokens)

    def original_span(self, first_token: int, end_token: int) -> tuple[int, int]:
        """Character span in the original text covering tokens [first_token, end_token)."""
        start = self.origins[self.tokens[first_token].start]
        last = self.tokens[end_token - 1]
        end = self.origins[last.end - 1] + 1
        # Extend over the rest of the last character's grapheme (diacritics).
        while end < len(self.text) and (
            "\u064b" <= self.text[end] <= "\u0652" or self.text[end] in "\u0670\u0640"
        ):
            end += 1
        return start, end

    def original(self, first_token: int, end_token: int) -> str:
        start, end = self.original_span(first_token, end_token)
        return self.text[start:end]

    def words(self, first: int, end: int) -> list[str]:
        return [token.text for token in self.tokens[max(first, 0) : max(end, 0)]]

    def gap(self, left_end_token: int, right_token: int) -> str:
        """The normalised characters between two tokens (punctuation, spaces)."""
        if left_end_token <= 0 or right_token >= len(self.tokens):
            return ""
        return self.normalized[self.tokens[left_end_token - 1].end : self.tokens[right_token].start]


@dataclass(frozen=True)
class Match:
    """A phrase found in a document: tokens [start, end), and what the phrase stands for."""

    start: int
    end: int
    payload: Any
    proclitics: str = ""  # removed from the first word: "ب" for بالرباط

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class PhraseMatcher:
    """Finds any of many phrases (names, keywords) in a document, on whole words."""

    index: dict[str, list[tuple[tuple[str, ...], Any]]] = field(default_factory=dict)

    @classmethod
    def of(cls, phrases) -> PhraseMatcher:
        """A matcher of ``phrases``, each found with the payload True (word lists)."""
        matcher = cls()
        for phrase in phrases:
            matcher.add(phrase, True)
        return matcher

    def add(self, phrase: str, payload: Any) -> None:
        tokens = tuple(WORD.findall(normalize(phrase)))
        if tokens:
            entries = self.index.setdefault(tokens[0], [])
            if (tokens, payload) not in entries:
                entries.append((tokens, payload))

    def find_all(self, document: Document) -> list[Match]:
        """Every match, overlapping ones included."""
        found = []
        words = [token.text for token in document.tokens]
        for position, word in enumerate(words):
            for form, removed in word_forms(word):
                for tokens, payload in self.index.get(form, ()):
                    end = position + len(tokens)
                    if tuple(words[position + 1 : end]) == tokens[1:]:
                        found.append(Match(position, end, payload, removed))
                if found and found[-1].start == position and not removed:
                    break  # the word as written matched: do not also read it as prefixed
        return found

    def find(self, document: Document) -> list[Match]:
        """Matches that do not overlap, longer ones and unprefixed ones first."""
        chosen: list[Match] = []
        taken: set[int] = set()
        candidates = sorted(
            self.find_all(document), key=lambda m: (-m.length, len(m.proclitics), m.start)
        )
        for match in candidates:
            span = set(range(match.start, match.end))
            if span & taken:
                continue
            chosen.append(match)
            taken |= span
        return sorted(chosen, key=lambda m: m.start)
