"""How long the extractor takes on a 5,000-word article, warm (target: under 200 ms).

    .venv/bin/python bench/extraction.py [--words 5000] [--runs 20]

Two articles of that length are timed: "mixed", the evaluation corpus's Arabic, French
and English texts one after another up to the word count (many countries, many meetings);
and "one meeting", the corpus's first report of a meeting followed by its own paragraphs
again up to the word count, so that the draft is of one bilateral meeting and every rule
(sides, date, place, host) runs on the whole text. The gazetteer comes from the database.
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
            texts.append((case["text"], bool(case["expected"]["countries"])))
    articles = {
        "mixed": up_to(options.words, [text for text, _ in texts]),
        "one meeting": up_to(options.words, [next(text for text, meeting in texts if meeting)]),
    }

    started = time.perf_counter()
    gazetteer = gazetteer_from_database()
    extract(read_article(articles["mixed"][:2000]), gazetteer)  # builds the matchers
    result = {"first_call_seconds": round(time.perf_counter() - started, 2)}

    for name, article_text in articles.items():
        draft = extract(read_article(article_text), gazetteer)
        timings = []
        for _ in range(options.runs):
            started = time.perf_counter()
            extract(read_article(article_text), gazetteer)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        result[name] = {
            "words": len(article_text.split()),
            "characters": len(article_text),
            "countries proposed": sorted(draft.countries),
            "runs": options.runs,
            "median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 1),
            "max_ms": round(timings[-1], 1),
        }
    print(json.dumps(result, indent=2))


def up_to(words: int, texts: list[str]) -> str:
    """The texts one after another, again and again, until they hold ``words`` words."""
    parts, count = [], 0
    while count < words:
        for text in texts:
            parts.append(text)
            count += len(text.split())
            if count >= words:
                break
    return "\n\n".join(parts)


if __name__ == "__main__":
    main()
