"""Dataset releases: a dated, versioned dump of everything published, and its import.

A release is one zip file, named after its version (``meetings-archive-2026-11-23.1.zip``),
with a ``.sha256`` file beside it. Inside:

    data.json       every published meeting with its participants and sources, and the
                    reference rows they use, in Django's JSON with natural keys
    meetings.csv    the CSV export (columns in README.md and on the codebook page)
    dyad_years.csv  meetings per pair of countries and year, overall and per topic
    popolo.json     people, governments, posts and memberships, in the Popolo shape
    README.md       what each file and field holds
    SHA256SUMS      checksums of the files above

Not in a public release: drafts, editors' accounts, and the article text kept with
sources (it belongs to its publisher); ``with_article_text`` adds the text for
transfers between the archive's own installations.
"""

import datetime
import hashlib
import io
import json
import zipfile
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import F
from django.template.loader import render_to_string

from meetings.models import (
    City,
    Country,
    CountryGroup,
    Mandate,
    Meeting,
    MeetingCorrection,
    Minister,
    Outlet,
    Participation,
    Portfolio,
    Post,
    Source,
    Topic,
)
from meetings.opendata import exports
from meetings.opendata.popolo import popolo

PREFIX = "meetings-archive-"
# Derived or private: rebuilt or left empty on import.
EXCLUDED_FIELDS = {
    Meeting: {
        "created_by",
        "updated_by",
        "search_vector",
        "display_version",
        "version",
        "topic_ids",
        "topic_group_ids",
        "portfolio_ids",
        "person_ids",
        "post_ids",
    },
    # The vectors of names (meetings.search): computed again by the database on import.
    **{model: {"search_vector"} for model in (Country, City, Topic, Minister, Post, Portfolio)},
    Source: {"text"},
    MeetingCorrection: {"created_by"},
}


def dataset_dir() -> Path:
    return Path(settings.DATASET_DIR)


def querysets(with_article_text: bool = False):
    """(model, queryset, serializer options) in the order a database can load them."""
    published = Meeting.objects.published()
    plan = [
        (Country, Country.objects.order_by("code")),
        (CountryGroup, CountryGroup.objects.order_by("slug")),
        (Portfolio, Portfolio.objects.order_by("slug")),
        (Topic, Topic.objects.order_by(F("parent_id").asc(nulls_first=True), "slug")),
        (City, City.objects.order_by("slug")),
        (Outlet, Outlet.objects.order_by("name")),
        (Post, Post.objects.select_related("country", "portfolio").order_by("country_id", "slug")),
        (Minister, Minister.objects.order_by("slug")),
        (Mandate, Mandate.objects.select_related("minister", "post").order_by("pk")),
        (Meeting, published.order_by("pk")),
        (
            Participation,
            Participation.objects.filter(meeting__in=published)
            .select_related("minister", "mandate__minister", "mandate__post")
            .order_by("pk"),
        ),
        (
            Source,
            Source.objects.filter(meeting__in=published).select_related("outlet").order_by("pk"),
        ),
    ]
    for model, queryset in plan:
        excluded = set(EXCLUDED_FIELDS.get(model, ()))
        if with_article_text:
            excluded.discard("text")
        fields = [
            field.name
            for field in [*model._meta.fields, *model._meta.many_to_many]
            if not field.primary_key
            and field.name not in excluded
            and not getattr(field, "generated", False)
        ]
        # Rows with a numbered id are named by their natural key (a slug); a country's
        # primary key is its code already, and meetings, participants and sources keep ids.
        numbered = model._meta.pk.get_internal_type() in ("AutoField", "BigAutoField")
        yield (
            model,
            queryset,
            {
                "fields": fields,
                "use_natural_foreign_keys": True,
                "use_natural_primary_keys": numbered,
            },
        )


class FullPrecisionEncoder(DjangoJSONEncoder):
    """Django's encoder rounds times to milliseconds; a release keeps them whole."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def serialize_all(stream, with_article_text: bool = False) -> dict[str, int]:
    """Write data.json to ``stream``: one JSON array, model after model. Returns counts."""
    counts = {}
    stream.write("[")
    first = True
    for model, queryset, options in querysets(with_article_text):
        buffer = io.StringIO()
        serializers.serialize(
            "json",
            queryset.iterator(chunk_size=2000),
            stream=buffer,
            indent=None,
            cls=FullPrecisionEncoder,
            **options,
        )
        body = buffer.getvalue().strip()[1:-1].strip()
        counts[model._meta.label_lower] = queryset.count()
        if body:
            stream.write(("" if first else ",\n") + body)
            first = False
    stream.write("]\n")
    return counts


def next_version(today: datetime.date, existing: list[str]) -> str:
    """The day's date, numbered after any release already made that day: 2026-11-23.1."""
    taken = [name for name in existing if name.startswith(f"{PREFIX}{today.isoformat()}.")]
    return f"{today.isoformat()}.{len(taken) + 1}"


def write_release(
    output: Path | None = None, today: datetime.date | None = None, with_article_text=False
) -> Path:
    """Write a release zip (and its .sha256) to ``output``; return the zip's path."""
    output = Path(output or dataset_dir())
    output.mkdir(parents=True, exist_ok=True)
    today = today or datetime.date.today()
    version = next_version(today, [path.stem for path in output.glob(f"{PREFIX}*.zip")])
    files: dict[str, bytes] = {}
    with transaction.atomic():  # one consistent snapshot of the data
        data = io.StringIO()
        counts = serialize_all(data, with_article_text)
        files["data.json"] = data.getvalue().encode()
        published = Meeting.objects.published().order_by("pk")
        files["meetings.csv"] = "".join(
            exports.meetings_csv(published, page_url=meeting_url)
        ).encode()
        header, rows = exports.dyad_years(published)
        files["dyad_years.csv"] = "".join(exports.csv_lines(rows, header)).encode()
        files["popolo.json"] = json.dumps(popolo(), ensure_ascii=False, indent=1).encode()
    files["README.md"] = render_to_string(
        "dataset/README.md",
        {
            "version": version,
            "date": today,
            "counts": counts,
            "columns": exports.COLUMNS,
            "dyad_columns": exports.DYAD_COLUMNS,
            "with_article_text": with_article_text,
        },
    ).encode()
    sums = "".join(f"{sha256(content)}  {name}\n" for name, content in sorted(files.items()))
    files["SHA256SUMS"] = sums.encode()
    path = output / f"{PREFIX}{version}.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(f"{PREFIX}{version}/{name}", content)
    path.with_suffix(".zip.sha256").write_text(f"{sha256(path.read_bytes())}  {path.name}\n")
    return path


def meeting_url(pk: int) -> str:
    return f"{settings.SITE_URL}/en/meetings/{pk}/"


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def latest_release() -> Path | None:
    releases = sorted(dataset_dir().glob(f"{PREFIX}*.zip"), key=release_order)
    return releases[-1] if releases else None


def release_order(path: Path) -> tuple:
    day, _dot, number = path.stem.removeprefix(PREFIX).rpartition(".")
    return (day, int(number) if number.isdigit() else 0)


class ImportRefused(Exception):
    """The target database already holds meetings, or the file is not a release."""


def read_release(path: Path) -> bytes:
    """data.json from a release zip (its checksum verified) or a release folder."""
    path = Path(path)
    if path.is_dir():
        return (path / "data.json").read_bytes()
    try:
        with zipfile.ZipFile(path) as archive:
            names = {Path(name).name: name for name in archive.namelist()}
            if "data.json" not in names:
                raise ImportRefused(f"{path.name} has no data.json: it is not a release.")
            data = archive.read(names["data.json"])
            sums = archive.read(names["SHA256SUMS"]).decode() if "SHA256SUMS" in names else ""
    except zipfile.BadZipFile as error:
        raise ImportRefused(f"{path.name} is not a zip file.") from error
    expected = {line.split()[1]: line.split()[0] for line in sums.splitlines() if line.strip()}
    if expected.get("data.json") and expected["data.json"] != sha256(data):
        raise ImportRefused("data.json does not match its checksum: the file is damaged.")
    return data


@transaction.atomic
def import_release(path: Path) -> dict[str, int]:
    """Load a release into a database without meetings; return how many rows of each kind."""
    if Meeting.objects.exists():
        raise ImportRefused("This database already has meetings: import into an empty one.")
    data = read_release(path)
    counts: dict[str, int] = {}
    deferred = []
    for deserialized in serializers.deserialize("json", data, handle_forward_references=True):
        deserialized.save()
        if deserialized.deferred_fields:
            deferred.append(deserialized)
        label = deserialized.object._meta.label_lower
        counts[label] = counts.get(label, 0) + 1
    for deserialized in deferred:  # references to rows that came later in the file
        deserialized.save_deferred_fields()
    models = [Country, CountryGroup, Portfolio, Topic, City, Outlet, Post, Minister, Mandate,
              Meeting, Participation, Source, MeetingCorrection]  # fmt: skip
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    return counts
