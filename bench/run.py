"""The archive's benchmark: `make bench MEETINGS=N` (default 100,000).

Builds (once) a data set of N demo meetings in its own embedded PostgreSQL
under bench/data/, then measures, on this machine:

1. server time per page (p50/p95/p99) and queries per page, in-process;
2. throughput with gunicorn and wrk on loopback, at fixed concurrency, and the
   same for Datasette serving the same data from SQLite, side by side;
3. CSV export: rows per second and peak memory, at 100k and (with N ≥ 1M) 1M rows;
4. generation and import rates.

Writes bench/results/latest.json and bench/results/latest.md.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "results"
PYTHON = ROOT / ".venv" / "bin" / "python"
DATASETTE_VENV = DATA / "datasette-venv"
CONCURRENCY = 16
LOAD_SECONDS = 20


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def environment(meetings: int) -> dict:
    return {
        **os.environ,
        "EMBEDDED_POSTGRES_DIR": str(DATA / f"postgres-{meetings}"),
        "DJANGO_SETTINGS_MODULE": "config.settings.bench",
        "SECRET_KEY": "bench-only-not-secret-" + "x" * 40,
    }


def manage(meetings: int, *arguments: str, capture: bool = False) -> str:
    result = subprocess.run(
        [str(PYTHON), "manage.py", *arguments],
        cwd=ROOT,
        env=environment(meetings),
        check=True,
        text=True,
        capture_output=capture,
    )
    return result.stdout if capture else ""


# -- 1. the data set -------------------------------------------------------------


def ensure_data(meetings: int) -> dict:
    """Create the data set if missing; return how long generation took (when it ran)."""
    DATA.mkdir(parents=True, exist_ok=True)
    manage(meetings, "migrate", "--no-input", "-v0")
    # A migration that filled a table leaves its rows unmarked in the visibility map until
    # a vacuum: index-only scans (counts, word postings) would visit the table meanwhile.
    manage(meetings, "shell", "-c", VACUUM)
    manage(meetings, "load_reference_data", "--no-seeds", "-v0")
    present = int(manage(meetings, "shell", "-c", COUNT, capture=True).strip().splitlines()[-1])
    if present >= meetings:
        log(f"data set of {present:,} meetings already there")
        return {"meetings": present}
    missing = meetings - present
    log(f"generating {missing:,} meetings")
    started = time.perf_counter()
    manage(
        meetings, "generate_demo_data", "--meetings", str(missing), "--seed", "1", "--no-progress"
    )
    seconds = time.perf_counter() - started
    return {"meetings": meetings, "generated": missing, "generation_seconds": round(seconds, 1),
            "generation_per_second": round(missing / seconds)}  # fmt: skip


COUNT = "from meetings.models import Meeting; print(Meeting.objects.count())"
VACUUM = "from django.db import connection; connection.cursor().execute('VACUUM ANALYZE')"


def integrity(meetings: int) -> dict:
    """check_integrity on the bench data: every derived value against its rows."""
    log("check_integrity")
    started = time.perf_counter()
    result = subprocess.run(
        [str(PYTHON), "manage.py", "check_integrity"],
        cwd=ROOT, env=environment(meetings), text=True, capture_output=True,
    )  # fmt: skip
    seconds = round(time.perf_counter() - started, 1)
    last = (result.stdout.strip().splitlines() or [""])[-1]
    log(f"check_integrity: {last}")
    return {"drift": result.returncode != 0, "seconds": seconds, "output": last}


# -- 2. server time per page --------------------------------------------------------

PAGE_SCRIPT = r"""
import json, random, statistics, sys, time
from django.conf import settings
from django.db import connection
from django.test import Client
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from meetings.models import Meeting
import config.wsgi  # noqa: F401  (the served application's start-up, as gunicorn does it)
settings.ALLOWED_HOSTS = ["*"]
pages = json.loads(sys.argv[1])
runs = int(sys.argv[2])
client = Client()
ids = list(Meeting.objects.published().order_by("?").values_list("pk", flat=True)[:runs])
out = {}
def timed(url):
    # ``runs`` requests (after 3 to warm up): sorted timings, queries of the last, status.
    timings, queries, status = [], 0, 0
    for index in range(runs + 3):
        target = url.replace("{id}", str(ids[index % len(ids)]))
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(target)
        if index >= 3:  # warm-up first
            timings.append((time.perf_counter() - started) * 1000)
        queries, status = len(captured), response.status_code
    return sorted(timings), queries, status


pick = lambda values, q: round(values[min(len(values) - 1, int(q * len(values)))], 1)
for name, url in pages.items():
    # Cold: neither pages nor meeting cards are kept, as for the first visitor after a change.
    settings.PAGE_CACHE_SECONDS, settings.FRAGMENT_CACHE_SECONDS = 0, 0
    cold, cold_queries, _status = timed(url)
    first = []
    if "?q=" in url:
        # A word's first search in this process: the bitmaps of searched words (decision
        # 31) dropped before each request, its meetings read from the word postings.
        from meetings import counting
        for index in range(runs + 3):
            counting.bitmaps().words.clear()
            started = time.perf_counter()
            client.get(url)
            if index >= 3:
                first.append((time.perf_counter() - started) * 1000)
        first.sort()
    # Rendered every time (the page cache off), its meeting cards from the fragment cache.
    settings.FRAGMENT_CACHE_SECONDS = 3600
    timings, queries, status = timed(url)
    settings.PAGE_CACHE_SECONDS = 600
    cached = []
    for index in range(runs + 1):
        target = url.replace("{id}", str(ids[0]))
        started = time.perf_counter()
        client.get(target)
        if index >= 1:  # the first one fills the cache
            cached.append((time.perf_counter() - started) * 1000)
    cached.sort()
    # After an edit: before each request an editor's save (a meeting written again, its
    # text unchanged) retires every cached page and that meeting's cards; the other cards
    # stay (decision 15). What a visitor gets in an archive being edited.
    edited = []
    for index in range(runs + 3):
        Meeting.objects.filter(pk=ids[(index * 7 + 1) % len(ids)]).update(title_en=F("title_en"))
        target = url.replace("{id}", str(ids[index % len(ids)]))
        started = time.perf_counter()
        client.get(target)
        if index >= 3:
            edited.append((time.perf_counter() - started) * 1000)
    edited.sort()
    out[name] = {"url": url, "status": status, "queries": queries, "p50_ms": pick(timings, 0.5),
                 "cold_p50_ms": pick(cold, 0.5), "cold_p95_ms": pick(cold, 0.95),
                 "cold_queries": cold_queries,
                 **({"first_p50_ms": pick(first, 0.5), "first_p95_ms": pick(first, 0.95)}
                    if first else {}),
                 "p95_ms": pick(timings, 0.95), "p99_ms": pick(timings, 0.99),
                 "cached_p50_ms": pick(cached, 0.5), "cached_p95_ms": pick(cached, 0.95),
                 "edited_p50_ms": pick(edited, 0.5), "edited_p95_ms": pick(edited, 0.95)}
print(json.dumps(out))
"""


# Each page: its URL, the filters whose plain SQL count its figures are checked against
# (None: a page without figures), and its p95 target in ms (issue 15).
PAGES = {
    "home": ("/en/", {}, 100),
    "list (unfiltered)": ("/en/meetings/", {}, 100),
    "list by country": ("/en/meetings/?country=MA", {"country": "MA"}, 100),
    "list by country group": ("/en/meetings/?group=eu", {"group": "eu"}, 100),
    "list by pair + topic + dates": (
        "/en/meetings/?country=MA&counterpart=FR&topic=security&date_from=2010-01-01"
        "&date_to=2024-12-31",
        {
            "country": "MA",
            "counterpart": "FR",
            "topic": "security",
            "date_from": "2010-01-01",
            "date_to": "2024-12-31",
        },
        100,
    ),
    "deep page": ("/en/meetings/?after=2001-01-01_1", {}, 100),
    # Searches: a word in Arabic and one in French, a word in about 5% of the meetings
    # (its own text or Belgium's), a word in about a third of them, and one in all.
    "search (Arabic: الهجرة)": (
        "/en/meetings/?q=%D8%A7%D9%84%D9%87%D8%AC%D8%B1%D8%A9",
        {"q": "الهجرة"},
        150,
    ),
    "search (French: énergie)": ("/en/meetings/?q=%C3%A9nergie", {"q": "énergie"}, 150),
    "search (about 5%: Belgique)": ("/en/meetings/?q=Belgique", {"q": "Belgique"}, 150),
    "search (a word of a third: Maroc)": ("/en/meetings/?q=Maroc", {"q": "Maroc"}, 150),
    # Not one of issue 15's pages (no target): the word of the wrk mix below.
    "search (a word of every meeting: cooperation)": (
        "/en/meetings/?q=cooperation",
        {"q": "cooperation"},
        None,
    ),
    "meeting page": ("/en/meetings/{id}/", None, 50),
    "country page": ("/en/countries/ma/", {"country": "MA"}, 50),
    "country page (smaller country)": ("/en/countries/se/", {"country": "SE"}, 50),
    "pair page": ("/en/countries/fr/ma/", {"country": "FR", "counterpart": "MA"}, 100),
    "API list": ("/api/meetings/?country=MA", {"country": "MA"}, 100),
}


def pages(meetings: int) -> dict:
    return {name: url for name, (url, _filters, _target) in PAGES.items()}


def server_times(meetings: int, runs: int) -> dict:
    log(f"server time per page, {runs} requests each")
    output = manage(
        meetings,
        "shell",
        "-c",
        PAGE_SCRIPT.replace("sys.argv[1]", repr(json.dumps(pages(meetings)))).replace(
            "sys.argv[2]", str(runs)
        ),
        capture=True,
    )
    return json.loads(output.strip().splitlines()[-1])


EXACT_SCRIPT = r"""
import json, sys
from collections import Counter
from urllib.parse import parse_qs, urlsplit
from django.conf import settings
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.test import Client
from django.test.utils import setup_test_environment
from meetings.filters import MeetingFilter
from meetings.models import Meeting, Participation
setup_test_environment()  # responses carry their template context
settings.ALLOWED_HOSTS = ["*"]
settings.PAGE_CACHE_SECONDS = 0
client = Client()
pages = json.loads(sys.argv[1])
published = Meeting.objects.published()

def plain(filters):
    # The published meetings the filters keep, counted by PostgreSQL from the rows
    # (MeetingFilter's queryset: the database's own search, no bitmap).
    form = MeetingFilter(filters, queryset=published)
    assert form.is_valid(), form.errors
    rows = form.qs.order_by()
    countries = Counter()
    for column in ("country_a", "country_b"):
        for code, number in rows.values_list(column).annotate(n=Count("id")):
            countries[code] += number
    years = dict(rows.annotate(y=ExtractYear("date")).values_list("y").annotate(n=Count("id")))
    return rows.count(), dict(countries), years

out = {}
for name, (url, filters) in pages.items():
    if filters is None:
        out[name] = {"checked": [], "wrong": []}
        continue
    response = client.get(url)
    total, countries, years = plain(filters)
    shown, wrong = {}, []
    if url.startswith("/api/"):
        shown["count"] = (response.json()["count"], total)
    elif "totals" in response.context:
        people = Participation.objects.filter(meeting__in=published).values("minister").distinct()
        totals = response.context["totals"]
        shown["meetings"] = (totals["meetings"], total)
        shown["countries"] = (totals["countries"], len(countries))
        shown["people"] = (totals["people"], people.count())
        for country, number in response.context["countries"]:
            shown[f"country {country.code}"] = (number, countries.get(country.code, 0))
    else:
        context = response.context
        shown["total"] = (context["result_count"], total)
        for item in context["facets"]["countries"]:
            query = parse_qs(urlsplit(item.url).query)
            code = query["counterpart" if filters.get("country") else "country"][-1]
            shown[f"facet {code}"] = (item.count, countries.get(code, 0))
        for item in context["facets"]["years"]:
            shown[f"facet {item.label}"] = (item.count, years.get(int(item.label), 0))
        if context["chart"] is not None:
            for bar in context["chart"].bars:
                shown[f"bar {bar.label}"] = (bar.value, years.get(int(bar.label), 0))
    wrong = [f"{key}: shown {a}, counted {b}" for key, (a, b) in shown.items() if a != b]
    out[name] = {"checked": len(shown), "wrong": wrong}
print(json.dumps(out))
"""


def exactness(meetings: int) -> dict:
    """Each page's figures against a plain SQL count of the same filters."""
    log("checking every figure of the pages against plain SQL counts")
    checked = {
        name: [url.replace("{id}", "1"), filters] for name, (url, filters, _t) in PAGES.items()
    }
    output = manage(
        meetings, "shell", "-c",
        EXACT_SCRIPT.replace("sys.argv[1]", repr(json.dumps(checked))),
        capture=True,
    )  # fmt: skip
    return json.loads(output.strip().splitlines()[-1])


# -- 3. throughput: gunicorn and Datasette under wrk ----------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status < 500:
                    return
        except Exception:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


WRK_SCRIPT = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""


@functools.cache
def find_wrk() -> bool:
    """wrk on the PATH, installed with apt-get when missing and this runs as root."""
    if shutil.which("wrk"):
        return True
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        log("wrk is missing: installing it with apt-get")
        quiet = {"capture_output": True, "check": False}
        if subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], **quiet).returncode:
            subprocess.run(["apt-get", "update", "-q"], **quiet)
            subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], **quiet)
    if shutil.which("wrk"):
        return True
    log("wrk is missing and cannot be installed here: the load comes from bench/load.py")
    return False


def load(base: str, paths: list[str], seconds: int) -> dict:
    """The load on ``base``: wrk when there is one, else bench/load.py (Python, slower to
    send requests: its figures for the fastest pages are a floor, and the report says so)."""
    if find_wrk():
        return {**wrk(base, paths, seconds), "generator": "wrk"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "load.py"), base, str(CONCURRENCY), str(seconds),
         *paths],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return {**json.loads(result.stdout), "generator": "bench/load.py"}


def wrk(base: str, paths: list[str], seconds: int) -> dict:
    script = DATA / "wrk-paths.lua"
    script.write_text(WRK_SCRIPT % ", ".join(json.dumps(p) for p in paths))
    result = subprocess.run(
        ["wrk", "-t", "2", "-c", str(CONCURRENCY), "-d", f"{seconds}s", "--latency", "-s", str(script), base],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    text = result.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    latency = {m[0]: m[1] for m in re.findall(r"\s(50|90|99)%\s+([\d.]+\w+)", text)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    socket_errors = re.search(r"Socket errors: (.*)", text)
    return {
        "requests_per_second": rate,
        "latency": latency,
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "none",
    }


def ms(value: str) -> float:
    number = float(re.match(r"[\d.]+", value).group())
    return number * {"us": 0.001, "ms": 1, "s": 1000}[re.search(r"[a-z]+$", value).group()]


def gunicorn_throughput(
    meetings: int, paths: list[str], page_cache: bool, fragment_cache: bool = True
) -> dict:
    port = free_port()
    log(f"gunicorn on port {port} (page cache {'on' if page_cache else 'off'}, meeting cards "
        f"{'kept' if fragment_cache else 'not kept'}), wrk with {CONCURRENCY} connections "
        f"for {LOAD_SECONDS} s")  # fmt: skip
    env = {**environment(meetings), "WEB_CONCURRENCY": "2",
           "PAGE_CACHE_SECONDS": "600" if page_cache else "0",
           "FRAGMENT_CACHE_SECONDS": "3600" if fragment_cache else "0"}  # fmt: skip
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "config.wsgi", "--config", "config/gunicorn.py",
         "--bind", f"127.0.0.1:{port}", "--access-logfile", "/dev/null"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for(f"http://127.0.0.1:{port}/en/")
        for path in paths:  # warm every worker's caches
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60).read()
        return load(f"http://127.0.0.1:{port}", paths, LOAD_SECONDS)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def datasette_database(meetings: int) -> Path:
    """The same meetings, flat, in SQLite with full-text search, as a researcher would load them."""
    # Datasette names a database after its file: "db" gives the /db/ paths below.
    path = DATA / f"datasette-{meetings}" / "db.db"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    log("writing the SQLite copy for Datasette")
    export = DATA / f"export-{meetings}.csv"
    csv_export(meetings, export)
    database = sqlite3.connect(path)
    database.execute(
        "CREATE TABLE meetings (id INTEGER PRIMARY KEY, date TEXT, year INTEGER, date_precision TEXT,"
        " country_a TEXT, country_b TEXT, host_country TEXT, city TEXT, title TEXT, summary TEXT,"
        " topics TEXT, participant_ids TEXT)"
    )
    import csv

    with export.open(encoding="utf-8-sig", newline="") as stream:
        rows = (
            (int(r["id"]), r["date"], int(r["date"][:4]), r["date_precision"], r["country_a"],
             r["country_b"], r["host_country"], r["city"], r["title"], r["summary"], r["topics"],
             r["participant_ids"])
            for r in csv.DictReader(stream)
        )  # fmt: skip
        database.executemany("INSERT INTO meetings VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    database.execute("CREATE TABLE meeting_topics (meeting_id INTEGER, topic TEXT)")
    database.execute(
        "INSERT INTO meeting_topics SELECT m.id, trim(t.value) FROM meetings m, "
        "json_each('[\"' || replace(m.topics, '; ', '\",\"') || '\"]') t WHERE m.topics != ''"
    )
    for column in ("date", "year", "country_a", "country_b", "city"):
        database.execute(f"CREATE INDEX meetings_{column} ON meetings ({column})")
    database.execute("CREATE INDEX meeting_topics_topic ON meeting_topics (topic, meeting_id)")
    database.execute(
        "CREATE VIRTUAL TABLE meetings_fts USING fts5(title, summary, content='meetings', content_rowid='id')"
    )
    database.execute(
        "INSERT INTO meetings_fts (rowid, title, summary) SELECT id, title, summary FROM meetings"
    )
    database.commit()
    database.close()
    return path


def ensure_datasette() -> Path:
    binary = DATASETTE_VENV / "bin" / "datasette"
    if not binary.exists():
        log("installing Datasette into bench/data/datasette-venv (not a project dependency)")
        subprocess.run([sys.executable, "-m", "venv", str(DATASETTE_VENV)], check=True)
        subprocess.run(
            [str(DATASETTE_VENV / "bin" / "pip"), "install", "-q", "datasette"], check=True
        )
    return binary


def datasette_paths() -> list[str]:
    """The equivalent of the archive's pages: lists with facets, filters and search."""
    facets = "&_facet=year&_facet=country_a&_facet=country_b&_size=20"
    return [
        f"/db/meetings?_sort_desc=date{facets}",
        f"/db/meetings?_where=country_a%3D%27MA%27+or+country_b%3D%27MA%27&_sort_desc=date{facets}",
        "/db/meetings?country_a=FR&country_b=MA&date__gte=2010-01-01&date__lte=2024-12-31"
        f"&_where=id+in+(select+meeting_id+from+meeting_topics+where+topic%3D%27security%27)&_sort_desc=date{facets}",
        f"/db/meetings?_search=cooperation&_sort_desc=date{facets}",
        "/db/meetings/{id}",
    ]


def archive_paths() -> list[str]:
    return [
        "/en/meetings/",
        "/en/meetings/?country=MA",
        "/en/meetings/?country=FR&counterpart=MA&topic=security&date_from=2010-01-01&date_to=2024-12-31",
        "/en/meetings/?q=cooperation",
        "/en/meetings/{id}/",
    ]


def with_ids(paths: list[str], ids: list[int]) -> list[str]:
    out = []
    for index, path in enumerate(paths * 4):
        out.append(path.replace("{id}", str(ids[index % len(ids)])))
    return out


def datasette_throughput(meetings: int, paths: list[str]) -> dict:
    binary = ensure_datasette()
    database = datasette_database(meetings)
    port = free_port()
    log(f"Datasette on port {port}, same load")
    server = subprocess.Popen(
        [str(binary), "serve", str(database), "--port", str(port), "--setting", "num_sql_threads", "2",
         "--setting", "sql_time_limit_ms", "30000", "--setting", "facet_time_limit_ms", "30000"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for(f"http://127.0.0.1:{port}/")
        for path in paths:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=120).read()
        return load(f"http://127.0.0.1:{port}", paths, LOAD_SECONDS)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


# -- 4. exports and imports --------------------------------------------------------------

EXPORT_SCRIPT = r"""
import resource, sys, time
from django.utils import translation
from meetings.opendata import tables
from meetings.models import Meeting
limit = int(sys.argv[1]); path = sys.argv[2]
translation.activate("en")
queryset = Meeting.objects.published().filter(pk__in=Meeting.objects.published().order_by("pk").values("pk")[:limit])
rows = queryset.count()
started = time.perf_counter()
with open(path, "wb") as out:
    for block in tables.csv_blocks(tables.MEETINGS, queryset):
        out.write(block)
seconds = time.perf_counter() - started
print(rows, round(seconds, 2), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def csv_export(meetings: int, path: Path, limit: int | None = None) -> dict:
    limit = limit or meetings
    script = EXPORT_SCRIPT.replace("int(sys.argv[1])", str(limit)).replace(
        "sys.argv[2]", repr(str(path))
    )
    output = manage(meetings, "shell", "-c", script, capture=True).strip().splitlines()[-1]
    rows, seconds, peak_kb = output.split()
    return {"rows": int(rows), "seconds": float(seconds),
            "rows_per_second": round(int(rows) / float(seconds)), "peak_memory_mb": round(int(peak_kb) / 1024)}  # fmt: skip


# Issue 19: the CSV and JSON Lines of all meetings through the real views (a heavy-output
# slot, the prepared file written on the way, as for the first client after a change),
# side by side with PostgreSQL's own `COPY (the same query) TO STDOUT` run by psql.
EXPORT_SPEED_SCRIPT = r"""
import json, os, resource, shutil, subprocess, sys, tempfile, time
import psycopg
from django.conf import settings
from django.db import connection
from django.test import Client
from django.utils import translation
from meetings.models import Meeting
from meetings.opendata import tables
settings.ALLOWED_HOSTS = ["*"]
kind = KIND
translation.activate("en")
published = Meeting.objects.published()
rows = published.count()
if kind == "csv":
    url = "/en/meetings/export.csv"
    query, params = tables.with_ids(tables.MEETINGS.query("en"), published)
    statement = f"COPY ({query}) TO STDOUT WITH (FORMAT csv, HEADER true)"
else:
    url = "/en/meetings/export.jsonl"
    query, params = tables.with_ids(tables.json_query("en"), published)
    statement = f"COPY ({query}) TO STDOUT {tables.JSON_LINES}"
connection.ensure_connection()
statement = psycopg.ClientCursor(connection.connection).mogrify(statement, params)
db = connection.settings_dict
psql = os.path.join(os.path.dirname(sys.executable), "..", "lib")
found = shutil.which("psql") or ""
import pgserver, pathlib
bundled = pathlib.Path(pgserver.__file__).parent / "pginstall" / "bin" / "psql"
psql = str(bundled) if bundled.exists() else found
env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
command = [psql, "-X", "-q", "-h", db["HOST"], "-U", db["USER"], "-d", db["NAME"],
           "-c", tables.ONE_PROCESS, "-c", statement, "-o", os.devnull]
if db.get("PORT"):
    command[5:5] = ["-p", str(db["PORT"])]
settings.PREPARED_DIR = tempfile.mkdtemp()
result = {"rows": rows}
for attempt in range(2):  # the better of two runs of each, alternated
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True)
    copy_seconds = time.perf_counter() - started
    shutil.rmtree(settings.PREPARED_DIR); os.mkdir(settings.PREPARED_DIR)
    started = time.perf_counter(); size = 0
    with open(os.devnull, "wb") as sink:
        response = Client().get(url)
        assert response.status_code == 200, response.status_code
        for block in response.streaming_content:
            sink.write(block); size += len(block)
        response.close()
    ours = time.perf_counter() - started
    result["copy_seconds"] = min(result.get("copy_seconds", 1e9), round(copy_seconds, 2))
    result["seconds"] = min(result.get("seconds", 1e9), round(ours, 2))
result["bytes"] = size
result["rows_per_second"] = round(rows / result["seconds"])
result["ratio_to_copy"] = round(result["seconds"] / result["copy_seconds"], 2)
result["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
shutil.rmtree(settings.PREPARED_DIR)
print(json.dumps(result))
"""


def export_speed(meetings: int) -> dict:
    """CSV and JSON Lines of all meetings: rows a second, peak memory of the process, and
    the time against PostgreSQL's own COPY of the same query (issue 19: ≥ 30,000 rows/s,
    < 200 MB, ≤ 3× COPY). Each format in a process of its own, so each peak is its own."""
    figures = {}
    for kind in ("csv", "jsonl"):
        script = EXPORT_SPEED_SCRIPT.replace("KIND", repr(kind))
        output = manage(meetings, "shell", "-c", script, capture=True).strip().splitlines()[-1]
        figures[kind] = json.loads(output)
        log(f"export {kind}: {figures[kind]}")
    return figures


PEOPLE_SCRIPT = r"""
import pickle
from django.db import connection
tables = ["meetings_post", "meetings_minister", "meetings_mandate"]
with connection.cursor() as cursor:
    if "MODE" == "out":
        data = {}
        for table in tables:
            with cursor.copy(f"COPY {table} TO STDOUT") as copy:
                data[table] = b"".join(bytes(chunk) for chunk in copy)
        pickle.dump(data, open(PATH, "wb"))
    else:
        data = pickle.load(open(PATH, "rb"))
        # The file holds the reference people too; the empty archive gets them back from it.
        cursor.execute("TRUNCATE meetings_mandate, meetings_minister, meetings_post CASCADE")
        for table in tables:
            with cursor.copy(f"COPY {table} FROM STDIN") as copy:
                copy.write(data[table])
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
"""


def import_rate(meetings: int, export: Path) -> dict:
    target = DATA / "postgres-import"
    if target.exists():
        shutil.rmtree(target, ignore_errors=True)
    env = {**environment(meetings), "EMBEDDED_POSTGRES_DIR": str(target)}

    def run(*args):
        return subprocess.run(
            [str(PYTHON), "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )

    run("migrate", "--no-input", "-v0")
    run("load_reference_data", "--no-seeds", "-v0")
    # The people the export names already exist in a real archive that imports a
    # partner's file; copy them table by table (loaddata takes minutes for 100k people).
    people = DATA / "people.copy"
    manage(meetings, "shell", "-c", PEOPLE_SCRIPT.replace("MODE", "out").replace("PATH", repr(str(people))))  # fmt: skip
    run("shell", "-c", PEOPLE_SCRIPT.replace("MODE", "in").replace("PATH", repr(str(people))))
    started = time.perf_counter()
    output = run("import_meetings", str(export), "--no-progress").stdout
    seconds = time.perf_counter() - started
    shutil.rmtree(target, ignore_errors=True)
    rows = int(re.search(r"([\d,]+) imported", output).group(1).replace(",", ""))
    return {"rows": rows, "seconds": round(seconds, 1), "rows_per_second": round(rows / seconds)}


# -- report ------------------------------------------------------------------------------


def target_verdict(name: str, page: dict) -> str:
    target = PAGES[name][2] if name in PAGES else None
    if target is None:
        return ""
    worst = max(page["p95_ms"], page.get("cold_p95_ms", 0), page.get("first_p95_ms", 0))
    return f"≤ {target}: {'met' if worst <= target else 'MISSED'}"


def exact_verdict(check: dict | None) -> str:
    if not check:
        return ""
    if not check["checked"]:
        return "no figures"
    if check["wrong"]:
        return f"WRONG: {'; '.join(check['wrong'][:3])}"
    return f"all {check['checked']} true"


def markdown(result: dict) -> str:
    lines = [
        f"# Benchmark, {result['meetings']:,} meetings",
        "",
        f"{result['date']} · {result['machine']}",
        "",
        "## Server time per page (in-process, warm)",
        "",
        "Cold: no page and no meeting card kept, as for the first visitor after a change.",
        "Rendered: the page cache off, every request runs its queries and its template; the",
        "meeting cards come from the fragment cache (decision 12).",
        "Cached: the same page again, from the page cache (one query for the archive's version).",
        "After an edit: an editor's save just before each request (every page retired, the",
        "edited meeting's cards too, the other cards kept; decision 15).",
        "",
        "Exact: every figure of the page (total, facet counts, chart bars, the home page's",
        "totals; the API's count) against a plain SQL count of the same filters over the rows.",
        "Target: the p95 each page must reach cold and rendered (issue 15).",
        "",
        "| Page | cold p50 ms | p95 | queries | rendered p50 ms | p95 | p99 | queries "
        "| cached p50 ms | p95 | after an edit p50 ms | p95 | target p95 | exact |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| --- | --- |",
    ]
    for name, page in result["pages"].items():
        lines.append(
            f"| {name} | {page.get('cold_p50_ms', '')} | {page.get('cold_p95_ms', '')} "
            f"| {page.get('cold_queries', '')} "
            f"| {page['p50_ms']} | {page['p95_ms']} | {page['p99_ms']} | {page['queries']} "
            f"| {page.get('cached_p50_ms', '')} | {page.get('cached_p95_ms', '')} "
            f"| {page.get('edited_p50_ms', '')} | {page.get('edited_p95_ms', '')} "
            f"| {target_verdict(name, page)} | {exact_verdict(result.get('exact', {}).get(name))} |"
        )
    first = {name: page for name, page in result["pages"].items() if "first_p95_ms" in page}
    if first:
        lines += [
            "",
            "A searched word's meetings are kept by each process once read when they are many",
            "(decision 31), and followed change by change: the cold and after-an-edit searches",
            "above find them kept. A word's first search in a process reads them from the word",
            "postings:",
            "",
            "| Search | first in a process p50 ms | p95 |",
            "| --- | ---: | ---: |",
        ]
        lines += [
            f"| {name} | {page['first_p50_ms']} | {page['first_p95_ms']} |"
            for name, page in first.items()
        ]
    load = result.get("throughput", {})
    if load:
        theirs = load["datasette"]
        row = lambda name, r: (  # noqa: E731
            f"| {name} | {r['requests_per_second']:.0f} | {r['latency'].get('50')} "
            f"| {r['latency'].get('90')} | {r['latency'].get('99')} | {r['non_2xx']} "
            f"| {r['socket_errors']} |"
        )
        lines += [
            "",
            f"## Throughput, {CONCURRENCY} connections, {LOAD_SECONDS} s, "
            f"{load['archive']['generator']} on loopback",
            "",
            "| Server | requests/s | p50 | p90 | p99 | non-2xx | socket errors |",
            "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
            row("archive, cold: no page or card kept (gunicorn, 2 workers)", load["archive_cold"]),
            row("archive, rendering every request (gunicorn, 2 workers)", load["archive_rendered"]),
            row("archive, page cache on (gunicorn, 2 workers)", load["archive"]),
            row("Datasette (SQLite, 2 SQL threads)", theirs),
            "",
            f"Ratios to Datasette, cold: throughput ×{load['cold_throughput_ratio']:.1f}, "
            f"p90 latency ×{load['cold_p90_ratio']:.1f}; "
            f"rendering every request: throughput ×{load['rendered_throughput_ratio']:.1f}, "
            f"p90 latency ×{load['rendered_p90_ratio']:.1f} (Datasette's ÷ ours); with the page cache: "
            f"×{load['throughput_ratio']:.1f} and ×{load['p90_ratio']:.1f}.",
        ]
    if "integrity" in result:
        check = result["integrity"]
        lines += [
            "",
            "## Integrity",
            "",
            f"`check_integrity` on this data set ({check['seconds']} s): {check['output']}",
        ]
    lines += ["", "## Exports, imports, generation", ""]
    for name, values in result.get("rates", {}).items():
        lines.append(
            f"- {name}: "
            + ", ".join(
                f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}" for k, v in values.items()
            )
        )
    return "\n".join(lines) + "\n"


def exports_and_import(meetings: int, result: dict) -> None:
    export = DATA / f"export-{meetings}.csv"
    log("exports of all meetings: CSV and JSON Lines against PostgreSQL's COPY")
    for kind, figures in export_speed(meetings).items():
        result["rates"][f"{kind.upper()} of all meetings (vs psql COPY of the same query)"] = (
            figures
        )
    if not export.exists():
        csv_export(meetings, export)
    log("import of the export into an empty archive")
    result["rates"]["import"] = import_rate(meetings, export)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--skip-load", action="store_true", help="no throughput runs")
    parser.add_argument("--skip-exports", action="store_true", help="no export or import runs")
    parser.add_argument("--skip-integrity", action="store_true", help="no check_integrity run")
    parser.add_argument(
        "--exports-only",
        action="store_true",
        help="only the export speed of issue 19 (CSV and JSON Lines against COPY)",
    )
    options = parser.parse_args()
    meetings = options.meetings
    if options.exports_only:
        ensure_data(meetings)
        for kind, figures in export_speed(meetings).items():
            print(f"{kind}: {figures}")
        return
    if not options.skip_load:
        find_wrk()  # found or installed now, before the long parts

    result = {
        "meetings": meetings,
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} cores, {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB, {platform.platform()}",
        "rates": {},
    }
    result["rates"]["data set"] = ensure_data(meetings)
    if not options.skip_integrity:
        result["integrity"] = integrity(meetings)
    result["pages"] = server_times(meetings, options.runs)
    result["exact"] = exactness(meetings)
    for name, page in result["pages"].items():
        log(f"{name}: p95 cold {page['cold_p95_ms']} ms, rendered {page['p95_ms']} ms, "
            f"{target_verdict(name, page)}; {exact_verdict(result['exact'].get(name))}")  # fmt: skip

    if not options.skip_exports:
        exports_and_import(meetings, result)

    if not options.skip_load:
        # Published meetings only: both servers answer 404 for the others.
        with sqlite3.connect(datasette_database(meetings)) as database:
            published = [row[0] for row in database.execute("SELECT id FROM meetings")]
        ids = random.Random(1).sample(published, 50)
        paths = with_ids(archive_paths(), ids)
        cold = gunicorn_throughput(meetings, paths, page_cache=False, fragment_cache=False)
        rendered = gunicorn_throughput(meetings, paths, page_cache=False)
        ours = gunicorn_throughput(meetings, paths, page_cache=True)
        theirs = datasette_throughput(meetings, with_ids(datasette_paths(), ids))
        rate = lambda r: r["requests_per_second"] / max(theirs["requests_per_second"], 1e-9)  # noqa: E731
        p90 = lambda r: ms(theirs["latency"]["90"]) / max(ms(r["latency"]["90"]), 1e-9)  # noqa: E731
        result["throughput"] = {
            "archive_cold": cold,
            "archive_rendered": rendered,
            "archive": ours,
            "datasette": theirs,
            "cold_throughput_ratio": rate(cold),
            "cold_p90_ratio": p90(cold),
            "rendered_throughput_ratio": rate(rendered),
            "rendered_p90_ratio": p90(rendered),
            "throughput_ratio": rate(ours),
            "p90_ratio": p90(ours),
        }

    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(result, indent=2) + "\n")
    (RESULTS / "latest.md").write_text(markdown(result))
    log(f"wrote {RESULTS / 'latest.md'}")
    print(markdown(result))


if __name__ == "__main__":
    main()
