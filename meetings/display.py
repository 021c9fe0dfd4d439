"""What a meeting shows, the one definition used by pages, cards, the API, exports, feeds,
citations and JSON-LD.

Each function takes the values it needs, from model instances or from rows of plain
values (``Values``), so that a card built from values and a page built from
instances say exactly the same thing.
"""

from django.db.models import Case, Value, When
from django.utils.formats import date_format
from django.utils.translation import get_language

# Participants are listed lead first, then those accompanying them, each in the editor's
# order: everywhere (Participation.Meta.ordering is the same).
LEAD_FIRST = Case(When(role="lead", then=Value(0)), default=Value(1))
PARTICIPANT_ORDER = (LEAD_FIRST, "order", "pk")


class Values:
    """Attribute access to a values() row, so ``localized`` works on it."""

    def __init__(self, row, prefix=""):
        self.row, self.prefix = row, prefix

    def __getattr__(self, name):
        return self.row.get(self.prefix + name) or ""


def localized(obj, field: str, language: str | None = None) -> str:
    """Return ``obj.<field>_<language>``, falling back to the other languages."""
    language = (language or get_language() or "en")[:2]
    order = [language, *(code for code in ("en", "fr", "ar") if code != language)]
    for code in order:
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return value
    return ""


def person_name(name_ar: str, name_latin: str) -> str:
    """A person's name in the script of the active language, else the other one."""
    if (get_language() or "en").startswith("ar"):
        return name_ar or name_latin
    return name_latin or name_ar


def date_display(date, precision: str) -> str:
    """A meeting's date as precise as it is known: 15 April 2024, April 2024 or 2024."""
    if precision == "year":
        return str(date.year)
    return date_format(date, "YEAR_MONTH_FORMAT" if precision == "month" else "DATE_FORMAT")


def title(meeting, country_a: str, country_b: str, language: str | None = None) -> str:
    """The editor's title in the language (another if missing), else the two countries."""
    return localized(meeting, "title", language) or f"{country_a} – {country_b}"


def place(city: str, host_country: str) -> str:
    """Where the meeting took place: its city, or failing that its host country."""
    return city or host_country or ""


def post(post_titles, description: str, language: str | None = None) -> str:
    """The post a participant held that day (its title in the language), or failing a
    recorded post, the description the editor or the file gave."""
    return (localized(post_titles, "title", language) if post_titles is not None else "") or (
        description or ""
    )
