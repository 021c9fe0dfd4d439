"""The newsroom's labelled set (eval/newsroom/articles.json): precision and recall of
"reports a bilateral ministerial meeting", and how well reports are grouped.

Every article is the evaluation's own writing (ids, language, the label, the kind of
hard case, and a group per meeting). Each is read as the worker reads a fetched page
(plain text here), classified, and the ones taken for meetings grouped in the order of
their publication.
"""

from __future__ import annotations

import datetime
import itertools
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from meetings.extraction import extract, read_article
from meetings.newsroom.classify import classify
from meetings.newsroom.grouping import group_in_memory, proposal_of


@dataclass
class Result:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0
    mistakes: list[str] = field(default_factory=list)
    per_kind: Counter = field(default_factory=Counter)  # wrongly classified, per kind
    pairs_right: int = 0
    pairs: int = 0
    articles_grouped_right: int = 0
    articles_grouped: int = 0
    group_mistakes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        relevant = self.true_positive + self.false_negative
        return self.true_positive / relevant if relevant else 1.0


def evaluate(path: Path, gazetteer) -> Result:
    articles = json.loads(Path(path).read_text())
    result = Result()
    taken = []
    for entry in articles:
        article = read_article(
            entry["text"],
            is_html=False,
            url=entry["url"],
            published=datetime.date.fromisoformat(entry["published"]),
        )
        article.title = entry["title"]
        draft = extract(article, gazetteer)
        verdict = classify(draft)
        predicted = verdict.is_meeting and len(draft.countries) == 2
        if predicted and entry["label"]:
            result.true_positive += 1
        elif predicted:
            result.false_positive += 1
        elif entry["label"]:
            result.false_negative += 1
        else:
            result.true_negative += 1
        if predicted != entry["label"]:
            result.per_kind[entry["kind"]] += 1
            result.mistakes.append(
                f"{entry['id']} ({entry['kind']}): score {verdict.score:.2f}, "
                f"{', '.join(verdict.reasons)}; countries {draft.countries}"
            )
        if predicted:
            taken.append((entry, proposal_of(draft), verdict.score))
    grade_grouping(result, taken)
    return result


def grade_grouping(result: Result, taken) -> None:
    """Among the real meeting reports the classifier took, are two articles together
    exactly when they report the same meeting?"""
    taken = sorted(taken, key=lambda t: (t[0]["published"], t[0]["id"]))
    numbers = group_in_memory([(proposal, score) for _, proposal, score in taken])
    reports = [(entry, number) for (entry, _, _), number in zip(taken, numbers, strict=True)]
    reports = [(entry, number) for entry, number in reports if entry["label"]]
    for (a, group_a), (b, group_b) in itertools.combinations(reports, 2):
        result.pairs += 1
        if (a["group"] == b["group"]) == (group_a == group_b):
            result.pairs_right += 1
        else:
            result.group_mistakes.append(
                f"{a['id']} and {b['id']}: "
                + ("apart, but one meeting" if a["group"] == b["group"] else "together, but two")
            )
    for entry, number in reports:
        same_gold = {e["id"] for e, _ in reports if e["group"] == entry["group"]}
        same_found = {e["id"] for e, n in reports if n == number}
        result.articles_grouped += 1
        result.articles_grouped_right += same_gold == same_found
