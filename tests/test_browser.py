"""The pages in a real browser: Chromium, driven by Playwright, in English and Arabic.

Skipped, with the reason, when Chromium is not installed (CHROMIUM_PATH, by
default Debian's /usr/bin/chromium). Screenshots go to test-artifacts/.
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

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"Chromium not found at {CHROMIUM} (set CHROMIUM_PATH)"
)
# Playwright's sync API runs an event loop; Django's ORM calls here are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


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
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


PAGES = {
    "country": "/countries/ma/",
    "pair": "/countries/ma/be/",
    "minister": "/people/abdelouafi-laftit/",
    "topic": "/topics/migration/",
}


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_browse_pages_render_with_their_chart_and_direction(archive, page, language, name):
    response = page.goto(f"{archive}/{language}{PAGES[name]}")
    assert response.status == 200
    direction = page.get_attribute("html", "dir")
    assert direction == ("rtl" if language == "ar" else "ltr")
    chart = page.locator("figure.chart svg").first
    assert chart.is_visible()
    assert chart.get_attribute("role") == "img"
    assert page.locator("figure.chart svg rect").count() >= 1
    assert page.locator("figure.chart svg title").first.text_content()
    # The layout mirrors: in Arabic the filters sit on the right of the results.
    sidebar = page.locator(".sidebar").bounding_box()
    results = page.locator(".results").bounding_box()
    if language == "ar":
        assert sidebar["x"] > results["x"]
    else:
        assert sidebar["x"] < results["x"]
    screenshot(page, f"{name}-{language}")


def test_a_meeting_page_prints_with_its_sources(archive, page):
    page.goto(f"{archive}/en/countries/ma/be/")
    page.locator(".meeting-card h3 a").first.click()
    page.emulate_media(media="print")
    assert page.locator(".sources").is_visible()
    assert not page.locator(".site-header nav").first.is_visible()
    screenshot(page, "meeting-print")


def test_the_keyboard_reaches_the_content_with_a_visible_focus(archive, page):
    page.goto(f"{archive}/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    assert page.locator(".skip-link").is_visible()


def test_a_journalist_gets_to_a_pair_on_a_topic_since_a_date(archive, page):
    page.goto(f"{archive}/ar/")
    page.locator(".columns a[href='/ar/countries/ma/']").first.click()
    page.locator("a[href='/ar/countries/ma/be/']").first.click()
    page.locator(".facets a[href*='topic=migration']").first.click()
    page.fill("#id_date_from", "2024-01-01")
    page.locator(".filters button[type=submit]").click()
    assert page.locator(".meeting-card").count() == 1
    assert "date_from=2024-01-01" in page.url and "topic=migration" in page.url
    screenshot(page, "journey-pair-topic-since-ar")
