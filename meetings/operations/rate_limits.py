"""Rate limits that hold across workers and machines, counted in PostgreSQL.

Every worker of every instance shares the database, Redis or not, so a limit
counted there is one limit however the site is deployed. Each client and limit
has one row (``RateLimit``) holding the moments of its requests in the last
window: a request is allowed while fewer than ``limit`` of them are younger than
the window, so never more than ``limit`` requests pass in any window (a sliding
log, as Django REST framework keeps it in its cache, but in one place).

Taking a slot is one atomic statement (an upsert whose update is conditional,
under the row's lock), so concurrent requests, in any number of processes,
cannot both take the last slot. The table is UNLOGGED: counters are lost in a
crash, which only forgives the clients of that moment.

Clients are stored as a keyed hash of their address, never the address.
"""

import datetime
import hashlib
import hmac
import math
import random
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import connections

from meetings.operations.clients import client_address

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE = re.compile(r"\s*(\d+)\s*/\s*(\d*)\s*([smhd])[a-z]*\s*")
# About one request in this many also forgets the rows of clients not seen for a day
# (0: never; the tests set it, as a prune at random adds a query at random).
PRUNE_EVERY = 500


@dataclass(frozen=True)
class Rate:
    """``limit`` requests in any ``seconds``."""

    limit: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> "Rate":
        """'120/minute', '5/hour', '10/30s' (the shape Django REST framework uses)."""
        match = RATE.fullmatch(text or "")
        seconds = int(match[2] or 1) * PERIODS[match[3]] if match else 0
        if not match or int(match[1]) < 1 or not 0 < seconds <= PERIODS["d"]:
            raise ValueError(f"A rate is written like '120/minute' (at most a day), not {text!r}.")
        return cls(int(match[1]), seconds)

    @property
    def window(self) -> datetime.timedelta:
        return datetime.timedelta(seconds=self.seconds)


def client_key(scope: str, request) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256
    ).hexdigest()
    return f"{scope}:{digest[:40]}"


# Seconds until the oldest request of the window leaves it (NULL: the window has room).
WAIT = """
SELECT extract(epoch FROM min(m) + %(window)s - clock_timestamp())
  FROM meetings_ratelimit, unnest(moments) m
 WHERE key = %(key)s AND m > clock_timestamp() - %(window)s
HAVING count(*) >= %(limit)s
"""

# "now" is the moment the statement inserts (excluded.moments[1]), read once.
TAKE = """
INSERT INTO meetings_ratelimit AS r (key, moments)
VALUES (%(key)s, ARRAY[clock_timestamp()])
ON CONFLICT (key) DO UPDATE
    SET moments = ARRAY(
        SELECT m FROM unnest(r.moments) m WHERE m > excluded.moments[1] - %(window)s
    ) || excluded.moments
    WHERE (SELECT count(*) FROM unnest(r.moments) m
            WHERE m > excluded.moments[1] - %(window)s) < %(limit)s
RETURNING 1
"""

# Rows whose newest request is older than any window the archive uses mean nothing.
PRUNE = """
DELETE FROM meetings_ratelimit
 WHERE moments[array_upper(moments, 1)] < clock_timestamp() - interval '1 day'
"""


def parameters(key: str, rate: Rate) -> dict:
    return {"key": key, "limit": rate.limit, "window": rate.window}


def take(key: str, rate: Rate) -> int:
    """Count one request; 0 when it is allowed, else the seconds to wait (nothing counted)."""
    with connections["default"].cursor() as cursor:
        cursor.execute(TAKE, parameters(key, rate))
        allowed = cursor.fetchone() is not None
        if PRUNE_EVERY and random.randrange(PRUNE_EVERY) == 0:  # noqa: S311  (not a secret)
            cursor.execute(PRUNE)
    return 0 if allowed else max(1, wait_seconds(key, rate))


def wait_seconds(key: str, rate: Rate) -> int:
    """0 if a request would be allowed now, else the seconds to wait; counts nothing."""
    with connections["default"].cursor() as cursor:
        cursor.execute(WAIT, parameters(key, rate))
        row = cursor.fetchone()
    wait = row[0] if row else None
    return 0 if wait is None or wait <= 0 else math.ceil(wait)
