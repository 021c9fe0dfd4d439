"""Limits that hold however many workers serve the site (issue 13, findings 3 and 4).

gunicorn runs several worker processes, each with its own memory. The tests here send
requests from several forked processes at once, as those workers would receive them,
and count what got through: a limit kept in each process's memory lets through a
multiple of what is configured; one kept in the database, exactly the limit.
"""

import datetime
import multiprocessing
import random

import pytest
from django.db import connections
from django.test import Client, RequestFactory
from django.utils import timezone

from meetings.models import CorrectionRequest, RateLimit
from meetings.operations import rate_limits
from meetings.operations.clients import client_address
from meetings.operations.rate_limits import Rate

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # The forked processes only use the test client and their own database connection.
    pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning"),
]

API_URL = "/api/topics/"
FORM_URL = "/en/corrections/new/"
WORKERS = 3


def forged_address() -> str:
    return ".".join(str(random.randint(1, 254)) for _ in range(4))


def api_requests(number: int) -> list[tuple[int, str | None]]:
    """``number`` API requests from one connection, each with a new forged X-Forwarded-For."""
    client = Client(REMOTE_ADDR="203.0.113.9")
    answers = []
    for _ in range(number):
        response = client.get(API_URL, HTTP_X_FORWARDED_FOR=forged_address())
        answers.append((response.status_code, response.get("Retry-After")))
    connections.close_all()
    return answers


def correction_posts(number: int) -> list[int]:
    client = Client(REMOTE_ADDR="203.0.113.10")
    statuses = []
    for index in range(number):
        data = {"kind": "correction", "message": f"Message number {index}, sent at once."}
        response = client.post(FORM_URL, data, HTTP_X_FORWARDED_FOR=forged_address())
        statuses.append(response.status_code)
    connections.close_all()
    return statuses


def in_workers(function, each: int) -> list:
    """Run ``function(each)`` in WORKERS forked processes at once; every result, flattened."""
    connections.close_all()  # each process opens its own connection
    with multiprocessing.get_context("fork").Pool(WORKERS) as pool:
        results = pool.map_async(function, [each] * WORKERS).get(timeout=120)
    return [answer for result in results for answer in result]


def test_the_api_limit_holds_across_workers_and_forged_forwarded_for_headers(
    reference_data, settings
):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "6/minute"},
    }
    answers = in_workers(api_requests, each=6)
    statuses = [status for status, _ in answers]
    assert statuses.count(200) == 6
    assert statuses.count(429) == 12
    waits = [int(wait) for status, wait in answers if status == 429]
    assert all(0 < wait <= 60 for wait in waits)


def test_the_correction_limit_holds_across_workers(reference_data, settings):
    answers = in_workers(correction_posts, each=4)
    assert answers.count(303) == 5
    assert answers.count(429) == 7
    assert CorrectionRequest.objects.count() == 5


def test_behind_a_trusted_proxy_the_client_is_the_address_it_saw(reference_data, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute"},
    }
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    # What the client wrote comes first; the proxy appends the address it saw.
    for forged in ("1.1.1.1", "2.2.2.2"):
        forwarded = f"{forged}, 198.51.100.20"
        assert proxy.get(API_URL, HTTP_X_FORWARDED_FOR=forwarded).status_code == 200
    assert proxy.get(API_URL, HTTP_X_FORWARDED_FOR="3.3.3.3, 198.51.100.20").status_code == 429
    # Another client behind the same proxy has its own allowance.
    assert proxy.get(API_URL, HTTP_X_FORWARDED_FOR="198.51.100.21").status_code == 200


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "198.51.100.1", "192.0.2.1"),  # no proxy of ours: the header is anyone's
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "6.6.6.6, 198.51.100.1", "198.51.100.1"),
        (2, "6.6.6.6, 198.51.100.1, 10.0.0.3", "198.51.100.1"),
        (2, "198.51.100.1", "192.0.2.1"),  # shorter than our proxies make it
        (1, "not an address", "192.0.2.1"),
        (1, "", "192.0.2.1"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


@pytest.mark.parametrize(
    ("text", "rate"),
    [("120/minute", Rate(120, 60)), ("5/hour", Rate(5, 3600)), ("10/30s", Rate(10, 30))],
)
def test_rates_are_written_as_django_rest_framework_writes_them(text, rate):
    assert Rate.parse(text) == rate


@pytest.mark.parametrize("text", ["", "0/minute", "ten/minute", "5/week", "5/2d"])
def test_a_rate_that_cannot_be_read_is_refused(text):
    with pytest.raises(ValueError, match="120/minute"):
        Rate.parse(text)


def test_a_prune_forgets_clients_not_seen_for_a_day(reference_data, monkeypatch):
    stale = timezone.now() - datetime.timedelta(days=2)
    RateLimit.objects.create(key="api:stale-client", moments=[stale])
    RateLimit.objects.create(key="api:recent-client", moments=[timezone.now()])
    monkeypatch.setattr(rate_limits, "PRUNE_EVERY", 1)  # this request prunes
    assert rate_limits.take("api:another-client", Rate.parse("5/minute")) == 0
    assert set(RateLimit.objects.values_list("key", flat=True)) == {
        "api:recent-client",
        "api:another-client",
    }
