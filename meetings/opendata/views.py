"""Open data outlets: the filtered list as CSV and JSON, the dyad-year table, the codebook,
the data page, dataset releases and Popolo. Each download is a heavy output
(meetings.opendata.heavy_outputs): a few at a time, the whole archive from prepared files.
"""

import json

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from meetings.filters import MeetingFilter
from meetings.models import Country, Meeting
from meetings.opendata import codebook, dataset, exports, heavy_outputs, tables
from meetings.opendata.popolo import popolo
from meetings.reference import cached_objects


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


def export_filename(request, name: str, extension: str) -> str:
    return f"{name}-{timezone.now():%Y-%m-%d}.{extension}"


def whole_archive(request) -> bool:
    """No filter, no order: the same download for everyone (heavy_outputs.prepared)."""
    return not any(value.strip() for name, value in request.GET.items() if name != "format")


def table_csv(request, table: str):
    """A tidy table (meetings, participants, meeting_topics, sources) of the filtered list,
    as CSV written by PostgreSQL (meetings.opendata.tables; the codebook has the columns)."""
    filterset, error = filtered_or_400(request)
    if error:
        return error
    chosen = tables.TABLES[table]
    return heavy_outputs.serve(
        request,
        heavy_outputs.Download(
            filename=export_filename(request, chosen.name.replace("_", "-"), "csv"),
            content_type="text/csv; charset=utf-8",
            content=lambda: tables.csv_blocks(chosen, filterset.qs),
            prepared_as=f"{chosen.name}-csv" if whole_archive(request) else "",
        ),
    )


def meetings_csv(request):
    return table_csv(request, "meetings")


def participants_csv(request):
    return table_csv(request, "participants")


def meeting_topics_csv(request):
    return table_csv(request, "meeting_topics")


def sources_csv(request):
    return table_csv(request, "sources")


def topics_csv(request):
    """The topic hierarchy: each topic with its group and names."""
    return heavy_outputs.serve(
        request,
        heavy_outputs.Download(
            filename="topics.csv",
            content_type="text/csv; charset=utf-8",
            content=lambda: tables.csv_blocks(tables.TOPICS),
        ),
    )


def meetings_json(request):
    """The filtered list as one JSON array of objects: pandas.read_json(url)."""
    return meetings_as_json(request, lines=False)


def meetings_jsonl(request):
    """The filtered list as JSON Lines, one object a line: pandas.read_json(url, lines=True)."""
    return meetings_as_json(request, lines=True)


def meetings_as_json(request, lines: bool):
    filterset, error = filtered_or_400(request)
    if error:
        return error
    write = tables.json_lines_blocks if lines else tables.json_records_blocks
    return heavy_outputs.serve(
        request,
        heavy_outputs.Download(
            filename=export_filename(request, "meetings", "jsonl" if lines else "json"),
            content_type=(
                "application/jsonl; charset=utf-8" if lines else "application/json; charset=utf-8"
            ),
            content=lambda: write(filterset.qs),
            attachment=lines,
            prepared_as=("meetings-jsonl" if lines else "meetings-json")
            if whole_archive(request)
            else "",
        ),
    )


BALANCED_VALUES = {"": False, "0": False, "false": False, "no": False,
                   "1": True, "true": True, "yes": True}  # fmt: skip


def dyad_years_csv(request):
    """Meetings per pair of countries and year, overall and per top-level topic; with
    ?balanced=1, every pair-year in scope, zeros included (meetings.opendata.exports)."""
    filterset, error = filtered_or_400(request)
    if error:
        return error
    balanced = BALANCED_VALUES.get(request.GET.get("balanced", "").strip().lower())
    if balanced is None:
        return HttpResponse(
            _("balanced: Give 1 for a balanced panel (zeros included) or 0.") + "\n",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    data = filterset.form.cleaned_data if filterset.is_bound else {}
    year = int(data["year"]) if data.get("year") else None

    def content():
        header, rows = exports.dyad_years(
            filterset.qs, balanced, data.get("date_from"), data.get("date_to"), year
        )
        return exports.csv_lines(rows, header)

    filtered = any(
        value.strip() for name, value in request.GET.items() if name not in ("format", "balanced")
    )
    return heavy_outputs.serve(
        request,
        heavy_outputs.Download(
            filename=f"dyad-years-{timezone.now():%Y-%m-%d}.csv",
            content_type="text/csv; charset=utf-8",
            content=content,
            prepared_as=""
            if filtered
            else ("dyad-years-balanced-csv" if balanced else "dyad-years-csv"),
        ),
    )


class CodebookView(TemplateView):
    """Every field of the CSV, JSON and API outputs, and the topic hierarchy."""

    template_name = "meetings/codebook.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**codebook.context(), **kwargs)


class DataView(TemplateView):
    """How to take the data away: exports, API, feeds, releases, Popolo."""

    template_name = "meetings/data.html"

    def get_context_data(self, **kwargs):
        release = dataset.latest_release()
        checksum = release.with_suffix(".zip.sha256") if release else None
        return super().get_context_data(
            release=release,
            release_folder=dataset.latest_release_folder(),
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


RELEASE_FILE_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".jsonl": "application/jsonl; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".cff": "text/plain; charset=utf-8",
    "": "text/plain; charset=utf-8",
}


def latest_release_file(request, name: str):
    """One file of the latest release (datapackage.json, meetings.csv…), as its checksums
    list it: a Data Package that frictionless can validate from its URL."""
    folder = dataset.latest_release_folder()
    if folder is None:
        raise Http404(_("No dataset has been released yet."))
    listed = {line.split("  ", 1)[1] for line in (folder / "SHA256SUMS").read_text().splitlines()
              if "  " in line} | {"SHA256SUMS"}  # fmt: skip
    if name not in listed:
        raise Http404(_("No such file in the latest release."))
    path = folder / name
    return heavy_outputs.serve(
        request,
        heavy_outputs.Download(
            filename=name,
            content_type=RELEASE_FILE_TYPES.get(path.suffix, "application/octet-stream"),
            content=lambda: heavy_outputs.file_chunks(path),
            attachment=path.suffix not in (".json", ".md", ".cff", ""),
        ),
    )


def popolo_json(request):
    """The people of the published meetings in the Popolo shape; ?country=MA for one
    country's. Unfiltered, the latest release's popolo.json (made once, from the files)."""
    country = request.GET.get("country", "").strip().upper()
    if country and country not in cached_objects(Country):
        return HttpResponse(
            _("country: Unknown country code “%(value)s”.") % {"value": country[:40]} + "\n",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    folder = None if country else dataset.latest_release_folder()
    if folder is not None and (folder / "popolo.json").is_file():
        content = lambda: heavy_outputs.file_chunks(folder / "popolo.json")  # noqa: E731
        prepared_as = ""
    else:
        content = lambda: [json.dumps(popolo(country or None), ensure_ascii=False, indent=1)]  # noqa: E731
        prepared_as = "" if country else "popolo-json"
    return heavy_outputs.serve(
        request,
        heavy_outputs.Download(
            filename=f"popolo-{country}.json" if country else "popolo.json",
            content_type="application/json",
            content=content,
            attachment=False,
            prepared_as=prepared_as,
        ),
    )
