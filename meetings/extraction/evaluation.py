"""Score drafts against hand-written expectations (see eval/corpus/README.md).

Two views of the same comparison:

* per field, precision and recall: right answers over answers given, and over
  answers expected; sets (countries, topics, ministers) count each element;
* per article, whether each field is right, grouped by the class of difficulty
  the article was written for (its ``covers`` labels, issue 17's classes), so
  that "before" (stored predictions of earlier code) and "after" can be set side
  by side.

People match when their names share their last word after normalisation (the
article may write a name in full or in short).
"""

from __future__ import annotations

import datetime
import inspect
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
# Per-article fields: is this article's answer right? Countries and the
# announcement flag count on every article; the others on articles that report
# a meeting (two countries expected), where they have an answer to get right.
ARTICLE_FIELDS = ("countries", "date", "place", "host", "ministers", "topics", "announcement")
# Issue 17's classes of misses. A case belongs to a class when one of its "covers"
# labels names it: "mojibake: ...", "class 2", or the class's name alone.
CLASSES = {
    "mojibake": ("mojibake", "encoding"),
    "implicit side": ("implicit side", "one side"),
    "country names": ("country names", "country name"),
    "relative dates": ("relative dates", "relative date", "dates"),
    "places": ("places", "place"),
    "people": ("people",),
}


def classes_of(case: dict) -> list[str]:
    """The classes a case was written for: its "classes" tags ("implicit-side", as in
    eval/heldout3, or the issue's numbers 1 to 6, as in eval/heldout4), or else its
    "covers" labels."""
    if case.get("classes"):
        names = list(CLASSES)
        return [
            names[int(tag) - 1] if str(tag).isdigit() else str(tag).replace("-", " ")
            for tag in case["classes"]
        ]
    labels = [label.strip().lower() for label in case.get("covers", [])]
    found = []
    for number, (name, words) in enumerate(CLASSES.items(), start=1):
        for label in labels:
            head = label.split(":", 1)[0].strip() if ":" in label else label
            if head in words or head == name or label.startswith(f"class {number}"):
                found.append(name)
                break
    return found


def case_input(case: dict) -> tuple[str | bytes, dict]:
    """What a case gives the extractor: its content (text or bytes) and the keyword arguments.

    ``input.encodings`` turns the text into bytes, as a page in that encoding would
    arrive: one codec for the whole text, or several taken in turn paragraph by
    paragraph (a page whose parts were saved in different encodings).
    ``input.charset`` is what the server declared for those bytes.
    """
    given = case["input"]
    content: str | bytes = case["text"]
    encodings = given.get("encodings")
    if encodings:
        paragraphs = case["text"].split("\n\n")
        content = b"\n\n".join(
            paragraph.encode(encodings[index % len(encodings)])
            for index, paragraph in enumerate(paragraphs)
        )
    published = given.get("published")
    options = {
        "published": published,
        "url": given.get("url") or "",
        "outlet": given.get("outlet") or "",
        "is_html": given.get("format") == "html",
        "charset": given.get("charset") or "",
    }
    return content, options


EMPTY = {"language": None, "date": None, "date_precision": None, "countries": [],
         "host_country": None, "place": None, "ministers": [], "topics": [],
         "announcement": False}  # fmt: skip


def predict(case: dict, gazetteer) -> dict:
    """The extractor's answer for one case, in the JSON form, ``place`` being the city's slug.

    The extractor is imported here, not at the top, so that scripts/extraction_predictions.py
    can run this file against another checkout's extractor (main's, for "before" figures);
    options that extractor does not take are left out.
    """
    from meetings.extraction import ExtractionError, extract, read_article

    content, options = case_input(case)
    published = options["published"]
    options["published"] = datetime.date.fromisoformat(published) if published else None
    accepted = inspect.signature(read_article).parameters
    options = {name: value for name, value in options.items() if name in accepted}
    try:
        article = read_article(content, **options)
    except ExtractionError:
        return dict(EMPTY)
    draft = extract(article, gazetteer).as_json()
    draft["place"] = draft["place_slug"]
    return draft


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
class Count:
    right: int = 0
    total: int = 0

    def add(self, right: bool) -> None:
        self.right += int(right)
        self.total += 1

    def __str__(self) -> str:
        return f"{self.right}/{self.total}" if self.total else "-"


def article_fields(predicted: dict, expected: dict) -> dict[str, bool]:
    """For one article, which fields are right (only those that apply to it)."""
    right = {
        "countries": sorted(predicted["countries"]) == sorted(expected["countries"]),
        "announcement": bool(predicted.get("announcement")) == bool(expected.get("announcement")),
    }
    if len(expected["countries"]) != 2:
        return right
    given_people = list(predicted["ministers"])
    people_right = True
    for person in expected["ministers"]:
        partner = next((p for p in given_people if same_person(p["name"], person["name"])), None)
        if partner is None or partner.get("country") != person["country"]:
            people_right = False
        else:
            given_people.remove(partner)
    topics, wanted = set(predicted["topics"]), set(expected["topics"])
    right.update(
        {
            "date": (predicted.get("date"), predicted.get("date_precision"))
            == (expected.get("date"), expected.get("date_precision")),
            "place": predicted.get("place") == expected.get("place"),
            "host": predicted.get("host_country") == expected.get("host_country"),
            "ministers": people_right,
            # Topics are a judgement: right when at least half of the expected ones are
            # proposed and at least half of the proposed ones are expected.
            "topics": bool(wanted)
            and 2 * len(topics & wanted) >= len(wanted)
            and 2 * len(topics & wanted) >= len(topics),
        }
    )
    return right


@dataclass
class Report:
    tallies: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    articles: int = 0
    meetings: int = 0
    countries_and_date_right: int = 0
    misses: list[str] = field(default_factory=list)
    # class -> field -> Count; the class "all" holds every article.
    by_class: dict[str, dict[str, Count]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Count))
    )

    def add(self, case_id: str, predicted: dict, expected: dict, classes=()) -> None:
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
        if bool(predicted.get("announcement")) != bool(expected.get("announcement")):
            misses.append(f"announcement {bool(predicted.get('announcement'))}")
        if len(expected["countries"]) == 2:
            self.meetings += 1
            if sorted(predicted["countries"]) == expected["countries"] and date == wanted:
                self.countries_and_date_right += 1
        for name, right in article_fields(predicted, expected).items():
            for group in ("all", *classes):
                self.by_class[group][name].add(right)
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


def class_table(after: Report, before: Report | None = None) -> str:
    """Articles right per class and per field: "before → after" when both are known."""
    named = [name for name in CLASSES if name in after.by_class]
    others = sorted(set(after.by_class) - set(named) - {"all"})
    groups = ["all", *named, *others]  # a set's own tags (hard negative...) after issue 17's
    width = 13 if before else 7
    header = f"{'class':<15}" + "".join(f"{name:>{width + 1}}" for name in ARTICLE_FIELDS)
    lines = [header, "-" * len(header)]
    for group in groups:
        cells = []
        for name in ARTICLE_FIELDS:
            now = after.by_class[group][name]
            cell = str(now)
            if before is not None:
                then = before.by_class[group][name]
                cell = f"{then.right}→{now}" if now.total else "-"
            cells.append(f"{cell:>{width + 1}}")
        lines.append(f"{group:<15}" + "".join(cells))
    return "\n".join(lines)


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def same_person(first: str, second: str) -> bool:
    a, b = normalize(first).split(), normalize(second).split()
    return bool(a and b) and (a[-1] == b[-1] or a[-1] in b or b[-1] in a)
