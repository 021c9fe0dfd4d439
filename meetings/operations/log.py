"""Log records that carry the request they were written for.

Every record gets ``request_id`` (``-`` outside a request). Django's error
records carry the request object itself; it is replaced by the fields needed
to reproduce the error (method, path, query, user), which also keeps JSON
lines serialisable. LOG_FORMAT=json (the production default) writes one JSON
object per line with python-json-logger.
"""

import logging
from contextvars import ContextVar

from django.utils.functional import empty

REQUEST_ID: ContextVar[str] = ContextVar("request_id", default="-")


def forget_request_id(**kwargs):
    """At the end of a request (its response closed), lines are no longer about it."""
    REQUEST_ID.set("-")


class RequestContextFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get()
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "META"):
            record.method = request.method
            record.path = request.path
            record.query = request.META.get("QUERY_STRING", "")
            record.user_id = known_user_id(request)
            del record.request
        return True


def known_user_id(request) -> int | None:
    """The signed-in user's id when the request already looked it up: logging must
    not query the database (it may be the very thing that is down)."""
    user = getattr(request, "user", None)
    user = getattr(user, "_wrapped", user)
    return None if user is None or user is empty else getattr(user, "pk", None)
