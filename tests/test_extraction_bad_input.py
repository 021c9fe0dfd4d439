"""Bad input to the extractor: a message and a 4xx in the admin, a clear error from the command.

Pages are served by a small HTTP server on 127.0.0.1, as a site would send them (bytes,
with or without a charset in the Content-Type header); the same bytes go through
``extract_meeting`` as files. Mixed encodings are repaired rather than refused.
"""

import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command

from tests.factories import EditorFactory

pytestmark = pytest.mark.django_db

URL = "/en/admin/meetings/meeting/from-article/"
# Written for these tests.
FRENCH = (
    "Le ministre de l'Intérieur, Abdelouafi Laftit, a reçu mardi à Rabat son homologue "
    "français, Bruno Retailleau. Les deux ministres ont évoqué la coopération sécuritaire et "
    "la lutte contre l'immigration irrégulière."
)
ARABIC = (
    "استقبل وزير الداخلية عبد الوافي لفتيت، اليوم الثلاثاء بالرباط، نظيره الإيطالي ماتيو "
    "بيانتيدوزي، وبحث الجانبان التعاون في مجال الهجرة."
)
GERMAN = (
    "Der marokkanische Innenminister Abdelouafi Laftit hat am Dienstag in Rabat seinen "
    "französischen Amtskollegen Bruno Retailleau empfangen. Die beiden Minister sprachen über "
    "die Zusammenarbeit bei der Sicherheit und über die irreguläre Einwanderung."
)
RUSSIAN = (
    "Министр иностранных дел России Сергей Лавров во вторник провел в Москве переговоры со "
    "своим марокканским коллегой Насером Буритой. Стороны обсудили торговлю и рыболовство."
)
PERSIAN = (
    "وزیر امور خارجه ایران روز سه‌شنبه در تهران با همتای عمانی خود دیدار و گفتگو کرد. دو "
    "طرف درباره همکاری‌های اقتصادی و امنیت منطقه گفتگو کردند."
)
# A page whose template is UTF-8 and whose story was pasted in from Windows-1252.
MIXED = (
    "Rabat – Actualités\n".encode()
    + FRENCH.encode("cp1252")
    + "\nÀ lire aussi : la météo à Rabat".encode()
)
PAGES = {
    "/empty.html": ("text/html; charset=utf-8", b"<html><body><nav>Accueil</nav></body></html>"),
    "/binary.png": ("image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40),
    "/huge.html": ("text/html", b"<html><body><p>" + b"a" * 10_000_000 + b"</p></body></html>"),
    "/german.html": (
        "text/html; charset=utf-8",
        f"<html><head><title>Innenminister</title></head><body><article><h1>Innenminister"
        f"</h1><p>{GERMAN}</p><p>{GERMAN}</p></article></body></html>".encode(),
    ),
    "/russian.txt": ("text/plain; charset=utf-8", RUSSIAN.encode()),
    "/persian.txt": ("text/plain; charset=utf-8", PERSIAN.encode()),
    "/mixed.txt": ("text/plain", MIXED),
    "/arabic-1256.txt": ("text/plain; charset=windows-1256", ARABIC.encode("cp1256")),
}


class Pages(BaseHTTPRequestHandler):
    def do_GET(self):  # the name http.server calls
        content_type, body = PAGES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def editor(client):
    client.force_login(EditorFactory(username="bad-input-editor"))
    return client


def propose_url(client, url):
    return client.post(URL, {"step": "extract", "url": url, "content": "", "published": ""})


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/empty.html", "No article text was found"),
        ("/binary.png", "binary file, not an article"),
        ("/huge.html", "too large to be one article"),
        ("/german.html", "seems to be in another language"),
        ("/russian.txt", "seems to be in another language"),
        ("/persian.txt", "seems to be in another language"),
    ],
)
def test_a_bad_page_gets_a_message_and_a_400_in_the_admin(editor, site, path, message):
    response = propose_url(editor, site + path)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (GERMAN, "seems to be in another language"),
        ("\x01\x02\x03PK\x03\x04\x7f" * 200, "does not look like text"),
        # NUL is refused before any form reads it (meetings.operations.middleware).
        ("\x00\x01\x02PK\x03\x04" * 200, "contains a control character (such as NUL)"),
    ],
)
def test_bad_pasted_content_gets_a_message_and_a_400(editor, content, message):
    response = editor.post(URL, {"step": "extract", "content": content, "published": ""})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_page_mixing_utf8_and_windows_1252_is_repaired_and_proposed(editor, site):
    response = propose_url(editor, site + "/mixed.txt")
    assert response.status_code == 200
    form = response.context["draft_form"]
    assert {form["country_a"].value(), form["country_b"].value()} == {"FR", "MA"}
    text = response.context["draft"].text
    assert "Intérieur" in text and "français" in text and "À lire aussi" in text


def test_a_page_in_windows_1256_declared_by_the_server_is_read(editor, site):
    response = propose_url(editor, site + "/arabic-1256.txt")
    assert response.status_code == 200
    form = response.context["draft_form"]
    assert {form["country_a"].value(), form["country_b"].value()} == {"IT", "MA"}


def run_command(tmp_path, content: bytes, name="article.txt"):
    path = tmp_path / name
    path.write_bytes(content)
    output = io.StringIO()
    call_command("extract_meeting", str(path), "--published", "2024-10-29", stdout=output)
    return json.loads(output.getvalue())


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/empty.html", "No article text was found"),
        ("/binary.png", "binary file, not an article"),
        ("/huge.html", "an article is at most"),
        ("/german.html", "seems to be in another language"),
        ("/russian.txt", "seems to be in another language"),
        ("/persian.txt", "seems to be in another language"),
    ],
)
def test_the_command_refuses_a_bad_page_with_a_clear_error(tmp_path, path, message):
    name = "page" + path[path.rindex(".") :]
    with pytest.raises(CommandError, match=message):
        run_command(tmp_path, PAGES[path][1], name=name)


def test_the_command_repairs_mixed_encodings(tmp_path):
    draft = run_command(tmp_path, MIXED)
    assert draft["countries"] == ["FR", "MA"]
    assert draft["date"] == "2024-10-29"
    assert draft["place"] == "Rabat"
