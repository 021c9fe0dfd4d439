"""Check every file of held-out set 5 and print the counts.

Run: /work/main/.venv/bin/python validate.py   (needs ftfy; reads the fixtures of /work/main)
"""

import datetime
import glob
import json
import os
import re
import sys
from collections import Counter
from urllib.parse import urlparse

import ftfy

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = "/work/main/fixtures"

# The only topic slugs the writer of this set saw (the heldout2 example, the eval corpus
# README and the JSON section of docs/extraction.md); fixtures/topics.json was not read.
KNOWN_TOPICS = {
    "religious-affairs", "higher-education", "transport", "irregular-migration",
    "border-control", "organised-crime", "major-sporting-events", "migration",
    "counter-terrorism",
}

TOP_KEYS = {"id", "covers", "classes", "input", "text", "expected"}
INPUT_KEYS = {"format", "published", "outlet", "url"}
EXPECTED_KEYS = {"language", "countries", "date", "date_precision", "announcement",
                 "host_country", "place", "ministers", "topics"}

WEEKDAYS = {
    # Monday = 0
    "الاثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6,
}

# Every weekday word used in a text, with the day it refers to (checked against the calendar).
WEEKDAY_REFERENCES = {
    "01": [("الثلاثاء", "2025-11-11")],
    "05": [("الثلاثاء", "2025-05-13")],
    "06": [("الثلاثاء", "2025-06-03")],
    "08": [("الخميس", "2025-08-14")],
    "09": [("الاثنين", "2025-08-04")],
    "10": [("الأحد", "2025-10-05")],
    "12": [("الجمعة", "2025-02-28")],
    "13": [("الخميس", "2025-09-25")],
    "14": [("الاثنين", "2025-12-08")],
    "15": [("الأربعاء", "2026-03-04")],
    "16": [("الثلاثاء", "2025-04-08")],
    "17": [("الثلاثاء", "2026-03-10")],
    "18": [("الأربعاء", "2026-02-04")],
    "20": [("الأحد", "2025-11-16")],
    "21": [("jeudi", "2026-01-15")],
    "22": [("mardi", "2025-03-04")],
    "23": [("mercredi", "2025-05-21")],
    "24": [("lundi", "2025-10-13")],
    "25": [("vendredi", "2025-11-14")],
    "26": [("lundi", "2025-04-14")],
    "27": [("mardi", "2025-11-18"), ("jeudi", "2025-11-20")],
    "29": [("jeudi", "2025-06-12"), ("vendredi", "2025-06-13")],
    "30": [("mardi", "2026-01-27")],
    "31": [("jeudi", "2025-06-05")],
    "32": [("samedi", "2026-03-14"), ("vendredi", "2026-03-13")],
    "33": [("mardi", "2026-05-12")],
    "34": [("vendredi", "2025-06-13")],
    "36": [("Tuesday", "2026-02-10")],
    "38": [("Monday", "2025-11-17"), ("Sunday", "2025-11-16")],
    "39": [("Thursday", "2025-06-26")],
    "40": [("Wednesday", "2025-10-15")],
    "41": [("Saturday", "2025-12-06")],
    "42": [("Wednesday", "2025-09-03")],
    "43": [("Tuesday", "2025-11-18")],
    "44": [("Thursday", "2026-04-23")],
    "45": [("Sunday", "2026-02-08")],
    "46": [("Tuesday", "2025-10-14")],
    "48": [("Tuesday", "2025-10-14")],
    "49": [("Sunday", "2026-04-05"), ("Friday", "2026-04-03")],
    "50": [("Thursday", "2025-11-20"), ("Tuesday", "2025-11-25")],
}

# Hijri dates in the texts. Anchor: 1 Ramadan 1446 was Saturday 2025-03-01 in Saudi Arabia
# (Umm al-Qura), and that Ramadan had 29 days (Eid al-Fitr on Sunday 2025-03-30).
HIJRI_REFERENCES = {"02": [("18 رمضان 1446", "2025-03-18")]}
RAMADAN_1446_DAY_1 = datetime.date(2025, 3, 1)

MOJIBAKE_MARKERS = ("Ã", "Â", "â€", "Ø", "Ù")

errors = []


def err(name, msg):
    errors.append(f"{name}: {msg}")


def load_fixture(name):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
        return json.load(f)


COUNTRIES = {c["pk"] for c in load_fixture("countries.json")}
CITIES = {c["fields"]["slug"]: set(c["fields"]["country"]) for c in load_fixture("cities.json")}


def iso(value):
    return datetime.date.fromisoformat(value)


def publication_date(doc, text):
    """input.published, else the page metadata, else a /YYYY/MM/DD/ in the URL path."""
    published = doc["input"]["published"]
    if published:
        return iso(published), "input"
    m = re.search(r'<meta property="article:published_time" content="(\d{4}-\d{2}-\d{2})', text)
    if m:
        return iso(m.group(1)), "metadata"
    url = doc["input"]["url"] or ""
    m = re.search(r"/(\d{4})/(\d{2})/(\d{2})/", urlparse(url).path)
    if m:
        return datetime.date(*map(int, m.groups())), "url"
    return None, None


def check(path):
    name = os.path.basename(path)
    stem = name[:-5]
    with open(path, encoding="utf-8") as f:
        try:
            doc = json.load(f)
        except json.JSONDecodeError as e:
            err(name, f"invalid JSON: {e}")
            return None
    if set(doc) != TOP_KEYS:
        err(name, f"top-level keys {sorted(doc)}")
        return None
    if doc["id"] != stem:
        err(name, "id differs from file name")
    m = re.fullmatch(r"(\d\d)-(ar|fr|en)-[a-z0-9-]+", stem)
    if not m:
        err(name, "file name is not NN-lang-name")
        return None
    number, lang = m.groups()
    inp, exp = doc["input"], doc["expected"]
    if set(inp) != INPUT_KEYS:
        err(name, f"input keys {sorted(inp)}")
    if set(exp) != EXPECTED_KEYS:
        err(name, f"expected keys {sorted(exp)}")
        return None
    if not isinstance(doc["covers"], list) or not doc["covers"] or not all(isinstance(c, str) for c in doc["covers"]):
        err(name, "covers must be a non-empty list of strings")
    classes = doc["classes"]
    if classes != sorted(set(classes)) or not set(classes) <= {1, 2, 3, 4, 5, 6}:
        err(name, f"classes {classes}")

    raw = doc["text"]
    if not isinstance(raw, str) or not raw.strip():
        err(name, "empty text")
        return None
    fixed = ftfy.fix_text(raw, uncurl_quotes=False)
    garbled = any(mk in raw for mk in MOJIBAKE_MARKERS)
    if 1 in classes:
        if not garbled or fixed == raw:
            err(name, "class 1 but no visible mojibake")
    else:
        if garbled:
            err(name, "mojibake markers in a file not tagged class 1")
    text = fixed if 1 in classes else raw

    if inp["format"] not in ("text", "html"):
        err(name, f"format {inp['format']}")
    if inp["format"] == "html":
        for tag in ("<html", "<title>", "<nav", "<article>", "<footer>", 'name="author"', "og:site_name"):
            if tag not in text:
                err(name, f"HTML page lacks {tag}")
    elif "<html" in text.lower():
        err(name, "format text but the text is HTML")
    if inp["published"] is not None:
        iso(inp["published"])

    if exp["language"] != lang:
        err(name, f"language {exp['language']} but file says {lang}")
    countries = exp["countries"]
    if countries != sorted(countries) or len(set(countries)) != len(countries):
        err(name, "countries not sorted or duplicated")
    for c in countries:
        if c not in COUNTRIES:
            err(name, f"unknown country {c}")
    pub, pub_source = publication_date(doc, text)

    if not countries:
        # a hard negative: every other meeting field empty
        if (exp["date"], exp["date_precision"], exp["host_country"], exp["place"]) != (None, None, None, None) \
                or exp["ministers"] or exp["topics"] or exp["announcement"]:
            err(name, "negative with meeting fields set")
        if classes:
            err(name, "negatives carry no class")
    else:
        if len(countries) != 2:
            err(name, "a positive needs exactly two countries")
        if exp["date_precision"] not in ("day", "month"):
            err(name, f"date_precision {exp['date_precision']}")
        date = iso(exp["date"])
        if exp["date_precision"] == "month" and date.day != 1:
            err(name, "month precision must be the first day")
        if pub is None:
            err(name, "no publication date in input, metadata or URL")
        elif exp["announcement"] != (date > pub):
            err(name, f"announcement {exp['announcement']} but date {date} vs published {pub}")
        host = exp["host_country"]
        if host not in COUNTRIES:
            err(name, f"host_country {host}")
        place = exp["place"]
        if place is not None:
            if place not in CITIES:
                err(name, f"unknown place slug {place}")
            elif host not in CITIES[place]:
                err(name, f"place {place} is not in host country {host}")
        ministers = exp["ministers"]
        if not ministers:
            err(name, "no ministers")
        for mi in ministers:
            if set(mi) != {"name", "country"}:
                err(name, f"minister keys {sorted(mi)}")
                continue
            if mi["country"] not in countries:
                err(name, f"minister {mi['name']} from {mi['country']}, not a side")
            if mi["name"] not in text:
                err(name, f"minister name {mi['name']!r} not in the (repaired) text")
        for side in countries:
            if not any(mi.get("country") == side for mi in ministers):
                err(name, f"no minister for side {side}")
        topics = exp["topics"]
        if not topics or len(set(topics)) != len(topics) or not set(topics) <= KNOWN_TOPICS:
            err(name, f"topics {topics}")

    # weekdays and Hijri dates against the calendar
    for word, day in WEEKDAY_REFERENCES.get(number, []):
        if word not in text:
            err(name, f"weekday {word} not in the text")
        if iso(day).weekday() != WEEKDAYS[word]:
            err(name, f"{day} is not a {word}")
    for hijri, day in HIJRI_REFERENCES.get(number, []):
        if hijri not in text:
            err(name, f"Hijri date {hijri} not in the text")
        d, month, year = hijri.split()
        if (month, year) != ("رمضان", "1446") or RAMADAN_1446_DAY_1 + datetime.timedelta(int(d) - 1) != iso(day):
            err(name, f"Hijri {hijri} is not {day}")
        if exp["date"] != day:
            err(name, "Hijri dateline and expected date differ")
    for label in doc["covers"]:
        for wd, day in re.findall(r"published (\w+day),? (\d{4}-\d{2}-\d{2})", label):
            if iso(day).strftime("%A") != wd:
                err(name, f"covers: {day} is not a {wd}")
            if pub and iso(day) != pub:
                err(name, f"covers: published {day} but the file says {pub}")

    return dict(lang=lang, classes=classes, html=inp["format"] == "html", negative=not countries,
                announcement=exp["announcement"], pub_source=pub_source)


def main():
    paths = sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.json")))
    infos = [i for i in (check(p) for p in paths) if i]
    langs = ("ar", "fr", "en")
    by_lang = Counter(i["lang"] for i in infos)
    print(f"files: {len(paths)}  " + "  ".join(f"{l}: {by_lang[l]}" for l in langs))
    for label, key in (("HTML pages", "html"), ("hard negatives", "negative"), ("announcements", "announcement")):
        c = Counter(i["lang"] for i in infos if i[key])
        print(f"{label}: " + "  ".join(f"{l}: {c[l]}" for l in langs) + f"  total: {sum(c.values())}")
    c = Counter((i["lang"], i["pub_source"]) for i in infos)
    for src in ("metadata", "url"):
        print(f"publication date only from {src}: " + "  ".join(f"{l}: {c[(l, src)]}" for l in langs))
    print("class  " + "  ".join(langs) + "  total")
    for k in range(1, 7):
        c = Counter(i["lang"] for i in infos if k in i["classes"])
        print(f"  {k}    " + "  ".join(f"{c[l]:>2}" for l in langs) + f"  {sum(c.values()):>3}")
    if len(paths) != 50:
        errors.append(f"expected 50 files, found {len(paths)}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("\nall files valid")


if __name__ == "__main__":
    main()
