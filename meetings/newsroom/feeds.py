"""What a feed lists: RSS 2.0, Atom and news sitemaps, read as strict XML.

A document that is not well-formed, an HTML page where a feed was expected, or a
feed without items raises ``FeedError``: the whole poll is refused, so a feed is
never half-read. Bytes in another encoding than the one declared are read in the
one they are (the article reader's decoder), and the feed's status says so.
"""

from __future__ import annotations

import datetime
import email.utils
import hashlib
from dataclasses import dataclass, field

from lxml import etree

from meetings.extraction.article import ExtractionError, text_from_bytes

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
MAX_ITEMS = 500


class FeedError(Exception):
    """Why the document could not be read as a feed, for the feed's status."""


@dataclass
class Entry:
    url: str
    title: str = ""
    guid: str = ""
    published: datetime.datetime | None = None
    summary: str = ""

    @property
    def fingerprint(self) -> str:
        """What the feed says of the item: when it changes, the item is read again."""
        stamp = self.published.isoformat() if self.published else ""
        text = "\x1f".join((self.title, stamp, self.summary))
        return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Listing:
    entries: list[Entry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # said on the status, not errors


def parse(content: bytes) -> Listing:
    """The entries of an RSS, Atom or news sitemap document."""
    listing = Listing()
    root = xml_root(content, listing)
    tag = root.tag if isinstance(root.tag, str) else ""
    if tag.lower() in ("html", "{http://www.w3.org/1999/xhtml}html"):
        raise FeedError("The address gives an HTML page, not a feed.")
    if tag == "rss" or tag.endswith("}RDF"):
        listing.entries = rss_entries(root)
    elif tag == f"{ATOM}feed":
        listing.entries = atom_entries(root)
    elif tag == f"{SITEMAP}urlset":
        listing.entries = sitemap_entries(root)
    elif tag == f"{SITEMAP}sitemapindex":
        raise FeedError("This is a sitemap index: give the news sitemap it lists instead.")
    else:
        raise FeedError(f"Not a feed: the document is a <{etree.QName(root).localname}>.")
    listing.entries = [entry for entry in listing.entries if entry.url][:MAX_ITEMS]
    return listing


def xml_root(content: bytes, listing: Listing):
    if not content.strip():
        raise FeedError("The feed is empty.")
    head = content[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        raise FeedError("The address gives an HTML page, not a feed.")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        return etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError as error:
        if "encoding" not in str(error).lower() and "utf-8" not in str(error).lower():
            raise FeedError(f"Malformed XML: {error}") from error
        first_error = error
    # Declared (or assumed) UTF-8, but not: read it in the encoding it is in.
    try:
        text = text_from_bytes(content)
    except ExtractionError as error:
        raise FeedError(f"Malformed XML: {first_error}") from error
    text = text.split("?>", 1)[1] if text.lstrip().startswith("<?xml") else text
    try:
        root = etree.fromstring(text.encode("utf-8"), parser=parser)
    except etree.XMLSyntaxError as error:
        raise FeedError(f"Malformed XML: {error}") from error
    listing.notes.append(f"The feed is not in the encoding it declares ({first_error}).")
    return root


def text_of(element, path: str, namespaces=None) -> str:
    found = element.find(path, namespaces)
    return "".join(found.itertext()).strip() if found is not None else ""


def rss_entries(root) -> list[Entry]:
    items = root.iter("item", "{http://purl.org/rss/1.0/}item")
    entries = []
    for item in items:
        ns = "{http://purl.org/rss/1.0/}" if item.tag.startswith("{") else ""
        link = text_of(item, f"{ns}link")
        guid_element = item.find("guid")
        guid = text_of(item, "guid")
        if not link and guid_element is not None and guid.startswith("http"):
            link = guid  # <guid isPermaLink="true"> is the article's address
        entries.append(
            Entry(
                url=link,
                title=text_of(item, f"{ns}title")[:500],
                guid=guid[:2000],
                published=rfc822_date(text_of(item, "pubDate"))
                or iso_date(text_of(item, "{http://purl.org/dc/elements/1.1/}date")),
                summary=text_of(item, f"{ns}description")[:2000],
            )
        )
    return entries


def atom_entries(root) -> list[Entry]:
    entries = []
    for entry in root.iter(f"{ATOM}entry"):
        link = ""
        for candidate in entry.findall(f"{ATOM}link"):
            if candidate.get("rel", "alternate") == "alternate":
                link = candidate.get("href", "")
                break
        entries.append(
            Entry(
                url=link.strip(),
                title=text_of(entry, f"{ATOM}title")[:500],
                guid=text_of(entry, f"{ATOM}id")[:2000],
                published=iso_date(text_of(entry, f"{ATOM}published"))
                or iso_date(text_of(entry, f"{ATOM}updated")),
                summary=text_of(entry, f"{ATOM}summary")[:2000],
            )
        )
    return entries


def sitemap_entries(root) -> list[Entry]:
    entries = []
    for url in root.iter(f"{SITEMAP}url"):
        news = url.find(f"{NEWS}news")
        published = text_of(news, f"{NEWS}publication_date") if news is not None else ""
        entries.append(
            Entry(
                url=text_of(url, f"{SITEMAP}loc"),
                title=text_of(news, f"{NEWS}title")[:500] if news is not None else "",
                published=iso_date(published) or iso_date(text_of(url, f"{SITEMAP}lastmod")),
            )
        )
    return entries


def rfc822_date(value: str) -> datetime.datetime | None:
    if not value:
        return None
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def iso_date(value: str) -> datetime.datetime | None:
    if not value:
        return None
    try:
        moment = datetime.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)
