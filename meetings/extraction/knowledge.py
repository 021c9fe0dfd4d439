"""What the extractor knows besides the archive: news agencies, official titles, venues.

The lists are data, in meetings/extraction/data/*.json (each file says what it
holds and why); this module only reads them into phrase matchers and applies
the one rule each needs.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from meetings.extraction.document import Document, Match, PhraseMatcher
from meetings.text import normalize

DATA = Path(__file__).resolve().parent / "data"
AGENCY_WORDS = {"agence", "agency", "وكالة", "l'agence", "l", "news", "press"}
ARABIC_LETTERS = re.compile(r"[\u0600-\u06ff]")


def load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Agency:
    name: str
    country: str | None  # None: an international agency, which implies no side
    word: bool = False  # a common word the agency signs with ("وطنية"): as an abbreviation

    @property
    def is_short(self) -> bool:
        """An abbreviation: it counts only where it is evidently an agency's name."""
        if self.word:
            return True
        letters = self.name.replace(" ", "")
        if ARABIC_LETTERS.search(letters):
            return len(letters) <= 4
        return self.name.isupper() and len(letters) <= 5


@functools.cache
def agency_names() -> PhraseMatcher:
    matcher = PhraseMatcher()
    for entry in load("agencies.json")["agencies"]:
        for name in entry["names"]:
            matcher.add(name, Agency(name, entry["country"]))
        for name in entry.get("words", ()):
            matcher.add(name, Agency(name, entry["country"], word=True))
    return matcher


@functools.cache
def official_titles() -> PhraseMatcher:
    matcher = PhraseMatcher()
    for entry in load("official_titles.json")["titles"]:
        for title in entry["titles"]:
            matcher.add(title, entry["country"])
    return matcher


@functools.cache
def venues() -> PhraseMatcher:
    matcher = PhraseMatcher()
    for entry in load("venues.json")["venues"]:
        for name in entry["names"]:
            matcher.add(name, entry["city"])
    return matcher


@functools.cache
def shared_demonyms() -> dict[str, list[str]]:
    return load("shared_demonyms.json")["shared"]


@functools.cache
def capitalised_country_names() -> dict[str, str]:
    return load("capitalised_country_names.json")["names"]


def capitalised_countries(document: Document) -> list[Match]:
    """ "US" and "EAU" written in capitals: the countries, not the words "us" and "eau"."""
    names = capitalised_country_names()
    wanted = {name.lower() for name in names}
    return [
        Match(index, index + 1, names[written])
        for index, token in enumerate(document.tokens)
        if token.text in wanted and (written := document.original(index, index + 1)) in names
    ]


def credited_agencies(document: Document) -> list[Match]:
    """The agencies the article credits, first one first ("الرياض (واس) -", "selon l'APS").

    An abbreviation counts in parentheses ("(MAP)") or slashes ("/قنا/"), after the word
    agency, before "learned" or "reported" ("APS learned"), or as the wire's last word
    ("--SPA"); a Latin one only in capitals ("TAP", not "tap"); full names count anywhere.
    An abbreviation two agencies share (APS) gives a match for each.
    """
    found = []
    longest = {(match.start, match.end) for match in agency_names().find(document)}
    for match in agency_names().find_all(document):
        if (match.start, match.end) not in longest:
            continue
        agency: Agency = match.payload
        if agency.is_short and not credited_by_abbreviation(document, match):
            continue
        found.append(match)
    return found


def credited_by_abbreviation(document: Document, match: Match) -> bool:
    written = document.original(match.start, match.end)
    if not ARABIC_LETTERS.search(written) and written != written.upper():
        return False
    start, end = document.original_span(match.start, match.end)
    before = document.text[max(start - 3, 0) : start]
    after = document.text[end : end + 3]
    previous = document.tokens[match.start - 1].text if match.start else ""
    following = document.tokens[match.end].text if match.end < len(document.tokens) else ""
    enclosed = ("(" in before and ")" in after) or ("/" in before and "/" in after)
    signed = match.end == len(document.tokens) and any(mark in before for mark in "-–—")
    # The dateline's credit before its dash: "رام الله 20-2-2026 وفا- ...".
    dateline = match.start < 12 and after.lstrip()[:1] in {"-", "–", "—"}
    # Or after it, ending the dateline's line: "Baghdad-INA", "المدينة 8 أبريل 2026 م واس"
    # above the text.
    line_ends = after.lstrip(" ")[:1] == "\n" and "\n" not in document.text[:start]
    dateline = dateline or (
        match.start < 16
        and (
            line_ends
            or (
                before.rstrip()[-1:] in {"-", "–", "—", "/"}
                and (not after.strip(" ") or after.lstrip(" ")[:1] in {":", "-", "–", "—"})
            )
        )
    )
    if match.payload.word:  # "وكالة وطنية" is "a national agency": only where a dateline is
        return enclosed or dateline
    return (
        enclosed
        or signed
        or dateline
        or previous in AGENCY_WORDS
        or following in {"learned", "learnt", "reported", "reports"}
    )


def agency_named(name: str) -> list[Agency]:
    """The agencies an outlet's whole name is ("SPA", "Agence Tunis Afrique Presse")."""
    document = Document.from_text(name)
    return [
        match.payload
        for match in agency_names().find_all(document)
        if match.start == 0 and match.end == len(document.tokens)
    ]


@functools.cache
def international_agency_names() -> frozenset[str]:
    return frozenset(
        normalize(name)
        for entry in load("agencies.json")["agencies"]
        if entry["country"] is None
        for name in entry["names"]
    )


def is_international_agency(*names: str) -> bool:
    """True when one of the names is an international agency's (the Outlet's names)."""
    return any(normalize(name) in international_agency_names() for name in names if name)
