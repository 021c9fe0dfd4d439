"""The pages in a real browser: Chromium, driven by Playwright, in English and Arabic.

Skipped, with the reason, when Chromium is not installed (CHROMIUM_PATH, by
default Debian's /usr/bin/chromium). Screenshots go to test-artifacts/.
"""

import re

import pytest

from tests.browser_support import requires_chromium, screenshot

# The session's Chromium is the ``browser`` fixture of tests/browser_support.py (see conftest.py).
pytestmark = requires_chromium


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
    # A click does not wait for the page it opens (Playwright >= 1.4x): wait for it.
    page.wait_for_url(re.compile(r"/en/meetings/\d+/$"))
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
    page.wait_for_url(re.compile(r"/ar/countries/ma/$"))
    page.locator("a[href='/ar/countries/ma/be/']").first.click()
    page.wait_for_url(re.compile(r"/ar/countries/ma/be/$"))
    page.locator(".facets a[href*='topic=migration']").first.click()
    page.wait_for_url(re.compile(r"topic=migration"))
    page.fill("#id_date_from", "2024-01-01")
    page.locator(".filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"date_from=2024-01-01"))
    assert page.locator(".meeting-card").count() == 1
    assert "date_from=2024-01-01" in page.url and "topic=migration" in page.url
    screenshot(page, "journey-pair-topic-since-ar")


def test_no_page_breaks_the_content_security_policy(archive, page, django_user_model):
    """Public pages, the admin, the API docs: nothing inline that the policy refuses."""
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append((page.url, message.text))
            if "Content Security Policy" in message.text
            else None
        ),
    )
    django_user_model.objects.create_superuser("csp-admin", password="Correct-horse-battery-9")
    page.goto(f"{archive}/en/admin/login/")
    page.fill("#id_username", "csp-admin")
    page.fill("#id_password", "Correct-horse-battery-9")
    page.click("input[type=submit]")
    for path in (
        "/en/",
        "/ar/countries/ma/",
        "/en/meetings/?topic=migration",
        "/en/meetings/1/",
        "/en/data/",
        "/en/corrections/new/?meeting=1",
        "/api/docs/",
        "/api/meetings/",
        "/en/admin/meetings/meeting/",
        "/en/admin/meetings/meeting/1/change/",
        "/en/admin/meetings/meeting/1/history/",
        "/en/admin/meetings/meeting/from-article/",
    ):
        page.goto(archive + path)
        page.wait_for_load_state("networkidle")
    page.goto(f"{archive}/en/admin/meetings/meeting/from-article/")
    page.fill(
        "#id_content",
        "أجرى عبد الوافي لفتيت، وزير الداخلية، اليوم الثلاثاء بالرباط، مباحثات مع نظيره الإيطالي ماتيو بيانتيدوزي حول الهجرة.",
    )
    page.fill("#id_published", "2024-06-11")
    page.click("input[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator(".evidence mark").count() > 0
    assert violations == []
