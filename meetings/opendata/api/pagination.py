"""Pagination of the API's lists.

Meetings are paginated with cursors: each page links to the next and previous
ones, and a page stays the same while meetings are added elsewhere in the list.
The cursor follows the order MeetingFilter's ``order`` parameter chooses
(``order=relevance`` pages in the default order, newest first).

A bad ``page_size`` or ``cursor`` answers 400 with a message naming the
parameter, like the filters do.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination, PageNumberPagination

from meetings.filters import MeetingFilter
from meetings.models import Meeting

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


class MeetingCursorPagination(PageSizeMixin, CursorPagination):
    """Cursor pagination over meetings, 50 a page, in the order MeetingFilter's ``order`` asks."""

    page_size = 50
    ordering = MeetingFilter.ORDERINGS["-date"]
    invalid_cursor_message = _("Invalid cursor.")

    def get_ordering(self, request, queryset, view):
        # MeetingFilter has already checked ``order``; relevance has no stable position.
        return MeetingFilter.ORDERINGS.get(request.query_params.get("order"), self.ordering)

    def decode_cursor(self, request):
        """The cursor, or a 400 naming ``cursor`` when it was not made by this list."""
        try:
            cursor = super().decode_cursor(request)
            if cursor is not None and cursor.position is not None:
                # A position the ordering field cannot hold would fail in the database.
                field = Meeting._meta.get_field(self.ordering[0].lstrip("-"))
                field.to_python(cursor.position)
        except (NotFound, DjangoValidationError):
            raise ValidationError(
                {self.cursor_query_param: [self.invalid_cursor_message]}
            ) from None
        return cursor


class ReferencePagination(PageSizeMixin, PageNumberPagination):
    """Page numbers for the reference lists (countries, ministers, topics), 100 a page."""

    page_size = 100
