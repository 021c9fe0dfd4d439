"""Score drafts against hand-written expectations: per-field precision and recall.

A field's precision is right answers over answers given; its recall, right
answers over answers expected. Sets (countries, topics, ministers) count
each element. People match when their names share their last word after
normalisation (the article may write a name in full or in short).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from meetings.text import normalize

FIELDS = (
    "language",
    "countries",
    "date",
    "host_country",
    "place",
    "ministers",
    "minister countries",
    "topics",
)


@dataclass
class Tally:
    given: int = 0
    expected: int = 0
    right: int = 0

    @property
    def precision(self) -> float | None:
        return self.right / self.given if self.given else None

    @property
    def recall(self) -> float | None:
        return self.right / self.expected if self.expected else None

    def add(self, given: int, expected: int, right: int) -> None:
        self.given += given
        self.expected += expected
        self.right += right


@dataclass
class Report:
    tallies: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    articles: int = 0
    meetings: int = 0
    countries_and_date_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, case_id: str, predicted: dict, expected: dict) -> None:
        self.articles += 1
        misses = []
        for name in ("language", "host_country", "place"):
            self.score_value(name, predicted.get(name), expected.get(name), misses)
        date = (predicted.get("date"), predicted.get("date_precision"))
        wanted = (expected.get("date"), expected.get("date_precision"))
        self.score_value("date", date if date[0] else None, wanted if wanted[0] else None, misses)
        self.score_set("countries", set(predicted["countries"]), set(expected["countries"]), misses)
        self.score_set("topics", set(predicted["topics"]), set(expected["topics"]), misses)
        self.score_people(predicted["ministers"], expected["ministers"], misses)
        if len(expected["countries"]) == 2:
            self.meetings += 1
            if sorted(predicted["countries"]) == expected["countries"] and date == wanted:
                self.countries_and_date_right += 1
        if misses:
            self.misses.append(f"{case_id}: " + "; ".join(misses))

    def score_value(self, name, given, expected, misses) -> None:
        right = given is not None and given == expected
        self.tallies[name].add(int(given is not None), int(expected is not None), int(right))
        if given != expected:
            misses.append(f"{name} {given!r} (expected {expected!r})")

    def score_set(self, name, given: set, expected: set, misses) -> None:
        self.tallies[name].add(len(given), len(expected), len(given & expected))
        if given != expected:
            misses.append(f"{name} +{sorted(given - expected)} -{sorted(expected - given)}")

    def score_people(self, given: list[dict], expected: list[dict], misses) -> None:
        unmatched = list(expected)
        right_names = right_countries = 0
        for person in given:
            partner = next((e for e in unmatched if same_person(person["name"], e["name"])), None)
            if partner is None:
                misses.append(f"extra person {person['name']!r}")
                continue
            unmatched.remove(partner)
            right_names += 1
            if person.get("country") == partner["country"]:
                right_countries += 1
            else:
                misses.append(f"{partner['name']!r} country {person.get('country')!r}")
        misses.extend(f"missed person {e['name']!r}" for e in unmatched)
        self.tallies["ministers"].add(len(given), len(expected), right_names)
        self.tallies["minister countries"].add(len(given), len(expected), right_countries)

    def table(self) -> str:
        lines = [
            f"{'field':<20} {'precision':>9} {'recall':>7}   right/given/expected",
            "-" * 62,
        ]
        for name in FIELDS:
            tally = self.tallies[name]
            lines.append(
                f"{name:<20} {percent(tally.precision):>9} {percent(tally.recall):>7}   "
                f"{tally.right}/{tally.given}/{tally.expected}"
            )
        lines.append("-" * 62)
        share = self.countries_and_date_right / max(self.meetings, 1)
        lines.append(
            f"countries and date both right: {self.countries_and_date_right} of "
            f"{self.meetings} meetings ({percent(share)})"
        )
        return "\n".join(lines)


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def same_person(first: str, second: str) -> bool:
    a, b = normalize(first).split(), normalize(second).split()
    return bool(a and b) and (a[-1] == b[-1] or a[-1] in b or b[-1] in a)
