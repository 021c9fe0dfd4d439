"""The archive's version and the reference version, read once per request.

Both are rows of ArchiveVersion that database triggers bump in the transaction of
every change (migrations 0013, 0016, 0018): the archive's version on any change to
what the public sees, the reference version on any change to reference rows
(countries, cities, topics, people, posts, mandates, portfolios, groups). Everything
kept for speed is keyed by them: whole pages, meeting cards, each process's copy of
the reference tables. So a change shows at once, whoever made it (admin, import,
shell, raw SQL), on every worker and machine.

A request reads both in one query, the first time something asks
(``RequestVersionsMiddleware`` gives each request ``one_reading``); outside one, each
call reads them again.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from meetings.models import ArchiveVersion

_request_versions: ContextVar[dict | None] = ContextVar("request_versions", default=None)


def read() -> tuple[int | None, int | None]:
    """(archive version, reference version) from the database the request reads from (a
    replica, for the public, so that the numbers and the data are of the same moment);
    None for a missing row."""
    rows = dict(
        ArchiveVersion.objects.filter(
            pk__in=(ArchiveVersion.ARCHIVE, ArchiveVersion.REFERENCE)
        ).values_list("pk", "version")
    )
    return rows.get(ArchiveVersion.ARCHIVE), rows.get(ArchiveVersion.REFERENCE)


def current() -> tuple[int | None, int | None]:
    scope = _request_versions.get()
    if scope is None:
        return read()
    if "versions" not in scope:
        scope["versions"] = read()
    return scope["versions"]


def archive_version() -> int | None:
    return current()[0]


def reference_version() -> int | None:
    return current()[1]


@contextmanager
def one_reading():
    """Within this block, the versions are read once, by whatever asks first."""
    token = _request_versions.set({})
    try:
        yield
    finally:
        _request_versions.reset(token)


class RequestVersionsMiddleware:
    """One reading of the versions for the whole request, whatever asks for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_reading():
            return self.get_response(request)
