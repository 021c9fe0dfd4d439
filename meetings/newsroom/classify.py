"""Does an article report a meeting between ministers of two countries? With its reasons.

The article extractor (meetings/extraction/) already reads the article as an editor
would: the two countries, the ministers and their posts, the date, and the cases that
are not meetings (a phone call, a gathering of many countries, an ambassador received,
a meeting still to come), each as a warning. The classifier weighs those findings and
adds one case of its own, opinion pieces. Each finding is a reason with a code, shown
to editors in their language (``REASONS``), and a weight; the score is their sum,
bounded to [0, 1]; 0.5 and more is "reports a meeting".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from meetings.extraction import Draft
from meetings.text import normalize

THRESHOLD = 0.5

REASONS = {
    "two_countries": _("two countries are named as the sides"),
    "one_country": _("only one side could be identified"),
    "no_countries": _("no two countries could be identified"),
    "ministers_both_sides": _("a minister of each side is named"),
    "minister_one_side": _("a minister of one side is named"),
    "no_minister": _("no minister of either side is named"),
    "meeting_words": _("the article says that they met"),
    "no_meeting_words": _("the article does not say that a meeting took place"),
    "date_found": _("the article gives the day of the meeting"),
    "phone_call": _("a phone or video call, not a meeting"),
    "multilateral": _("a gathering of more than two countries"),
    "ambassador": _("a minister received an ambassador: an audience"),
    "head_of_state": _("a head of state received a minister: an audience"),
    "announcement": _("announces a meeting still to come"),
    "opinion": _("an opinion piece or an analysis, not a report"),
}

WEIGHTS = {
    "two_countries": 0.3,
    "one_country": 0.05,
    "no_countries": -0.3,
    "ministers_both_sides": 0.3,
    "minister_one_side": 0.15,
    "no_minister": -0.3,
    "meeting_words": 0.15,
    "no_meeting_words": -0.35,
    "date_found": 0.05,
    "phone_call": -1.0,
    "multilateral": -1.0,
    "ambassador": -1.0,
    "head_of_state": -1.0,
    "announcement": -0.7,
    "opinion": -1.0,
}

# The extractor's warnings that say what the article is not (meetings/extraction/pipeline.py).
WARNINGS = (
    ("phone call", "phone_call"),
    ("multilateral", "multilateral"),
    ("received an ambassador", "ambassador"),
    ("head of state received", "head_of_state"),
    ("announces a meeting", "announcement"),
    ("does not say that a meeting took place", "no_meeting_words"),
)

# Opinion pieces say so in their title or first words: "Opinion:", "Tribune", "رأي".
OPINION = re.compile(
    r"^\s*(opinion|op-ed|oped|commentary|analysis|editorial|column|tribune|chronique|"
    r"point de vue|editorial|analyse|billet|راي|مقال راي|تحليل|افتتاحية|وجهة نظر)\b",
    re.IGNORECASE,
)
# A visit or a meeting to come, said in the title or the first sentence.
FUTURE = re.compile(
    r"\b(will (travel|visit|meet|hold talks|receive)|is (due|expected|set) to (visit|meet)|"
    r"to visit|to meet|next week|se rendra|effectuera|doit rencontrer|devrait rencontrer|"
    r"attendue? a|la semaine prochaine|سيزور|سيلتقي|سيستقبل|سيجري|يزور .{0,40}المقبل|"
    r"الاسبوع المقبل)",
    re.IGNORECASE,
)
# An envoy named in the title or the first sentence: an audience, when only one side has a
# minister (the extractor misses it when the outlet's country is taken for the second side).
ENVOY = re.compile(
    r"\b(ambassador|ambassadeur|ambassadrice|envoy|emissaire|سفير|سفيرة|السفير|السفيرة)\b"
)
FIRST_PERSON = re.compile(r"\b(I|I'm|I've|my|je|j'ai|mon avis|selon moi|nous devons|we must)\b")
ARABIC_FIRST_PERSON = re.compile(r"(^|\s)(اعتقد|ارى|في رايي|برايي|نحن بحاجة)(\s|$)")


@dataclass
class Verdict:
    score: float
    reasons: list[str] = field(default_factory=list)

    @property
    def is_meeting(self) -> bool:
        return self.score >= THRESHOLD

    def explained(self) -> list[dict]:
        """The reasons as stored on an item: code and weight, for the inbox."""
        return [{"code": code, "weight": WEIGHTS[code]} for code in self.reasons]


def classify(draft: Draft) -> Verdict:
    reasons = []
    for words, code in WARNINGS:
        if any(words in warning for warning in draft.warnings):
            reasons.append(code)
    if "announcement" not in reasons and announces(draft):
        reasons.append("announcement")
    if is_opinion(draft):
        reasons.append("opinion")
    if len(draft.countries) == 2:
        reasons.append("two_countries")
    elif len(draft.countries) == 1:
        reasons.append("one_country")
    elif not {"phone_call", "multilateral", "ambassador"} & set(reasons):
        reasons.append("no_countries")
    sides = {m.country for m in draft.ministers if m.role == "lead" and m.country}
    sides &= set(draft.countries)
    if len(sides) < 2 and "ambassador" not in reasons and names_an_envoy(draft):
        reasons.append("ambassador")
    if len(sides) >= 2:
        reasons.append("ministers_both_sides")
    elif sides:
        reasons.append("minister_one_side")
    elif draft.countries:
        reasons.append("no_minister")
    if draft.countries and "no_meeting_words" not in reasons:
        reasons.append("meeting_words")
    if draft.date and draft.evidence.get("date"):
        reasons.append("date_found")
    score = sum(WEIGHTS[code] for code in reasons)
    return Verdict(round(min(max(score, 0.0), 1.0), 3), reasons)


def opening(draft: Draft) -> str:
    """The title and the first sentence, normalised: where a report says what it is."""
    first_sentence = re.split(r"(?<=[.!?؟])\s", draft.text[:600], maxsplit=1)[0]
    return normalize(f"{draft.title}\n{first_sentence}")


def announces(draft: Draft) -> bool:
    return bool(FUTURE.search(opening(draft)))


def names_an_envoy(draft: Draft) -> bool:
    return bool(ENVOY.search(opening(draft)))


def is_opinion(draft: Draft) -> bool:
    title = normalize(draft.title or "")
    opening = normalize(draft.text[:80])
    if OPINION.search(title) or OPINION.search(opening):
        return True
    # Reports are written in the third person; a column argues in the first.
    sample = draft.text[:3000]
    first_person = len(FIRST_PERSON.findall(sample)) + len(
        ARABIC_FIRST_PERSON.findall(normalize(sample))
    )
    return first_person >= 3
