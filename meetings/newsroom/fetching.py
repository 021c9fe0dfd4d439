"""Polite fetching: what the newsroom asks of an outlet's server, and how.

Every request names the archive in its User-Agent, asks robots.txt first, keeps to a
pace per host shared by every worker (the ``FeedHost`` row, locked while a slot is
taken), sends the ETag and Last-Modified it was given (a 304 costs the server
nothing), follows at most a few redirects and never one twice, and stops reading at
a size limit or a deadline. Failures raise ``FetchError`` with a message for the
feed's status.
"""

from __future__ import annotations

import datetime
import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import urllib3
from courlan import normalize_url
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from meetings.models import FeedHost

ROBOTS_KEPT = datetime.timedelta(hours=24)
MAX_CRAWL_DELAY = 60.0  # a robots.txt asking for more is read as asking for a minute
MAX_WAIT = 20.0  # seconds a worker waits for its turn at a host; beyond, it comes back later
REDIRECTS = (301, 302, 303, 307, 308)
CHUNK = 64 * 1024

_pool = None


class FetchError(Exception):
    """What went wrong, in words for the feed's status."""


class HostBusy(Exception):
    """The host's next slot is too far away: try again at ``when``."""

    def __init__(self, when: datetime.datetime):
        super().__init__(when)
        self.when = when


@dataclass
class Response:
    url: str  # after redirects
    status: int
    content: bytes = b""
    content_type: str = ""
    charset: str = ""
    etag: str = ""
    last_modified: str = ""
    location: str = ""  # of a redirect

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def pool() -> urllib3.PoolManager:
    global _pool
    if _pool is None:
        _pool = urllib3.PoolManager(num_pools=50, maxsize=4, retries=False)
    return _pool


def normalized(url: str) -> str:
    """One spelling per article: lower-case host, no default port, no tracking
    parameters (utm_*, fbclid...), sorted query, no fragment."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"Not a web address: {url[:200]!r}")
    clean = normalize_url(url, strict=False)
    parts = urlsplit(clean)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def fetch(url: str, *, etag: str = "", last_modified: str = "", limit: int) -> Response:
    """GET ``url`` politely; a 304 comes back as a Response with ``not_modified``."""
    seen = set()
    for _hop in range(settings.NEWSROOM_MAX_REDIRECTS + 1):
        if url in seen:
            raise FetchError(f"Redirect loop: {url} was visited twice.")
        seen.add(url)
        if not allowed_by_robots(url):
            raise FetchError(f"The site's robots.txt does not allow the archive to read {url}.")
        take_turn(host_of(url))
        headers = {"User-Agent": settings.NEWSROOM_USER_AGENT, "Accept-Encoding": "gzip"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response = request(url, headers, limit)
        if response.status in REDIRECTS:
            location = response.location
            if not location:
                raise FetchError(f"The server answered {response.status} without a Location.")
            url = urljoin(url, location)
            if urlsplit(url).scheme not in ("http", "https"):
                raise FetchError(f"Redirected to something that is not a web page: {url}")
            continue
        return response
    raise FetchError(f"More than {settings.NEWSROOM_MAX_REDIRECTS} redirects from the feed's URL.")


def request(url: str, headers: dict, limit: int) -> Response:
    """One GET, read up to ``limit`` bytes before a deadline; no redirect followed."""
    deadline = time.monotonic() + settings.NEWSROOM_TIMEOUT
    timeout = urllib3.Timeout(connect=5, read=settings.NEWSROOM_TIMEOUT)
    try:
        answer = pool().request(
            "GET", url, headers=headers, timeout=timeout, redirect=False, preload_content=False
        )
    except urllib3.exceptions.HTTPError as error:
        raise FetchError(f"The server could not be reached ({reason(error)}).") from error
    try:
        if answer.status in REDIRECTS:
            return Response(url, answer.status, location=answer.headers.get("Location", ""))
        if answer.status == 304:
            return Response(url, 304, etag=answer.headers.get("ETag", ""))
        if answer.status >= 400:
            raise FetchError(f"The server answered {answer.status} {answer.reason or ''}.".strip())
        declared = answer.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"Too large: {int(declared):,} bytes (the limit is {limit:,}).")
        body = bytearray()
        for chunk in answer.stream(CHUNK, decode_content=True):
            body += chunk
            if len(body) > limit:
                raise FetchError(f"Too large: more than {limit:,} bytes.")
            if time.monotonic() > deadline:
                raise FetchError(f"Too slow: not read in {settings.NEWSROOM_TIMEOUT:g} seconds.")
    except urllib3.exceptions.HTTPError as error:
        raise FetchError(f"The answer could not be read ({reason(error)}).") from error
    finally:
        answer.release_conn()
    content_type = answer.headers.get("Content-Type", "")
    return Response(
        url,
        answer.status,
        bytes(body),
        content_type=content_type.split(";")[0].strip().lower(),
        charset=charset_of(content_type),
        etag=answer.headers.get("ETag", ""),
        last_modified=answer.headers.get("Last-Modified", ""),
    )


def reason(error: Exception) -> str:
    inner = getattr(error, "reason", None) or error
    return str(inner)[:300]


def charset_of(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'")
    return ""


# -- per host: robots.txt and pace ---------------------------------------------------------


def robots_of(host: str) -> urllib.robotparser.RobotFileParser:
    """The host's robots.txt, fetched at most once a day by all workers together."""
    row, _ = FeedHost.objects.get_or_create(host=host)
    if row.robots_fetched_at is None or timezone.now() - row.robots_fetched_at > ROBOTS_KEPT:
        text = ""
        try:
            take_turn(host)
            answer = request(
                host + "/robots.txt", {"User-Agent": settings.NEWSROOM_USER_AGENT}, 500_000
            )
            if answer.status == 200:
                text = answer.content.decode("utf-8", errors="replace")
        except FetchError:
            text = ""  # no robots.txt to be had: nothing is forbidden
        parser = parse_robots(text)
        delay = parser.crawl_delay(settings.NEWSROOM_USER_AGENT) or 0
        FeedHost.objects.filter(host=host).update(
            robots_txt=text,
            robots_fetched_at=timezone.now(),
            crawl_delay=min(float(delay), MAX_CRAWL_DELAY),
        )
        return parser
    return parse_robots(row.robots_txt)


def parse_robots(text: str) -> urllib.robotparser.RobotFileParser:
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(text.splitlines())
    return parser


def allowed_by_robots(url: str) -> bool:
    return robots_of(host_of(url)).can_fetch(settings.NEWSROOM_USER_AGENT, url)


def take_turn(host: str) -> None:
    """Wait for this worker's turn at ``host``: turns are handed out in the database, so
    workers on several machines keep one pace together. A turn too far off raises
    HostBusy rather than holding a worker idle."""
    with transaction.atomic():
        row, _ = FeedHost.objects.select_for_update().get_or_create(host=host)
        now = timezone.now()
        turn = max(now, row.next_request_at)
        wait = (turn - now).total_seconds()
        if wait > MAX_WAIT:
            raise HostBusy(turn)
        delay = max(settings.NEWSROOM_HOST_DELAY, row.crawl_delay)
        row.next_request_at = turn + datetime.timedelta(seconds=delay)
        row.save(update_fields=["next_request_at"])
    if wait > 0:
        time.sleep(wait)
