"""What the extraction tests share: the days their articles are published on, and a draft
made from an article as the admin's "meeting from an article" screen makes it. (The
``gazetteer`` fixture, read from the test database, is in conftest.py.)"""

import datetime
import json
from pathlib import Path

from meetings.extraction import extract, read_article
from meetings.extraction.evaluation import predict

MONDAY, TUESDAY, WEDNESDAY, THURSDAY = (datetime.date(2025, 3, day) for day in (10, 11, 12, 13))


def draft_of(content, gazetteer, published=WEDNESDAY, **options):
    return extract(read_article(content, published=published, **options), gazetteer)


def people(draft):
    """The proposed ministers as (name, country) pairs."""
    return {(minister.name, minister.country) for minister in draft.ministers}


def round_cases(prefix: str) -> list[Path]:
    """The development cases of one round of issue 17 (eval/dev17/<prefix>-*.json)."""
    return sorted(Path(__file__).resolve().parent.parent.glob(f"eval/dev17/{prefix}-*.json"))


def case_id(path: Path) -> str:
    return path.stem


def languages_by_class(paths: list[Path]) -> dict[str, set[str]]:
    """{a class's letter: the languages of its cases}, from names like r5-g2-fr-..."""
    classes: dict[str, set[str]] = {}
    for path in paths:
        _, name, language = path.stem.split("-")[:3]
        classes.setdefault(name[0], set()).add(language)
    return classes


def check_case(path: Path, gazetteer) -> None:
    """What an editor sees in the draft of a case: its countries and announcement, and for
    a meeting its date, place, host and every expected minister with his country."""
    case = json.loads(path.read_text())
    expected = case["expected"]
    draft = predict(case, gazetteer)
    assert sorted(draft["countries"]) == expected["countries"]
    assert bool(draft["announcement"]) == expected["announcement"]
    if not expected["countries"]:
        return
    assert draft["date"] == expected["date"]
    assert draft["place"] == expected["place"]
    assert draft["host_country"] == expected["host_country"]
    proposed = {(minister["name"], minister["country"]) for minister in draft["ministers"]}
    for minister in expected["ministers"]:
        assert (minister["name"], minister["country"]) in proposed
