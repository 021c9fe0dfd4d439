"""JSON representations of the archive's records for the read-only API.

Texts kept in three languages are objects {"ar": ..., "fr": ..., "en": ...}
(an empty string where a language is missing). Reference rows named inside a
meeting (countries, topics, portfolios) are given by their natural keys.
A source's stored article text is never part of any representation.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from meetings.models import (
    LANGUAGE_CODES,
    City,
    Country,
    Mandate,
    Meeting,
    Minister,
    Participation,
    Portfolio,
    Post,
    Source,
    Topic,
)
from meetings.reference import cached_objects
from meetings.site import absolute_url


class TranslationsSerializer(serializers.Serializer):
    """A text in Arabic, French and English; an empty string where it is missing."""

    ar = serializers.CharField()
    fr = serializers.CharField()
    en = serializers.CharField()

    class Meta:
        ref_name = "Translations"


@extend_schema_field(TranslationsSerializer)
class TranslationsField(serializers.Field):
    """Reads ``<prefix>_ar``, ``<prefix>_fr`` and ``<prefix>_en`` into one object.

    ``source`` names the object holding the columns (the record itself by default).
    """

    def __init__(self, prefix, source="*", **kwargs):
        self.prefix = prefix
        super().__init__(source=source, read_only=True, **kwargs)

    def to_representation(self, value):
        return {code: getattr(value, f"{self.prefix}_{code}") for code in LANGUAGE_CODES}


@extend_schema_field(OpenApiTypes.URI)
class PageURLField(serializers.Field):
    """The absolute URL of the record's page on the site (SITE_URL), in the request's language."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return absolute_url(value.get_absolute_url())


class CountrySerializer(serializers.ModelSerializer):
    """A country: ISO 3166-1 alpha-2 code and names."""

    class Meta:
        model = Country
        fields = ["code", "name_en", "name_fr", "name_ar"]
        read_only_fields = fields


class CountryDetailSerializer(CountrySerializer):
    """A country, its pages and how many published meetings it took part in."""

    url = PageURLField()
    api_url = serializers.HyperlinkedIdentityField(
        view_name="api:country-detail", lookup_field="code"
    )
    meetings = serializers.IntegerField(
        source="published_meetings", read_only=True, help_text="Number of published meetings."
    )

    class Meta(CountrySerializer.Meta):
        fields = [*CountrySerializer.Meta.fields, "url", "api_url", "meetings"]
        read_only_fields = fields


class CitySerializer(serializers.ModelSerializer):
    class Meta:
        model = City
        fields = ["slug", "name_en", "name_fr", "name_ar"]
        read_only_fields = fields


class TopicSerializer(serializers.ModelSerializer):
    """A topic, its parent's slug (null for a top-level topic) and its names."""

    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    url = PageURLField()
    api_url = serializers.HyperlinkedIdentityField(
        view_name="api:topic-detail", lookup_field="slug"
    )

    class Meta:
        model = Topic
        fields = ["slug", "parent", "name_en", "name_fr", "name_ar", "url", "api_url"]
        read_only_fields = fields


class ParticipantSerializer(serializers.ModelSerializer):
    """A person in a meeting, with the post held that day (null when none is recorded)."""

    id = serializers.IntegerField(source="minister.id", read_only=True)
    slug = serializers.CharField(source="minister.slug", read_only=True)
    name_latin = serializers.CharField(source="minister.name_latin", read_only=True)
    name_ar = serializers.CharField(source="minister.name_ar", read_only=True)
    country = serializers.CharField(source="country_id", read_only=True)
    post_title = TranslationsField("title", source="mandate.post", allow_null=True)
    portfolio = serializers.SerializerMethodField()

    class Meta:
        model = Participation
        fields = [
            "id",
            "slug",
            "name_latin",
            "name_ar",
            "country",
            "post_title",
            "portfolio",
            "role",
            "description",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_portfolio(self, participation):
        if not participation.mandate_id or not participation.mandate.post.portfolio_id:
            return None
        post = participation.mandate.post
        # From the reference cache: no query per participant (unless the cache is stale).
        return (cached_objects(Portfolio).get(post.portfolio_id) or post.portfolio).slug


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class OptionalURLField(serializers.URLField):
    """A URL, or null where none is recorded (stored as an empty string)."""

    def to_representation(self, value):
        return value or None


class SourceSerializer(serializers.ModelSerializer):
    """An article a meeting is taken from: where and when it appeared. Never its text."""

    url = OptionalURLField(read_only=True)
    outlet = serializers.SlugRelatedField(slug_field="name", read_only=True, allow_null=True)

    class Meta:
        model = Source
        fields = ["url", "outlet", "author", "published_on", "language", "headline"]
        read_only_fields = fields


class MeetingSerializer(serializers.ModelSerializer):
    """A published meeting with its countries, place, people, topics and sources."""

    url = PageURLField()
    api_url = serializers.HyperlinkedIdentityField(view_name="api:meeting-detail")
    countries = CountrySerializer(many=True, read_only=True)
    host_country = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    city = CitySerializer(read_only=True, allow_null=True)
    title = TranslationsField("title")
    summary = TranslationsField("summary")
    outcomes = TranslationsField("outcomes")
    topics = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    participants = ParticipantSerializer(source="participations", many=True, read_only=True)
    sources = SourceSerializer(many=True, read_only=True)
    first_published = serializers.DateTimeField(
        source="published_at", read_only=True, allow_null=True
    )

    class Meta:
        model = Meeting
        fields = [
            "id",
            "url",
            "api_url",
            "date",
            "date_precision",
            "countries",
            "host_country",
            "city",
            "title",
            "summary",
            "outcomes",
            "topics",
            "participants",
            "sources",
            "first_published",
            "updated_at",
        ]
        read_only_fields = fields


class MandateSerializer(serializers.ModelSerializer):
    """A post held from ``start`` to ``end`` (null while in office)."""

    post_title = TranslationsField("title", source="post")
    country = serializers.CharField(source="post.country_id", read_only=True)
    portfolio = serializers.SlugRelatedField(
        source="post.portfolio", slug_field="slug", read_only=True, allow_null=True
    )
    rank = serializers.ChoiceField(source="post.rank", choices=Post.Rank.choices, read_only=True)

    class Meta:
        model = Mandate
        fields = ["post_title", "country", "portfolio", "rank", "start", "end"]
        read_only_fields = fields


class MinisterSerializer(serializers.ModelSerializer):
    """A person who takes part in meetings, with the posts they held."""

    url = PageURLField()
    api_url = serializers.HyperlinkedIdentityField(
        view_name="api:minister-detail", lookup_field="slug"
    )
    mandates = MandateSerializer(many=True, read_only=True)

    class Meta:
        model = Minister
        fields = [
            "id",
            "slug",
            "name_latin",
            "name_ar",
            "aliases",
            "wikidata_id",
            "url",
            "api_url",
            "mandates",
        ]
        read_only_fields = fields
