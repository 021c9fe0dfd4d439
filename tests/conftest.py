import pytest
from django.core.cache import caches
from django.core.management import call_command

from meetings.models import Meeting
from tests.browser_support import archive, browser, page  # noqa: F401  (one Chromium for the session)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the reference data and the two seed meetings once for the whole session."""
    with django_db_blocker.unblock():
        call_command("load_reference_data", verbosity=0)


@pytest.fixture(autouse=True)
def clear_cache():
    for name in ("default", "fragments", "pages"):
        caches[name].clear()
    yield
    for name in ("default", "fragments", "pages"):
        caches[name].clear()


@pytest.fixture
def seed_meetings(db):
    """The two seed meetings: Morocco–Belgium (15 April 2024) and Morocco–Italy (11 June 2024)."""
    belgium = Meeting.objects.between("MA", "BE").get(date="2024-04-15")
    italy = Meeting.objects.between("MA", "IT").get(date="2024-06-11")
    return belgium, italy
