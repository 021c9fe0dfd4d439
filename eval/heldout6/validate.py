"""Checks heldout6: JSON shape, fixtures, dates, mojibake. Run with /work/main/.venv/bin/python."""
import datetime as dt
import json
import pathlib
import re
import sys

import ftfy

HERE = pathlib.Path(__file__).resolve().parent
FIX = pathlib.Path("/work/main/fixtures")
COUNTRIES = {c["pk"] for c in json.loads((FIX / "countries.json").read_text())}
CITIES = {c["fields"]["slug"]: set(c["fields"]["country"]) for c in json.loads((FIX / "cities.json").read_text())}
TOPICS = {"religious-affairs", "higher-education", "transport", "irregular-migration", "border-control",
          "organised-crime", "major-sporting-events", "migration", "counter-terrorism"}
TOP = ["id", "covers", "classes", "input", "text", "expected"]
INP = ["format", "published", "outlet", "url"]
EXP = ["language", "countries", "date", "date_precision", "host_country", "place", "ministers", "topics",
       "announcement"]
LANG = {"ar": range(1, 21), "fr": range(21, 36), "en": range(36, 51)}
MOJI = re.compile("[ÃÂØÙâ][\u0080-\u00ff\u0152-\u02dc\u2013-\u2122]")
WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# weekday word in the text -> the date it is meant to be (checked against the calendar)
WEEKDAYS = {
    "01": [("الأحد", "2026-02-15")], "02": [("الثلاثاء", "2025-11-11")], "03": [("الأربعاء", "2026-01-14")],
    "04": [("الأحد", "2026-03-08"), ("9 مارس", "2026-03-09")], "05": [("الأحد", "2025-10-19")],
    "06": [("السبت", "2025-09-06")], "07": [("الاثنين", "2025-12-01")], "08": [("الأربعاء", "2025-11-19")],
    "09": [("الاثنين", "2025-12-15")], "10": [("الأربعاء", "2026-01-21")], "11": [("الاثنين", "2026-04-20")],
    "12": [("الخميس", "2026-02-05")], "13": [("الثلاثاء", "2026-03-10")], "14": [("الأحد", "2026-05-10")],
    "15": [("الأربعاء", "2025-11-26")], "16": [("الخميس", "2026-01-08")], "17": [("السبت", "2025-11-01")],
    "18": [("الجمعة", "2026-02-27")], "19": [("الثلاثاء", "2026-01-20")],
    "21": [("jeudi", "2025-10-23")], "22": [("mardi", "2026-03-17")], "23": [("mercredi", "2026-04-22")],
    "24": [("lundi", "2025-12-08")], "25": [("vendredi", "2026-01-30")], "26": [("jeudi", "2026-06-11")],
    "27": [("lundi", "2026-02-16")], "28": [("lundi 16 mars", "2026-03-16"), ("vendredi", "2026-03-13")],
    "29": [("samedi", "2025-11-01")], "30": [("mardi", "2026-02-17")], "31": [("lundi", "2025-11-24")],
    "34": [("mercredi 3 décembre", "2025-12-03")],
    "36": [("Tuesday", "2026-01-13")], "37": [("Monday", "2026-02-23")], "38": [("Sunday", "2026-03-01")],
    "39": [("Wednesday", "2026-05-06")], "40": [("Friday", "2025-10-10")], "41": [("Thursday", "2026-01-15")],
    "42": [("Sunday", "2025-11-16")], "43": [("Tuesday", "2026-02-10")], "44": [("Thursday", "2026-04-16")],
    "46": [("Wednesday", "2026-03-04")], "47": [("Saturday", "2025-12-06")], "48": [],
    "49": [("Tuesday", "2025-10-28")], "50": [("Monday", "2026-01-26")],
}
AR_WD = {"الاثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6}
FR_WD = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}


def weekday_of(word):
    w = word.split()[0]
    if w in AR_WD:
        return AR_WD[w]
    if w in FR_WD:
        return FR_WD[w]
    if w in WD:
        return WD.index(w)
    return None


def pub_date(d, text):
    if d["input"]["published"]:
        return d["input"]["published"], "input"
    m = re.search(r'article:published_time" content="(\d{4}-\d\d-\d\d)', text)
    if m:
        return m.group(1), "meta"
    m = re.search(r"/(\d{4})/(\d\d)/(\d\d)/", d["input"]["url"] or "")
    if m:
        return "-".join(m.groups()), "url"
    return None, None


def main():
    errors = []
    files = sorted(HERE.glob("[0-9][0-9]-*.json"))
    rows = {}

    def err(f, msg):
        errors.append(f"{f.name}: {msg}")

    for f in files:
        d = json.loads(f.read_text(encoding="utf-8"))
        n = int(f.name[:2])
        lang = next(k for k, r in LANG.items() if n in r)
        if list(d) != TOP or list(d["input"]) != INP or list(d["expected"]) != EXP:
            err(f, "keys")
            continue
        e, inp, raw = d["expected"], d["input"], d["text"]
        fixed = ftfy.fix_text(raw, uncurl_quotes=False)
        if d["id"] != f.stem or f.stem.split("-")[1] != lang or e["language"] != lang:
            err(f, "id/language")
        moj = 1 in d["classes"]
        if moj and (fixed == raw or not MOJI.search(raw)):
            err(f, "class 1 without mojibake that ftfy repairs")
        if not moj and (fixed != raw or MOJI.search(raw)):
            err(f, "mojibake or ftfy change in a non-class-1 file")
        if inp["format"] == "html":
            for needle in ["<title>", 'name="author"', 'og:site_name', "<nav", "<article>", "<footer>"]:
                if needle not in fixed:
                    err(f, f"html lacks {needle}")
        cs = e["countries"]
        if cs != sorted(set(cs)) or any(c not in COUNTRIES for c in cs):
            err(f, "countries")
        neg = cs == []
        if neg:
            if d["classes"] or any([e["date"], e["date_precision"], e["host_country"], e["place"],
                                    e["ministers"], e["topics"], e["announcement"]]):
                err(f, "negative with meeting fields")
        else:
            if len(cs) != 2 or e["host_country"] not in COUNTRIES:
                err(f, "two sides / host")
            if e["place"] is not None and e["host_country"] not in CITIES.get(e["place"], set()):
                err(f, f"place {e['place']} not a city of {e['host_country']}")
            if any(t not in TOPICS for t in e["topics"]) or not e["topics"]:
                err(f, "topics")
            mc = {m["country"] for m in e["ministers"]}
            if mc != set(cs):
                err(f, "each side needs a minister, and only the sides")
            for m in e["ministers"]:
                if m["name"] not in fixed:
                    err(f, f"name not in text: {m['name']}")
            pub, src = pub_date(d, fixed)
            if not pub:
                err(f, "no publication date anywhere")
            elif (e["date"] > pub) != e["announcement"]:
                err(f, "announcement flag")
            if e["date_precision"] != "day":
                err(f, "precision")
        for word, day in WEEKDAYS.get(f.name[:2], []):
            if word not in fixed:
                err(f, f"weekday word not in text: {word}")
            wd = weekday_of(word)
            if wd is not None and dt.date.fromisoformat(day).weekday() != wd:
                err(f, f"{word} is not {day}")
        pub, src = pub_date(d, fixed)
        for cov in d["covers"]:
            m = re.search(r"published (\w+) (\d{4}-\d\d-\d\d)", cov) or re.search(r"\((\d{4}-\d\d-\d\d), a (\w+)\)", cov)
            if m:
                a, b = m.groups()
                day, name = (b, a) if a in WD else (a, b)
                if WD[dt.date.fromisoformat(day).weekday()] != name:
                    err(f, f"covers label: {day} is not {name}")
        r = rows.setdefault(lang, {k: 0 for k in ["articles", "html", "neg", "ann", "meta", "url", 1, 2, 3, 4, 5, 6]})
        r["articles"] += 1
        r["html"] += inp["format"] == "html"
        r["neg"] += neg
        r["ann"] += bool(e["announcement"])
        r["meta"] += (not neg) and src == "meta"
        r["url"] += (not neg) and src == "url"
        for k in d["classes"]:
            r[k] += 1

    labels = [("articles", "articles"), ("html", "HTML pages"), ("neg", "hard negatives"),
              ("ann", "pure announcements"), ("meta", "publication date only in page metadata"),
              ("url", "publication date only in the URL path")] + [(k, f"class {k}") for k in range(1, 7)]
    print("| | Arabic | French | English | total |\n| --- | --- | --- | --- | --- |")
    for k, lab in labels:
        v = [rows[l][k] for l in ("ar", "fr", "en")]
        print(f"| {lab} | {v[0]} | {v[1]} | {v[2]} | {sum(v)} |")
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    print("all files valid")


if __name__ == "__main__":
    main()
