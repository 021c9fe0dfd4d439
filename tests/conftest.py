import gc

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection

from meetings import counting
from meetings.extraction.database import gazetteer_from_database
from meetings.models import Meeting
from meetings.operations import rate_limits
from tests.browser_support import archive, browser, page  # noqa: F401  (one Chromium for the session)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the reference data and the two seed meetings once for the whole session."""
    with django_db_blocker.unblock():
        call_command("load_reference_data", verbosity=0)


@pytest.fixture
def gazetteer():
    """The extractor's countries, cities, people and outlets, read from the test database."""
    return gazetteer_from_database()


@pytest.fixture(autouse=True)
def no_prune_at_random(monkeypatch):
    """The rate limits forget stale rows on one request in 500, at random: one more query at
    random would fail the tests that count a page's queries. The prune has its own test."""
    monkeypatch.setattr(rate_limits, "PRUNE_EVERY", 0)


@pytest.fixture(autouse=True)
def clear_cache():
    for name in ("default", "fragments", "pages"):
        caches[name].clear()
    counting.forget()
    yield
    for name in ("default", "fragments", "pages"):
        caches[name].clear()


@pytest.fixture
def reference_data(transactional_db):
    """Transactional tests start from empty tables (each one's end empties them; pytest-django
    runs them after the others): the reference data, committed, without the seed meetings."""
    call_command("load_reference_data", "--no-seeds", verbosity=0)


@pytest.fixture(autouse=True)
def prepared_downloads(settings, tmp_path):
    """Each test's whole-archive downloads in a folder of its own."""
    settings.PREPARED_DIR = tmp_path / "downloads"
    settings.DATASET_DIR = tmp_path / "datasets"  # and releases: none until a test makes one


@pytest.fixture(autouse=True)
def free_heavy_output_slots(django_db_blocker):
    """A streamed download the test did not read to its end keeps its slot, as a client that
    never hangs up would until the server closes it: free the slots between tests."""
    yield
    if connection.connection is None:
        return
    if connection.connection.lock.locked():
        # A download's first rows are read in the view (heavy_outputs.ReleasingSlot), so a
        # response the test neither read nor closed still holds the connection in its COPY.
        # A server closes every response; the test client's responses are freed only by the
        # garbage collector (they are in reference cycles), which closes them the same way.
        gc.collect()
        assert not connection.connection.lock.locked(), (
            "a download this test did not close still holds the database connection"
        )
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_unlock_all()")


@pytest.fixture
def seed_meetings(db):
    """The two seed meetings: Morocco–Belgium (15 April 2024) and Morocco–Italy (11 June 2024)."""
    belgium = Meeting.objects.between("MA", "BE").get(date="2024-04-15")
    italy = Meeting.objects.between("MA", "IT").get(date="2024-06-11")
    return belgium, italy
