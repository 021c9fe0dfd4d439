#!/usr/bin/env python
"""Store what a checkout's search finds for the search evaluation, for "before" figures.

    cd /path/to/checkout-of-main && DATABASE_URL=... /path/to/venv/bin/python \
        /path/to/this/scripts/search_predictions.py --output eval/before/search.json

It runs in the checkout given as the current directory (its Django settings, its
database, which must hold the reference data, its ``meetings.search``), with this
repository's meetings/operations/search_evaluation.py loaded as a file, on this
repository's eval/search queries. ``make eval`` prints these stored answers as "before".
"""

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", required=True)
    options = parser.parse_args()

    sys.path.insert(0, str(Path.cwd()))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    import django

    django.setup()
    spec = importlib.util.spec_from_file_location(
        "search_evaluation", HERE / "meetings" / "operations" / "search_evaluation.py"
    )
    evaluation = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluation)
    results = evaluation.answers(HERE / "eval" / "search")
    Path(options.output).write_text(json.dumps(results, ensure_ascii=False, indent=0) + "\n")


if __name__ == "__main__":
    main()
