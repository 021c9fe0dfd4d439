"""Validate /work/heldout4: JSON, keys, slugs, codes, topics, dates; mojibake repairable."""
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

FIX = Path("/work/main/fixtures")
cities = {c["fields"]["slug"]: c["fields"]["country"] for c in json.load(open(FIX / "cities.json"))}
codes = {c["pk"] for c in json.load(open(FIX / "countries.json"))}
TOPICS = set("""migration border-control security counter-terrorism police-cooperation justice economy
trade investment energy agriculture fisheries water health education higher-education culture tourism
transport defence foreign-policy religious-affairs environment climate digital sport civil-protection
labour social-affairs housing finance""".split())
EXP_KEYS = {"language", "countries", "date", "date_precision", "host_country", "place", "ministers",
            "topics", "announcement"}
errors = []
langs, classes, fmts = Counter(), Counter(), Counter()
neg = ann = moj_ar = moj_html = 0
files = sorted(Path("/work/heldout4").glob("*.json"))
for f in files:
    def err(m):
        errors.append(f"{f.name}: {m}")
    try:
        d = json.loads(f.read_text(encoding="utf-8"))
    except Exception as e:
        err(f"invalid JSON {e}")
        continue
    if set(d) != {"id", "covers", "classes", "input", "text", "expected"}:
        err(f"top keys {sorted(d)}")
    if d["id"] != f.stem:
        err("id != file name")
    inp, x = d["input"], d["expected"]
    if set(inp) != {"format", "published", "outlet", "url"}:
        err(f"input keys {sorted(inp)}")
    if inp["format"] not in ("text", "html"):
        err("format")
    if inp["published"] is not None:
        dt.date.fromisoformat(inp["published"])
    if set(x) != EXP_KEYS:
        err(f"expected keys {sorted(set(x) ^ EXP_KEYS)}")
    if not set(d["classes"]) <= {1, 2, 3, 4, 5, 6} or not d["classes"]:
        err("classes")
    if x["language"] not in ("ar", "fr", "en"):
        err("language")
    if x["countries"] != sorted(x["countries"]) or not set(x["countries"]) <= codes:
        err(f"countries {x['countries']}")
    if x["countries"]:
        if len(x["countries"]) != 2:
            err("positive needs two countries")
        dt.date.fromisoformat(x["date"])
        if x["date_precision"] not in ("day", "month"):
            err("precision")
        if x["host_country"] not in codes:
            err("host")
        if x["place"] is not None:
            if x["place"] not in cities:
                err(f"place {x['place']} not in cities.json")
            elif x["host_country"] not in cities[x["place"]]:
                err(f"place {x['place']} not in host {x['host_country']}")
        if not x["ministers"]:
            err("no ministers")
        for m in x["ministers"]:
            if set(m) != {"name", "country"} or m["country"] not in x["countries"]:
                err(f"minister {m}")
        if not x["topics"] or not set(x["topics"]) <= TOPICS or len(x["topics"]) > 6:
            err(f"topics {x['topics']}")
        pub = inp["published"]
        if pub and x["announcement"] != (x["date"] > pub):
            err("announcement flag vs published date")
    else:
        neg += 1
        if any([x["date"], x["host_country"], x["place"], x["ministers"], x["topics"], x["announcement"]]):
            err("negative with values")
    if inp["published"] is None and not x["countries"] == [] and inp["format"] == "text" and not inp["url"]:
        err("no publication date anywhere")
    langs[x["language"]] += 1
    fmts[inp["format"]] += 1
    for c in d["classes"]:
        classes[c] += 1
    ann += bool(x["announcement"])
    if 1 in d["classes"]:
        if "Ã" not in d["text"] and "Ø" not in d["text"]:
            err("class 1 without visible mojibake")
        moj_ar += x["language"] == "ar"
        moj_html += inp["format"] == "html"
print(f"{len(files)} files; languages {dict(langs)}; formats {dict(fmts)}; negatives {neg}; "
      f"announcements {ann}; mojibake ar {moj_ar} html {moj_html}")
print("classes", dict(sorted(classes.items())))
print("\n".join(errors) or "no errors")
sys.exit(1 if errors else 0)
