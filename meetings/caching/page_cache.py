"""Whole public pages from the cache, for as long as nothing they show has changed.

A page is stored under the archive's version (models.ArchiveVersion, bumped by
database triggers in the transaction of every change), the code's version (a
digest of the sources, templates, translations and static files, so that pages
kept in Redis across a deployment are not served for the new code), the
language, the path and the page's *canonical* query: only the parameters the
page reads (PAGE_PARAMETERS), empty ones dropped, in a fixed order. Unknown
parameters (``?v=1``, ``?utm_source=``) therefore make no new entry, and pages
build every link from the same canonical query (``canonical_query``), so a page
rendered for ``?v=1&q=x`` is byte for byte the page for ``?q=x``. Nothing in a
page comes from the request's Host header: absolute addresses are built from
``SITE_URL`` (meetings/site.py).

Reading the version is one indexed query, so a page saved by any process, on any
machine, is never served after the data changes: the next request asks for a new
key. Redis (REDIS_URL) shares the pages between workers and machines; without it
each worker keeps its own, at most PAGE_CACHE_ENTRIES of them.

Only GET and HEAD requests to the pages named in PAGE_PARAMETERS are served from
the cache, and not to a signed-in user (a real session, not merely a cookie); only
complete 200 answers that set no cookie and weigh at most PAGE_CACHE_MAX_BYTES are
kept: never the admin, the API (its throttling counts every request), forms (their
CSRF cookie), downloads streamed row by row, or errors. See docs/decisions/0011.
"""

import functools
import hashlib

import django_filters
from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, QueryDict
from django.utils.http import urlencode
from django.utils.translation import get_language

from meetings.filters import MeetingFilter
from meetings.versions import archive_version

# The query parameters of every list of meetings (the list, a country, a pair, a person, a
# topic, their feeds), and which of them may be given more than once.
LIST_PARAMETERS = frozenset(MeetingFilter.base_filters) | {"page", "after", "before", "format"}
REPEATABLE = frozenset(
    name
    for name, definition in MeetingFilter.base_filters.items()
    if isinstance(
        definition, django_filters.MultipleChoiceFilter | django_filters.ModelMultipleChoiceFilter
    )
)
# The pages kept in the cache, by URL name, with the query parameters each reads. A page
# not named here is never cached.
PAGE_PARAMETERS = {
    "meetings:home": frozenset(),
    "meetings:detail": frozenset(),
    "meetings:countries": frozenset(),
    "meetings:topics": frozenset(),
    "meetings:data": frozenset(),
    "meetings:codebook": frozenset(),
    "meetings:list": LIST_PARAMETERS,
    "meetings:country": LIST_PARAMETERS,
    "meetings:pair": LIST_PARAMETERS,
    "meetings:minister": LIST_PARAMETERS,
    "meetings:topic": LIST_PARAMETERS,
    "meetings:feed-rss": LIST_PARAMETERS,
    "meetings:feed-atom": LIST_PARAMETERS,
}


def canonical_query(request) -> str:
    """The query string as the page understands it: its own parameters only, empty values
    dropped, the one value it reads of a single-valued parameter (the last, as Django's
    forms do), repeatable ones sorted, names in alphabetical order."""
    match = getattr(request, "resolver_match", None)
    parameters = PAGE_PARAMETERS.get(match.view_name, frozenset()) if match else frozenset()
    items = []
    for name in sorted(parameters & set(request.GET)):
        values = [value for value in request.GET.getlist(name) if value.strip()]
        if name in REPEATABLE:
            items += [(name, value) for value in sorted(set(values))]
        elif values:
            items.append((name, values[-1]))
    return urlencode(items)


def is_cached_page(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name in PAGE_PARAMETERS


def page_query(request) -> QueryDict:
    """The parameters links back to this page carry: the canonical ones on a cached page
    (its links must be the same whatever else the URL held), else the request's own."""
    return QueryDict(canonical_query(request)) if is_cached_page(request) else request.GET


def canonical_path(request) -> str:
    """The path with the parameters of ``page_query``, for links that come back to it."""
    if not is_cached_page(request):
        return request.get_full_path()
    query = canonical_query(request)
    return request.path + (f"?{query}" if query else "")


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
    path = hashlib.sha256(canonical_path(request).encode()).hexdigest()[:32]
    return f"page:{code_version()}:{version}:{get_language()}:{path}"


def signed_in(request) -> bool:
    """A real signed-in session: a cookie alone, made up or expired, is not one."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated


def may_serve_from_cache(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and is_cached_page(request)
        and not signed_in(request)
    )


def may_keep(request, response) -> bool:
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and len(response.content) <= settings.PAGE_CACHE_MAX_BYTES
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "CSRF_COOKIE" not in request.META  # the page holds a form with a token
        and "no-store" not in response.get("Cache-Control", "")
    )


class PublicPageCacheMiddleware:
    """Serves a kept page once the URL is resolved (so that the page's own parameters are
    known), and keeps the page the view made when it may."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "page_cache_key", None)
        if key and response.get("X-Page-Cache") != "hit" and may_keep(request, response):
            headers = {name: value for name, value in response.items() if name != "X-Page-Cache"}
            caches["pages"].set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not may_serve_from_cache(request):
            return None
        version = archive_version()
        if version is None:
            return None
        request.page_cache_key = page_key(request, version)
        stored = caches["pages"].get(request.page_cache_key)
        if stored is None:
            return None
        content, headers = stored
        response = HttpResponse(content, headers=headers)
        response["X-Page-Cache"] = "hit"
        return response
