"""Check every case of heldout26: /work/main/.venv/bin/python validate.py

Copied from eval/heldout24/validate.py (itself from heldout23's; all checks kept). Adapted to this
set's theme (the Maghreb and Egypt with Africa, the Americas and Asia in 2026): every publication
date and every meeting date is between 1 January and 6 December 2026; every positive has one side
from the Maghreb or Egypt (MA, DZ, TN, LY, MR, EG) and one from outside it; Morocco is a side in at most a fifth of the positives; no two ministers
share a name within a file; a minister's name keeps one country across files and is never in two
cities on the same day; a place slug written after an arrow in a covers label must be the expected place. Mojibake files are 2/2/1; a null place
needs a "PLACE NULL" covers label. Needs ftfy (in /work/main/.venv); reads /work/main/fixtures and
build/ (common.mojibake for the exact round trip, weekdays.json).
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
MOJI = re.compile("Ã|Â|â€|Ø§|Ù„|Ù…|Ø±|Ø¨|Ã©|Ä|Å")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
AR_DAYS = {"الاثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6}
FR_DAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
EN_DAYS = {d: i for i, d in enumerate(WEEKDAYS)}

# (file number, weekday word as written, ISO date it stands for), written by build/make.py
WEEKDAY_TABLE = [tuple(x) for x in json.loads((HERE / "build" / "weekdays.json").read_text(encoding="utf-8"))]

LO, HI = dt.date(2026, 1, 1), dt.date(2026, 12, 6)
HOME = {"MA", "DZ", "TN", "LY", "MR", "EG"}
errors = []


def err(fid, msg):
    errors.append(f"{fid}: {msg}")


def visible_text(doc):
    text = doc["text"]
    if 1 in doc.get("classes", []):
        text = ftfy.fix_text(text, uncurl_quotes=False)
    return text


def meta_date(text):
    """The page's own publication date: article:published_time, itemprop or JSON-LD datePublished,
    or the <time datetime> of the byline."""
    for pat in (r'article:published_time" content="(\d{4}-\d{2}-\d{2})',
                r'itemprop="datePublished" content="(\d{4}-\d{2}-\d{2})',
                r'"datePublished": "(\d{4}-\d{2}-\d{2})',
                r'<time datetime="(\d{4}-\d{2}-\d{2})'):
        m = re.search(pat, text)
        if m:
            return dt.date.fromisoformat(m.group(1))
    return None


def url_date(url):
    m = re.search(r"/(\d{4})/(\d{1,2})/(\d{1,2})/", url or "")
    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def pub_date(doc):
    if doc["input"]["published"]:
        return dt.date.fromisoformat(doc["input"]["published"])
    return meta_date(visible_text(doc)) or url_date(doc["input"]["url"])


files = sorted(HERE.glob("*.json"))
if len(files) != 50:
    err("set", f"{len(files)} files, expected 50")
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
    want_lang = "ar" if num <= 20 else "fr" if num <= 35 else "en"
    exp, inp = doc["expected"], doc["input"]
    if exp["language"] != lang or lang != want_lang:
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
    arabic = len(re.findall(r"[\u0600-\u06FF]", text))
    if (lang == "ar") != (arabic > 200):
        err(fid, f"script does not fit the language ({arabic} Arabic letters)")
    # dates from the input, the metadata and the URL must agree where more than one is given
    found = {k: v for k, v in (("input", inp["published"] and dt.date.fromisoformat(inp["published"])),
                               ("metadata", meta_date(text)), ("url", url_date(inp["url"]))) if v}
    if len(set(found.values())) > 1:
        err(fid, f"publication dates disagree: {found}")
    if not cs:
        if doc["classes"] != [] or exp["date"] or exp["date_precision"] or exp["host_country"] or exp["place"]:
            err(fid, "negative with meeting fields")
        if exp["ministers"] or exp["topics"] or exp["announcement"]:
            err(fid, "negative with ministers/topics/announcement")
        if not doc["covers"][0].startswith("NEGATIVE"):
            err(fid, "a negative's first label must say NEGATIVE")
    else:
        if len(cs) != 2:
            err(fid, "a positive needs two sides")
        elif len(set(cs) & HOME) != 1:
            err(fid, f"sides {cs}: need one of {sorted(HOME)} and one from outside")
        if exp["date_precision"] != "day":
            err(fid, "precision")
        d = dt.date.fromisoformat(exp["date"])
        place_null = any("PLACE NULL" in label for label in doc["covers"])
        if exp["place"] is None:
            if not place_null:
                err(fid, "place null without a PLACE NULL label")
            if exp["host_country"] is not None and exp["host_country"] not in countries:
                err(fid, "host")
        else:
            if place_null:
                err(fid, "a PLACE NULL label but a place")
            if exp["host_country"] not in countries:
                err(fid, "host")
            if exp["host_country"] not in cities.get(exp["place"], []):
                err(fid, f"place {exp['place']} not a city of {exp['host_country']}")
        if not LO <= d <= HI:
            err(fid, f"meeting date {d} not in January-December 2026")
        names = [mi["name"] for mi in exp["ministers"]]
        if len(set(names)) != len(names):
            err(fid, "two ministers share a name")
        sides = set()
        for mi in exp["ministers"]:
            if list(mi) != ["name", "country"] or mi["country"] not in cs:
                err(fid, f"minister {mi}")
            sides.add(mi["country"])
            if mi["name"] not in text:
                err(fid, f"name {mi['name']!r} not in text")
        if sides != set(cs) or len(exp["ministers"]) != 2:
            err(fid, "each side needs exactly one lead minister")
        if (not 2 <= len(exp["topics"]) <= 4 or any(t not in topics for t in exp["topics"])
                or len(set(exp["topics"])) != len(exp["topics"])):
            err(fid, f"topics {exp['topics']}")
        pub = pub_date(doc)
        if pub is None:
            err(fid, "no publication date anywhere")
        elif exp["announcement"] != (d > pub):
            err(fid, f"announcement {exp['announcement']} but date {d} / published {pub}")
        elif (pub - d).days > 7:
            err(fid, f"meeting {d} more than a week before publication {pub}")
        if exp["announcement"] and not doc["covers"][0].startswith("ANNOUNCEMENT"):
            err(fid, "an announcement's first label must say ANNOUNCEMENT")
        # the meeting date is tied to the covers: "-> <Weekday> <date>" names the resolved day;
        # without an arrow the meeting is on the publication day
        arrows = [dt.date.fromisoformat(x) for label in doc["covers"]
                  for x in re.findall(r"-> (?:\w+ )?(\d{4}-\d{2}-\d{2})", label)]
        if any(a != d for a in arrows) or (not arrows and d != pub):
            err(fid, f"date {d} disagrees with the covers' resolved dates {arrows} / published {pub}")
        if inp["published"] is None and not any("only in" in label for label in doc["covers"]):
            err(fid, "publication date only in metadata or URL, but no covers label says where")
        if not set(doc["classes"]) <= {1, 2, 3, 4, 5, 6} or not {3, 4, 6} <= set(doc["classes"]):
            err(fid, "classes")
    # publication dates written in the covers ("published Monday 2026-12-07", "only in ...
    # (2026-12-02)" or "/2026/12/10/") must be the one the input, metadata or URL gives; every
    # publication date of the set is in 2026 (to 6 December)
    pub = pub_date(doc)
    if pub is None or not LO <= pub <= HI:
        err(fid, f"publication date {pub} not in January-December 2026")
    for label in doc["covers"]:
        said = re.findall(r"published (?:\w+ )?(\d{4}-\d{2}-\d{2})", label)
        if "only in" in label:
            said += re.findall(r"\((\d{4}-\d{2}-\d{2})\)", label)
            said += ["-".join(x) for x in re.findall(r"/(\d{4})/(\d{2})/(\d{2})/", label)]
        if pub and any(dt.date.fromisoformat(x) != pub for x in said):
            err(fid, f"covers label gives a publication date other than {pub}: {label}")
    # mojibake: class 1 garbled and repaired exactly; every other text clean and left alone
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
    elif re.search(r"<[a-zA-Z/!][^>]*>|&[a-z]+;|&#\d+;", text):
        err(fid, "markup or an HTML entity in a plain-text case")
    # every "<Weekday> <date>" pair written in the covers must agree with the calendar
    for label in doc["covers"]:
        for wd, iso in re.findall(r"\b(" + "|".join(WEEKDAYS) + r") (\d{4}-\d{2}-\d{2})", label):
            if WEEKDAYS[dt.date.fromisoformat(iso).weekday()] != wd:
                err(fid, f"covers label: {iso} is not a {wd}")

# the repaired text of each class 1 file must be exactly the clean source: re-garbling it
# must give back the file's text
sys.path.insert(0, str(HERE / "build"))
import common  # noqa: E402

for fid, doc in docs.items():
    if 1 in doc["classes"]:
        fixed = ftfy.fix_text(doc["text"], uncurl_quotes=False)
        if common.mojibake(fixed) != doc["text"]:
            err(fid, "ftfy repair is not exact")

byid = {int(k[:2]): v for k, v in docs.items()}
for num, word, iso in WEEKDAY_TABLE:
    doc = byid.get(num)
    if doc is None:
        err(num, "weekday table names a missing file")
        continue
    table = AR_DAYS if num <= 20 else FR_DAYS if num <= 35 else EN_DAYS
    if table.get(word) != dt.date.fromisoformat(iso).weekday():
        err(num, f"{word} is not the weekday of {iso}")
    if word not in visible_text(doc):
        err(num, f"{word} not in the text")

positives = [d for d in docs.values() if d["expected"]["countries"]]
core_count = Counter(c for d in positives for c in d["expected"]["countries"])
if core_count["MA"] * 5 > len(positives):
    err("set", f"Morocco a side in {core_count['MA']} of {len(positives)} positives (at most a fifth)")
# a minister's name keeps one country across files; nobody is in two cities on one day
who, where = {}, {}
for fid, d in docs.items():
    e = d["expected"]
    for mi in e["ministers"]:
        if who.setdefault(mi["name"], mi["country"]) != mi["country"]:
            err(fid, f"{mi['name']} given two countries across files")
        key = (mi["name"], e["date"])
        if where.setdefault(key, (e["place"], fid))[0] != e["place"]:
            err(fid, f"{mi['name']} in two places on {e['date']} (also {where[key][1]})")
# a place slug written in a place label must be the expected place
for fid, d in docs.items():
    for label in d["covers"]:
        for slug in re.findall(r"-> ([a-z]+(?:-[a-z]+)*)\b", label):
            if slug in cities and slug != d["expected"]["place"]:
                err(fid, f"covers label names place {slug}, expected {d['expected']['place']}")


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
        where = "page metadata" if meta_date(visible_text(d)) else "URL path"
        rows[(f"publication date only in the {where}", lg)] += 1
    for c in d["classes"]:
        rows[(f"class {c}", lg)] += 1

# the set's shape, as the brief asks
want = {"articles": (20, 15, 15), "class 1": (2, 2, 1)}
for name, vals in want.items():
    got = tuple(rows[(name, lg)] for lg in ("ar", "fr", "en"))
    if got != vals:
        err("set", f"{name}: {got}, expected {vals}")
for name, lo, hi in (("HTML pages", 7, 9), ("hard negatives", 4, 6), ("pure announcements", 3, 3)):
    total = sum(rows[(name, lg)] for lg in ("ar", "fr", "en"))
    if not lo <= total <= hi:
        err("set", f"{name}: {total}, expected {lo}-{hi}")

if errors:
    print("\n".join(errors))
    sys.exit(1)

print("| | Arabic | French | English | total |")
print("| --- | --- | --- | --- | --- |")
for name in ["articles", "HTML pages", "hard negatives", "pure announcements",
             "publication date only in the page metadata", "publication date only in the URL path"] + [f"class {i}" for i in range(1, 7)]:
    vals = [rows[(name, lg)] for lg in ("ar", "fr", "en")]
    print(f"| {name} | {vals[0]} | {vals[1]} | {vals[2]} | {sum(vals)} |")
print(f"sides in the {len(positives)} positives: " + ", ".join(f"{c} {n}" for c, n in sorted(core_count.items())))
print("all files valid")
