"""The archive's error pages: 400 saying what was wrong, 500, and 503 while the database
cannot be reached."""

import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _


def server_error(request):
    """500; or 503 with a "try again" page when the database cannot be reached
    (restarting, failing over), which clients and proxies may retry."""
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        page = loader.render_to_string("503.html", {"request_id": getattr(request, "id", "-")})
        response = HttpResponse(page, status=503)
        response["Retry-After"] = "5"
        return response
    return HttpResponseServerError(loader.render_to_string("500.html"))


class ControlCharacters(SuspiciousOperation):
    """A control character (NUL...) in a request (meetings.operations.middleware):
    ``parameter`` names where ("path", or a parameter's or a field's name)."""

    def __init__(self, parameter: str):
        super().__init__(parameter)
        self.parameter = parameter


def bad_request(request, exception):
    """400 page that says what was wrong when Django knows (a request too large, a control
    character); JSON for the API."""
    message = ""
    if isinstance(exception, ControlCharacters):
        message = _(
            "The address or the form contains a control character (such as NUL), "
            "which nothing in the archive accepts."
        )
    elif isinstance(exception, RequestDataTooBig):
        message = _(
            "What was sent is too large (more than %(size)d MB). "
            "An article is much smaller: paste the article alone."
        ) % {"size": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1_000_000}
    elif isinstance(exception, TooManyFieldsSent):
        message = _("The form sent too many fields.")
    if request.path.startswith("/api/"):
        # The API's 400s name the parameter, each with its messages.
        parameter = getattr(exception, "parameter", "detail")
        return JsonResponse({parameter: [message or _("Bad request.")]}, status=400)
    return render(request, "400.html", {"message": message}, status=400)
