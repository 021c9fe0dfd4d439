"""What the extraction tests share: the days their articles are published on, and a draft
made from an article as the admin's "meeting from an article" screen makes it. (The
``gazetteer`` fixture, read from the test database, is in conftest.py.)"""

import datetime

from meetings.extraction import extract, read_article

MONDAY, TUESDAY, WEDNESDAY, THURSDAY = (datetime.date(2025, 3, day) for day in (10, 11, 12, 13))


def draft_of(content, gazetteer, published=WEDNESDAY, **options):
    return extract(read_article(content, published=published, **options), gazetteer)


def people(draft):
    """The proposed ministers as (name, country) pairs."""
    return {(minister.name, minister.country) for minister in draft.ministers}
