"""What a server's master process does before it forks its workers (config/gunicorn.py):
read the counting bitmaps and serve a few pages to itself, so that each worker starts with
the bitmaps, the URL patterns, the compiled templates and the translations of the three
languages, shared copy-on-write, instead of spending its first requests on them (seconds
each at a million meetings, measured: bitmaps 14 s, URL patterns 1.2 s, a first page in
each language 0.3-0.9 s)."""

import logging
import time
from urllib.parse import urlsplit
from wsgiref.util import setup_testing_defaults

from django.conf import settings
from django.db import connections
from django.http.request import validate_host

from meetings.counting import read_bitmaps

logger = logging.getLogger(__name__)

# Pages served once to the master itself, in each language: what most visitors open first.
PAGES = ["/{language}/", "/{language}/meetings/", "/{language}/countries/", "/{language}/topics/"]


def warm_up(application) -> None:
    """Read the bitmaps and serve PAGES to ``application`` (the WSGI application), then close
    the database connections, which must not be shared with the forked workers. Whatever
    fails here (a database that does not answer) is logged and left to the workers."""
    started = time.perf_counter()
    read_bitmaps()
    site = urlsplit(settings.SITE_URL)
    host = site.netloc
    if not validate_host(site.hostname or "", settings.ALLOWED_HOSTS):
        # Served under another name: the first one allowed that is not a pattern.
        names = [name for name in settings.ALLOWED_HOSTS if name != "*" and name[:1] != "."]
        host = names[0] if names else "localhost"
    statuses: list[str] = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status.split()[0])

    for language, _name in settings.LANGUAGES:
        for page in PAGES:
            environ: dict = {}
            setup_testing_defaults(environ)
            environ.update(
                PATH_INFO=page.format(language=language),
                HTTP_HOST=host,
                SERVER_NAME=host.split(":")[0],
                SERVER_PORT=str(site.port or (443 if site.scheme == "https" else 80)),
            )
            environ["wsgi.url_scheme"] = site.scheme or "http"
            try:
                body = application(environ, start_response)
                for _chunk in body:
                    pass
                getattr(body, "close", lambda: None)()
            except Exception:  # the server must start: its workers serve the page later
                logger.warning("warming up with %s failed", environ["PATH_INFO"], exc_info=True)
    connections.close_all()
    logger.info("warmed up in %.1f s: %s", time.perf_counter() - started, ", ".join(statuses))
