"""From what the editor gives (a URL's HTML, pasted HTML or pasted text) to an article.

HTML goes through trafilatura, which finds the main text and the title,
author, date and site name; plain text is used as it is. Inputs that cannot
be an article (empty, binary, far too long, HTML without text) raise
``ExtractionError`` with a message for the editor.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

from meetings.text import script_of

# A long article is 10,000 words (about 70,000 characters); pages with their
# markup are rarely above 1 MB. Beyond this, the input is not one article.
MAX_INPUT_CHARACTERS = 2_000_000
MIN_LETTERS = 40
HTML_HINT = re.compile(r"<\s*(html|head|body|article|p|div|meta|title)\b", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ExtractionError(ValueError):
    """An input the extractor cannot read, with a message meant for the editor."""


@dataclass
class Article:
    """The text of a news article and what is known about it."""

    text: str
    title: str = ""
    author: str = ""
    outlet: str = ""
    published: datetime.date | None = None
    url: str = ""

    @property
    def language(self) -> str:
        return "ar" if script_of(self.text) == "ar" else latin_language(self.text)


FRENCH_WORDS = re.compile(
    r"\b(le|la|les|des|du|et|avec|ministre|son|sa|est|a|au|aux|pour|sur|une)\b", re.I
)
ENGLISH_WORDS = re.compile(r"\b(the|and|with|minister|his|her|is|was|for|on|of|to|in|a|an)\b", re.I)


def latin_language(text: str) -> str:
    """French or English, by their commonest short words."""
    sample = text[:5000]
    french = len(FRENCH_WORDS.findall(sample))
    english = len(ENGLISH_WORDS.findall(sample))
    return "fr" if french > english else "en"


def decode(content: str | bytes) -> str:
    """Text from bytes or text, refusing what is evidently not text."""
    if isinstance(content, bytes):
        if b"\x00" in content[:4096]:
            raise ExtractionError("This is a binary file, not an article. Paste the article text.")
        content = content.decode("utf-8", errors="replace")
    if len(content) > MAX_INPUT_CHARACTERS:
        raise ExtractionError(
            f"This input is {len(content):,} characters long; an article is at most "
            f"{MAX_INPUT_CHARACTERS:,}. Paste the article alone."
        )
    odd = len(CONTROL.findall(content)) + content.count("\ufffd")
    if content and odd > 0.05 * len(content):
        raise ExtractionError("This does not look like text. Paste the article itself.")
    return CONTROL.sub(" ", content)


def looks_like_html(content: str) -> bool:
    return bool(HTML_HINT.search(content[:5000]))


def read_article(
    content: str | bytes,
    *,
    published: datetime.date | None = None,
    url: str = "",
    outlet: str = "",
    is_html: bool | None = None,
) -> Article:
    """An Article from HTML or plain text; raises ExtractionError on unusable input."""
    text = decode(content)
    if not text.strip():
        raise ExtractionError("The article is empty. Paste its text or its HTML, or give its URL.")
    if is_html is None:
        is_html = looks_like_html(text)
    article = article_from_html(text, url=url) if is_html else Article(text=text.strip(), url=url)
    article.published = published or article.published
    article.outlet = outlet or article.outlet
    letters = count_letters(article.text)
    if letters < MIN_LETTERS:
        raise ExtractionError(
            "There is too little text to find a meeting in: "
            f"{letters} letters. Paste the whole article."
        )
    return article


def count_letters(text: str) -> int:
    return sum(1 for char in text if unicodedata.category(char).startswith("L"))


def article_from_html(html: str, *, url: str = "") -> Article:
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, include_comments=False, include_tables=False
    )
    if document is None or count_letters(document.text or "") < MIN_LETTERS:
        raise ExtractionError(
            "No article text was found in this HTML. Paste the article's text instead."
        )
    return Article(
        text=document.text.strip(),
        title=(document.title or "").strip(),
        author=(document.author or "").strip(),
        outlet=(document.sitename or "").strip(),
        published=parse_iso_date(document.date),
        url=url or (document.url or ""),
    )


def parse_iso_date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None
