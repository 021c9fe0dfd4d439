"""The read-only API: published meetings and the reference data they name.

Every endpoint answers GET, HEAD and OPTIONS only. The meeting list takes the
very same parameters as the site's list (MeetingFilter); a parameter that
cannot be understood answers 400 with messages keyed by the parameter's name.
Anonymous clients are throttled (settings.REST_FRAMEWORK): over the rate, a 429
with a Retry-After header.
"""

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from meetings.counting import bitmaps, matching
from meetings.filters import MeetingFilter, PeopleFilter
from meetings.models import Country, Mandate, Meeting, Minister, Source, Topic
from meetings.opendata.api.pagination import MeetingCursorPagination, ReferencePagination
from meetings.opendata.api.representations import meeting_rows, meetings_as_dicts
from meetings.opendata.api.serializers import (
    CountryDetailSerializer,
    MeetingSerializer,
    MinisterSerializer,
    TopicSerializer,
)


class KeyedFilterExtension(DjangoFilterExtension):
    """Describes MeetingFilter's parameters in the OpenAPI schema.

    Filters that look a row up by a natural key (``country`` by code, ``topic``
    by slug...) get the type of that key, through the hook drf-spectacular uses
    to find the model field a filter compares with; bounds the form field checks
    (``year``, the length of ``q``) are stated too. Without it, the filters that
    have no model field of their own only get warnings.
    """

    priority = 1

    def _get_model_field(self, filter_field, model):
        queryset = filter_field.extra.get("queryset")
        key = filter_field.extra.get("to_field_name")
        if isinstance(queryset, QuerySet) and key:
            return queryset.model._meta.get_field(key)
        return super()._get_model_field(filter_field, model)

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        bounds = {"min_value": "minimum", "max_value": "maximum", "max_length": "maxLength"}
        for parameter in parameters:
            for option, keyword in bounds.items():
                if filter_field.extra.get(option) is not None:
                    parameter["schema"][keyword] = filter_field.extra[option]
        return parameters


class KnownParameters:
    """A query parameter the endpoint does not read answers 400, naming it: a misspelt
    filter must not return every record as if it had been applied."""

    def known_parameters(self) -> set[str]:
        known = {"format"}  # the renderer's (?format=json)
        if self.action == "list":
            known |= {"page", "page_size", "cursor"}
        if getattr(self, "filterset_class", None):  # filters apply to a record too
            known |= set(self.filterset_class.base_filters)
        return known

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        unknown = sorted(set(request.query_params) - self.known_parameters())
        if unknown:
            raise ValidationError(
                {
                    name: [_("Unknown parameter: this endpoint does not read it.")]
                    for name in unknown
                }
            )


# Documented answers other than 200, shared by every operation.
DETAIL = inline_serializer("Detail", {"detail": serializers.CharField()})
BAD_REQUEST = OpenApiResponse(
    response={
        "type": "object",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    },
    description="A parameter could not be understood: messages keyed by the parameter's name, "
    'e.g. {"country": ["Unknown country code “ZZ”."]}.',
)
NOT_FOUND = OpenApiResponse(DETAIL, description="No such record, or a page number out of range.")
THROTTLED = OpenApiResponse(
    DETAIL, description="Too many requests: the Retry-After header says when to come back."
)
RETRY_AFTER = OpenApiParameter(
    "Retry-After",
    OpenApiTypes.INT,
    OpenApiParameter.HEADER,
    description="Seconds to wait before the next request.",
    response=[429],
)


def list_schema(serializer, summary):
    return extend_schema(
        summary=summary,
        parameters=[RETRY_AFTER],
        responses={200: serializer, 400: BAD_REQUEST, 404: NOT_FOUND, 429: THROTTLED},
    )


def detail_schema(serializer, summary, lookup):
    return extend_schema(
        summary=summary,
        parameters=[lookup, RETRY_AFTER],
        responses={200: serializer, 404: NOT_FOUND, 429: THROTTLED},
    )


@extend_schema_view(
    list=list_schema(MeetingSerializer, "Published meetings, filtered like the site's list"),
    retrieve=detail_schema(
        MeetingSerializer,
        "A published meeting",
        OpenApiParameter(
            "id", {"type": "integer", "minimum": 1}, OpenApiParameter.PATH, description="Its id."
        ),
    ),
)
class MeetingViewSet(KnownParameters, viewsets.ReadOnlyModelViewSet):
    """Published meetings, with their countries, place, people, topics and sources.

    The list takes MeetingFilter's parameters (those of the site's list) and is
    paginated with cursors, in the order ``order`` chooses. Meetings that are not
    published are neither listed nor found.
    """

    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter
    pagination_class = MeetingCursorPagination

    def get_queryset(self):
        if self.action == "list":
            return Meeting.objects.published()  # read as dicts by list()
        sources = Source.objects.select_related("outlet").defer("text")
        return (
            Meeting.objects.published()
            .with_related()
            .prefetch_related(Prefetch("sources", queryset=sources))
            .defer("search_vector")
        )

    def list(self, request, *args, **kwargs):
        """The page's meetings as plain dicts, exactly as MeetingSerializer writes them:
        a tenth of the time, and no garbage for the collector's full passes (see
        meetings/opendata/api/representations.py)."""
        queryset = self.filter_queryset(self.get_queryset())
        filterset = self.filterset_class(request.query_params or None, queryset=queryset)
        cleaned = filterset.form.cleaned_data if filterset.is_bound and filterset.is_valid() else {}
        self.count = len(matching(bitmaps(), cleaned))  # exact (meetings.counting)
        rows = self.paginate_queryset(meeting_rows(queryset))
        return self.get_paginated_response(meetings_as_dicts(rows, request))


@extend_schema_view(
    list=list_schema(CountryDetailSerializer, "Countries"),
    retrieve=detail_schema(
        CountryDetailSerializer,
        "A country",
        OpenApiParameter(
            "code",
            {"type": "string", "pattern": "^[A-Za-z]{2}$"},
            OpenApiParameter.PATH,
            description="ISO 3166-1 alpha-2 code, in either case.",
            examples=[OpenApiExample("Morocco", value="MA")],
        ),
    ),
)
class CountryViewSet(KnownParameters, viewsets.ReadOnlyModelViewSet):
    """Countries by ISO code, with names and the number of published meetings of each."""

    serializer_class = CountryDetailSerializer
    pagination_class = ReferencePagination
    lookup_field = "code"

    def get_queryset(self):
        return Country.objects.annotate(
            published_meetings=published_count("country_a") + published_count("country_b")
        ).order_by("code")

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()


def published_count(side):
    """The number of published meetings with the outer country on ``side``, in a subquery."""
    meetings = (
        Meeting.objects.published()
        .filter(**{side: OuterRef("pk")})
        .order_by()
        .values(side)
        .annotate(number=Count("pk"))
        .values("number")
    )
    return Coalesce(Subquery(meetings), 0)


@extend_schema_view(
    list=list_schema(MinisterSerializer, "Ministers and officials"),
    retrieve=detail_schema(
        MinisterSerializer,
        "A minister or official",
        OpenApiParameter(
            "slug",
            {"type": "string", "pattern": r"^[-\w]+$"},
            OpenApiParameter.PATH,
            description="The person's id.",
            examples=[OpenApiExample("Abdelouafi Laftit", value="abdelouafi-laftit")],
        ),
    ),
)
class MinisterViewSet(KnownParameters, viewsets.ReadOnlyModelViewSet):
    """People who take part in meetings, each with the posts they held (newest first)."""

    serializer_class = MinisterSerializer
    pagination_class = ReferencePagination
    filterset_class = PeopleFilter
    lookup_field = "slug"

    def get_queryset(self):
        mandates = Mandate.objects.select_related("post__portfolio").order_by("-start", "pk")
        return Minister.objects.prefetch_related(Prefetch("mandates", queryset=mandates)).order_by(
            "name_latin", "name_ar", "pk"
        )


@extend_schema_view(
    list=list_schema(TopicSerializer, "Topics"),
    retrieve=detail_schema(
        TopicSerializer,
        "A topic",
        OpenApiParameter(
            "slug",
            {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
            OpenApiParameter.PATH,
            description="The topic's slug.",
            examples=[OpenApiExample("Migration", value="migration")],
        ),
    ),
)
class TopicViewSet(KnownParameters, viewsets.ReadOnlyModelViewSet):
    """The two-level topic taxonomy: each topic with its parent's slug and its names."""

    serializer_class = TopicSerializer
    pagination_class = ReferencePagination
    lookup_field = "slug"

    def get_queryset(self):
        return Topic.objects.select_related("parent").order_by("slug")


# ---------------------------------------------------------------------------
# Documentation pages: every asset from this site's static files, none from another host.
# ---------------------------------------------------------------------------


class SwaggerView(SpectacularSwaggerSplitView):
    """Swagger UI on the schema. The split view serves its start-up script as a file,
    so the page needs no inline script under the Content Security Policy; every asset
    comes from this site's static files (drf-spectacular-sidecar)."""

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
