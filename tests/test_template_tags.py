"""The archive's template filters write what Django's own would, faster."""

import pytest
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils import translation

from meetings.facets import FacetItem
from meetings.templatetags.archive import figure, ranked_items

NUMBERS = [0, 1, 7, 999, 1000, 1001, 12345, 999999, 1000000, 1234567890, -1, -1234, -1000000]


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_figure_writes_what_intcomma_writes_in_each_language(language):
    with translation.override(language):
        assert [figure(n) for n in NUMBERS] == [intcomma(n) for n in NUMBERS]
        assert figure("12345") == intcomma("12345")  # not an int: intcomma's own answer
        assert figure(None) == intcomma(None)


def test_figure_groups_thousands_as_each_language_writes_them():
    with translation.override("en"):
        assert figure(1234567) == "1,234,567"
    with translation.override("fr"):
        assert figure(1234567) == "1\xa0234\xa0567"
    with translation.override("ar"):
        assert figure(1234567) == "1234567"


def test_ranked_items_escape_labels_and_links_and_mark_the_chosen_value():
    items = [
        FacetItem('<b>"Côte"</b>', 12345, "?country=CI&q=a<b"),
        FacetItem("Morocco", 7, "?country=MA", active=True),
    ]
    with translation.override("en"):
        html = ranked_items(items)
    assert html == (
        '<li><a href="?country=CI&amp;q=a&lt;b">&lt;b&gt;&quot;Côte&quot;&lt;/b&gt;</a>'
        ' <span class="count">12,345</span></li>'
        '<li><strong aria-current="true">Morocco</strong> <span class="count">7</span></li>'
    )
    assert ranked_items([]) == ""
