"""How long the extractor takes on a 5,000-word article, warm (target: under 200 ms).

    .venv/bin/python bench/extraction.py [--words 5000] [--runs 20]

The article is made of the evaluation corpus's Arabic, French and English
texts, repeated up to the word count; the gazetteer comes from the database.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=20)
    options = parser.parse_args()

    import django

    django.setup()
    from meetings.extraction import extract, read_article
    from meetings.extraction.database import gazetteer_from_database

    texts = []
    for path in sorted((ROOT / "eval" / "corpus").glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        if case["input"]["format"] == "text":
            texts.append(case["text"])
    words, parts = 0, []
    while words < options.words:
        for text in texts:
            parts.append(text)
            words += len(text.split())
            if words >= options.words:
                break
    article_text = "\n\n".join(parts)

    started = time.perf_counter()
    gazetteer = gazetteer_from_database()
    extract(read_article(article_text[:2000]), gazetteer)  # builds the matchers
    warm_up = time.perf_counter() - started

    timings = []
    for _ in range(options.runs):
        started = time.perf_counter()
        extract(read_article(article_text), gazetteer)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    result = {
        "words": words,
        "characters": len(article_text),
        "runs": options.runs,
        "first_call_seconds": round(warm_up, 2),
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 1),
        "max_ms": round(timings[-1], 1),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
