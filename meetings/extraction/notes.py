"""Messages the extractor leaves for the editor: English in the code, translated on screen.

The extractor's warnings (``Draft.warnings``) and its refusals (``ExtractionError``) are
read by code as well as by editors: the pipeline drops a warning by its English words,
the newsroom scores an article by them, and the command line and its JSON form print
them. So they stay English strings, and the admin translates them only when it shows
them, with ``translated()``.

A message without values is a plain string marked with ``gettext_noop``. A message with
values is an ``EditorNote``: a ``str`` whose value is the English sentence, which also
keeps the template the translators translated and the values to put in it::

    EditorNote(gettext_noop("Only one side is clear (%(country)s): ..."), country="MA")

A value named ``country`` is a country's ISO code, which ``translated()`` can replace
by the country's name in the active language, and one named ``language`` (a language's
ISO 639-1 code) by the language's name. Numbers are grouped by thousands, in the
English way in the English text and in the active language's way on screen.
"""

from collections.abc import Callable

from babel import Locale, UnknownLocaleError
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext, to_locale


class EditorNote(str):
    """A message for the editor: the English text, with its template and values."""

    template: str
    values: dict

    def __new__(cls, template: str, **values):
        english = {
            name: f"{value:,}" if is_number(value) else value for name, value in values.items()
        }
        note = super().__new__(cls, template % english)
        note.template = template
        note.values = values
        return note

    def __reduce__(self):
        # A copy or a pickle of a draft keeps what it takes to translate its warnings.
        return (note_of, (self.template, self.values))


def note_of(template: str, values: dict) -> EditorNote:
    return EditorNote(template, **values)


def is_number(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def language_name(code: str) -> str:
    """A language's name in the active language ("de": "allemand", "الألمانية"), from the
    CLDR data Babel ships; the code itself when Babel does not know it."""
    try:
        names = Locale.parse(to_locale(get_language() or "en")).languages
    except (ValueError, UnknownLocaleError):
        return code
    return names.get(code, code)


def translated(message: str, country_name: Callable[[str], str] | None = None) -> str:
    """The message in the active language.

    ``country_name(code)`` names a country in the active language: a value named
    ``country`` is shown by its name. Without it, the code is shown.
    """
    if not isinstance(message, EditorNote):
        return gettext(message)
    values = {}
    for name, value in message.values.items():
        if name == "country" and country_name:
            value = country_name(value)
        elif name == "language":
            value = language_name(value)
        elif is_number(value):
            value = number_format(value, force_grouping=True)
        values[name] = value
    return gettext(message.template) % values
