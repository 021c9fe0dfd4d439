"""Articles that report the same meeting, grouped into one candidate.

Two articles report the same meeting when they give the same two countries, dates
at most two days apart (agencies report a day late, datelines differ) and people who
do not contradict each other: when both name ministers, at least one is the same
person (the same id in the archive, or the same name once normalised). Grouping
happens under a lock per pair of countries, so two workers reading two reports of
one meeting at the same moment still make one candidate.
"""

from __future__ import annotations

import datetime
import zlib

from django.db import connection

from meetings.extraction import Draft
from meetings.extraction.database import possible_duplicates
from meetings.models import Candidate
from meetings.text import normalize, script_of

GROUP_DAYS = 2


def proposal_of(draft: Draft) -> dict:
    """What the inbox shows of an article's draft: pair, date, place, people, topics."""
    return {
        "countries": sorted(draft.countries),
        "date": draft.date.isoformat() if draft.date else None,
        "place": draft.place_name or "",
        "host_country": draft.host_country or "",
        "people": [
            {
                "name": minister.name,
                "country": minister.country or "",
                "post": minister.post,
                "id": minister.id,
                "role": minister.role,
            }
            for minister in draft.ministers
        ],
        "topics": list(draft.topics),
        "title": draft.title,
    }


def people_keys(proposal: dict) -> set[str]:
    keys = set()
    for person in proposal.get("people", []):
        if person.get("role") != "lead":
            continue
        keys.add(f"id:{person['id']}" if person.get("id") else f"name:{normalize(person['name'])}")
    return keys


def same_meeting(proposal: dict, other: dict) -> bool:
    """Same pair is given; close dates and people who do not contradict each other.

    Names are compared only when they can be: two archive ids, or two names in one
    script (an Arabic and a French report of one meeting spell the people differently).
    """
    day, other_day = proposal.get("date"), other.get("date")
    if day and other_day:
        gap = abs(datetime.date.fromisoformat(day) - datetime.date.fromisoformat(other_day))
        if gap.days > GROUP_DAYS:
            return False
    comparable = [
        (key, other_key)
        for key in people_keys(proposal)
        for other_key in people_keys(other)
        if comparable_keys(key, other_key)
    ]
    return not comparable or any(same_person(a, b) for a, b in comparable)


def comparable_keys(key: str, other: str) -> bool:
    if key.startswith("id:") or other.startswith("id:"):
        return key.startswith("id:") and other.startswith("id:")
    return script_of(key[5:]) == script_of(other[5:])


def same_person(key: str, other: str) -> bool:
    """The same id; or "name:nasser bourita" and "name:bourita", one person named shorter."""
    if key.startswith("id:"):
        return key == other
    shorter, longer = sorted((key[5:].split(), other[5:].split()), key=len)
    return bool(shorter) and shorter[-1] in longer  # the family name


def lock_pair(countries: list[str]) -> None:
    """Grouping of one pair, one worker at a time, until the transaction ends."""
    key = zlib.crc32("-".join(sorted(countries)).encode())
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s::bigint)", [(18 << 32) | key])


def candidate_for(proposal: dict, score: float, headline: str, day) -> Candidate:
    """The candidate this article joins, or a new one. Call inside a transaction."""
    countries = proposal["countries"]
    lock_pair(countries)
    window = datetime.timedelta(days=GROUP_DAYS)
    nearby = Candidate.objects.filter(country_a=countries[0], country_b=countries[1])
    if day:
        nearby = nearby.filter(date__range=(day - window, day + window))
    # A candidate already drafted or attached has its meeting in the archive: a later report
    # of it becomes a candidate of its own, offered as a new source of that meeting.
    nearby = nearby.filter(state__in=[Candidate.State.OPEN, Candidate.State.DISMISSED])
    for candidate in nearby.order_by("-score", "pk"):
        if same_meeting(proposal, candidate.proposal):
            if score > candidate.score and candidate.state == Candidate.State.OPEN:
                candidate.score, candidate.proposal = score, proposal
                candidate.headline = headline[:500]
                candidate.save(update_fields=["score", "proposal", "headline"])
            return candidate
    return Candidate.objects.create(
        country_a_id=countries[0],
        country_b_id=countries[1],
        date=day,
        score=score,
        headline=headline[:500],
        proposal=proposal,
        matched_meeting=possible_duplicates(countries, day).first(),
    )


def in_window(day, other_day) -> bool:
    return day is None or other_day is None or abs(day - other_day).days <= GROUP_DAYS


def group_in_memory(articles: list[tuple[dict, float]]) -> list[int]:
    """``candidate_for`` without the database, for the evaluation: the group number of
    each (proposal, score), taken in order."""
    groups = []  # [countries, date, best proposal, best score]
    numbers = []
    for proposal, score in articles:
        day = datetime.date.fromisoformat(proposal["date"]) if proposal.get("date") else None
        for number, group in sorted(enumerate(groups), key=lambda g: (-g[1][3], g[0])):
            countries, group_day, best, best_score = group
            together = countries == proposal["countries"] and in_window(day, group_day)
            if together and same_meeting(proposal, best):
                if score > best_score:
                    group[2], group[3] = proposal, score
                numbers.append(number)
                break
        else:
            groups.append([proposal["countries"], day, proposal, score])
            numbers.append(len(groups) - 1)
    return numbers
