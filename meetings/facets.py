"""Facet counts beside a list of meetings, each a link that adds its filter.

The counts come from ``MeetingQuerySet.facet_counts()`` on the filtered
meetings, so they always reflect the filters already applied.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import QueryDict

from meetings.models import Country, Portfolio, Topic
from meetings.reference import cached_objects


@dataclass
class FacetItem:
    label: str
    count: int
    url: str
    active: bool = False
    children: list["FacetItem"] = field(default_factory=list)


class Links:
    """Links to the current query string with one parameter set (or added), back on page one.

    A page has a hundred facet links or more. Copying the QueryDict and encoding it
    whole for each of them cost more than the rest of the facets; here each parameter
    is encoded once, exactly as ``QueryDict.urlencode()`` writes it, and each link
    only encodes its own value.
    """

    def __init__(self, params: QueryDict):
        self.encoding = params.encoding
        self.values = {key: values for key, values in params.lists() if key != "page"}
        self.encoded = {
            key: [self.encode(key, value) for value in values]
            for key, values in self.values.items()
        }

    def encode(self, key: str, value: str) -> str:
        return urlencode({key.encode(self.encoding): str(value).encode(self.encoding)})

    def link(self, name: str, value: str, *, append: bool = False) -> str:
        parts = []
        for key, encoded in self.encoded.items():
            if key != name:
                parts += encoded
            elif append:
                parts += encoded
                if value not in self.values[key]:
                    parts.append(self.encode(name, value))
            else:
                parts.append(self.encode(name, value))  # in the parameter's place
        if name not in self.encoded:
            parts.append(self.encode(name, value))
        return "?" + "&".join(parts)


def build_facets(counts: dict, params: QueryDict, cleaned: dict) -> dict[str, list[FacetItem]]:
    """Facet lists for countries, years, topics and portfolios."""
    params = Links(params)
    return {
        "countries": country_facet(counts["country"], params, cleaned),
        "years": year_facet(counts["year"], params, cleaned),
        "topics": topic_facet(counts, params, cleaned),
        "portfolios": portfolio_facet(counts["portfolio"], params, cleaned),
    }


def country_facet(counts, params, cleaned):
    chosen = {c.code for c in (cleaned.get("country"), cleaned.get("counterpart")) if c}
    if len(chosen) == 2:
        return []  # a pair is chosen: every meeting has the same two countries
    name = "counterpart" if chosen else "country"
    countries = cached_objects(Country)
    names = {code: countries[code].name for code in counts if code not in chosen}  # once each
    ranked = sorted(names, key=lambda code: (-counts[code], names[code]))
    return [FacetItem(names[code], counts[code], params.link(name, code)) for code in ranked]


def year_facet(counts, params, cleaned):
    selected = cleaned.get("year")
    return [
        FacetItem(str(year), number, params.link("year", str(year)), active=year == selected)
        for year, number in sorted(counts.items(), reverse=True)
    ]


def topic_facet(counts, params, cleaned):
    topics = cached_objects(Topic)
    names = {pk: topic.name for pk, topic in topics.items()}  # in the active language
    selected = {topic.pk for topic in cleaned.get("topic") or ()}
    children = {}
    for child_id, number in sorted(counts["topic"].items(), key=lambda i: (-i[1], names[i[0]])):
        child = topics[child_id]
        children.setdefault(child.parent_id, []).append(
            FacetItem(
                names[child_id],
                number,
                params.link("topic", child.slug, append=True),
                active=child_id in selected,
            )
        )
    groups = []
    for topic_id, number in sorted(
        counts["topic_group"].items(), key=lambda item: (-item[1], names[item[0]])
    ):
        topic = topics[topic_id]
        item = FacetItem(
            names[topic_id],
            number,
            params.link("topic", topic.slug, append=True),
            active=topic_id in selected,
        )
        item.children = children.get(topic_id, [])
        groups.append(item)
    return groups


def portfolio_facet(counts, params, cleaned):
    portfolios = cached_objects(Portfolio)
    selected = cleaned.get("portfolio")
    return [
        FacetItem(
            portfolios[pk].name,
            number,
            params.link("portfolio", portfolios[pk].slug),
            active=selected is not None and selected.pk == pk,
        )
        for pk, number in sorted(counts.items(), key=lambda item: -item[1])
    ]
