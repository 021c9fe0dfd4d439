"""Fetch an article's page, briefly: editors can always paste it instead."""

import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.utils.translation import gettext_noop

from meetings.extraction.article import MAX_INPUT_CHARACTERS, ExtractionError
from meetings.extraction.notes import EditorNote

TIMEOUT_SECONDS = 6
USER_AGENT = "Mozilla/5.0 (compatible; ministerial-meetings-archive/1.0)"


def fetch_page(url: str, timeout: float = TIMEOUT_SECONDS) -> tuple[bytes, str]:
    """The page at ``url`` and the charset its server declared ("" if none).

    Raises ExtractionError with a message for the editor when it cannot be had.
    """
    if urlsplit(url).scheme not in ("http", "https"):
        raise ExtractionError(gettext_noop("Only http and https links can be fetched."))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            content = response.read(MAX_INPUT_CHARACTERS * 2 + 1)
            charset = response.headers.get_content_charset() or ""
    except urllib.error.HTTPError as error:
        raise ExtractionError(
            EditorNote(
                gettext_noop(
                    "The site answered %(status)s for this URL. Paste the article's text instead."
                ),
                status=str(error.code),
            )
        ) from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise ExtractionError(
            EditorNote(
                gettext_noop(
                    "The article could not be fetched (%(reason)s): the network may be "
                    "unreachable. Paste the article's HTML or text instead."
                ),
                reason=str(reason),
            )
        ) from error
    if len(content) > MAX_INPUT_CHARACTERS * 2:
        raise ExtractionError(
            gettext_noop("This page is too large to be one article. Paste the article alone.")
        )
    return content, charset
