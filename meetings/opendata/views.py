"""Open data outlets: the filtered list as CSV and JSON, the dyad-year table, the codebook,
the data page, dataset releases and Popolo. Each download is a heavy output
(meetings.opendata.heavy_outputs): a few at a time, the whole archive from prepared files.
"""

import json

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from meetings.filters import MeetingFilter
from meetings.models import Meeting
from meetings.opendata import dataset, exports, heavy_outputs
from meetings.opendata.popolo import popolo
from meetings.site import absolute_url


def filtered_or_400(request):
    """(filterset, None) with valid filters, or (None, a 400 naming the parameters)."""
    filterset = MeetingFilter(request.GET or None, queryset=Meeting.objects.published())
    if filterset.is_bound and not filterset.is_valid():
        errors = "\n".join(
            f"{name}: {' '.join(messages)}" for name, messages in filterset.errors.items()
        )
        return None, HttpResponse(
            errors + "\n", status=400, content_type="text/plain; charset=utf-8"
        )
    return filterset, None


def export_filename(request, extension: str) -> str:
    return f"meetings-{timezone.now():%Y-%m-%d}.{extension}"


def whole_archive(request) -> bool:
    """No filter, no order: the same download for everyone (heavy_outputs.prepared)."""
    return not any(value.strip() for name, value in request.GET.items() if name != "format")


def meetings_csv(request):
    """The filtered list as CSV, streamed (see the codebook for the columns)."""
    filterset, error = filtered_or_400(request)
    if error:
        return error
    page_url = absolute_meeting_url(request)
    return heavy_outputs.serve(
        request,
        heavy_outputs.Download(
            filename=export_filename(request, "csv"),
            content_type="text/csv; charset=utf-8",
            content=lambda: exports.meetings_csv(filterset.qs, page_url),
            prepared_as="meetings-csv" if whole_archive(request) else "",
        ),
    )


def meetings_json(request):
    """The filtered list as one JSON document, streamed."""
    filterset, error = filtered_or_400(request)
    if error:
        return error

    def content():
        meta = {
            "source": absolute_url(reverse("meetings:list")),
            "query": request.GET.urlencode(),
            "generated": timezone.now().isoformat(),
            "codebook": absolute_url(reverse("meetings:codebook")),
        }
        return exports.meetings_json(filterset.qs, absolute_meeting_url(request), meta)

    return heavy_outputs.serve(
        request,
        heavy_outputs.Download(
            filename=export_filename(request, "json"),
            content_type="application/json; charset=utf-8",
            content=content,
            attachment=False,
            prepared_as="meetings-json" if whole_archive(request) else "",
        ),
    )


def dyad_years_csv(request):
    """Meetings per pair of countries and year, overall and per top-level topic."""
    filterset, error = filtered_or_400(request)
    if error:
        return error

    def content():
        header, rows = exports.dyad_years(filterset.qs)
        return exports.csv_lines(rows, header)

    return heavy_outputs.serve(
        request,
        heavy_outputs.Download(
            filename=f"dyad-years-{timezone.now():%Y-%m-%d}.csv",
            content_type="text/csv; charset=utf-8",
            content=content,
            prepared_as="dyad-years-csv" if whole_archive(request) else "",
        ),
    )


def absolute_meeting_url(request):
    return lambda pk: absolute_url(reverse("meetings:detail", kwargs={"pk": pk}))


class CodebookView(TemplateView):
    """Every column of the CSV and JSON exports and of the dyad-year table."""

    template_name = "meetings/codebook.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            columns=exports.COLUMNS, dyad_columns=exports.DYAD_COLUMNS, **kwargs
        )


class DataView(TemplateView):
    """How to take the data away: exports, API, feeds, releases, Popolo."""

    template_name = "meetings/data.html"

    def get_context_data(self, **kwargs):
        release = dataset.latest_release()
        checksum = release.with_suffix(".zip.sha256") if release else None
        return super().get_context_data(
            release=release,
            release_size=release.stat().st_size if release else 0,
            release_checksum=(
                checksum.read_text().split()[0] if checksum and checksum.exists() else ""
            ),
            **kwargs,
        )


def latest_release(request):
    release = dataset.latest_release()
    if release is None:
        raise Http404(_("No dataset has been released yet."))
    return heavy_outputs.serve(
        request,
        heavy_outputs.Download(
            filename=release.name,
            content_type="application/zip",
            content=lambda: heavy_outputs.file_chunks(release),
        ),
    )


def popolo_json(request):
    """People, posts and mandates in the Popolo shape: the whole archive's, prepared."""
    return heavy_outputs.serve(
        request,
        heavy_outputs.Download(
            filename="popolo.json",
            content_type="application/json",
            content=lambda: [json.dumps(popolo(), ensure_ascii=False, indent=1)],
            attachment=False,
            prepared_as="popolo-json",
        ),
    )
