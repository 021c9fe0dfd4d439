"""Facet totals kept by the database trigger agree with a recount, whatever happens."""

import datetime

import pytest
from django.db import connection

from meetings.caching.facet_totals import facet_totals, refresh_facet_totals
from meetings.models import Country, FacetTotal, Meeting, Topic
from tests.factories import MandateFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def stored():
    return {
        (row.scope, row.facet, row.key): row.meetings
        for row in FacetTotal.objects.filter(meetings__gt=0)
    }


def recounted():
    refresh_facet_totals()
    return stored()


def test_the_trigger_keeps_totals_equal_to_a_recount(seed_meetings):
    refresh_facet_totals()
    meeting = MeetingFactory(
        status="draft", topics=["energy"], country_b=Country.objects.get(code="FR")
    )
    mandate = MandateFactory(start=datetime.date(2020, 1, 1))
    ParticipationFactory(
        meeting=meeting, minister=mandate.minister, mandate=mandate, country=mandate.post.country
    )
    meeting.status = "published"  # publish
    meeting.save()
    meeting.topics.add(Topic.objects.get(slug="border-control"))  # retag
    other = MeetingFactory(topics=["trade"], date=datetime.date(2019, 5, 1))
    other.date = datetime.date(2021, 5, 1)  # move to another year
    other.save()
    seed_meetings[0].status = "withdrawn"  # withdraw
    seed_meetings[0].save()
    Meeting.objects.filter(pk=other.pk).delete()  # delete
    after_changes = stored()
    assert after_changes == recounted()
    assert facet_totals("")["total"] == Meeting.objects.published().count()
    pair = facet_totals("pair:FR-MA")
    assert pair["total"] == 1 and pair["topic_group"]
    assert set(pair["person"]) == {mandate.minister_id}


def test_edits_that_do_not_change_facets_write_nothing(seed_meetings):
    refresh_facet_totals()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*), sum(meetings) FROM meetings_facettotal")
        before = cursor.fetchone()
    belgium = seed_meetings[0]
    belgium.title_en = "A better title"
    belgium.save()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*), sum(meetings) FROM meetings_facettotal")
        assert cursor.fetchone() == before


def test_pages_without_filters_read_the_totals_not_the_meetings(client, seed_meetings):
    refresh_facet_totals()
    FacetTotal.objects.filter(scope="", facet="total").update(meetings=12345)
    assert "12,345 meetings" in client.get("/en/meetings/").content.decode()
    refresh_facet_totals()
    assert "2 meetings" in client.get("/en/meetings/").content.decode()


def test_a_capped_count_says_it_is_an_estimate(client, settings, seed_meetings):
    settings.FACET_CAP = 1
    content = client.get("/en/meetings/", {"topic": "migration"}).content.decode()
    assert "(an estimate)" in content
    assert "the counts beside the list are for the 1 most recent" in content


def test_the_home_page_people_count_follows_a_publication(client, seed_meetings):
    from meetings.caching.facet_totals import people_total

    before = people_total()  # now cached
    meeting = MeetingFactory(status="draft")
    ParticipationFactory(meeting=meeting, country=meeting.country_a)
    meeting.refresh_from_db()
    meeting.status = "published"
    meeting.save()
    assert people_total() == before + 1
    assert client.get("/en/").context["totals"]["people"] == before + 1
