"""The API's limit for anonymous clients, shared by every worker and instance.

Django REST framework's own throttles count in the cache, which is each
process's memory without Redis, and read their get-then-set without a lock:
three workers made a limit of 120 a minute let 230 requests through. This one
counts in the database (meetings/operations/rate_limits.py), by the client address the
archive trusts (meetings/operations/clients.py), and answers DRF's 429 with Retry-After.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from meetings.operations.rate_limits import Rate, client_key, take


class SharedAnonRateThrottle(BaseThrottle):
    scope = "anon"

    def allow_request(self, request, view):
        if request.user and request.user.is_authenticated:
            return True
        rate = api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
        if rate is None:  # no limit configured
            return True
        self.seconds_to_wait = take(client_key(f"api-{self.scope}", request), Rate.parse(rate))
        return not self.seconds_to_wait

    def wait(self):
        return self.seconds_to_wait
