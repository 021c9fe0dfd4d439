"""Heavy outputs (exports, dyad-years, Popolo, releases): a few at a time, the whole
archive from prepared files, HEAD and OPTIONS without building anything.

A sync gunicorn worker serving an export is busy until the last row leaves: three
exports at once made the cached home page wait 6.4 s. So a heavy output runs only in
one of HEAVY_OUTPUTS_AT_ONCE slots shared by every worker and instance (PostgreSQL
advisory locks on the primary, held by the connection until the response is closed,
and freed by PostgreSQL itself if the worker dies); beyond them the client gets a
429 with Retry-After.

The whole archive (a download with no filter) is written to a file the first time
it is asked for at a given archive version, while it streams to that first client;
later clients get the file, until the archive changes (models.ArchiveVersion). The
file is named after the version, so a download is never older than the data it
claims to be.
"""

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.http import HttpResponse, HttpResponseNotAllowed, StreamingHttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from meetings.versions import archive_version

# The advisory locks' first key: "heavy outputs" (any number no other lock uses).
LOCK_CLASS = 0x6865
RETRY_AFTER_SECONDS = 30
CHUNK_BYTES = 256 * 1024
ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")


@dataclass
class Download:
    """What a heavy output is: its file name, type, and how to make its content."""

    filename: str
    content_type: str
    content: Callable[[], Iterable[str | bytes]]
    attachment: bool = True
    # For a download of the whole archive, the same for everyone: the name of its prepared
    # file ("meetings-csv"), kept per language and archive version.
    prepared_as: str = ""


def serve(request, download: Download):
    if request.method not in ALLOWED_METHODS:
        return HttpResponseNotAllowed(ALLOWED_METHODS)
    if request.method == "OPTIONS":
        return HttpResponse(headers={"Allow": ", ".join(ALLOWED_METHODS)})
    headers = {
        "Content-Type": download.content_type,
        "Content-Disposition": (
            f'{"attachment" if download.attachment else "inline"}; filename="{download.filename}"'
        ),
    }
    if request.method == "HEAD":
        return HttpResponse(headers=headers)  # what a GET would send, without making it
    slot = take_slot()
    if slot is None:
        return busy()
    try:
        content = prepared(download) if download.prepared_as else download.content()
        return StreamingHttpResponse(ReleasingSlot(content, slot), headers=headers)
    except BaseException:
        release_slot(slot)
        raise


def busy():
    response = HttpResponse(
        _(
            "Too many large downloads are being made at this moment. "
            "Please try again in %(seconds)d seconds."
        )
        % {"seconds": RETRY_AFTER_SECONDS}
        + "\n",
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


# -- slots ---------------------------------------------------------------------------------


def take_slot() -> int | None:
    with connections["default"].cursor() as cursor:
        for slot in range(settings.HEAVY_OUTPUTS_AT_ONCE):
            cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [LOCK_CLASS, slot])
            if cursor.fetchone()[0]:
                return slot
    return None


def release_slot(slot: int) -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_CLASS, slot])


class ReleasingSlot:
    """The content, freeing its slot when the server closes the response (after the last
    byte, or when the client goes away). Django calls ``close`` of a streamed iterable."""

    def __init__(self, content: Iterable, slot: int):
        self.content = content
        self.slot = slot
        # The first chunk is made now, in the view: when the database fails before the
        # first rows, the reader gets the 503 page. Made later, by the server iterating a
        # response it had not begun to send, it was gunicorn's own bare 500. Once bytes are
        # sent, a failure can only cut the stream, which tells the client it failed.
        self.chunks = iter(content)
        self.first = next(self.chunks, None)

    def __iter__(self):
        if self.first is not None:
            yield self.first
        yield from self.chunks

    def close(self):
        try:
            if hasattr(self.content, "close"):
                self.content.close()
        finally:
            if self.slot is not None:
                release_slot(self.slot)
                self.slot = None


# -- prepared files -------------------------------------------------------------------------


def prepared(download: Download) -> Iterator[bytes]:
    """The whole-archive download from its file for this archive version, or made now while
    written to that file for the next client."""
    folder = Path(settings.PREPARED_DIR)
    name = f"{download.prepared_as}.{get_language()}"
    path = folder / f"{name}.v{archive_version()}"
    if path.exists():
        return file_chunks(path)
    return written_to(download.content(), path, older=folder.glob(f"{name}.v*"))


def file_chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as file:
        while chunk := file.read(CHUNK_BYTES):
            yield chunk


def written_to(content: Iterable[str | bytes], path: Path, older: Iterable[Path]):
    """Yield the content and write it to ``path``, which appears only once complete (so no
    client ever reads half a file); files of older versions are removed then."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    complete = False
    try:
        with partial.open("wb") as file:
            for chunk in content:
                data = chunk.encode() if isinstance(chunk, str) else chunk
                file.write(data)
                yield data
        partial.replace(path)
        complete = True
        for old in older:
            if old != path:
                with contextlib.suppress(FileNotFoundError):
                    old.unlink()
    finally:
        if hasattr(content, "close"):
            content.close()  # a COPY cut short is cancelled now, before the slot is freed
        if not complete:
            partial.unlink(missing_ok=True)
