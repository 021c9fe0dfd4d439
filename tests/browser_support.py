"""What the real-browser tests share: Debian's Chromium driven by Playwright.

Tests that use the ``browser`` fixture (registered in conftest.py, one Chromium
for the whole session) and its ``page`` and ``archive`` (the live server with
the reference data) skip, saying why, when Chromium is not installed
(CHROMIUM_PATH, by default Debian's /usr/bin/chromium) or Playwright is
missing. Screenshots go to test-artifacts/, which git ignores.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"

requires_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"Chromium not found at {CHROMIUM} (set CHROMIUM_PATH)"
)


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="Playwright for Python is not installed (pip install -e .[dev])",
    )
    # Playwright's sync API keeps an event loop in this thread for the rest of the session;
    # Django's ORM calls made here afterwards are still synchronous ones.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            yield browser
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def archive(live_server):
    """The live server with the reference data and seed meetings (its database starts empty)."""
    call_command("load_reference_data", verbosity=0)
    return live_server.url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name):
    """A full-page screenshot in test-artifacts/<name>.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
