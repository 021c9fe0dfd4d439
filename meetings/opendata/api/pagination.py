"""Pagination of the API's lists.

Meetings are paginated with cursors over the list's sort value and the id (a keyset, as
the site's list does it, meetings.pagination): each page links to the next and the
previous ones, a page stays the same while meetings are added elsewhere in the list, and
following ``next`` ends, whatever the order and however many meetings share a date or a
time of update. The cursor follows the order MeetingFilter's ``order`` parameter chooses
(``order=relevance`` pages in the default order, newest first). ``count`` is the exact
number of meetings the filters keep (meetings.counting).

A bad ``page_size`` or ``cursor`` answers 400 with a message naming the parameter, like
the filters do.
"""

from base64 import b64decode, b64encode

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination, PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from meetings.pagination import KEYSET_ORDERS, BadCursor, keyset_page

MAX_PAGE_SIZE = 500


class PageSizeMixin:
    """``page_size``: a whole number from 1 to the maximum, or a 400 naming it."""

    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    page_size_error = _("Give a whole number from 1 to %(max)d.")

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param, "")
        if value == "":
            return self.page_size
        try:
            size = int(value)
        except ValueError:
            size = 0
        if not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {self.page_size_query_param: [self.page_size_error % {"max": self.max_page_size}]}
            )
        return size

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": self.max_page_size,
                    "default": self.page_size,
                }
                parameter["description"] = "Number of results per page."
            elif parameter["name"] == getattr(self, "page_query_param", None):
                parameter["schema"] = {"type": "integer", "minimum": 1}
        return parameters


class MeetingCursorPagination(PageSizeMixin, BasePagination):
    """Keyset pages over meetings, 50 a page, in the order MeetingFilter's ``order`` asks."""

    page_size = 50
    cursor_query_param = "cursor"
    invalid_cursor_message = _("Invalid cursor.")

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.count = getattr(view, "count", None)
        order = request.query_params.get("order")
        order = order if order in KEYSET_ORDERS else "-date"
        direction, position = self.decode_cursor(request)
        try:
            self.page = keyset_page(
                queryset,
                order,
                self.get_page_size(request),
                **{direction: position} if position else {},
            )
        except BadCursor:
            raise ValidationError(
                {self.cursor_query_param: [self.invalid_cursor_message]}
            ) from None
        return self.page.items

    def decode_cursor(self, request) -> tuple[str, str]:
        """("after" or "before", a position), or a 400 naming ``cursor``."""
        encoded = request.query_params.get(self.cursor_query_param, "")
        if not encoded:
            return "after", ""
        try:
            direction, _sep, position = (
                b64decode(encoded.encode(), validate=True).decode().partition(":")
            )
        except (ValueError, UnicodeDecodeError):
            direction = ""
        if direction not in ("after", "before") or not position:
            raise ValidationError({self.cursor_query_param: [self.invalid_cursor_message]})
        return direction, position

    def link(self, direction: str, position: str | None) -> str | None:
        if not position:
            return None
        cursor = b64encode(f"{direction}:{position}".encode()).decode()
        return replace_query_param(
            self.request.build_absolute_uri(), self.cursor_query_param, cursor
        )

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.count,
                "next": self.link("after", self.page.next_cursor),
                "previous": self.link("before", self.page.previous_cursor),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "next", "previous", "results"],
            "properties": {
                "count": {
                    "type": "integer",
                    "description": "How many meetings the filters keep, exactly.",
                },
                "next": {"type": "string", "format": "uri", "nullable": True},
                "previous": {"type": "string", "format": "uri", "nullable": True},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Where the page starts (from a page's next or previous link).",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": "Number of results per page.",
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": self.max_page_size,
                    "default": self.page_size,
                },
            },
        ]


class ReferencePagination(PageSizeMixin, PageNumberPagination):
    """Page numbers for the reference lists (countries, ministers, topics), 100 a page."""

    page_size = 100
