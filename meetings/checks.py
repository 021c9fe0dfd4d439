"""System checks of the database the archive needs (run by migrate, and by
``manage.py check --database default``)."""

from django.core.checks import Error, Tags, register
from django.db import connections


@register(Tags.database)
def utf8_character_type(app_configs, databases=None, **kwargs):
    """Search normalises text in PostgreSQL (meetings_normalize): lower() of non-ASCII
    letters needs a UTF-8 character type (C.UTF-8, en_US.UTF-8...), not "C"."""
    errors = []
    for alias in databases or ():
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT lower('ÉΣ') = 'éσ', current_setting('lc_ctype', true)")
            folds, ctype = cursor.fetchone()
        if not folds:
            errors.append(
                Error(
                    f"The database {alias!r} does not lower-case non-ASCII letters "
                    f"(character type {ctype or 'unknown'}): searches would miss accented "
                    "and non-Latin words.",
                    hint="Create the database with a UTF-8 character type, e.g. "
                    "LC_CTYPE='C.UTF-8' (createdb --lc-ctype=C.UTF-8 --template=template0).",
                    id="meetings.E001",
                )
            )
    return errors
