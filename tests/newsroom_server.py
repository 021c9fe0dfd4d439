"""A web server on the loopback address serving the newsroom's fixture feeds and pages.

- /feeds/<file>: tests/newsroom_fixtures/<file>, with {base} replaced; ETag and
  Last-Modified given, and If-None-Match answered with 304.
- /articles/<id>.html: the article <id> of eval/newsroom/articles.json in article.html.
- /legacy/<id>.html: the same page in windows-1256, its charset said nowhere;
- /big.html: ten megabytes; /loop/a and /loop/b: redirects to each other; /down: 503.
- /robots.txt: disallows /private/.
``server.replace[path] = bytes`` changes what a path serves; ``server.requests`` lists
(path, headers) of every request, so tests can count fetches.
"""

import contextlib
import hashlib
import html
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent
FIXTURES = ROOT / "newsroom_fixtures"
ARTICLES = {
    a["id"]: a for a in json.loads((ROOT.parent / "eval/newsroom/articles.json").read_text())
}
LAST_MODIFIED = "Fri, 06 Nov 2026 10:00:00 GMT"
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def article_page(article_id: str) -> bytes:
    article = ARTICLES[article_id]
    paragraphs = "\n".join(
        f"<p>{html.escape(sentence.strip())}.</p>"
        for sentence in article["text"].rstrip(".").split(". ")
    )
    page = (
        (FIXTURES / "article.html")
        .read_text()
        .format(
            lang=article["lang"],
            title=html.escape(article["title"]),
            published=article["published"],
            paragraphs=paragraphs,
        )
    )
    return page.encode("utf-8")


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        server = self.server
        server.requests.append((self.path, dict(self.headers)))
        path = self.path.split("?")[0]
        if path in server.replace:
            body = server.replace[path]
            if isinstance(body, tuple):  # (bytes, content type)
                return self.send(200, *body)
            return self.send(200, body, "application/xml")
        if path == "/robots.txt":
            return self.send(200, ROBOTS, "text/plain")
        if path == "/down":
            return self.send(503, b"Service Unavailable", "text/plain")
        if path in ("/loop/a", "/loop/b"):
            self.send_response(302)
            self.send_header("Location", "/loop/b" if path == "/loop/a" else "/loop/a")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if path == "/big.html":
            body = b"<html><body><p>" + b"word " * 2_000_000 + b"</p></body></html>"
            return self.send(200, body, "text/html; charset=utf-8")
        if path.startswith("/legacy/") and path.endswith(".html"):
            # An old site: windows-1256, said nowhere (no charset, no <meta>).
            article_id = path.removeprefix("/legacy/").removesuffix(".html")
            if article_id in ARTICLES:
                page = article_page(article_id).decode().replace('<meta charset="utf-8">\n', "")
                return self.send(200, page.encode("cp1256"), "text/html")
        if path.startswith("/articles/") and path.endswith(".html"):
            article_id = path.removeprefix("/articles/").removesuffix(".html")
            if article_id in ARTICLES:
                return self.send(200, article_page(article_id), "text/html; charset=utf-8")
        if path.startswith("/feeds/"):
            name = path.removeprefix("/feeds/")
            file = FIXTURES / name
            if name and "/" not in name and file.is_file():
                text = file.read_text().replace("{base}", server.base)
                if name == "wrong_encoding.rss":
                    return self.send(200, text.encode("cp1256"), "application/rss+xml")
                kind = "text/html" if name.endswith(".html") else "application/xml"
                return self.send(200, text.encode("utf-8"), kind)
        return self.send(404, b"Not Found", "text/plain")

    def send(self, status, body, content_type):
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if status == 200:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", LAST_MODIFIED)
        self.end_headers()
        # The client may stop reading (a size limit): as a real server would see it.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


class FixtureServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host="127.0.0.1"):
        super().__init__((host, 0), Handler)
        self.base = f"http://{host}:{self.server_address[1]}"
        self.replace = {}
        self.requests = []

    def url(self, path):
        return self.base + path

    def fetched(self, path):
        return sum(1 for requested, _ in self.requests if requested.split("?")[0] == path)


def start(host="127.0.0.1") -> FixtureServer:
    server = FixtureServer(host)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
