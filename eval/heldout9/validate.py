"""Check every case of heldout9: /work/main/.venv/bin/python validate.py

Needs ftfy (in /work/main/.venv), reads /work/main/fixtures and build/ (weekday table, mojibake).
Started as a copy of heldout8's validate.py.
"""

import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

import ftfy

HERE = Path(__file__).resolve().parent
FIX = Path("/work/main/fixtures")

countries = {c["pk"] for c in json.loads((FIX / "countries.json").read_text())}
cities = {c["fields"]["slug"]: c["fields"]["country"] for c in json.loads((FIX / "cities.json").read_text())}
topics = {t["fields"]["slug"] for t in json.loads((FIX / "topics.json").read_text())}
outlets = {o["fields"]["name"] for o in json.loads((FIX / "outlets.json").read_text())}

TOP = ["id", "covers", "classes", "input", "text", "expected"]
INP = ["format", "published", "outlet", "url"]
EXP = ["language", "countries", "date", "date_precision", "host_country", "place", "ministers", "topics", "announcement"]
MOJI = re.compile("Ã|Â|â€|Ø§|Ù„|Ù…|Ø±|Ã©|Ä|Å")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Weekday words used in the texts, checked against the calendar:
# (file number, word as written, ISO date it stands for), written by build/make.py
WEEKDAY_TABLE = [tuple(x) for x in json.loads((HERE / "build" / "weekdays.json").read_text(encoding="utf-8"))]
AR_DAYS = {"الاثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6}
FR_DAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
EN_DAYS = {d: i for i, d in enumerate(WEEKDAYS)}

errors = []


def err(fid, msg):
    errors.append(f"{fid}: {msg}")


def visible_text(doc):
    text = doc["text"]
    if "classes" in doc and 1 in doc["classes"]:
        text = ftfy.fix_text(text, uncurl_quotes=False)
    return text


def pub_date(doc):
    inp = doc["input"]
    if inp["published"]:
        return dt.date.fromisoformat(inp["published"])
    text = visible_text(doc)
    m = re.search(r'article:published_time" content="(\d{4}-\d{2}-\d{2})', text)
    if m:
        return dt.date.fromisoformat(m.group(1))
    url = inp["url"] or ""
    m = re.search(r"/(\d{4})/(\d{1,2})/(\d{1,2})/", url)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


files = sorted(HERE.glob("*.json"))
docs = {}
for f in files:
    fid = f.stem
    try:
        doc = json.loads(f.read_text(encoding="utf-8"))
    except ValueError as e:
        err(fid, f"invalid JSON: {e}")
        continue
    docs[fid] = doc
    if list(doc) != TOP:
        err(fid, f"top-level keys {list(doc)}")
        continue
    if list(doc["input"]) != INP or list(doc["expected"]) != EXP:
        err(fid, "input/expected keys")
        continue
    m = re.fullmatch(r"(\d\d)-(ar|fr|en)-[a-z0-9-]+", fid)
    if not m or doc["id"] != fid:
        err(fid, "bad file name or id")
        continue
    num, lang = int(m.group(1)), m.group(2)
    exp, inp = doc["expected"], doc["input"]
    if exp["language"] != lang:
        err(fid, "language")
    if inp["format"] not in ("text", "html"):
        err(fid, "format")
    if inp["outlet"] is not None and inp["outlet"] not in outlets:
        err(fid, f"outlet {inp['outlet']!r} not in fixtures/outlets.json")
    if not isinstance(doc["covers"], list) or not doc["covers"]:
        err(fid, "covers")
    cs = exp["countries"]
    if cs != sorted(set(cs)) or any(c not in countries for c in cs):
        err(fid, f"countries {cs}")
    text = visible_text(doc)
    if not cs:
        if doc["classes"] != [] or exp["date"] or exp["date_precision"] or exp["host_country"] or exp["place"]:
            err(fid, "negative with meeting fields")
        if exp["ministers"] or exp["topics"] or exp["announcement"]:
            err(fid, "negative with ministers/topics/announcement")
    else:
        if len(cs) != 2:
            err(fid, "a positive needs two sides")
        if exp["date_precision"] != "day":
            err(fid, "precision")
        d = dt.date.fromisoformat(exp["date"])
        if exp["host_country"] not in countries:
            err(fid, "host")
        if exp["place"] is not None and exp["host_country"] not in cities.get(exp["place"], []):
            err(fid, f"place {exp['place']} not a city of {exp['host_country']}")
        sides = set()
        for mi in exp["ministers"]:
            if list(mi) != ["name", "country"] or mi["country"] not in cs:
                err(fid, f"minister {mi}")
            sides.add(mi["country"])
            if mi["name"] not in text:
                err(fid, f"name {mi['name']!r} not in text")
        if sides != set(cs):
            err(fid, "each side needs a minister")
        if not exp["topics"] or any(t not in topics for t in exp["topics"]):
            err(fid, f"topics {exp['topics']}")
        pub = pub_date(doc)
        if pub is None:
            err(fid, "no publication date anywhere")
        elif exp["announcement"] != (d > pub):
            err(fid, f"announcement {exp['announcement']} but date {d} / published {pub}")
        if not set(doc["classes"]) <= {1, 2, 3, 4, 5, 6} or 6 not in doc["classes"]:
            err(fid, "classes")
    # mojibake
    if 1 in doc["classes"]:
        if not MOJI.search(doc["text"]):
            err(fid, "class 1 without visible mojibake")
        if ftfy.fix_text(doc["text"], uncurl_quotes=False) == doc["text"]:
            err(fid, "ftfy does not change the class 1 text")
    else:
        if MOJI.search(doc["text"]):
            err(fid, "mojibake in a file not in class 1")
        if ftfy.fix_text(doc["text"], uncurl_quotes=False) != doc["text"]:
            err(fid, "ftfy changes a clean text")
    if inp["format"] == "html":
        for needle in ("<title>", 'name="author"', "og:site_name", "<nav", "<article>", "<footer"):
            if needle not in text:
                err(fid, f"html page lacks {needle}")
    # covers labels "published <Weekday> <date>"
    for label in doc["covers"]:
        for wd, iso in re.findall(r"published (\w+) (\d{4}-\d{2}-\d{2})", label):
            if wd in WEEKDAYS and WEEKDAYS[dt.date.fromisoformat(iso).weekday()] != wd:
                err(fid, f"covers label: {iso} is not a {wd}")
        for iso, wd in re.findall(r"(\d{4}-\d{2}-\d{2}), an? (\w+)\)", label):
            if wd in WEEKDAYS and WEEKDAYS[dt.date.fromisoformat(iso).weekday()] != wd:
                err(fid, f"covers label: {iso} is not a {wd}")

# the repaired text of each class 1 file must equal the clean source (checked in build)
sys.path.insert(0, str(HERE / "build"))
try:
    import common  # noqa: E402

    for fid, doc in docs.items():
        if 1 in doc["classes"]:
            fixed = ftfy.fix_text(doc["text"], uncurl_quotes=False)
            if common.mojibake(fixed) != doc["text"]:
                err(fid, "ftfy repair is not exact")
except ImportError:
    pass

byid = {int(k[:2]): v for k, v in docs.items()}
for num, word, iso in WEEKDAY_TABLE:
    doc = byid[num]
    wd = dt.date.fromisoformat(iso).weekday()
    table = AR_DAYS if num <= 20 else FR_DAYS if num <= 35 else EN_DAYS
    if table[word] != wd:
        err(num, f"{word} is not the weekday of {iso}")
    if word not in visible_text(doc):
        err(num, f"{word} not in the text")

if errors:
    print("\n".join(errors))
    sys.exit(1)

# counts
def lang(k):
    return k.split("-")[1]


rows = Counter()
for k, d in docs.items():
    lg = lang(k)
    rows[("articles", lg)] += 1
    if d["input"]["format"] == "html":
        rows[("HTML pages", lg)] += 1
    if not d["expected"]["countries"]:
        rows[("hard negatives", lg)] += 1
    if d["expected"]["announcement"]:
        rows[("pure announcements", lg)] += 1
    if d["input"]["published"] is None:
        t = d["text"]
        where = "page metadata" if "article:published_time" in t else "URL path"
        rows[(f"publication date only in the {where}", lg)] += 1
    for c in d["classes"]:
        rows[(f"class {c}", lg)] += 1
print("| | Arabic | French | English | total |")
print("| --- | --- | --- | --- | --- |")
for name in ["articles", "HTML pages", "hard negatives", "pure announcements",
             "publication date only in the page metadata", "publication date only in the URL path"] + [f"class {i}" for i in range(1, 7)]:
    vals = [rows[(name, lg)] for lg in ("ar", "fr", "en")]
    print(f"| {name} | {vals[0]} | {vals[1]} | {vals[2]} | {sum(vals)} |")
morocco = sum(1 for d in docs.values() if "MA" in d["expected"]["countries"])
positives = sum(1 for d in docs.values() if d["expected"]["countries"])
print(f"Morocco a side in {morocco} of {positives} positives")
if morocco * 5 > positives:
    print("too many Moroccan meetings")
    sys.exit(1)
print("all files valid")
