#!/usr/bin/env python
"""Compile locale/*/LC_MESSAGES/*.po into .mo files with Babel.

Django's compilemessages needs GNU gettext's msgfmt, which a newcomer's
machine may lack; Babel is a Python dependency already. Files are rebuilt
only when the .po is newer than the .mo.
"""

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def compile_all(locale_dir: Path = LOCALE_DIR) -> int:
    compiled = 0
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=po_path.parent.parent.name)
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog, use_fuzzy=False)
        compiled += 1
        print(f"compiled {po_path.relative_to(locale_dir.parent)}")
    return compiled


if __name__ == "__main__":
    compile_all()
    sys.exit(0)
