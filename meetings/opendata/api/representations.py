"""The API's list of meetings as plain dicts, read with ``values()``.

``MeetingSerializer`` describes a meeting (and the OpenAPI schema is made from
it); the detail endpoint uses it. For the list, building the same JSON from
model instances cost most of the request: a page of 50 meetings made about
1,500 model instances and ran DRF's per-field machinery some 35,000 times. The
prefetched instances also point at each other (each participant back at its
meeting), so they were freed only by the garbage collector's full passes, which
then took 150-250 ms in one request out of twenty (the API's p95).

Here each list is four ``values()`` queries (the meetings with their countries
and city, the participants with their posts, the topics, the sources) whose
rows are dicts and tuples, put together in the serializer's field order.
tests/test_api.py checks that every meeting comes out exactly as
``MeetingSerializer`` writes it.
"""

from collections import defaultdict

from django.urls import reverse as page_reverse
from rest_framework import serializers
from rest_framework.reverse import reverse

from meetings.display import PARTICIPANT_ORDER
from meetings.models import LANGUAGE_CODES, Meeting, Participation, Source
from meetings.site import absolute_url

# The meeting's own columns and those of the rows it names (countries, city).
MEETING_COLUMNS = (
    "id", "date", "date_precision", "host_country_id", "published_at", "updated_at",
    *(f"{field}_{code}" for field in ("title", "summary", "outcomes") for code in LANGUAGE_CODES),
    *(f"{side}__{column}" for side in ("country_a", "country_b")
      for column in ("code", "name_en", "name_fr", "name_ar")),
    "city__slug", "city__name_en", "city__name_fr", "city__name_ar",
)  # fmt: skip

PARTICIPANT_COLUMNS = (
    "meeting_id", "minister_id", "minister__slug", "minister__name_latin", "minister__name_ar",
    "country_id", "mandate_id", "mandate__post__portfolio__slug", "role", "description",
    *(f"mandate__post__title_{code}" for code in LANGUAGE_CODES),
)  # fmt: skip

SOURCE_COLUMNS = ("meeting_id", "url", "outlet__name", "author", "published_on", "language",
                  "headline")  # fmt: skip

# DRF's own fields for dates and times, so that they are written exactly as the
# serializer writes them (ISO 8601, in the current time zone, "Z" for UTC).
DATE = serializers.DateField()
DATETIME = serializers.DateTimeField()


def meeting_rows(queryset):
    """``queryset`` (meetings, filtered) reading only what the list shows, as dicts."""
    return queryset.values(*MEETING_COLUMNS)


def translations(row: dict, prefix: str) -> dict:
    return {code: row[f"{prefix}_{code}"] for code in LANGUAGE_CODES}


def optional_datetime(value):
    return DATETIME.to_representation(value) if value is not None else None


def meetings_as_dicts(rows: list[dict], request) -> list[dict]:
    """The page's meetings (rows from ``meeting_rows``) as MeetingSerializer writes them."""
    ids = [row["id"] for row in rows]
    participants = defaultdict(list)
    for person in (
        Participation.objects.filter(meeting_id__in=ids)
        .order_by("meeting_id", *PARTICIPANT_ORDER)
        .values(*PARTICIPANT_COLUMNS)
    ):
        participants[person["meeting_id"]].append(
            {
                "id": person["minister_id"],
                "slug": person["minister__slug"],
                "name_latin": person["minister__name_latin"],
                "name_ar": person["minister__name_ar"],
                "country": person["country_id"],
                "post_title": (
                    translations(person, "mandate__post__title") if person["mandate_id"] else None
                ),
                "portfolio": person["mandate__post__portfolio__slug"],
                "role": person["role"],
                "description": person["description"],
            }
        )
    topics = defaultdict(list)
    for meeting_id, slug in (
        Meeting.topics.through.objects.filter(meeting_id__in=ids)
        .order_by("meeting_id", "topic__slug")
        .values_list("meeting_id", "topic__slug")
    ):
        topics[meeting_id].append(slug)
    sources = defaultdict(list)
    for source in (
        Source.objects.filter(meeting_id__in=ids)
        .order_by("meeting_id", *Source._meta.ordering)
        .values(*SOURCE_COLUMNS)
    ):
        sources[source["meeting_id"]].append(
            {
                "url": source["url"] or None,
                "outlet": source["outlet__name"],
                "author": source["author"],
                "published_on": (
                    DATE.to_representation(source["published_on"])
                    if source["published_on"]
                    else None
                ),
                "language": source["language"],
                "headline": source["headline"],
            }
        )
    return [
        {
            "id": row["id"],
            # The two URLs as PageURLField and HyperlinkedIdentityField make them.
            "url": absolute_url(page_reverse("meetings:detail", kwargs={"pk": row["id"]})),
            "api_url": reverse("api:meeting-detail", kwargs={"pk": row["id"]}, request=request),
            "date": DATE.to_representation(row["date"]),
            "date_precision": row["date_precision"],
            "countries": [
                {
                    column: row[f"{side}__{column}"]
                    for column in ("code", "name_en", "name_fr", "name_ar")
                }
                for side in ("country_a", "country_b")
            ],
            "host_country": row["host_country_id"],
            "city": (
                {
                    column: row[f"city__{column}"]
                    for column in ("slug", "name_en", "name_fr", "name_ar")
                }
                if row["city__slug"] is not None
                else None
            ),
            "title": translations(row, "title"),
            "summary": translations(row, "summary"),
            "outcomes": translations(row, "outcomes"),
            "topics": topics[row["id"]],
            "participants": participants[row["id"]],
            "sources": sources[row["id"]],
            "first_published": optional_datetime(row["published_at"]),
            "updated_at": optional_datetime(row["updated_at"]),
        }
        for row in rows
    ]
