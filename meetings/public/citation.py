"""How a meeting is cited and described to machines: plain text, BibTeX, schema.org JSON-LD."""

import datetime
import json

from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

ARCHIVE_NAME = "Ministerial meetings archive"
# json.dumps leaves these as they are; inside a <script> they must not be.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def outlets(meeting) -> list[str]:
    """The outlets of the meeting's sources, in the active language's script when known."""
    arabic = (get_language() or "en").startswith("ar")
    names = (
        (source.outlet.name_ar if arabic and source.outlet.name_ar else source.outlet.name)
        for source in meeting.sources.all()
        if source.outlet_id
    )
    return list(dict.fromkeys(names))


def plain_citation(meeting, url: str, accessed: datetime.date | None = None) -> str:
    """The meeting as a reference, wholly in the active language (its words, quotation
    marks and commas: « … », “…”, ،), with the outlets it is taken from and the day it
    was read (``accessed``, today by default)."""
    comma = pgettext("list separator", ", ")
    sources = comma.join(outlets(meeting))
    values = {
        "title": meeting.title,
        "date": meeting.date_display,
        "place": f"{comma}{meeting.place}" if meeting.place else "",
        "archive": _(ARCHIVE_NAME),
        "record": meeting.pk,
        "updated": f"{meeting.updated_at:%Y-%m-%d}",
        "outlets": sources,
        "url": url,
        "accessed": (accessed or timezone.localdate()).isoformat(),
    }
    if sources:
        text = _(
            "“%(title)s” (%(date)s%(place)s). %(archive)s, record %(record)s, last updated "
            "%(updated)s. Source: %(outlets)s. %(url)s (accessed %(accessed)s)."
        )
    else:
        text = _(
            "“%(title)s” (%(date)s%(place)s). %(archive)s, record %(record)s, last updated "
            "%(updated)s. %(url)s (accessed %(accessed)s)."
        )
    return text % values


def bibtex_escape(text: str) -> str:
    for char in "\\{}&%$#_":
        text = text.replace(char, "\\" + char)
    return text


def bibtex(meeting, url: str, accessed: datetime.date | None = None) -> str:
    fields = {
        "title": bibtex_escape(meeting.title),
        "year": str(meeting.date.year),
        "date": meeting.date.isoformat()[: {"year": 4, "month": 7}.get(meeting.date_precision, 10)],
        "howpublished": f"\\url{{{url}}}",
        "organization": ARCHIVE_NAME,
        "note": f"Record {meeting.pk}, last updated {meeting.updated_at:%Y-%m-%d}"
        + (f". Source: {bibtex_escape(', '.join(outlets(meeting)))}" if outlets(meeting) else ""),
        "urldate": (accessed or timezone.localdate()).isoformat(),
    }
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@misc{{meeting{meeting.pk},\n{body}\n}}"


def jsonld(meeting, url: str) -> str:
    """schema.org Event with participants, place and sources, ready for a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": meeting.title,
        "startDate": meeting.date.isoformat()[
            : {"year": 4, "month": 7}.get(meeting.date_precision, 10)
        ],
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "about": [topic.name for topic in meeting.topics.all()],
        "attendee": [
            {
                "@type": "Person",
                "name": participation.minister.name,
                "jobTitle": participation.post_title or None,
                "affiliation": {"@type": "Country", "name": participation.country.name},
            }
            for participation in meeting.participations.all()
        ],
        "subjectOf": [
            {
                "@type": "NewsArticle",
                "headline": source.headline or None,
                "url": source.url or None,
                "datePublished": source.published_on.isoformat() if source.published_on else None,
                "inLanguage": source.language,
                "author": source.author or None,
                "publisher": (
                    {"@type": "Organization", "name": source.outlet.name} if source.outlet else None
                ),
            }
            for source in meeting.sources.all()
        ],
        "dateModified": meeting.updated_at.isoformat(),
    }
    if meeting.summary:
        data["description"] = meeting.summary
    place_country = meeting.host_country or (meeting.city.country if meeting.city_id else None)
    if meeting.city_id or place_country:
        data["location"] = {
            "@type": "Place",
            "name": meeting.place,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": meeting.city.name if meeting.city_id else None,
                "addressCountry": place_country.code if place_country else None,
            },
        }
    return json.dumps(drop_empty(data), ensure_ascii=False, indent=1).translate(SCRIPT_ESCAPES)


def drop_empty(value):
    if isinstance(value, dict):
        return {k: drop_empty(v) for k, v in value.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [drop_empty(item) for item in value]
    return value
