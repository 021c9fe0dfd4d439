"""A small HTTP load generator, for machines without wrk (bench/run.py uses wrk when it
finds or can install it): ``load.py BASE CONNECTIONS SECONDS PATH...``.

Each connection is a thread with its own keep-alive connection, requesting the paths in
turn for SECONDS; prints wrk's figures as JSON (requests per second, latency p50, p90,
p99, non-2xx/3xx responses, socket errors). Python sends requests more slowly than wrk:
for pages served in a millisecond its rate is the generator's limit, not the server's.
"""

import http.client
import json
import sys
import threading
import time
from urllib.parse import urlsplit


def main() -> None:
    base, connections, seconds, *paths = sys.argv[1:]
    address = urlsplit(base)
    deadline = time.monotonic() + float(seconds)
    latencies: list[float] = []
    failures = {"non_2xx": 0, "socket": 0}
    lock = threading.Lock()

    def client(offset: int) -> None:
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        index, mine, bad, broken = offset, [], 0, 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", paths[index % len(paths)])
                response = connection.getresponse()
                response.read()
                mine.append((time.perf_counter() - started) * 1000)
                bad += not 200 <= response.status < 400
            except (OSError, http.client.HTTPException):
                broken += 1
                connection.close()
                connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
            index += 1
        with lock:
            latencies.extend(mine)
            failures["non_2xx"] += bad
            failures["socket"] += broken

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(int(connections))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()

    def at(share: float) -> str:
        if not latencies:
            return "0ms"
        return f"{latencies[min(len(latencies) - 1, int(share * len(latencies)))]:.2f}ms"

    print(json.dumps({
        "requests_per_second": round(len(latencies) / elapsed, 2),
        "latency": {"50": at(0.5), "90": at(0.9), "99": at(0.99)},
        "non_2xx": failures["non_2xx"],
        "socket_errors": f"{failures['socket']} failed" if failures["socket"] else "none",
    }))  # fmt: skip


if __name__ == "__main__":
    main()
