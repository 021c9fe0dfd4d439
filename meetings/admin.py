"""Django's admin looks for ``<app>.admin``: the editors' screens are in
meetings/editorial/admin.py."""

from meetings.editorial import admin  # noqa: F401  (registers the model admins)
