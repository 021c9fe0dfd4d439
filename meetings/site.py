"""The site's public address, for every absolute URL the archive writes.

Pages, feeds, citations, JSON-LD, exports and the API's page links name the site
by ``SITE_URL``, never by the request's Host header: a page kept in the cache is
served to everyone, and a Host header is whatever the client wrote (finding 7
of issue 13: six requests with another port poisoned every later visitor's links).
"""

from django.conf import settings


def absolute_url(path: str) -> str:
    """``path`` (from reverse() or get_absolute_url()) as an absolute URL on the site."""
    return settings.SITE_URL + path
