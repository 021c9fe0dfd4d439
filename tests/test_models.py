"""What the data model and the database guarantee."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import translation

from meetings.display import localized
from meetings.models import Country, Meeting, Participation, Topic
from tests.factories import (
    MandateFactory,
    MeetingFactory,
    MinisterFactory,
    ParticipationFactory,
    PostFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def check_deferred_constraints():
    """Deferred triggers fire at commit; tests run in a transaction, so ask for them now."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def test_countries_are_stored_in_code_order_whatever_order_they_are_given():
    meeting = MeetingFactory(
        country_a=Country.objects.get(code="MA"), country_b=Country.objects.get(code="BE")
    )
    meeting.refresh_from_db()
    assert (meeting.country_a_id, meeting.country_b_id) == ("BE", "MA")


def test_a_meeting_with_one_country_twice_is_rejected_by_validation_and_database():
    morocco = Country.objects.get(code="MA")
    meeting = Meeting(date=datetime.date(2024, 1, 1), country_a=morocco, country_b=morocco)
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "country_b" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        meeting.save()


def test_a_participant_from_a_third_country_is_rejected_by_validation():
    meeting = MeetingFactory()  # Morocco–Spain
    participation = Participation(
        meeting=meeting, minister=MinisterFactory(), country=Country.objects.get(code="FR")
    )
    with pytest.raises(ValidationError) as error:
        participation.full_clean()
    assert "country" in error.value.message_dict


def test_the_database_refuses_a_participant_from_a_third_country():
    meeting = MeetingFactory()
    with pytest.raises(IntegrityError, match="not one of the meeting"), transaction.atomic():
        Participation.objects.create(
            meeting=meeting, minister=MinisterFactory(), country=Country.objects.get(code="FR")
        )
        check_deferred_constraints()


def test_the_database_refuses_to_change_countries_away_from_existing_participants():
    participation = ParticipationFactory()  # someone from one side of a Morocco–Spain meeting
    meeting = participation.meeting
    meeting.country_a = Country.objects.get(code="FR")
    meeting.country_b = Country.objects.get(code="PT")
    violation = r"two countries|no longer involves"
    with pytest.raises(IntegrityError, match=violation), transaction.atomic():
        meeting.save()
        check_deferred_constraints()


def test_a_mandate_ending_before_it_starts_is_rejected():
    mandate = MandateFactory.build(
        minister=MinisterFactory(),
        post=PostFactory(),
        start=datetime.date(2020, 5, 1),
        end=datetime.date(2020, 4, 1),
    )
    with pytest.raises(ValidationError) as error:
        mandate.full_clean()
    assert "end" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        mandate.save()


def test_overlapping_mandates_of_one_person_in_one_post_are_rejected():
    first = MandateFactory(start=datetime.date(2020, 1, 1), end=None)
    overlapping = MandateFactory.build(
        minister=first.minister, post=first.post, start=datetime.date(2022, 1, 1)
    )
    with pytest.raises(ValidationError):
        overlapping.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        overlapping.save()
    # The same person may hold another post at the same time.
    MandateFactory(minister=first.minister, start=datetime.date(2022, 1, 1))


def test_consecutive_mandates_in_one_post_are_accepted():
    first = MandateFactory(start=datetime.date(2019, 1, 1), end=datetime.date(2020, 12, 31))
    second = MandateFactory.build(
        minister=first.minister, post=first.post, start=datetime.date(2021, 1, 1)
    )
    second.full_clean()
    second.save()


def test_a_source_url_can_be_used_only_once_but_several_sources_may_have_none():
    source = SourceFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceFactory(url=source.url)
    SourceFactory(url="")
    SourceFactory(url="")


def test_topics_have_two_levels_only():
    migration = Topic.objects.get(slug="migration")
    border_control = Topic.objects.get(slug="border-control")
    deeper = Topic(
        slug="deeper", name_en="Deeper", name_fr="Plus bas", name_ar="أعمق", parent=border_control
    )
    with pytest.raises(ValidationError):
        deeper.full_clean()
    migration.parent = Topic.objects.get(slug="security")
    with pytest.raises(ValidationError):
        migration.full_clean()


def test_the_mandate_held_on_the_meeting_day_is_found_for_a_participant():
    mandate = MandateFactory(start=datetime.date(2020, 1, 1))
    meeting = MeetingFactory(date=datetime.date(2023, 3, 1))
    participation = Participation(meeting=meeting, minister=mandate.minister)
    participation.full_clean()
    assert participation.mandate == mandate
    assert participation.country_id == "MA"


def test_a_mandate_that_was_not_running_on_the_meeting_day_is_refused():
    mandate = MandateFactory(start=datetime.date(2024, 1, 1))
    meeting = MeetingFactory(date=datetime.date(2023, 3, 1))
    participation = Participation(meeting=meeting, minister=mandate.minister, mandate=mandate)
    with pytest.raises(ValidationError) as error:
        participation.full_clean()
    assert "mandate" in error.value.message_dict


def test_dates_of_month_or_year_precision_are_stored_as_the_first_day():
    meeting = MeetingFactory.build(date=datetime.date(2023, 5, 17), date_precision="month")
    meeting.full_clean()
    assert meeting.date == datetime.date(2023, 5, 1)
    meeting.date_precision = "year"
    meeting.full_clean()
    assert meeting.date == datetime.date(2023, 1, 1)


def test_only_published_meetings_are_public():
    published = MeetingFactory()
    for status in ("draft", "review", "withdrawn"):
        MeetingFactory(status=status)
    assert list(Meeting.objects.published().filter(title_en__startswith="Meeting number")) == [
        published
    ]


def test_publishing_records_the_first_publication_time():
    meeting = MeetingFactory(status="draft")
    assert meeting.published_at is None
    meeting.status = "published"
    meeting.save()
    assert meeting.published_at is not None


def test_names_fall_back_to_another_language_when_one_is_missing():
    topic = Topic(name_en="Energy", name_fr="", name_ar="الطاقة")
    assert localized(topic, "name", "fr") == "Energy"
    assert localized(topic, "name", "ar") == "الطاقة"
    with translation.override("ar"):
        assert topic.name == "الطاقة"


def test_between_finds_a_pair_in_either_order(seed_meetings):
    belgium, _italy = seed_meetings
    assert list(Meeting.objects.between("MA", "BE")) == [belgium]
    assert list(Meeting.objects.between("BE", "MA")) == [belgium]


def stored_vector(meeting):
    """The stored search vector, and the one the meeting's own text gives, as text."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector::text, meetings_meeting_vector(title_ar, title_fr, title_en,"
            " summary_ar, summary_fr, summary_en, outcomes_ar, outcomes_fr, outcomes_en)::text"
            " FROM meetings_meeting WHERE id = %s",
            [meeting.pk],
        )
        return cursor.fetchone()


def test_the_search_vector_follows_the_text_on_insert_and_on_update_whoever_writes_it():
    meeting = MeetingFactory(summary_en="Talks on fisheries.")
    stored, expected = stored_vector(meeting)
    assert "fisheri" in stored and stored == expected
    meeting.summary_en = "Talks on wheat."
    meeting.save(update_fields=["summary_en"])
    stored, expected = stored_vector(meeting)
    assert "wheat" in stored and "fisheri" not in stored and stored == expected
    assert Meeting.objects.search("wheat").filter(pk=meeting.pk).exists()
    # A shell's queryset update, or raw SQL, the same.
    Meeting.objects.filter(pk=meeting.pk).update(title_fr="Entretiens sur l'orge")
    stored, expected = stored_vector(meeting)
    assert "orge" in stored and stored == expected
    assert Meeting.objects.search("orge").filter(pk=meeting.pk).exists()


def test_saving_a_meeting_loaded_without_its_vector_keeps_the_vector():
    meeting = MeetingFactory(summary_en="Talks on fisheries.")
    again = Meeting.objects.defer("search_vector").get(pk=meeting.pk)
    again.search_vector = None  # as after create(): Django never reads the trigger's value
    again.save()
    stored, expected = stored_vector(meeting)
    assert "fisheri" in stored and stored == expected


def test_a_vector_written_directly_is_replaced_unless_the_loader_supplies_vectors():
    meeting = MeetingFactory(summary_en="Talks on fisheries.")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE meetings_meeting SET search_vector = 'bogus'::tsvector WHERE id = %s",
            [meeting.pk],
        )
        assert stored_vector(meeting)[0] != "'bogus'"
        cursor.execute(
            "INSERT INTO meetings_meeting (date, date_precision, country_a_id, country_b_id,"
            " title_ar, title_fr, title_en, summary_ar, summary_fr, summary_en, outcomes_ar,"
            " outcomes_fr, outcomes_en, status, created_at, updated_at, withdrawal_note,"
            " version, search_vector, topic_ids, topic_group_ids,"
            " portfolio_ids, person_ids, post_ids)"
            " VALUES ('2024-01-01', 'day', 'BE', 'MA', '', '', '', '', '', %s, '', '', '',"
            " 'draft', now(), now(), '', 1, 'bogus'::tsvector, '{}', '{}', '{}', '{}',"
            " '{}')"
            " RETURNING id",
            ["wheat"],
        )
        computed = Meeting(pk=cursor.fetchone()[0])
        assert stored_vector(computed)[0] == "'wheat':1"
        with transaction.atomic():
            cursor.execute("SET LOCAL meetings.search_vectors_supplied = 'on'")
            cursor.execute(
                "UPDATE meetings_meeting SET summary_en = %s, search_vector = %s WHERE id = %s",
                ["barley", "'barley':1", computed.pk],
            )
        assert stored_vector(computed)[0] == "'barley':1"


def test_every_write_of_a_meeting_gives_it_a_new_display_version():
    """Meeting cards are kept under it (meetings.caching.fragments): no write may reuse a number."""
    meeting = MeetingFactory()
    meeting.refresh_from_db()
    first = meeting.display_version
    assert first is not None
    meeting.save()
    meeting.refresh_from_db()
    assert meeting.display_version > first
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE meetings_meeting SET display_version = %s WHERE id = %s", [first, meeting.pk]
        )
    meeting.refresh_from_db()
    assert meeting.display_version not in (None, first)


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("meetings:minister", "عبد-الوافي-لفتيت"),
        ("meetings:minister", "annelies-verlinden"),
        ("meetings:country", "ma"),
        ("meetings:detail", 918273645918),
        ("meetings:topic", "civil-protection"),
        ("meetings:pair", ("ma", "fr")),
        ("meetings:pair", ("918273646", "918273645")),
    ],
)
def test_links_built_from_a_reversed_pattern_are_what_reverse_gives(language, name, value):
    from django.urls import reverse
    from django.utils import translation

    from meetings.models import reverse_fast

    values = value if isinstance(value, tuple) else (value,)
    with translation.override(language):
        assert reverse_fast(name, *values) == reverse(name, args=values)
