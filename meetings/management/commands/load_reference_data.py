"""Load the reference data in fixtures/ and the seed meetings, without duplicating anything.

Run it as often as you like: rows that already exist (by natural key: country
code, slug, name) are left as they are, so an editor's corrections survive;
``--update`` overwrites them with the fixture's version instead. Seed meetings
are added only when no meeting between the same two countries on the same day
exists yet.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from meetings.models import (
    LANGUAGE_CODES,
    City,
    Meeting,
    Minister,
    Outlet,
    Participation,
    Source,
    Topic,
)

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
# In dependency order: each file refers only to rows of the files before it.
REFERENCE_FIXTURES = [
    "countries.json",
    "country_groups.json",
    "portfolios.json",
    "topics.json",
    "cities.json",
    "outlets.json",
    "people.json",
]
SEED_MEETINGS = "seed_meetings.json"


class Command(BaseCommand):
    help = "Load countries, topics, portfolios, cities, outlets, people and the seed meetings."

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Overwrite existing reference rows with the fixtures' version.",
        )
        parser.add_argument(
            "--no-seeds", action="store_true", help="Load reference data only, no meetings."
        )

    @transaction.atomic
    def handle(self, *args, update=False, no_seeds=False, verbosity=1, **options):
        counts = {
            name: load_fixture(FIXTURES_DIR / name, update=update) for name in REFERENCE_FIXTURES
        }
        if not no_seeds:
            counts[SEED_MEETINGS] = load_seed_meetings(
                FIXTURES_DIR / SEED_MEETINGS, settings.SEEDS_DIR
            )
        if verbosity:
            for name, (created, kept) in counts.items():
                self.stdout.write(f"{name}: {created} added, {kept} already present")


def load_fixture(path: Path, *, update: bool = False) -> tuple[int, int]:
    """Save the fixture's objects that are missing (or all of them with ``update``)."""
    if not path.exists():
        raise CommandError(f"Missing fixture {path}")
    created = kept = 0
    with path.open(encoding="utf-8") as stream:
        for deserialized in serializers.deserialize("json", stream, handle_forward_references=True):
            obj = deserialized.object
            exists = obj.pk is not None and type(obj)._default_manager.filter(pk=obj.pk).exists()
            if exists and not update:
                kept += 1
                continue
            deserialized.save()
            created += not exists
            kept += exists
    return created, kept


def load_seed_meetings(path: Path, seeds_dir: Path) -> tuple[int, int]:
    """Create the seed meetings that are not in the archive yet; return (added, present)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    created = kept = 0
    for entry in data["meetings"]:
        first, second = entry["countries"]
        if Meeting.objects.between(first, second).filter(date=entry["date"]).exists():
            kept += 1
            continue
        create_seed_meeting(entry, seeds_dir)
        created += 1
    return created, kept


def create_seed_meeting(entry: dict, seeds_dir: Path) -> Meeting:
    texts = {
        f"{field}_{code}": entry.get(f"{field}_{code}", "")
        for field in ("title", "summary", "outcomes")
        for code in LANGUAGE_CODES
    }
    first, second = entry["countries"]
    meeting = Meeting(
        date=entry["date"],
        date_precision=entry["date_precision"],
        country_a_id=first,
        country_b_id=second,
        host_country_id=entry.get("host_country"),
        city=City.objects.get(slug=entry["city"]) if entry.get("city") else None,
        status=Meeting.Status.PUBLISHED,
        **texts,
    )
    meeting.full_clean()
    meeting.save()
    meeting.topics.set(Topic.objects.filter(slug__in=entry["topics"]))
    for order, person in enumerate(entry["participants"]):
        participation = Participation(
            meeting=meeting,
            minister=Minister.objects.get(slug=person["minister"]),
            country_id=person["country"],
            role=person["role"],
            order=order,
        )
        participation.full_clean()
        participation.save()
    for source in entry["sources"]:
        text = read_seed_article(seeds_dir, source["seed_file"])
        # Some seed articles open with their headline; others with the lead paragraph.
        headline = (
            text.splitlines()[0][:500] if text and source.get("first_line_is_headline") else ""
        )
        Source.objects.create(
            meeting=meeting,
            url=source["url"],
            outlet=Outlet.objects.get(name=source["outlet"]) if source["outlet"] else None,
            author=source["author"],
            published_on=source["published_on"],
            language=source["language"],
            headline=headline,
            text=text,
        )
    return meeting


def read_seed_article(seeds_dir: Path, file_name: str) -> str:
    """The seed article's text, or "" when the seeds folder is not beside the repository."""
    path = Path(seeds_dir) / file_name
    return path.read_text(encoding="utf-8").strip() if path.is_file() else ""
