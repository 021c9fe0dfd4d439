"""Writes that span several tables, each in one transaction."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from meetings.models import Mandate, Meeting, Minister, Participation, Post, Source


@dataclass
class NewPerson:
    """Someone the archive does not know yet, as the editor confirmed them."""

    name_latin: str
    name_ar: str
    country: object  # Country
    post_title: str
    portfolio: object | None  # Portfolio
    rank: str
    language: str  # of the post title as written


@dataclass
class ParticipantInput:
    role: str
    minister: Minister | None = None
    new_person: NewPerson | None = None


def unique_slug(model, base: str, **scope) -> str:
    base = (base or "person")[:140]
    slug, number = base, 2
    while model.objects.filter(slug=slug, **scope).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


def create_person(person: NewPerson, day) -> Minister:
    """A new person with the post they held on ``day``, as the article describes it."""
    name = person.name_latin or person.name_ar
    minister = Minister.objects.create(
        slug=unique_slug(Minister, slugify(name, allow_unicode=True)),
        name_latin=person.name_latin,
        name_ar=person.name_ar,
    )
    title_field = f"title_{person.language if person.language in ('ar', 'fr', 'en') else 'en'}"
    post_slug = slugify(person.post_title) or slugify(person.post_title, allow_unicode=True)
    post, _created = Post.objects.get_or_create(
        country=person.country,
        slug=post_slug or (person.portfolio.slug if person.portfolio else "post"),
        defaults={
            title_field: person.post_title,
            "portfolio": person.portfolio,
            "rank": person.rank,
        },
    )
    # The article shows the person in post on the meeting day; earlier dates are unknown.
    Mandate.objects.create(minister=minister, post=post, start=day)
    return minister


@transaction.atomic
def create_meeting(
    meeting: Meeting, topics, participants: list[ParticipantInput], source: Source, user
) -> Meeting:
    """Save a draft meeting from an article, with new people created as confirmed."""
    meeting.status = Meeting.Status.DRAFT
    meeting.created_by = meeting.updated_by = user
    meeting.full_clean()
    meeting.save()
    meeting.topics.set(topics)
    for order, participant in enumerate(participants):
        minister = participant.minister or create_person(participant.new_person, meeting.date)
        participation = Participation(
            meeting=meeting, minister=minister, role=participant.role, order=order
        )
        if participant.new_person:
            participation.country = participant.new_person.country
        participation.full_clean()
        participation.save()
    source.meeting = meeting
    source.full_clean()
    source.save()
    return meeting


@transaction.atomic
def add_source(meeting: Meeting, source: Source, user) -> Source:
    """Record another article about a meeting the archive already has."""
    source.meeting = meeting
    source.full_clean()
    source.save()
    meeting.updated_by = user
    meeting.save(update_fields=["updated_by", "updated_at"])
    return source
