"""The search evaluation (eval/search/, ``make eval``): queries in Arabic, French and English,
each with what it must find, scored per class of spelling variant.

The archive it searches is eval/search/archive.json: a few people and meetings written for
it, created in a transaction that is rolled back, so that only they are counted (the
database's other meetings and people are there but not scored; its reference data must be
loaded). Expected answers are derived from what the file says of each meeting (its
countries, people and concepts), never from the search itself.

This module imports only models that the archive had before issue 16, so that
scripts/search_predictions.py can run it with an older checkout's code for the "before"
figures.
"""

import datetime
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

# Whom each person represents in the evaluation's meetings.
PEOPLE_COUNTRIES = {
    "abdelouafi-laftit": "MA", "annelies-verlinden": "BE", "nicole-de-moor": "BE",
    "matteo-piantedosi": "IT", "eval-nasser-bourita": "MA", "eval-fernando-grande-marlaska": "ES",
    "eval-ahmed-aboul-gheit": "EG", "eval-abdellatif-ouahbi": "MA", "eval-gerald-darmanin": "FR",
    "eval-mustafa-madbouly": "EG", "eval-abdelmadjid-tebboune": "DZ",
    "eval-peter-pellegrini": "SK",
}  # fmt: skip
TEXTS = {
    "ar": ("اجتماع ثنائي", "تناول الاجتماع {} و{}."),
    "fr": ("Réunion bilatérale", "La réunion a porté sur {} et {}."),
    "en": ("Bilateral meeting", "The meeting covered {} and {}."),
}


@dataclass
class Archive:
    meetings: dict  # key -> the file's meeting
    meeting_ids: dict = field(default_factory=dict)  # key -> id
    people_ids: dict = field(default_factory=dict)  # slug -> id

    def expected(self, expect: dict) -> set[str]:
        """The meetings' keys an expectation names."""
        if expect.get("nothing"):
            return set()
        if "all" in expect:
            sets = [self.expected(part) for part in expect["all"]]
            return set.intersection(*sets)
        return {
            key
            for key, meeting in self.meetings.items()
            if expect.get("concept") in meeting["concepts"]
            or expect.get("country") in meeting["countries"]
            or expect.get("person") in meeting["people"]
        }


def load(folder: Path) -> tuple[dict, list[dict]]:
    archive = json.loads((folder / "archive.json").read_text())
    queries = json.loads((folder / "queries.json").read_text())["queries"]
    return archive, queries


def create(data: dict) -> Archive:
    """The evaluation's people and meetings, in the current transaction."""
    from meetings.models import Meeting, Minister, Participation

    archive = Archive(meetings={meeting["key"]: meeting for meeting in data["meetings"]})
    for person in data["people"]:
        archive.people_ids[person["slug"]] = Minister.objects.create(**person).pk
    for person in Minister.objects.filter(slug__in=PEOPLE_COUNTRIES):
        archive.people_ids.setdefault(person.slug, person.pk)
    concepts = data["concepts"]
    for meeting in data["meetings"]:
        first, second = (concepts[name] for name in meeting["concepts"])
        texts = {}
        for language, (title, summary) in TEXTS.items():
            texts[f"title_{language}"] = title
            texts[f"summary_{language}"] = summary.format(first[language], second[language])
        country_a, country_b = sorted(meeting["countries"])
        created = Meeting.objects.create(
            date=datetime.date.fromisoformat(meeting["date"]),
            country_a_id=country_a,
            country_b_id=country_b,
            status="published",
            **texts,
        )
        archive.meeting_ids[meeting["key"]] = created.pk
        for order, slug in enumerate(meeting["people"]):
            Participation.objects.create(
                meeting=created,
                minister_id=archive.people_ids[slug],
                country_id=PEOPLE_COUNTRIES[slug],
                role="lead",
                order=order,
            )
    return archive


def answers(folder: Path) -> list[dict]:
    """What the code in use finds for each query: meetings' keys, or people's slugs (None
    when this code has no search of people)."""
    from meetings.models import Meeting, Minister

    data, queries = load(folder)
    results = []
    with transaction.atomic():
        archive = create(data)
        keys = {pk: key for key, pk in archive.meeting_ids.items()}
        slugs = {pk: slug for slug, pk in archive.people_ids.items()}
        for query in queries:
            if "people" in query["expect"]:
                people = Minister.objects.filter(pk__in=slugs)
                named = getattr(people, "named", None)  # the people index's search
                found = None
                if named is not None:
                    found = sorted(
                        slugs[pk] for pk in named(query["q"]).values_list("pk", flat=True)
                    )
            else:
                meetings = Meeting.objects.filter(pk__in=keys).search(query["q"])
                found = sorted(keys[pk] for pk in meetings.values_list("pk", flat=True))
            results.append({"q": query["q"], "found": found})
        transaction.set_rollback(True)
    return results


@dataclass
class Score:
    queries: int = 0
    right: int = 0  # queries that found exactly what they must
    expected: int = 0
    found: int = 0
    correct: int = 0
    unavailable: int = 0

    def add(self, expected: set, found: set | None) -> None:
        self.queries += 1
        self.expected += len(expected)
        if found is None:
            self.unavailable += 1
            return
        self.found += len(found)
        self.correct += len(expected & found)
        self.right += expected == found

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0


def scores(folder: Path, results: list[dict]) -> dict[str, Score]:
    """Per class (and "all"): recall and precision over the expected and found items."""
    data, queries = load(folder)
    archive = Archive(meetings={meeting["key"]: meeting for meeting in data["meetings"]})
    by_class = defaultdict(Score)
    for query, result in zip(queries, results, strict=True):
        if result["q"] != query["q"]:
            raise ValueError(f"answers are for another query set ({result['q']!r})")
        if "people" in query["expect"]:
            expected = set(query["expect"]["people"])
        else:
            expected = archive.expected(query["expect"])
        found = None if result["found"] is None else set(result["found"])
        by_class[query["class"]].add(expected, found)
        by_class["all"].add(expected, found)
    return dict(by_class)


def misses(folder: Path, results: list[dict]) -> list[str]:
    """Each query that did not find exactly what it must, with what it missed and added."""
    data, queries = load(folder)
    archive = Archive(meetings={meeting["key"]: meeting for meeting in data["meetings"]})
    lines = []
    for query, result in zip(queries, results, strict=True):
        if "people" in query["expect"]:
            expected = set(query["expect"]["people"])
        else:
            expected = archive.expected(query["expect"])
        found = set(result["found"] or ())
        if found != expected:
            lines.append(
                f"{query['class']}: {query['q']!r} missed {sorted(expected - found)} "
                f"added {sorted(found - expected)}"
            )
    return lines
