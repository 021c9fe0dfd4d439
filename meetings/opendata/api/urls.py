"""The read-only API under /api/: meetings, countries, ministers, topics, schema and docs."""

from django.conf import settings
from django.urls import path
from django.views.decorators.csp import csp_override
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from meetings.opendata.api import views

app_name = "api"

router = DefaultRouter()
router.include_format_suffixes = False
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("countries", views.CountryViewSet, basename="country")
router.register("ministers", views.MinisterViewSet, basename="minister")
router.register("topics", views.TopicViewSet, basename="topic")


def with_inline_styles(patterns):
    """Swagger UI and DRF's browsable pages set styles inline: allow styles, never scripts."""
    for pattern in patterns:
        pattern.callback = csp_override(settings.API_PAGES_CSP)(pattern.callback)
    return patterns


urlpatterns = with_inline_styles(
    [
        # The schema and its documentation page read no table: not counted against the limit.
        path("schema/", SpectacularAPIView.as_view(throttle_classes=[]), name="schema"),
        path(
            "docs/",
            views.SwaggerView.as_view(url_name="api:schema", throttle_classes=[]),
            name="docs",
        ),
        *router.urls,
    ]
)
