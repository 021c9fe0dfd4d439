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
from meetings.models import Candidate, Source
from meetings.text import normalize

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
    """Same pair is given; close dates and people who do not contradict each other."""
    day, other_day = proposal.get("date"), other.get("date")
    if day and other_day:
        gap = abs(datetime.date.fromisoformat(day) - datetime.date.fromisoformat(other_day))
        if gap.days > GROUP_DAYS:
            return False
    people, other_people = people_keys(proposal), people_keys(other)
    if people and other_people and not people & other_people:
        return any(names_overlap(a, b) for a in people for b in other_people)
    return True


def names_overlap(key: str, other: str) -> bool:
    """ "name:nasser bourita" and "name:bourita": the same person named shorter."""
    if not (key.startswith("name:") and other.startswith("name:")):
        return False
    shorter, longer = sorted((key[5:].split(), other[5:].split()), key=len)
    return bool(shorter) and shorter[-1] in longer  # the family name


def lock_pair(countries: list[str]) -> None:
    """Grouping of one pair, one worker at a time, until the transaction ends."""
    key = zlib.crc32("-".join(sorted(countries)).encode())
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [18, key])


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


def already_a_source(url: str) -> bool:
    return Source.objects.filter(url=url).exists()
