#!/usr/bin/env python
"""Store what a checkout's extractor proposes for evaluation sets, for "before" figures.

    cd /path/to/checkout-of-main && .venv/bin/python \
        /path/to/this/scripts/extraction_predictions.py eval/dev17 ... --output-dir DIR

It runs in the checkout given as the current directory (its Django settings, its
database, its ``meetings.extraction``), reading the cases from the sets named
(paths relative to this script's repository unless absolute), and writes
``DIR/<set name>.json``: {case id: the draft's JSON}. ``make eval`` prints these
stored answers as "before" beside the current code's "after" (docs/extraction.md).
The cases are prepared by this repository's meetings/extraction/evaluation.py,
loaded as a file so that the checkout's own extractor is the one measured.
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
    parser.add_argument("sets", nargs="+", help="evaluation folders (eval/dev17 ...)")
    parser.add_argument("--output-dir", required=True)
    options = parser.parse_args()

    checkout = Path.cwd()
    sys.path.insert(0, str(checkout))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    import django

    django.setup()
    from meetings.extraction.database import gazetteer_from_database

    spec = importlib.util.spec_from_file_location(
        "evaluation_cases", HERE / "meetings" / "extraction" / "evaluation.py"
    )
    evaluation = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = evaluation  # dataclasses look their module up
    spec.loader.exec_module(evaluation)

    gazetteer = gazetteer_from_database()
    output = Path(options.output_dir)
    output.mkdir(parents=True, exist_ok=True)
    for folder in options.sets:
        path = Path(folder) if Path(folder).is_absolute() else HERE / folder
        answers = {}
        for file in sorted(path.glob("*.json")):
            case = json.loads(file.read_text(encoding="utf-8"))
            answers[case["id"]] = evaluation.predict(case, gazetteer)
        target = output / f"{path.name}.json"
        target.write_text(json.dumps(answers, ensure_ascii=False, indent=1) + "\n")
        print(f"{len(answers)} answers from {checkout.name} for {path.name}: {target}")


if __name__ == "__main__":
    main()
