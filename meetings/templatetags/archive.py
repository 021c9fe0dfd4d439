"""Filters and tags of the archive's pages: exact counts, and ranked lists of links.

A country or pair page lists every counterpart, topic and person with its count, some
twice (a panel and the facets): several hundred items. Written item by item in the
template language each costs tens of microseconds (variable lookups, autoescaping, and
humanize's ``intcomma``, which goes through ``number_format`` for every number); these
write the same HTML several times faster (docs/decisions/0029).
"""

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import get_format
from django.utils.safestring import mark_safe

from meetings.widgets import escaped

register = template.Library()


@register.filter(is_safe=True)
def figure(value):
    """``value`` with the active language's thousands separator, as ``intcomma`` writes
    it (1,234 in English, 1 234 in French, 1234 in Arabic), for plain integers without
    going through ``number_format``."""
    if type(value) is not int:
        return intcomma(value)
    grouping = get_format("NUMBER_GROUPING")
    if grouping == 0:
        return str(value)
    if grouping != 3:  # other groupings (e.g. Indian) are number_format's to write
        return intcomma(value)
    return f"{value:,}".replace(",", get_format("THOUSAND_SEPARATOR"))


@register.simple_tag
def ranked_items(items):
    """``<li>`` of each item (a FacetItem: label, count, url, active): a link and its
    count, or the label in bold for the value already chosen."""
    parts = []
    for item in items:
        label, number = escaped(item.label), escaped(figure(item.count))
        if item.active:
            parts.append(f'<li><strong aria-current="true">{label}</strong>')
        else:
            parts.append(f'<li><a href="{escaped(item.url)}">{label}</a>')
        parts.append(f' <span class="count">{number}</span></li>')
    return mark_safe("".join(parts))  # noqa: S308 - every value in it is escaped
