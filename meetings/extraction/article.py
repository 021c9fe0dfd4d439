"""From what the editor gives (a URL's HTML, pasted HTML or pasted text) to an article.

Bytes are decoded as UTF-8 when they are UTF-8, otherwise by the charset the
server or the page declares, or the one charset_normalizer recognises, line by
line when a page mixes encodings. HTML goes through trafilatura, which finds
the main text and the title, author, date and site name; plain text is used as
it is. Then, in one place (``repair``), ftfy undoes mojibake ("lâ€™IntÃ©rieur"
for "l’Intérieur"), whatever the input was: nothing reads the text before.
Inputs that cannot be an article (empty, binary, far too long, HTML without
text, another language than Arabic, French or English) raise
``ExtractionError`` with a message for the editor.
"""

from __future__ import annotations

import codecs
import datetime
import functools
import re
import unicodedata
from dataclasses import dataclass

import ftfy
import ftfy.badness
from django.utils.translation import gettext_noop

from meetings.extraction.notes import EditorNote
from meetings.text import ARABIC_LETTER, LATIN_LETTER, script_of

# A long article is 10,000 words (about 70,000 characters); pages with their
# markup are rarely above 1 MB. Beyond this, the input is not one article.
MAX_INPUT_CHARACTERS = 2_000_000
MIN_LETTERS = 40
HTML_HINT = re.compile(r"<\s*(html|head|body|article|p|div|meta|title)\b", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# <meta charset="windows-1256"> or <meta http-equiv="Content-Type" content="text/html; charset=...">
META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I
)
# A date in the URL's path: /2024/12/20/ or -2024-12-20-.
URL_DATE = re.compile(r"(?<!\d)(20\d\d)[/-](\d{1,2})[/-](\d{1,2})(?!\d)")
# Or in day/month/year order, as sites outside the United States write it: /15/10/2025/.
URL_DAY_FIRST = re.compile(r"(?<!\d)(\d{1,2})[/-](\d{1,2})[/-](20\d\d)(?!\d)")
LANGUAGES = ("ar", "fr", "en")
ACCENTED = re.compile("[\u00c0-\u00ff]")


class ExtractionError(ValueError):
    """An input the extractor cannot read, with a message meant for the editor.

    The message is English (the command line prints it as it is); the admin shows it
    in the editor's language with ``notes.translated(error.message)``.
    """

    @property
    def message(self) -> str:
        return self.args[0]


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


def decode(content: str | bytes, charset: str = "") -> str:
    """Text from bytes or text, refusing what is evidently not text."""
    if isinstance(content, bytes):
        utf16 = content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        if b"\x00" in content[:4096] and not utf16:
            raise ExtractionError(
                gettext_noop("This is a binary file, not an article. Paste the article text.")
            )
        content = text_from_bytes(content, charset)
    if len(content) > MAX_INPUT_CHARACTERS:
        raise ExtractionError(
            EditorNote(
                gettext_noop(
                    "This input is %(length)s characters long; an article is at most "
                    "%(most)s. Paste the article alone."
                ),
                length=len(content),
                most=MAX_INPUT_CHARACTERS,
            )
        )
    odd = len(CONTROL.findall(content)) + content.count("\ufffd")
    if content and odd > 0.05 * len(content):
        raise ExtractionError(
            gettext_noop("This does not look like text. Paste the article itself.")
        )
    return CONTROL.sub(" ", content)


def text_from_bytes(content: bytes, declared: str = "") -> str:
    """The page's text: UTF-8 when it is valid UTF-8, else its declared or recognised charset.

    Valid UTF-8 wins over a declaration: pages often declare Latin-1 and send UTF-8,
    while text in a legacy charset is almost never valid UTF-8 by chance. A page whose
    lines are partly UTF-8 (a template) and partly in another charset (the story) is
    decoded line by line.
    """
    if content.startswith(codecs.BOM_UTF8):
        return content[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return content.decode("utf-16", errors="replace")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    meta = META_CHARSET.search(content[:8192])
    fallback = (
        known_codec(declared)
        or known_codec(meta.group(1).decode("ascii") if meta else "")
        or recognised_codec(content)
        or "cp1252"
    )
    lines = []
    for line in content.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(line.decode(fallback, errors="replace"))
    return "\n".join(lines)


def known_codec(name: str) -> str | None:
    """Python's codec for a charset name, None when unknown or when it says UTF-8."""
    try:
        codec = codecs.lookup(name.strip()).name if name.strip() else None
    except LookupError:
        return None
    # Latin-1 is declared where Windows-1252 is meant (HTML's rule: they are read alike).
    return {"iso8859-1": "cp1252", "latin-1": "cp1252", "utf-8": None}.get(codec, codec)


def recognised_codec(content: bytes) -> str | None:
    """The charset charset_normalizer finds for bytes nothing declared."""
    import charset_normalizer

    best = charset_normalizer.from_bytes(content[:65536]).best()
    return known_codec(best.encoding) if best else None


def repair(text: str) -> str:
    """Undo mojibake: text decoded with the wrong charset, once or twice, in parts or whole.

    ftfy changes only what is evidently broken; quotes and character widths are left
    as the article has them.
    """
    if not text or text.isascii():
        return text
    if ftfy.badness.is_bad(text):  # twice as fast as repairing: most articles are fine
        text = ftfy.fix_text(text, uncurl_quotes=False, fix_character_width=False)
    return "\n".join(arabic_from_windows_1256(line) for line in text.split("\n"))


def arabic_from_windows_1256(line: str) -> str:
    """Arabic saved in Windows-1256 and read as Windows-1252 ("ÇáÑÈÇØ" for "الرباط").

    ftfy repairs what UTF-8 became, not this; a line mostly made of these accented
    letters, that gives Arabic once read back, is taken to be one.
    """
    if len(ACCENTED.findall(line)) < max(0.25 * len(line), 4):
        return line  # French accents are a few letters in a hundred
    try:
        arabic = line.encode("cp1252").decode("cp1256")
    except UnicodeError:
        return line
    return arabic if len(ARABIC_LETTER.findall(arabic)) > 0.5 * count_letters(arabic) else line


def looks_like_html(content: str) -> bool:
    return bool(HTML_HINT.search(content[:5000]))


def read_article(
    content: str | bytes,
    *,
    published: datetime.date | None = None,
    url: str = "",
    outlet: str = "",
    is_html: bool | None = None,
    charset: str = "",
) -> Article:
    """An Article from HTML or plain text; raises ExtractionError on unusable input.

    ``charset`` is the one the server declared for bytes. The publication date is
    the one given, else the page's metadata, else a date in the URL's path.
    """
    text = decode(content, charset)
    if not text.strip():
        raise ExtractionError(
            gettext_noop("The article is empty. Paste its text or its HTML, or give its URL.")
        )
    if is_html is None:
        is_html = looks_like_html(text)
    if is_html:
        # A page garbled whole (UTF-8 read as Windows-1252) is repaired before its markup
        # is parsed: the parser drops the C1 controls and soft hyphens that some garbled
        # letters became ("ف" is "Ù" and 0x81), and what is left can no longer be undone.
        text = repair(text)
    article = article_from_html(text, url=url) if is_html else Article(text=text.strip(), url=url)
    for name in ("text", "title", "author", "outlet"):
        setattr(article, name, repair(getattr(article, name)))
    article.published = published or article.published or date_in_url(url)
    article.outlet = outlet or article.outlet
    letters = count_letters(article.text)
    if letters < MIN_LETTERS:
        raise ExtractionError(
            EditorNote(
                gettext_noop(
                    "There is too little text to find a meeting in: "
                    "%(letters)s letters. Paste the whole article."
                ),
                letters=letters,
            )
        )
    check_language(article.text)
    return article


def host_of(url: str) -> str:
    """The site's host in a URL, lowercased: "https://www.Example.com:443/a" gives
    "www.example.com"."""
    return url.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()


def on_domain(url: str, domain: str) -> bool:
    """The URL is on ``domain`` (or ``domain`` is not known)."""
    domain = domain.lower().removeprefix("www.")
    host = host_of(url).removeprefix("www.")
    return not domain or host == domain or host.endswith("." + domain)


def date_in_url(url: str) -> datetime.date | None:
    """A date in the URL's path (/2024/12/20/ or /20/12/2024/), as many sites put the
    publication date there."""
    path = url.split("//", 1)[-1].partition("/")[2]
    for match in URL_DATE.finditer(path):
        try:
            return datetime.date(*(int(part) for part in match.groups()))
        except ValueError:
            continue
    for match in URL_DAY_FIRST.finditer(path):
        day, month, year = (int(part) for part in match.groups())
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    return None


@functools.cache
def language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def check_language(text: str) -> None:
    """Refuse an article in another language than Arabic, French or English.

    Both py3langid and the script must agree that it is another language: a French
    article quoting Spanish, or Moroccan Darija, stays accepted.
    """
    sample = text[:3000]
    letters = count_letters(sample)
    arabic, latin = len(ARABIC_LETTER.findall(sample)), len(LATIN_LETTER.findall(sample))
    language, probability = language_identifier().classify(sample)
    if arabic + latin < 0.5 * letters:
        other = True  # Cyrillic, Chinese, Greek...
    elif arabic > latin:
        # Persian, Urdu, Pashto... are written in Arabic letters; ary, arz: dialects of Arabic.
        other = not language.startswith("ar") and probability > 0.9
    else:
        function_words = len(FRENCH_WORDS.findall(sample)) + len(ENGLISH_WORDS.findall(sample))
        words = max(len(sample.split()), 1)
        other = language not in LANGUAGES and probability > 0.9 and function_words < 0.2 * words
    if other:
        raise ExtractionError(
            EditorNote(
                gettext_noop(
                    "This article seems to be in another language (%(language)s): the "
                    "extractor reads Arabic, French and English. Paste a version in one of them."
                ),
                language=language,
            )
        )


def count_letters(text: str) -> int:
    return sum(1 for char in text if unicodedata.category(char).startswith("L"))


def article_from_html(html: str, *, url: str = "") -> Article:
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, include_comments=False, include_tables=False
    )
    if document is None or count_letters(document.text or "") < MIN_LETTERS:
        raise ExtractionError(
            gettext_noop(
                "No article text was found in this HTML. Paste the article's text instead."
            )
        )
    return Article(
        text=document.text.strip(),
        title=(document.title or "").strip(),
        author=(document.author or "").strip(),
        outlet=(document.sitename or "").strip(),
        published=published_in_metadata(html) or parse_iso_date(document.date),
        url=url or (document.url or ""),
    )


# The page's own statement of its publication day: <meta property="article:published_time"
# content="2026-03-10T09:30:00+01:00">, "og:published_time", "datePublished", "pubdate".
# trafilatura's guess refuses a day after the machine's clock and may fall back on another
# date of the page (a copyright year); the page's word is taken as given.
PUBLISHED_META = re.compile(
    r"""<meta\s[^>]*?(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|"""
    r"""og:published_time|datepublished|pubdate|publishdate)["'][^>]*?>""",
    re.IGNORECASE,
)
META_CONTENT = re.compile(r"""content\s*=\s*["'](\d{4}-\d{2}-\d{2})""", re.IGNORECASE)


def published_in_metadata(html: str) -> datetime.date | None:
    """The day a page's metadata gives as its publication's, if any."""
    tag = PUBLISHED_META.search(html[:200_000])
    if tag is None:
        return None
    content = META_CONTENT.search(tag.group(0))
    return parse_iso_date(content.group(1)) if content else None


def parse_iso_date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None
