"""Facet links: the current query string with one parameter set or added, as
QueryDict would write it, whatever the parameters, their order and their script."""

import pytest
from django.http import QueryDict

from meetings.facets import Links


def reference_link(params: QueryDict, name: str, value: str, append: bool = False) -> str:
    """What the links were before Links: a copy of the QueryDict, changed and encoded."""
    query = params.copy()
    query.pop("page", None)
    if append:
        values = query.getlist(name)
        if value not in values:
            query.setlist(name, [*values, value])
    else:
        query[name] = value
    return "?" + query.urlencode()


@pytest.mark.parametrize(
    "query",
    [
        "",
        "page=3",
        "country=MA",
        "topic=security&country=MA&page=2&year=2019",
        "q=%D8%A7%D9%84%D9%87%D8%AC%D8%B1%D8%A9&topic=migration&topic=energy",
        "q=coop%C3%A9ration+%26+s%C3%A9curit%C3%A9&order=relevance&after=2020-01-01_5",
        "year=2019&year=2020&portfolio=interior&date_from=2010-01-01",
    ],
)
@pytest.mark.parametrize(
    ("name", "value", "append"),
    [
        ("country", "FR", False),
        ("year", "2021", False),
        ("topic", "energy", True),
        ("topic", "border-control", True),
        ("portfolio", "foreign-affairs", False),
        ("q", "الهجرة & co", False),
    ],
)
def test_a_link_is_the_query_string_a_querydict_would_write(query, name, value, append):
    params = QueryDict(query)
    assert Links(params).link(name, value, append=append) == reference_link(
        params, name, value, append
    )
