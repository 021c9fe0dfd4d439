"""Who is asking: the client's address, the same for every limit the archive keeps.

Behind no proxy, the address is the connection's (REMOTE_ADDR): an
``X-Forwarded-For`` header is anyone's to write, so it is ignored. Behind
``TRUSTED_PROXY_COUNT`` proxies (a load balancer, nginx), each of which appends
the address it saw to ``X-Forwarded-For``, the client is the address the
outermost trusted proxy saw: the entry that many places from the end. What a
client writes in the header itself sits before it and is never read.
"""

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < proxies:
        # The header is shorter than our own proxies make it: not from them.
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
