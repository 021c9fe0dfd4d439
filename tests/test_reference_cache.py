"""Reference tables are kept in each process under the reference version, which any
change to a reference row bumps in its own transaction (meetings.versions)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Country, Topic
from meetings.reference import cached_objects
from meetings.versions import one_reading

pytestmark = pytest.mark.django_db


def test_the_rows_are_read_once_then_served_with_no_query_but_the_version():
    with one_reading():
        assert cached_objects(Country)["MA"].name_en == "Morocco"
    with one_reading(), CaptureQueriesContext(connection) as queries:
        for _ in range(10):
            cached_objects(Country)
    assert len(queries) == 1  # the versions, once for the whole request


def test_saving_a_row_reloads_the_tables():
    with one_reading():
        cached_objects(Country), cached_objects(Topic)
    morocco = Country.objects.get(code="MA")
    morocco.name_en = "Kingdom of Morocco"
    morocco.save()
    with one_reading(), CaptureQueriesContext(connection) as queries:
        assert cached_objects(Country)["MA"].name_en == "Kingdom of Morocco"
        cached_objects(Country)
    assert len(queries) == 2  # the versions, then the countries once


def test_a_raw_sql_rename_is_seen_by_the_next_request():
    with one_reading():
        assert cached_objects(Country)["MA"].name_en == "Morocco"
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE meetings_country SET name_en = 'Kingdom of Morocco' WHERE code = 'MA'"
        )
    with one_reading():
        assert cached_objects(Country)["MA"].name_en == "Kingdom of Morocco"


def test_a_renamed_country_is_named_anew_on_its_page(client, seed_meetings, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert "Morocco" in client.get("/en/countries/ma/").content.decode()
    morocco = Country.objects.get(code="MA")
    morocco.name_en = "Kingdom of Morocco"
    morocco.save()
    assert "<h1>Kingdom of Morocco" in client.get("/en/countries/ma/").content.decode()


def test_select_options_are_sorted_once_per_language_and_follow_a_renamed_row():
    from django.utils import translation

    from meetings.reference import cached_choices

    with translation.override("en"):
        english = cached_choices(Country)
        assert ("MA", "Morocco") in english
        assert english == sorted(english, key=lambda pair: pair[1].casefold())
        english.clear()  # a caller's list: the kept one is untouched
        assert ("MA", "Morocco") in cached_choices(Country)
    with translation.override("fr"):
        assert ("MA", "Maroc") in cached_choices(Country)
    morocco = Country.objects.get(code="MA")
    morocco.name_en, morocco.name_fr = "Kingdom of Morocco", "Royaume du Maroc"
    morocco.save()
    with translation.override("en"):
        assert ("MA", "Kingdom of Morocco") in cached_choices(Country)
    with translation.override("fr"):
        assert ("MA", "Royaume du Maroc") in cached_choices(Country)
