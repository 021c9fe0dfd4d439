"""The newsroom: feeds served on the loopback address (tests/newsroom_server.py) polled by
the real task worker (`manage.py run_worker --batch`), articles read, classified and
grouped into candidates; every kind of bad input recorded on its feed's status."""

import datetime
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from meetings.models import Candidate, Feed, FeedHost, FeedItem, Outlet
from meetings.newsroom import feeds, fetching, polling
from meetings.newsroom.tasks import ensure_watching, poll_feed, read_item, watch_feeds
from tests import newsroom_server
from tests.test_security import database_url


@pytest.fixture
def server():
    server = newsroom_server.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def polite(settings):
    settings.NEWSROOM_HOST_DELAY = 0  # one host serves every fixture: no pause between requests
    settings.NEWSROOM_TIMEOUT = 10
    polling._gazetteer = (0.0, None)  # people and places of this test's database


def outlet(name, country):
    return Outlet.objects.get_or_create(name=name, defaults={"country_id": country})[0]


def feed(server, path, language="en", country="MA", kind=Feed.Kind.FEED, name="Atlas Daily"):
    return Feed.objects.create(
        outlet=outlet(name, country),
        url=server.url(path),
        language=language,
        country_id=country,
        kind=kind,
    )


def run_worker():
    call_command("run_worker", batch=True, verbosity=0)
    failed = DBTaskResult.objects.failed()
    assert not failed.exists(), [result.traceback for result in failed]


def due_again(*feeds_):
    """A while later: the feeds are due, and the watch comes round."""
    Feed.objects.filter(pk__in=[f.pk for f in feeds_]).update(next_poll_at=timezone.now())
    watch_feeds.enqueue()


# -- the whole path, with the worker ---------------------------------------------------------


def test_feeds_give_the_expected_candidates_and_a_second_poll_adds_nothing(
    reference_data, server, polite
):
    wire = feed(server, "/feeds/wire_en.rss")
    atom = feed(server, "/feeds/diplomatie_fr.atom", "fr", "SN", name="Le Quotidien de Dakar")
    sitemap = feed(
        server, "/feeds/news_ar.sitemap", "ar", "MA", Feed.Kind.SITEMAP, name="Al Akhbar"
    )
    run_worker()

    # Nine articles listed, each read once; the three reports of the Rabat meeting (English,
    # French, Arabic, in three feeds) are one candidate; Amman's is another; the phone calls,
    # the ambassadors received and the opinion piece are none.
    assert FeedItem.objects.count() == 9
    assert set(FeedItem.objects.values_list("state", flat=True)) == {"done"}
    for article in ("en01", "en02", "en-n1", "en-n3", "en-n5", "fr01", "fr-n1", "ar01", "ar-n3"):
        assert server.fetched(f"/articles/{article}.html") == 1, article
    candidates = {(c.country_a_id, c.country_b_id): c for c in Candidate.objects.all()}
    assert set(candidates) == {("MA", "SN"), ("IQ", "JO")}
    rabat = candidates[("MA", "SN")]
    assert sorted(rabat.items.values_list("language", flat=True)) == ["ar", "en", "fr"]
    assert rabat.date == datetime.date(2026, 11, 3)
    assert rabat.state == Candidate.State.OPEN and rabat.score >= 0.5
    assert {p["name"] for p in rabat.proposal["people"]} >= {"Karim Benali", "Awa Diallo Ndiaye"}
    # The tracking parameters and the fragment are not part of an article's address.
    assert FeedItem.objects.filter(url=server.url("/articles/en01.html")).exists()
    assert FeedItem.objects.filter(url=server.url("/articles/en02.html")).exists()
    # Each hard negative says why it is not a meeting.
    reasons = {
        item.url.rsplit("/", 1)[1]: {r["code"] for r in item.reasons}
        for item in FeedItem.objects.filter(is_meeting=False)
    }
    assert "phone_call" in reasons["en-n1.html"] and "phone_call" in reasons["fr-n1.html"]
    assert "ambassador" in reasons["en-n3.html"] and "ambassador" in reasons["ar-n3.html"]
    assert "opinion" in reasons["en-n5.html"]
    # Status: fetched, new items, no error; the interval learned from the items' dates.
    for watched in (wire, atom, sitemap):
        watched.refresh_from_db()
        assert watched.last_fetched_at and watched.last_new_item_at and not watched.last_error
        assert watched.fetches == 1 and watched.failures == 0
        assert watched.etag and watched.next_poll_at > timezone.now()
    assert server.fetched("/robots.txt") == 1  # once for the host, by all workers together

    # A second poll: the server answers 304 to the ETag sent; nothing is added or read again.
    due_again(wire, atom, sitemap)
    requests_before = len(server.requests)
    run_worker()
    assert FeedItem.objects.count() == 9 and Candidate.objects.count() == 2
    new_requests = server.requests[requests_before:]
    assert sorted(path for path, _ in new_requests) == sorted(
        ["/feeds/wire_en.rss", "/feeds/diplomatie_fr.atom", "/feeds/news_ar.sitemap"]
    )
    assert all("If-None-Match" in headers for _, headers in new_requests)
    assert all(
        headers["User-Agent"].startswith("MinisterialMeetingsArchive-Newsroom/")
        for _, headers in server.requests
    )
    wire.refresh_from_db()
    assert wire.not_modified == 1 and wire.fetches == 2


def test_a_changed_item_is_noticed_and_read_again(reference_data, server, polite):
    wire = feed(server, "/feeds/wire_en.rss")
    run_worker()
    changed = (
        (newsroom_server.FIXTURES / "wire_en.rss")
        .read_text()
        .replace("{base}", server.base)
        .replace(
            "Jordanian and Iraqi foreign ministers meet in Amman",
            "Jordanian and Iraqi foreign ministers meet in Amman (updated)",
        )
    )
    server.replace["/feeds/wire_en.rss"] = changed.encode()
    due_again(wire)
    run_worker()
    amman = FeedItem.objects.get(url=server.url("/articles/en02.html"))
    assert amman.changes == 1 and amman.state == "done"
    assert server.fetched("/articles/en02.html") == 2
    assert server.fetched("/articles/en01.html") == 1  # unchanged: not read again
    assert Candidate.objects.filter(country_a="IQ", country_b="JO").count() == 1


def test_bad_input_is_recorded_on_each_feed_and_the_others_go_on(reference_data, server, polite):
    down = feed(server, "/down")
    broken = feed(server, "/feeds/broken.rss")
    homepage = feed(server, "/feeds/homepage.html")
    loop = feed(server, "/loop/a")
    big = feed(server, "/feeds/with_big_item.rss")
    encoding = feed(server, "/feeds/wrong_encoding.rss", "ar", "JO", name="Al Rai")
    forbidden = feed(server, "/private/feed.rss")
    missing = feed(server, "/feeds/no-such-feed.xml")
    run_worker()

    def error(watched):
        watched.refresh_from_db()
        return watched.last_error

    assert "503" in error(down)
    assert error(broken).startswith("Malformed XML")
    assert "HTML page, not a feed" in error(homepage)
    assert "Redirect loop" in error(loop)
    assert "robots.txt" in error(forbidden)
    assert "404" in error(missing)
    for failing in (down, broken, homepage, loop, forbidden, missing):
        failing.refresh_from_db()
        assert failing.failures == 1
        # Backed off: the next try is later than the usual interval.
        assert failing.next_poll_at > timezone.now() + datetime.timedelta(seconds=failing.interval)
    # Nothing half-written: the feed cut in the middle added no item.
    assert not FeedItem.objects.filter(feed=broken).exists()
    # The ten-megabyte page: its item failed with the reason, on the feed's status too;
    # the other article of the same feed was read.
    too_big = FeedItem.objects.get(url=server.url("/big.html"))
    assert too_big.state == "failed" and "Too large" in too_big.error
    assert "Too large" in error(big)
    assert FeedItem.objects.get(url=server.url("/articles/en03.html")).is_meeting
    # A feed in windows-1256 that says UTF-8: read in the encoding it is in, and said so;
    # its article, in windows-1256 said nowhere, read right too.
    assert "not in the encoding it declares" in error(encoding)
    amman = FeedItem.objects.get(feed=encoding)
    assert amman.title.startswith("الخطيب") and amman.is_meeting
    assert "نظيره العراقي" in amman.text
    assert Candidate.objects.filter(country_a="IQ", country_b="JO").exists()


def test_several_workers_never_fetch_anything_twice(reference_data, server, polite):
    wire = feed(server, "/feeds/wire_en.rss")
    # The same poll asked for three times (a double click on "poll now", a scheduler run
    # twice), and three worker processes started at once, as on three machines.
    for _ in range(3):
        poll_feed.enqueue(wire.pk)
    environment = {**os.environ, "DATABASE_URL": database_url(), "NEWSROOM_HOST_DELAY": "0"}
    environment["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    workers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "run_worker", "--batch"],
            cwd=django_settings.BASE_DIR,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(3)
    ]
    for worker in workers:
        _, errors = worker.communicate(timeout=120)
        assert worker.returncode == 0, errors.decode()
    assert not DBTaskResult.objects.failed().exists()
    assert server.fetched("/feeds/wire_en.rss") == 1
    for article in ("en01", "en02", "en-n1", "en-n3", "en-n5"):
        assert server.fetched(f"/articles/{article}.html") == 1
    assert FeedItem.objects.filter(state="done").count() == 5
    # A read asked for again after it was done does nothing.
    read_item.enqueue(FeedItem.objects.get(url=server.url("/articles/en01.html")).pk)
    run_worker()
    assert server.fetched("/articles/en01.html") == 1


def test_the_watch_is_scheduled_once_and_polls_what_is_due(reference_data, server, polite):
    wire = feed(server, "/feeds/wire_en.rss")
    assert ensure_watching() is True
    assert ensure_watching() is False  # already waiting: not twice
    run_worker()
    wire.refresh_from_db()
    assert wire.fetches == 1
    # It comes back in a minute, by itself.
    waiting = DBTaskResult.objects.filter(status="READY", task_path__endswith="watch_feeds")
    assert waiting.count() == 1
    assert waiting.get().run_after > timezone.now()
    # Enqueued by hand as well, it still comes back once: one rhythm, not two.
    watch_feeds.enqueue()
    run_worker()
    assert waiting.count() == 1


def test_a_host_is_asked_at_its_pace_by_every_worker(reference_data, settings):
    settings.NEWSROOM_HOST_DELAY = 1
    host = "http://pace.example"
    started = timezone.now()
    fetching.take_turn(host)
    fetching.take_turn(host)  # waits about one second
    assert (timezone.now() - started).total_seconds() >= 0.9
    FeedHost.objects.filter(host=host).update(
        next_request_at=timezone.now() + datetime.timedelta(minutes=5)
    )
    with pytest.raises(fetching.HostBusy):  # too far off: the task comes back later
        fetching.take_turn(host)


# -- the parts, without a server ------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "normalized"),
    [
        ("HTTP://Example.COM:80/a/b?utm_source=x&b=2&a=1#top", "http://example.com/a/b?a=1&b=2"),
        ("https://example.com/news/1?fbclid=abc", "https://example.com/news/1"),
        ("https://example.com", "https://example.com/"),
    ],
)
def test_urls_are_normalised_so_an_article_is_listed_once(given, normalized):
    assert fetching.normalized(given) == normalized


def test_addresses_that_are_not_web_pages_are_refused():
    for url in ("javascript:alert(1)", "ftp://example.com/x", "not a url"):
        with pytest.raises(fetching.FetchError):
            fetching.normalized(url)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"<rss><channel><item><title>cut", "Malformed XML"),
        (b"<!DOCTYPE html><html><body>home</body></html>", "HTML page"),
        (b"<?xml version='1.0'?><catalog/>", "Not a feed"),
        (
            b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>',
            "sitemap index",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b"<rss><channel><item><title>&e;</title><link>http://x.example/</link></item>"
            b"</channel></rss>",
            None,
        ),
    ],
)
def test_documents_that_are_not_feeds_are_refused_whole(content, message):
    if message is None:  # an external entity is never read
        listing = feeds.parse(content)
        assert "root:" not in listing.entries[0].title
        return
    with pytest.raises(feeds.FeedError, match=message):
        feeds.parse(content)


def test_the_poll_interval_follows_the_feeds_rhythm(settings, db):
    watched = Feed(interval=900)
    now = timezone.now()
    every_hour = [
        feeds.Entry(url="x", published=now - datetime.timedelta(hours=n)) for n in range(10)
    ]
    assert polling.learned_interval(watched, every_hour, True) == 3600
    every_minute = [
        feeds.Entry(url="x", published=now - datetime.timedelta(minutes=n)) for n in range(10)
    ]
    assert polling.learned_interval(watched, every_minute, True) == settings.NEWSROOM_MIN_INTERVAL
    weekly = [
        feeds.Entry(url="x", published=now - datetime.timedelta(days=7 * n)) for n in range(5)
    ]
    assert polling.learned_interval(watched, weekly, True) == settings.NEWSROOM_MAX_INTERVAL
    undated = [feeds.Entry(url="x")]
    assert polling.learned_interval(watched, undated, False) == 1350  # nothing new: slower
