"""Every string the code and templates mark for translation reads in French and Arabic:
the catalogs in locale/ hold each one, translated and not left fuzzy."""

import ast
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Templates, simple literals only: {% translate "..." %}.
IN_TEMPLATES = re.compile(r"""{%\s*(?:translate|trans)\s+"((?:[^"\\]|\\.)+)"\s*(?:[^%]*)%}""")
# Python: the calls that mark a string, and the position of the message among their
# arguments (after the context for pgettext). ngettext's first argument is the singular,
# the catalog's key for the pair.
MARKERS = {
    "_": 0,
    "gettext": 0,
    "gettext_lazy": 0,
    "gettext_noop": 0,
    "ngettext": 0,
    "ngettext_lazy": 0,
    "pgettext": 1,
    "pgettext_lazy": 1,
    "npgettext": 1,
    "npgettext_lazy": 1,
}


def marked_in_python(source: str) -> list[str]:
    """The literal messages of every marking call, read with the ast module: it joins the
    literals a message is split into over several lines ("..." "...")."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        name = function.id if isinstance(function, ast.Name) else getattr(function, "attr", "")
        position = MARKERS.get(name)
        if position is None or len(node.args) <= position:
            continue
        message = node.args[position]
        if isinstance(message, ast.Constant) and isinstance(message.value, str):
            found.append(message.value)
    return found


def marked_strings() -> dict[str, str]:
    found = {}
    for path in (ROOT / "templates").rglob("*.html"):
        for text in IN_TEMPLATES.findall(path.read_text(encoding="utf-8")):
            found.setdefault(text.replace('\\"', '"'), str(path.relative_to(ROOT)))
    for path in (ROOT / "meetings").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for text in marked_in_python(path.read_text(encoding="utf-8")):
            found.setdefault(text, str(path.relative_to(ROOT)))
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


def test_a_message_split_over_several_lines_is_found():
    # The extractor's messages are marked with gettext_noop, in literals over several lines.
    message = (
        "No city named: the meeting was at the host's ministry, so the host's capital is "
        "proposed. Check it."
    )
    assert marked_strings()[message] == "meetings/extraction/pipeline.py"
