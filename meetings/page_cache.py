"""Whole public pages from the cache, for as long as nothing they show has changed.

A page is stored under the archive's version (models.ArchiveVersion, bumped by
database triggers in the transaction of every change), the code's version (a
digest of the sources, templates, translations and static files, so that pages
kept in Redis across a deployment are not served for the new code), the
language and the full path with its query string. Reading the version is one
indexed query, so a page saved by any process, on any machine, is never served
after the data changes: the next request asks for a new key. Redis (REDIS_URL) shares the
pages between workers and machines; without it each worker keeps its own.

Only anonymous GET requests to the public site are served from the cache, and
only complete 200 answers that set no cookie are kept: never the admin, the API
(its throttling counts every request), forms (their CSRF cookie), downloads
streamed row by row, or errors. See docs/decisions/0011.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

from meetings.models import ArchiveVersion

NOT_CACHED_PREFIXES = ("/api/", "/i18n/", "/healthz", "/static/")


def archive_versions() -> tuple[int | None, int | None]:
    """The archive's version and the reference version (ArchiveVersion rows 1 and 2), in
    one query; None for a missing row (caching off).

    Read from the database the page will read from (a replica, for the public),
    so that the numbers and the data are always of the same moment."""
    rows = dict(
        ArchiveVersion.objects.filter(
            pk__in=(ArchiveVersion.ARCHIVE, ArchiveVersion.REFERENCE)
        ).values_list("pk", "version")
    )
    return rows.get(ArchiveVersion.ARCHIVE), rows.get(ArchiveVersion.REFERENCE)


def archive_version() -> int | None:
    return archive_versions()[0]


def request_versions(request) -> tuple[int | None, int | None]:
    """Both versions for this request: read once, by the page cache's middleware when it
    looked for the page, else here (meeting cards are keyed by the reference version)."""
    if not hasattr(request, "archive_versions"):
        request.archive_versions = archive_versions()
    return request.archive_versions


def request_archive_version(request) -> int | None:
    return request_versions(request)[0]


def request_reference_version(request) -> int | None:
    return request_versions(request)[1]


# What a page is made from, besides the data. Read once per process (about 1 MB).
CODE_FOLDERS = (("meetings", "*.py"), ("config", "*.py"), ("templates", "*"), ("locale", "*.po"),
                ("static", "*"))  # fmt: skip


@functools.cache
def code_version() -> str:
    """A digest of the code, templates, translations and static files: it changes with
    every deployment that can change a page, and with no other."""
    digest = hashlib.sha256()
    for folder, pattern in CODE_FOLDERS:
        for path in sorted((settings.BASE_DIR / folder).rglob(pattern)):
            if path.is_file():
                digest.update(str(path.relative_to(settings.BASE_DIR)).encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def page_key(request, version: int) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"page:{code_version()}:{version}:{get_language()}:{path}"


def may_serve_from_cache(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(NOT_CACHED_PREFIXES)
        and f"/{settings.ADMIN_URL}" not in request.path
    )


def may_keep(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "CSRF_COOKIE" not in request.META  # the page holds a form with a token
        and "no-store" not in response.get("Cache-Control", "")
    )


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_serve_from_cache(request):
            return self.get_response(request)
        version = request_archive_version(request)
        if version is None:
            return self.get_response(request)
        key = page_key(request, version)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if may_keep(request, response):
            headers = {name: value for name, value in response.items() if name != "X-Page-Cache"}
            cache.set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
