"""Security: escaping everywhere, headers, deployment checks, login lockout."""

import csv
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from meetings.models import Country, Outlet, Topic
from tests.factories import (
    MandateFactory,
    MeetingFactory,
    MinisterFactory,
    ParticipationFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'
PAYLOADS = {
    "title_en": f"Talks {SCRIPT}",
    "title_fr": "Réunion « <b onmouseover=alert(1)>test</b> »",
    "title_ar": "اجتماع <script>alert('ع')</script> مهم",
    "summary_en": '"><img src=x onerror=alert(1)> and </script><script>alert(2)</script>',
    "summary_fr": "Résumé <iframe src=javascript:alert(3)></iframe>",
    "summary_ar": "ملخص <svg onload=alert(4)>",
    "outcomes_en": '=HYPERLINK("http://evil.example","click")',
}
DANGEROUS = ["<script", "<img src=x", "<b onmouseover", "<iframe", "<svg onload"]


@pytest.fixture
def hostile(db):
    """A published meeting whose every free-text field carries script or HTML."""
    meeting = MeetingFactory(
        country_b=Country.objects.get(code="FR"), topics=["migration"], **PAYLOADS
    )
    minister = MinisterFactory(
        name_latin=f"Mallory {SCRIPT}",
        name_ar="مالوري <img src=x onerror=alert(5)>",
        slug="mallory",
    )
    mandate = MandateFactory(minister=minister)
    ParticipationFactory(
        meeting=meeting,
        minister=minister,
        mandate=mandate,
        country=mandate.post.country,
        description="<b>bold</b>",
    )
    outlet = Outlet.objects.create(name="Evil <script>outlet</script>")
    SourceFactory(
        meeting=meeting,
        headline=f"Headline {SCRIPT}",
        author="<i>Author</i>",
        outlet=outlet,
        url="https://news.example/a?x=<script>",
    )
    return meeting


def assert_no_raw_markup(html: str):
    html = html.replace('<script type="application/ld+json">', "")  # our own data block
    # Our own script files (static/js/), which carry no data.
    html = re.sub(r'<script src="/static/js/[-\w.]+\.js" defer></script>', "", html)
    for marker in DANGEROUS:
        # Inside the JSON-LD block every < is written \u003C, so raw markers never appear.
        assert marker not in html, marker


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_pages_escape_every_text_field(client, hostile, language):
    urls = [
        f"/{language}/meetings/{hostile.pk}/",
        f"/{language}/meetings/",
        f"/{language}/meetings/?q=Talks",
        f"/{language}/countries/fr/",
        f"/{language}/countries/fr/ma/",
        f"/{language}/people/mallory/",
        f"/{language}/topics/migration/",
        f"/{language}/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_no_raw_markup(html)
    detail = client.get(urls[0]).content.decode()
    assert "&lt;script&gt;" in detail or "&lt;script" in detail


def test_json_ld_cannot_close_its_script_element(client, hostile):
    html = client.get(f"/en/meetings/{hostile.pk}/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block
    data = json.loads(block)
    assert data["name"] == PAYLOADS["title_en"]
    assert data["subjectOf"][0]["headline"] == f"Headline {SCRIPT}"


def test_feeds_carry_the_text_as_text(client, hostile):
    for kind in ("atom", "rss"):
        body = client.get(f"/en/meetings/feed/{kind}/").content
        root = ET.fromstring(body)  # noqa: S314 - our own feed; parsing proves it is well formed
        titles = [element.text for element in root.iter() if element.tag.endswith("title")]
        assert any(SCRIPT in (title or "") for title in titles)
        assert b"<script>" not in body


def test_exports_keep_the_text_as_data_and_defuse_spreadsheet_formulas(client, hostile):
    raw = (
        b"".join(client.get("/en/meetings/export.csv").streaming_content).decode().lstrip("\ufeff")
    )
    row = next(r for r in csv.DictReader(io.StringIO(raw)) if r["id"] == str(hostile.pk))
    assert row["title"] == PAYLOADS["title_en"]
    assert row["summary"] == PAYLOADS["summary_en"]
    assert f"Mallory {SCRIPT}" in row["participants"]
    document = json.loads(b"".join(client.get("/en/meetings/export.json").streaming_content))
    meeting = next(m for m in document if m["id"] == hostile.pk)
    assert meeting["outcomes"] == PAYLOADS["outcomes_en"]
    api = client.get(f"/api/meetings/{hostile.pk}/")
    assert api["Content-Type"].startswith("application/json")
    topic = Topic.objects.get(slug="migration")
    topic.name_en = "=cmd|' /C calc'!A0"
    topic.save()
    assert b"'=cmd" not in raw.encode()  # topics are exported as slugs, names not at all


def test_security_headers_on_public_pages(client):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


def database_url():
    """The test database as a URL, for a subprocess (checks of generated fields connect)."""
    from django.db import connection

    db = connection.settings_dict
    host = quote(db["HOST"], safe="") if db["HOST"].startswith("/") else db["HOST"]
    port = f":{db['PORT']}" if db["PORT"] else ""
    password = f":{quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{host}{port}/{db['NAME']}"


def production_environment(**extra):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DATABASE_URL=database_url(),
        ALLOWED_HOSTS="archive.example.org",
        **extra,
    )
    return environment


def test_check_deploy_with_production_settings_reports_nothing():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=settings.BASE_DIR,
        env=production_environment(
            SECRET_KEY="x" * 30 + "Long-Random-Secret-Key-For-The-Test-0123"
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = subprocess.run(
        [sys.executable, "-c", "import config.settings.production"],
        cwd=settings.BASE_DIR,
        env=production_environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_repeated_failed_logins_lock_the_account_out(client):
    UserFactory(username="chief", is_staff=True, password="Correct-horse-battery-9")
    url = "/en/admin/login/"
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(
            url, {"username": "chief", "password": "wrong"}, REMOTE_ADDR="198.51.100.7"
        )
        assert response.status_code == 200
    fifth = client.post(url, {"username": "chief", "password": "wrong"}, REMOTE_ADDR="198.51.100.7")
    assert fifth.status_code == 429
    locked = client.post(
        url,
        {"username": "chief", "password": "Correct-horse-battery-9"},
        REMOTE_ADDR="198.51.100.7",
    )
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    # Another address is not locked out of the same account.
    other = client.post(
        url,
        {"username": "chief", "password": "Correct-horse-battery-9"},
        REMOTE_ADDR="198.51.100.8",
    )
    assert other.status_code == 302


def test_password_validators_refuse_weak_passwords():
    with pytest.raises(ValidationError):
        validate_password("password")
    with pytest.raises(ValidationError):
        validate_password("12345678")
    validate_password("Correct-horse-battery-9")


def test_the_admin_address_comes_from_the_environment():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.urls import reverse; print(reverse('admin:index'))",
        ],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "ADMIN_URL": "backoffice-7f3",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "/en/backoffice-7f3/", result.stderr
