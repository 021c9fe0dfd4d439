"""One poll of one feed, and the reading of one of its articles.

Both start by claiming their row with one UPDATE (a feed due and not leased, an item
still to read): whatever number of workers run, a feed is polled and an article read
by one of them only. Every write of a poll (new items, changed items, the feed's
status) is one transaction; a failure writes the status alone.
"""

from __future__ import annotations

import datetime
import itertools
import logging
import statistics
import time

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F, Q
from django.utils import timezone

from meetings.extraction import ExtractionError, extract, read_article
from meetings.extraction.database import gazetteer_from_database
from meetings.models import Feed, FeedItem, Source
from meetings.newsroom import feeds, fetching, grouping
from meetings.newsroom.classify import classify
from meetings.newsroom.fetching import FetchError, HostBusy

logger = logging.getLogger(__name__)

MAX_URL = 2000  # FeedItem.url's length
LEASE = datetime.timedelta(minutes=10)  # a worker that died lets go after this
GAZETTEER_KEPT = 300  # seconds: people and places added by editors are known soon enough
_gazetteer = (0.0, None)


# -- feeds ---------------------------------------------------------------------------------


def due_feeds() -> list[int]:
    now = timezone.now()
    return list(
        Feed.objects.filter(active=True, next_poll_at__lte=now)
        .filter(Q(leased_until__isnull=True) | Q(leased_until__lt=now))
        .order_by("next_poll_at")
        .values_list("pk", flat=True)[:500]
    )


def claim_feed(feed_id: int) -> Feed | None:
    """The feed, if it is due and no other worker has it; it is then this worker's."""
    now = timezone.now()
    claimable = Feed.objects.filter(pk=feed_id, active=True, next_poll_at__lte=now).filter(
        Q(leased_until__isnull=True) | Q(leased_until__lt=now)
    )
    if not claimable.update(leased_until=now + LEASE):
        return None
    return Feed.objects.select_related("outlet").get(pk=feed_id)


def poll(feed_id: int) -> list[int]:
    """Poll the feed if it is due: the ids of the items to read."""
    feed = claim_feed(feed_id)
    if feed is None:
        return []
    try:
        response = fetching.fetch(
            feed.url,
            etag=feed.etag,
            last_modified=feed.last_modified,
            limit=settings.NEWSROOM_MAX_FEED_BYTES,
        )
        listing = None if response.not_modified else feeds.parse(response.content)
    except HostBusy as busy:
        Feed.objects.filter(pk=feed.pk).update(leased_until=None, next_poll_at=busy.when)
        return []
    except (FetchError, feeds.FeedError) as error:
        failed(feed, str(error))
        return []
    if listing is None:
        Feed.objects.filter(pk=feed.pk).update(
            last_fetched_at=timezone.now(),
            fetches=F("fetches") + 1,
            not_modified=F("not_modified") + 1,
            failures=0,
            interval=(interval := slower(feed.interval)),
            next_poll_at=timezone.now() + datetime.timedelta(seconds=interval),
            leased_until=None,
        )
        return []
    try:
        return store(feed, response, listing)
    except (DatabaseError, ValueError) as error:  # rolled back: nothing of the poll is kept
        logger.exception("feed %s could not be stored", feed.url)
        failed(feed, f"The feed could not be stored ({error}).")
        return []


def failed(feed: Feed, message: str) -> None:
    """The error on the feed's status, and the next try later and later (back-off)."""
    failures = feed.failures + 1
    wait = min(feed.interval * 2 ** min(failures, 10), settings.NEWSROOM_MAX_BACKOFF)
    now = timezone.now()
    Feed.objects.filter(pk=feed.pk).update(
        last_fetched_at=now,
        fetches=F("fetches") + 1,
        last_error=message[:2000],
        last_error_at=now,
        failures=failures,
        next_poll_at=now + datetime.timedelta(seconds=wait),
        leased_until=None,
    )
    logger.warning("feed %s: %s", feed.url, message)


def store(feed: Feed, response: fetching.Response, listing: feeds.Listing) -> list[int]:
    """New and changed items and the feed's status, in one transaction."""
    entries = {}
    for entry in listing.entries:
        try:
            url = fetching.normalized(entry.url)
        except FetchError:
            continue  # an item without a web address: nothing to read
        if len(url) > MAX_URL:
            continue
        entries.setdefault(url, entry)
    now = timezone.now()
    with transaction.atomic():
        known = {item.url: item for item in FeedItem.objects.filter(url__in=list(entries))}
        sources = set(Source.objects.filter(url__in=list(entries)).values_list("url", flat=True))
        FeedItem.objects.bulk_create(
            [
                FeedItem(
                    feed=feed,
                    url=url,
                    guid=entry.guid,
                    title=entry.title,
                    published_at=entry.published,
                    fingerprint=entry.fingerprint,
                    state=FeedItem.State.KNOWN if url in sources else FeedItem.State.NEW,
                )
                for url, entry in entries.items()
                if url not in known
            ],
            ignore_conflicts=True,  # another feed listing the same article at this moment
        )
        changed = [
            item
            for url, item in known.items()
            if item.feed_id == feed.pk
            and item.fingerprint != entries[url].fingerprint
            and item.state in (FeedItem.State.DONE, FeedItem.State.FAILED)
        ]
        for item in changed:
            entry = entries[item.url]
            item.title, item.published_at = entry.title, entry.published
            item.fingerprint, item.state, item.changes = (
                entry.fingerprint,
                FeedItem.State.NEW,
                (item.changes + 1),
            )
        FeedItem.objects.bulk_update(
            changed, ["title", "published_at", "fingerprint", "state", "changes"]
        )
        to_read = list(
            FeedItem.objects.filter(
                url__in=[url for url in entries if url not in known],
                feed=feed,
                state=FeedItem.State.NEW,
            ).values_list("pk", flat=True)
        ) + [item.pk for item in changed]
        interval = learned_interval(feed, listing.entries, bool(to_read))
        Feed.objects.filter(pk=feed.pk).update(
            last_fetched_at=now,
            last_new_item_at=now if to_read else feed.last_new_item_at,
            fetches=F("fetches") + 1,
            failures=0,
            last_error="; ".join(listing.notes),
            last_error_at=now if listing.notes else feed.last_error_at,
            etag=response.etag[:500],
            last_modified=response.last_modified[:100],
            interval=interval,
            next_poll_at=now + datetime.timedelta(seconds=interval),
            leased_until=None,
        )
    return to_read


def slower(interval: int) -> int:
    return min(int(interval * 1.5), settings.NEWSROOM_MAX_INTERVAL)


def learned_interval(feed: Feed, entries: list[feeds.Entry], anything_new: bool) -> int:
    """About the feed's own rhythm: the typical gap between its items' publication times
    (a wire publishing every few minutes is polled every 5; a weekly page, every 6 hours).
    Without dates, slower after a poll that found nothing."""
    moments = sorted(entry.published for entry in entries if entry.published)[-30:]
    gaps = [
        (later - earlier).total_seconds()
        for earlier, later in itertools.pairwise(moments)
        if later > earlier
    ]
    if len(gaps) >= 3:
        interval = int(statistics.median(gaps))
    else:
        interval = feed.interval if anything_new else slower(feed.interval)
    return max(settings.NEWSROOM_MIN_INTERVAL, min(interval, settings.NEWSROOM_MAX_INTERVAL))


# -- items ---------------------------------------------------------------------------------


def gazetteer():
    """The extractor's knowledge of the archive, read again every few minutes."""
    global _gazetteer
    read_at, known = _gazetteer
    if known is None or time.monotonic() - read_at > GAZETTEER_KEPT:
        _gazetteer = (time.monotonic(), gazetteer_from_database())
    return _gazetteer[1]


def claim_item(item_id: int) -> FeedItem | None:
    now = timezone.now()
    claimed = (
        FeedItem.objects.filter(pk=item_id)
        .filter(
            Q(state=FeedItem.State.NEW) | Q(state=FeedItem.State.FETCHING, claimed_until__lt=now)
        )
        .update(state=FeedItem.State.FETCHING, claimed_until=now + LEASE)
    )
    if not claimed:
        return None
    return FeedItem.objects.select_related("feed__outlet").get(pk=item_id)


def read(item_id: int) -> datetime.datetime | None:
    """Read, classify and group one item. Returns when to try again if its host is busy."""
    item = claim_item(item_id)
    if item is None:
        return None
    feed = item.feed
    try:
        response = fetching.fetch(item.url, limit=settings.NEWSROOM_MAX_ARTICLE_BYTES)
        article = read_article(
            response.content,
            charset=response.charset,
            url=item.url,
            outlet=feed.outlet.name,
            published=item.published_at.date() if item.published_at else None,
        )
    except HostBusy as busy:
        FeedItem.objects.filter(pk=item.pk).update(state=FeedItem.State.NEW, claimed_until=None)
        return busy.when
    except (FetchError, ExtractionError) as error:
        item_failed(item, str(error))
        return None
    try:
        settle(item, article)
    except (DatabaseError, ValueError, RecursionError) as error:  # rolled back
        logger.exception("item %s could not be stored", item.url)
        item_failed(item, f"The article could not be stored ({error}).")
    return None


def settle(item: FeedItem, article) -> FeedItem:
    """The article read: classify it and, if it reports a meeting, group it. One transaction."""
    draft = extract(article, gazetteer())
    verdict = classify(draft)
    proposal = grouping.proposal_of(draft)
    with transaction.atomic():
        item.title = (article.title or item.title)[:500]
        item.text = article.text
        item.language = draft.language
        item.is_meeting = verdict.is_meeting and len(draft.countries) == 2
        item.score = verdict.score
        item.reasons = verdict.explained()
        item.proposal = proposal
        item.error = ""
        item.state = FeedItem.State.DONE
        item.claimed_until = None
        item.read_at = timezone.now()
        if item.is_meeting and item.candidate_id is None:
            item.candidate = grouping.candidate_for(
                proposal, verdict.score, item.title, draft.date or article.published
            )
        item.save()
    return item


def item_failed(item: FeedItem, message: str) -> None:
    now = timezone.now()
    with transaction.atomic():
        FeedItem.objects.filter(pk=item.pk).update(
            state=FeedItem.State.FAILED, error=message[:2000], claimed_until=None, read_at=now
        )
        Feed.objects.filter(pk=item.feed_id).update(
            last_error=f"{item.url}: {message}"[:2000], last_error_at=now
        )
    logger.warning("item %s: %s", item.url, message)
