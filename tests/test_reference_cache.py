"""Reference tables are kept in each process and reloaded when a row is saved."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Country, Topic
from meetings.reference import cache_key, cached_objects

pytestmark = pytest.mark.django_db


def test_the_rows_are_read_once_then_served_without_a_query():
    assert cached_objects(Country)["MA"].name_en == "Morocco"
    with CaptureQueriesContext(connection) as queries:
        for _ in range(10):
            cached_objects(Country)
    assert len(queries) == 0


def test_saving_a_row_reloads_its_table_and_only_its_table():
    cached_objects(Country), cached_objects(Topic)
    morocco = Country.objects.get(code="MA")
    morocco.name_en = "Kingdom of Morocco"
    morocco.save()
    with CaptureQueriesContext(connection) as queries:
        assert cached_objects(Country)["MA"].name_en == "Kingdom of Morocco"
        cached_objects(Topic)
    assert len(queries) == 1  # the countries, once


def test_a_renamed_country_is_named_anew_on_its_page(client, seed_meetings, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert "Morocco" in client.get("/en/countries/ma/").content.decode()
    morocco = Country.objects.get(code="MA")
    morocco.name_en = "Kingdom of Morocco"
    morocco.save()
    assert "<h1>Kingdom of Morocco" in client.get("/en/countries/ma/").content.decode()


def test_a_reload_before_the_change_commits_is_retired_when_it_commits(
    django_capture_on_commit_callbacks,
):
    cached_objects(Country)
    with django_capture_on_commit_callbacks(execute=True):
        morocco = Country.objects.get(code="MA")
        morocco.name_en = "Kingdom of Morocco"
        morocco.save()
        # Another process reloading now would still read the committed rows.
        cached_objects(Country)
        assert cache.get(cache_key(Country)) is not None
    assert cache.get(cache_key(Country)) is None  # so every process reloads once more


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
