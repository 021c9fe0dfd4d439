"""The newsroom's benchmark (issue 18), on its own embedded PostgreSQL under bench/data/.

1. One poll of 20 feeds × 50 items: twenty fixture servers on 127.0.0.1-20 (one host per
   feed, as twenty outlets), each article page written from the labelled set; two worker
   processes (`manage.py run_worker`) on this machine; the time from the first poll to the
   last article read and classified. Target: under 60 s on 2 cores.
2. The inbox with 10,000 candidates (and 20,000 articles): server time of the inbox's pages
   (the list, filtered, a candidate), in-process. Target: p95 ≤ 100 ms.

`make bench` runs it after bench/run.py; alone: `.venv/bin/python bench/newsroom.py`.
Writes bench/results/newsroom.json.
"""

from __future__ import annotations

import datetime
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "results"
FEEDS, ITEMS, WORKERS, CANDIDATES = 20, 50, 2, 10_000
HOST_DELAY = "0.2"  # seconds between two requests to one host

os.environ.update(
    EMBEDDED_POSTGRES_DIR=str(DATA / "postgres-newsroom"),
    DJANGO_SETTINGS_MODULE="config.settings.bench",
    SECRET_KEY="bench-only-not-secret-" + "x" * 40,
    NEWSROOM_HOST_DELAY=HOST_DELAY,
)
sys.path.insert(0, str(ROOT))


def log(message: str) -> None:
    print(f"[newsroom bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def setup():
    import django

    DATA.mkdir(parents=True, exist_ok=True)
    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--no-input", verbosity=0)
    call_command("load_reference_data", "--no-seeds", verbosity=0)


def clean():
    from django_tasks_db.models import DBTaskResult

    from meetings.models import Candidate, Feed, FeedHost, FeedItem

    FeedItem.objects.all().delete()
    Candidate.objects.all().delete()
    Feed.objects.all().delete()
    FeedHost.objects.all().delete()
    DBTaskResult.objects.all().delete()


def rss(server, feed_number: int, articles: list[dict]) -> bytes:
    items = []
    for number in range(ITEMS):
        article = articles[(feed_number * ITEMS + number) % len(articles)]
        published = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC) + datetime.timedelta(
            minutes=37 * number
        )
        items.append(
            f"<item><title>{article['title']}</title>"
            f"<link>{server.base}/news/{number}-{article['id']}.html</link>"
            f"<pubDate>{published.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Bench feed {feed_number}</title>{''.join(items)}</channel></rss>"
    ).encode()


def poll() -> dict:
    from django_tasks_db.models import DBTaskResult

    from meetings.models import Candidate, Feed, FeedItem, Outlet
    from meetings.newsroom.tasks import poll_feed
    from tests import newsroom_server

    articles = list(newsroom_server.ARTICLES.values())
    servers = []
    for number in range(FEEDS):
        server = newsroom_server.start(f"127.0.0.{number + 1}")
        server.replace["/feed.rss"] = rss(server, number, articles)
        for item in range(ITEMS):
            article = articles[(number * ITEMS + item) % len(articles)]
            page = newsroom_server.article_page(article["id"])
            server.replace[f"/news/{item}-{article['id']}.html"] = (
                page,
                "text/html; charset=utf-8",
            )
        servers.append(server)
    outlet = Outlet.objects.get_or_create(name="Bench Wire", defaults={"country_id": "MA"})[0]
    feeds = [
        Feed.objects.create(
            outlet=outlet, url=server.url("/feed.rss"), language="en", country_id="MA"
        )
        for server in servers
    ]
    environment = dict(os.environ)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "run_worker"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(WORKERS)
    ]
    time.sleep(4)  # the workers' start (Django, the database) is not the poll's time
    started = time.perf_counter()
    for feed in feeds:
        poll_feed.enqueue(feed.pk)
    expected = FEEDS * ITEMS
    try:
        while True:
            read = FeedItem.objects.filter(state__in=["done", "failed", "known"]).count()
            if read >= expected or time.perf_counter() - started > 600:
                break
            time.sleep(0.2)
        seconds = time.perf_counter() - started
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(30)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        for server in servers:
            server.shutdown()
            server.server_close()
    fetched = sum(len(server.requests) for server in servers)
    result = {
        "feeds": FEEDS,
        "items": expected,
        "items_read": FeedItem.objects.filter(state="done").count(),
        "items_failed": FeedItem.objects.filter(state="failed").count(),
        "reports_found": FeedItem.objects.filter(is_meeting=True).count(),
        "candidates": Candidate.objects.count(),
        "requests": fetched,
        "failed_tasks": DBTaskResult.objects.failed().count(),
        "workers": WORKERS,
        "host_delay_seconds": float(HOST_DELAY),
        "seconds": round(seconds, 1),
        "target_seconds": 60,
        # CPU the workers used (their start included): on a shared machine the wall time
        # depends on the other processes; this does not.
        "worker_cpu_seconds": round(
            (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 1
        ),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }
    log(
        f"poll of {FEEDS} feeds × {ITEMS} items: {result['items_read']} read, "
        f"{result['reports_found']} meeting reports in {result['candidates']} candidates, "
        f"{fetched} requests, in {seconds:.1f} s with {WORKERS} workers (target < 60 s); "
        f"the workers used {result['worker_cpu_seconds']} s of CPU "
        f"(load average {result['load_average_1min']})"
    )
    return result


def inbox() -> dict:
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from meetings.editorial.permissions import ensure_groups
    from meetings.models import Candidate, Country, Feed, FeedItem, Outlet

    clean()
    random.seed(18)
    codes = list(Country.objects.values_list("code", flat=True)[:60])
    outlets = [
        Outlet.objects.get_or_create(name=f"Bench outlet {n}", defaults={"country_id": "MA"})[0]
        for n in range(10)
    ]
    feeds = [
        Feed.objects.create(
            outlet=outlet, url=f"https://bench{n}.example/rss", language=lang, country_id="MA"
        )
        for n, (outlet, lang) in enumerate(zip(outlets, ["ar", "fr", "en"] * 4, strict=False))
    ]
    candidates = []
    for number in range(CANDIDATES):
        a, b = sorted(random.sample(codes, 2))
        candidates.append(
            Candidate(
                country_a_id=a,
                country_b_id=b,
                date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number % 330),
                score=round(random.uniform(0.5, 1), 2),
                headline=f"Ministers of {a} and {b} meet ({number})",
                state=random.choice(["open"] * 6 + ["drafted", "attached", "dismissed"]),
                proposal={"countries": [a, b], "people": [], "topics": []},
            )
        )
    Candidate.objects.bulk_create(candidates, batch_size=2000)
    items = []
    for candidate in Candidate.objects.only("pk"):
        for copy in range(2):
            feed = random.choice(feeds)
            items.append(
                FeedItem(
                    feed=feed,
                    url=f"https://bench.example/{candidate.pk}/{copy}",
                    title="A report",
                    state="done",
                    language=feed.language,
                    is_meeting=True,
                    score=candidate.score if hasattr(candidate, "score") else 0.8,
                    candidate=candidate,
                )
            )
    FeedItem.objects.bulk_create(items, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE meetings_candidate; ANALYZE meetings_feeditem")
    ensure_groups()
    user, _ = User.objects.get_or_create(username="bench-editor", defaults={"is_staff": True})
    user.is_staff = True
    user.save()
    from django.contrib.auth.models import Group

    user.groups.set([Group.objects.get(name="Editors")])
    client = Client()
    client.force_login(user)
    some = Candidate.objects.filter(state="open").values_list("pk", flat=True)[:50]
    paths = [
        "/en/admin/meetings/candidate/",
        "/en/admin/meetings/candidate/?state__exact=open",
        f"/en/admin/meetings/candidate/?state__exact=open&outlet={outlets[0].pk}",
        "/en/admin/meetings/candidate/?language=ar",
        f"/en/admin/meetings/candidate/?country={codes[0]}",
        "/en/admin/meetings/candidate/?score=high&state__exact=open",
        "/en/admin/meetings/candidate/?date__gte=2026-06-01",
        "/ar/admin/meetings/candidate/?state__exact=open&p=20",
    ] + [f"/en/admin/meetings/candidate/{pk}/change/" for pk in list(some)[:4]]
    for path in paths:  # warm up, and check every page answers
        assert client.get(path).status_code == 200, path
    times, queries = {}, {}
    for path in paths:
        samples = []
        for _ in range(25):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                client.get(path)
                samples.append((time.perf_counter() - started) * 1000)
            queries[path] = len(captured)
        times[path] = samples
    every = sorted(t for samples in times.values() for t in samples)
    p95 = every[int(len(every) * 0.95) - 1]
    result = {
        "candidates": CANDIDATES,
        "articles": len(items),
        "requests": len(every),
        "p50_ms": round(statistics.median(every), 1),
        "p95_ms": round(p95, 1),
        "target_p95_ms": 100,
        "per_page_p95_ms": {
            path: round(sorted(s)[int(len(s) * 0.95) - 1], 1) for path, s in times.items()
        },
        "queries_per_page": queries,
    }
    log(
        f"inbox with {CANDIDATES:,} candidates: p50 {result['p50_ms']} ms, "
        f"p95 {result['p95_ms']} ms over {len(every)} requests (target p95 ≤ 100 ms); "
        f"at most {max(queries.values())} queries a page (load average {os.getloadavg()[0]:.2f})"
    )
    return result


def main():
    setup()
    clean()
    results = {"poll": poll(), "inbox": inbox()}
    clean()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "newsroom.json").write_text(json.dumps(results, indent=2))
    ok = results["poll"]["seconds"] < 60 and results["inbox"]["p95_ms"] <= 100
    log("targets met" if ok else "a target was missed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
