"""Every string the code and templates mark for translation reads in French and Arabic:
the catalogs in locale/ hold each one, translated and not left fuzzy."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Simple literals only: {% translate "..." %}, _("..."), gettext("..."), gettext_lazy("...").
IN_TEMPLATES = re.compile(r"""{%\s*(?:translate|trans)\s+"((?:[^"\\]|\\.)+)"\s*(?:[^%]*)%}""")
IN_PYTHON = re.compile(r"""\b(?:_|gettext|gettext_lazy)\(\s*"((?:[^"\\]|\\.)+)"\s*[,)]""")


def marked_strings() -> dict[str, str]:
    found = {}
    for path in (ROOT / "templates").rglob("*.html"):
        for text in IN_TEMPLATES.findall(path.read_text(encoding="utf-8")):
            found.setdefault(text.replace('\\"', '"'), str(path.relative_to(ROOT)))
    for path in (ROOT / "meetings").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for text in IN_PYTHON.findall(path.read_text(encoding="utf-8")):
            found.setdefault(text.replace('\\"', '"'), str(path.relative_to(ROOT)))
    return found


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_every_marked_string_is_translated(language):
    with (ROOT / "locale" / language / "LC_MESSAGES" / "django.po").open("rb") as po:
        catalog = read_po(po)
    translated = {
        message.id if isinstance(message.id, str) else message.id[0]
        for message in catalog
        if message.id
        and not message.fuzzy
        and all(message.string if isinstance(message.string, tuple) else [message.string])
    }
    strings = marked_strings()
    assert len(strings) > 200  # the patterns still find the archive's strings
    missing = {text: where for text, where in strings.items() if text not in translated}
    assert missing == {}
