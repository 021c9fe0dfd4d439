"""Dataset releases: dated, versioned, verifiable dumps of everything published.

A release is a folder named after its version (``meetings-archive-2026-11-23.1/``), a
Frictionless Data Package, and the same folder zipped (``….zip``, with a ``.zip.sha256``
beside it). In the folder:

    datapackage.json         every file with its size and SHA-256; the tables' schemas
    meetings.csv, participants.csv, meeting_topics.csv, sources.csv, topics.csv
                             the tidy tables (meetings.opendata.tables)
    meetings.jsonl           every meeting as JSON Lines
    dyad_years.csv, dyad_years_balanced.csv
                             meetings per pair of countries and year (the balanced panel
                             with zeros)
    popolo.json              the people of the published meetings, in the Popolo shape
    data.json                everything, in Django's JSON with natural keys (import_dataset)
    codebook.md, README.md, CITATION.cff
    SHA256SUMS               ``sha256sum -c SHA256SUMS`` checks every file

``manage.py verify_release`` checks a release (checksums, and ``frictionless validate``
where frictionless is installed). ``release_if_due`` is what a periodic task calls.

Not in a public release: drafts, editors' accounts, and the article text kept with
sources (it belongs to its publisher); ``with_article_text`` adds the text for
transfers between the archive's own installations.
"""

import datetime
import hashlib
import io
import itertools
import json
import logging
import shutil
import zipfile
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import translation

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
from meetings.opendata import codebook, exports, tables
from meetings.opendata.popolo import popolo

logger = logging.getLogger(__name__)

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
        (
            Topic,
            Topic.objects.select_related("parent").order_by(
                F("parent_id").asc(nulls_first=True), "slug"
            ),
        ),
        (City, City.objects.select_related("country").order_by("slug")),
        (Outlet, Outlet.objects.order_by("name")),
        (Post, Post.objects.select_related("country", "portfolio").order_by("country_id", "slug")),
        (Minister, Minister.objects.order_by("slug")),
        (Mandate, Mandate.objects.select_related("minister", "post").order_by("pk")),
        # Every row a natural key names is read with its row (select_related, prefetched
        # topics): one query per 2,000 rows, not one per foreign key of each row.
        (
            Meeting,
            published.select_related("country_a", "country_b", "host_country", "city")
            .prefetch_related("topics")
            .order_by("pk"),
        ),
        (
            Participation,
            Participation.objects.filter(meeting__in=published)
            .select_related("minister", "country", "mandate__minister", "mandate__post")
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
    """Write data.json to ``stream``: one JSON array, model after model, a few thousand
    rows at a time (flat memory). Returns counts."""
    counts = {}
    stream.write("[")
    first = True
    for model, queryset, options in querysets(with_article_text):
        count = 0
        for batch in itertools.batched(queryset.iterator(chunk_size=2000), 2000):
            buffer = io.StringIO()
            serializers.serialize(
                "json", batch, stream=buffer, indent=None, cls=FullPrecisionEncoder, **options
            )
            body = buffer.getvalue().strip()[1:-1].strip()
            count += len(batch)
            if body:
                stream.write(("" if first else ",\n") + body)
                first = False
        counts[model._meta.label_lower] = count
    stream.write("]\n")
    return counts


def next_version(today: datetime.date, existing: list[str]) -> str:
    """The day's date, numbered after any release already made that day: 2026-11-23.1."""
    taken = [name for name in existing if name.startswith(f"{PREFIX}{today.isoformat()}.")]
    return f"{today.isoformat()}.{len(taken) + 1}"


# The tidy tables of a release, in the order of datapackage.json.
RELEASE_TABLES = ("meetings", "participants", "meeting_topics", "sources", "topics")


def write_release(
    output: Path | None = None, today: datetime.date | None = None, with_article_text=False
) -> Path:
    """Write a release to ``output``: a folder (a Frictionless Data Package with its
    SHA256SUMS) and the same folder zipped, with a .sha256 beside it. Returns the zip."""
    output = Path(output or dataset_dir())
    output.mkdir(parents=True, exist_ok=True)
    today = today or datetime.date.today()
    existing = [path.stem for path in output.glob(f"{PREFIX}*.zip")]
    version = next_version(today, existing)
    name = f"{PREFIX}{version}"
    folder = output / name
    partial = output / f".{name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    try:
        counts = write_files(partial, version, today, with_article_text)
        partial.rename(folder)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    path = output / f"{name}.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.iterdir()):
            archive.write(file, f"{name}/{file.name}")
    path.with_suffix(".zip.sha256").write_text(f"{file_sha256(path)}  {path.name}\n")
    logger.info("release %s written: %s", version, counts)
    return path


def write_files(folder: Path, version: str, today, with_article_text) -> dict[str, int]:
    """Every file of a release, from one snapshot of the data."""
    with transaction.atomic():
        if len(connection.atomic_blocks) == 1:
            # One snapshot for every file (when this transaction is the outermost one).
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        with (folder / "data.json").open("w", encoding="utf-8") as stream:
            counts = serialize_all(stream, with_article_text)
        published = Meeting.objects.published()
        with translation.override("en"):
            for table in RELEASE_TABLES:
                write_blocks(
                    folder / f"{table}.csv",
                    tables.csv_blocks(tables.TABLES[table], published, "en", bom=False),
                )
            write_blocks(folder / "meetings.jsonl", tables.json_lines_blocks(published, "en"))
            for balanced, filename in (
                (False, "dyad_years.csv"),
                (True, "dyad_years_balanced.csv"),
            ):
                header, rows = exports.dyad_years(published, balanced)
                write_blocks(folder / filename, exports.csv_lines(rows, header, bom=False))
            (folder / "popolo.json").write_text(
                json.dumps(popolo(), ensure_ascii=False, indent=1), encoding="utf-8"
            )
            documentation = codebook.context()
    (folder / "CITATION.cff").write_text(citation_cff(version, today), encoding="utf-8")
    context = {
        "version": version,
        "date": today,
        "counts": counts,
        "with_article_text": with_article_text,
        "site_url": settings.SITE_URL,
        **documentation,
    }
    with translation.override("en"):
        (folder / "codebook.md").write_text(
            render_to_string("dataset/codebook.md", context), encoding="utf-8"
        )
        (folder / "README.md").write_text(
            render_to_string("dataset/README.md", context), encoding="utf-8"
        )
        package = datapackage(folder, version, today, documentation)
    (folder / "datapackage.json").write_text(
        json.dumps(package, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    sums = "".join(
        f"{file_sha256(file)}  {file.name}\n"
        for file in sorted(folder.iterdir())
        if file.name != "SHA256SUMS"
    )
    (folder / "SHA256SUMS").write_text(sums, encoding="utf-8")
    return counts


def write_blocks(path: Path, blocks) -> None:
    with path.open("wb") as file:
        for block in blocks:
            file.write(block.encode() if isinstance(block, str) else block)


# The files that are not tables, as Data Package resources.
OTHER_FILES = {
    "meetings.jsonl": ("application/jsonl", "Every published meeting as JSON Lines: one "
                       "object a line, lists as arrays (the codebook's JSON fields)."),
    "data.json": ("application/json", "Everything published with the reference data it "
                  "uses, in Django's JSON with natural keys (manage.py import_dataset)."),
    "popolo.json": ("application/json", "The people of the published meetings, their "
                    "governments, posts and mandates, in the Popolo shape."),
    "codebook.md": ("text/markdown", "What every field of every file means."),
    "README.md": ("text/markdown", "What the release holds and how to verify it."),
    "CITATION.cff": ("application/x-yaml", "How to cite this release."),
}  # fmt: skip


def table_schema(fields, primary_key=(), foreign_keys=()) -> dict:
    schema = {
        "fields": [
            {
                "name": field.name,
                "type": field.type,
                "description": str(field.description),
                **({"constraints": field.constraints} if field.constraints else {}),
            }
            for field in fields
        ],
        "missingValues": [""],
    }
    if primary_key:
        schema["primaryKey"] = list(primary_key)
    if foreign_keys:
        schema["foreignKeys"] = list(foreign_keys)
    return schema


def datapackage(folder: Path, version: str, today, documentation: dict) -> dict:
    """datapackage.json: every file, its checksum and size; the tables' schemas."""

    def described(path: Path) -> dict:
        return {"path": path.name, "bytes": path.stat().st_size,
                "hash": f"sha256:{file_sha256(path)}"}  # fmt: skip

    def tabular(name: str, title: str, description: str, schema: dict) -> dict:
        return {
            "name": name.replace("_", "-"),
            "title": title,
            "description": description,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            **described(folder / f"{name}.csv"),
            "schema": schema,
        }

    resources = []
    for name in RELEASE_TABLES:
        table = tables.TABLES[name]
        foreign_keys = [
            {**key, "reference": {**key["reference"],
                                  "resource": key["reference"]["resource"].replace("_", "-")}}
            for key in table.foreign_keys
        ]  # fmt: skip
        resources.append(
            tabular(name, str(table.title), str(table.description),
                    table_schema(table.fields, table.primary_key, foreign_keys))
        )  # fmt: skip
    dyad = table_schema(documentation["dyad_columns"], ["country_a", "country_b", "year"])
    resources.append(
        tabular(
            "dyad_years",
            "Pairs of countries by year",
            "Meetings per pair and year, pair-years with meetings only.",
            dyad,
        )
    )
    resources.append(
        tabular(
            "dyad_years_balanced",
            "Pairs of countries by year, balanced",
            "Every pair-year in scope, zeros included (see the codebook).",
            dyad,
        )
    )
    for filename, (mediatype, description) in OTHER_FILES.items():
        resources.append(
            {
                "name": filename.lower().replace(".", "-"),
                "description": description,
                "mediatype": mediatype,
                "format": filename.rsplit(".", 1)[-1].lower(),
                # JSON Lines of nested objects is not a table: frictionless checks its size
                # and hash only.
                **({"type": "file"} if filename.endswith(".jsonl") else {}),
                **described(folder / filename),
            }
        )  # fmt: skip
    return {
        "profile": "data-package",
        "name": "ministerial-meetings-archive",
        "title": "Ministerial meetings archive",
        "description": "Bilateral ministerial meetings: who met whom, when, where, about "
        "what, and which article says so. Published meetings only.",
        "version": version,
        "created": datetime.datetime.combine(today, datetime.time(), datetime.UTC)
        .isoformat()
        .replace("+00:00", "Z"),
        "homepage": f"{settings.SITE_URL}/en/data/",
        "resources": resources,
    }


def citation_cff(version: str, today) -> str:
    """CITATION.cff (Citation File Format 1.2.0) of a release."""
    return yaml_dump(
        {
            "cff-version": "1.2.0",
            "message": "If you use this dataset, please cite it as below.",
            "type": "dataset",
            "title": "Ministerial meetings archive: bilateral ministerial meetings",
            "version": version,
            "date-released": today.isoformat(),
            "url": f"{settings.SITE_URL}/en/data/",
            "authors": [{"name": "Ministerial meetings archive"}],
            "keywords": ["diplomacy", "bilateral meetings", "ministers", "event data"],
        }
    )


def yaml_dump(data: dict) -> str:
    """Plain YAML of strings, lists and mappings (every string quoted): no YAML library
    is a dependency of the archive."""

    def scalar(value) -> str:
        return json.dumps(str(value), ensure_ascii=False)

    lines = []
    for key, value in data.items():
        if isinstance(value, list):
            lines.append(f"{key}:")
            for item in value:
                if isinstance(item, dict):
                    first, *rest = item.items()
                    lines.append(f"  - {first[0]}: {scalar(first[1])}")
                    lines += [f"    {k}: {scalar(v)}" for k, v in rest]
                else:
                    lines.append(f"  - {scalar(item)}")
        else:
            lines.append(f"{key}: {scalar(value)}")
    return "\n".join(lines) + "\n"


def meeting_url(pk: int) -> str:
    return f"{settings.SITE_URL}/en/meetings/{pk}/"


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while block := file.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def latest_release() -> Path | None:
    releases = sorted(dataset_dir().glob(f"{PREFIX}*.zip"), key=release_order)
    return releases[-1] if releases else None


def latest_release_folder() -> Path | None:
    """The folder of the latest release (a Data Package), when there is one."""
    release = latest_release()
    folder = release.with_suffix("") if release else None
    return folder if folder and folder.is_dir() else None


def release_if_due(max_age: datetime.timedelta = datetime.timedelta(days=7)) -> Path | None:
    """A new release when none was made in ``max_age`` (or none at all), else nothing: what
    a periodic task (weekly by default) and ``make run`` call. Returns the new zip."""
    release = latest_release()
    if release is not None:
        made = datetime.datetime.fromtimestamp(release.stat().st_mtime, datetime.UTC)
        if datetime.datetime.now(datetime.UTC) - made < max_age:
            return None
    return write_release()


class ReleaseDamaged(Exception):
    """A release's files do not match their checksums, or its Data Package is invalid."""


def verify_release(folder: Path, frictionless_check: bool = True) -> list[str]:
    """Check a release folder as ``sha256sum -c SHA256SUMS`` and ``frictionless validate
    datapackage.json`` would; return what was checked, or raise ReleaseDamaged."""
    folder = Path(folder)
    sums = folder / "SHA256SUMS"
    if not sums.is_file():
        raise ReleaseDamaged(f"{folder} has no SHA256SUMS: it is not a release folder.")
    checked, problems = [], []
    for line in sums.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        digest, _sep, name = line.partition("  ")
        path = folder / name
        if not path.is_file():
            problems.append(f"{name}: missing")
        elif file_sha256(path) != digest:
            problems.append(f"{name}: does not match its checksum")
        else:
            checked.append(f"{name}: OK")
    if problems:
        raise ReleaseDamaged("\n".join(problems))
    if frictionless_check:
        try:
            from frictionless import validate  # a dev dependency (pyproject.toml)
        except ImportError:
            checked.append("frictionless is not installed: the Data Package was not validated")
        else:
            report = validate(str(folder / "datapackage.json"))
            if not report.valid:
                errors = [error.message for task in report.tasks for error in task.errors]
                errors += [error.message for error in report.errors]
                raise ReleaseDamaged("\n".join(errors[:20]))
            checked.append("datapackage.json: valid")
    return checked


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
