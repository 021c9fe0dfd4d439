"""The codebook: every field of every CSV, JSON and API output, and the topic hierarchy.

Served as a page (/<lang>/data/codebook/) and shipped in every release as codebook.md,
both from ``context()``: the tables' own field definitions (meetings.opendata.tables),
the dyad-year columns by their exact names, and the API's fields read from its OpenAPI
schema, so nothing the files or the API hold goes undocumented.
"""

import functools

from django.utils.translation import gettext_lazy as _

from meetings.models import Topic
from meetings.opendata import exports, tables
from meetings.reference import cached_objects

# What the API's fields mean, by name (a few by schema and name); the schema's own
# description is used where it has one.
API_FIELDS = {
    "id": _("The record's stable numeric identifier."),
    "slug": _("The record's stable identifier in words, used in URLs and filters."),
    "code": _("ISO 3166-1 alpha-2 code."),
    "name_en": _("The name in English."),
    "name_fr": _("The name in French."),
    "name_ar": _("The name in Arabic."),
    "name_latin": _("The person's name in Latin script (empty if unknown)."),
    "url": _("The record's page on the site, in the request's language."),
    "api_url": _("The record in the API."),
    "meetings": _("Number of published meetings."),
    "date": _("ISO 8601 date; the first day of the month or year when less precise."),
    "date_precision": _("How precise the date is: day, month or year."),
    "countries": _("The two sides, in code order, as Country objects."),
    "host_country": _("ISO code of the country where the meeting took place, or null."),
    "city": _("The city where it took place (a City object), or null."),
    "title": _("The record's title in ar, fr and en (empty where missing)."),
    "summary": _("The editors' summary in ar, fr and en."),
    "outcomes": _("What was agreed, one item a line, in ar, fr and en."),
    "topics": _("The meeting's topics (identifiers)."),
    "participants": _("The people who took part, lead first (Participant objects)."),
    "sources": _("The articles the record is taken from (Source objects)."),
    "first_published": _("When the record was first published in the archive (UTC)."),
    "updated_at": _("When the record last changed (UTC)."),
    "aliases": _("Other names and spellings."),
    "wikidata_id": _("The person's Wikidata item, if known."),
    "mandates": _("The posts the person held (Mandate objects)."),
    "post_title": _("The post's title in ar, fr and en; null when no post is recorded."),
    "country": _("ISO code of the country."),
    "portfolio": _("Identifier of the post's area of government, or null."),
    "rank": _("The post's rank: head of government, minister, minister delegate, …"),
    "start": _("The first day in the post."),
    "end": _("The last day in the post; null while in office."),
    "role": _("lead, or accompanying someone who leads."),
    "description": _("How the article describes the person, when no post is recorded."),
    "outlet": _("The news outlet that published the article."),
    "author": _("The article's author, if named."),
    "published_on": _("The day the article was published, if known."),
    "language": _("The article's language: ar, fr, en or other."),
    "headline": _("The article's headline."),
    "parent": _("The parent topic's identifier; null for a top-level topic."),
    "detail": _("What went wrong."),
    "count": _("How many records the filters select, exactly."),
    "next": _("The next page of results, or null."),
    "previous": _("The previous page of results, or null."),
    "results": _("The records of this page."),
    "ar": _("In Arabic."),
    "fr": _("In French."),
    "en": _("In English."),
    ("Participant", "id"): _("The person's numeric identifier."),
    ("Participant", "slug"): _("The person's stable identifier (person_id in the files)."),
    ("Participant", "country"): _("ISO code of the country the person represented."),
}


@functools.cache
def openapi_schemas() -> dict:
    """The API's component schemas, generated once per process."""
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)["components"]["schemas"]


def schema_type(schema: dict) -> str:
    if "type" in schema:
        kind = schema["type"]
        if kind == "array":
            return f"array of {schema_type(schema.get('items', {}))}"
        return kind + (f" ({schema['format']})" if "format" in schema else "")
    for key in ("$ref",):
        if key in schema:
            return schema[key].rsplit("/", 1)[-1]
    for key in ("allOf", "oneOf", "anyOf"):
        if key in schema:
            return " | ".join(schema_type(part) for part in schema[key])
    return "string"


def api_fields() -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(schema name, [(field, type, meaning)]) for every object schema of the API."""
    documented = []
    for name, schema in openapi_schemas().items():
        properties = schema.get("properties")
        if not properties:
            continue
        documented.append(
            (
                name,
                [
                    (
                        field,
                        schema_type(spec),
                        API_FIELDS.get((name, field))
                        or API_FIELDS.get(field)
                        or spec.get("description", ""),
                    )
                    for field, spec in properties.items()
                ],
            )
        )
    return documented


def topic_hierarchy() -> list[tuple[Topic, list[Topic]]]:
    topics = cached_objects(Topic).values()
    return [
        (group, sorted((t for t in topics if t.parent_id == group.pk), key=lambda t: t.slug))
        for group in exports.topic_groups()
    ]


def context() -> dict:
    return {
        "tables": [tables.TABLES[name] for name in ("meetings", "participants",
                                                    "meeting_topics", "sources", "topics")],
        "json_fields": tables.MEETINGS_JSON.fields,
        "dyad_columns": exports.dyad_columns(),
        "api_schemas": api_fields(),
        "topic_hierarchy": topic_hierarchy(),
    }  # fmt: skip
