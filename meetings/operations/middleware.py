"""Middleware of the archive: request ids and request logs, the health check,
reads from a replica, and response headers Django has no setting for."""

import logging
import re
import time
import unicodedata
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse

from config.routers import read_from_replica
from meetings.operations.errors import ControlCharacters, bad_request
from meetings.operations.log import REQUEST_ID, known_user_id

request_log = logging.getLogger("meetings.requests")

# A request id set by the proxy in front is kept when it looks like one.
INCOMING_ID = re.compile(r"[A-Za-z0-9._-]{8,128}")


class RequestIdMiddleware:
    """Give every request an id (the proxy's X-Request-ID, or a new one), put it on
    every log line written while serving it and on the response, and log the request
    once it is answered. First in the stack, so it sees every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request.id = incoming if INCOMING_ID.fullmatch(incoming) else uuid.uuid4().hex
        # Kept until the response is closed (meetings.operations.log.forget_request_id): Django logs
        # 4xx and 5xx answers after the last middleware has returned.
        REQUEST_ID.set(request.id)
        started = time.perf_counter()
        response = self.get_response(request)
        response["X-Request-ID"] = request.id
        if request.path != HEALTH_PATH:
            request_log.info(
                "%s %s %s",
                request.method,
                request.get_full_path(),
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "query": request.META.get("QUERY_STRING", ""),
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "user_id": known_user_id(request),
                },
            )
        return response


HEALTH_PATH = "/healthz"


class HealthCheckMiddleware:
    """/healthz for load balancers and compose: 200 when the database answers, 503
    when it does not. Before the host check and the HTTPS redirect, so a probe on
    the container's own address gets an answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != HEALTH_PATH:
            return self.get_response(request)
        checks = {"database": "ok", "cache": "ok"}
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError:
            checks["database"] = "unavailable"
        try:
            cache.get("healthz")
        except Exception:
            checks["cache"] = "unavailable"
        healthy = all(value == "ok" for value in checks.values())
        response = JsonResponse({"status": "ok" if healthy else "unavailable", **checks})
        response.status_code = 200 if healthy else 503
        response["Cache-Control"] = "no-store"
        return response


class ReplicaReadsMiddleware:
    """Let public pages read from the replica (config.routers); editors and every
    write read from the primary, so nobody misses what they just saved."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public = (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and f"/{settings.ADMIN_URL}" not in request.path
        )
        token = read_from_replica.set(public)
        try:
            return self.get_response(request)
        finally:
            read_from_replica.reset(token)


class PermissionsPolicyMiddleware:
    """Tell browsers the site uses no camera, microphone, location and the like."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


# Line breaks and tabs may stand in a value (a pasted search); no other control character
# has a meaning in an address.
ALLOWED_IN_VALUES = {"\t", "\n", "\r"}


def has_control_characters(text: str, allowed=frozenset()) -> bool:
    return any(unicodedata.category(char) == "Cc" and char not in allowed for char in text)


class RejectControlCharactersMiddleware:
    """A 400 for a control character (NUL above all) in the path or the query string, and
    for NUL in a form's fields, on every page, API and admin path alike.

    PostgreSQL refuses NUL in text, so such a value reached a query as a 500; no page
    means anything by the others. Checked here, once, before any view reads the request.
    Other control characters in a form (a pasted article's form feed) are the form's
    business: they are stored as sent.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        where = self.where(request)
        if where:
            return bad_request(request, ControlCharacters(where))
        return self.get_response(request)

    @staticmethod
    def where(request) -> str | None:
        """ "path", or the name of the parameter or field holding a refused character."""
        if has_control_characters(request.path):
            return "path"
        for name, values in request.GET.lists():
            if has_control_characters(name) or any(
                has_control_characters(value, ALLOWED_IN_VALUES) for value in values
            ):
                return name
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            for name, values in request.POST.lists():
                if "\0" in name or any("\0" in value for value in values):
                    return name
        return None
