"""Public pages. Each view is a filterset, a queryset and a template."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from meetings.filters import MeetingFilter
from meetings.models import Meeting


class HomeView(TemplateView):
    """Latest meetings and the archive's totals."""

    template_name = "meetings/home.html"

    def get_context_data(self, **kwargs):
        published = Meeting.objects.published()
        return super().get_context_data(
            latest=published.with_related()[:8],
            totals=published.totals(),
            **kwargs,
        )


class MeetingListView(FilterView):
    """Published meetings, filtered by any of MeetingFilter's parameters."""

    filterset_class = MeetingFilter
    template_name = "meetings/meeting_list.html"
    paginate_by = settings.MEETINGS_PER_PAGE

    def get_queryset(self):
        return Meeting.objects.published().with_related()

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.filterset.is_bound and not self.filterset.is_valid():
            response.status_code = 400
        return response


class MeetingDetailView(DetailView):
    """One meeting with its participants, topics, outcomes and sources."""

    template_name = "meetings/meeting_detail.html"
    context_object_name = "meeting"

    def get_queryset(self):
        return Meeting.objects.published().with_related().prefetch_related("sources__outlet")


def bad_request(request, exception):
    """400 page that says what was wrong when Django knows (a request too large, mostly)."""
    message = ""
    if isinstance(exception, RequestDataTooBig):
        message = _(
            "What was sent is too large (more than %(size)d MB). "
            "An article is much smaller: paste the article alone."
        ) % {"size": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1_000_000}
    elif isinstance(exception, TooManyFieldsSent):
        message = _("The form sent too many fields.")
    return render(request, "400.html", {"message": message}, status=400)
