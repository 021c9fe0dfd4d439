"""Whole public pages from the cache, for as long as nothing they show has changed.

A page is stored under the archive's version (models.ArchiveVersion, bumped by
database triggers in the transaction of every change), the language and the
full path with its query string. Reading the version is one indexed query, so
a page saved by any process, on any machine, is never served after the data
changes: the next request asks for a new key. Redis (REDIS_URL) shares the
pages between workers and machines; without it each worker keeps its own.

Only anonymous GET requests to the public site are served from the cache, and
only complete 200 answers that set no cookie are kept: never the admin, the API
(its throttling counts every request), forms (their CSRF cookie), downloads
streamed row by row, or errors. See docs/decisions/0011.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

from meetings.models import ArchiveVersion

NOT_CACHED_PREFIXES = ("/api/", "/i18n/", "/healthz", "/static/")


def archive_version() -> int | None:
    """The archive's current version; None when the row is missing (caching off).

    Read from the database the page will read from (a replica, for the public),
    so that the number and the data are always of the same moment."""
    return ArchiveVersion.objects.filter(pk=1).values_list("version", flat=True).first()


def request_archive_version(request) -> int | None:
    """The archive's version for this request: read once, by the page cache's middleware
    when it looked for the page, else here (meeting cards are keyed by it too)."""
    if not hasattr(request, "archive_version"):
        request.archive_version = archive_version()
    return request.archive_version


def page_key(request, version: int) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"page:{version}:{get_language()}:{path}"


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
