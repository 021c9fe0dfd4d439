"""Issue 16 in a real browser: the people index, and the minister box suggesting people as
one types, in English and Arabic (screenshots in test-artifacts/)."""

import re

import pytest

from tests.browser_support import requires_chromium, screenshot

pytestmark = [requires_chromium, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("language", "query"), [("en", "Leftit"), ("ar", "لفتيت")])
def test_the_people_index_finds_a_name(archive, page, language, query):
    page.goto(f"{archive}/{language}/people/")
    page.fill("#id_q", query)
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    names = page.locator(".people-list li a").all_inner_texts()
    assert len(names) == 1
    assert "Laftit" in names[0] or "لفتيت" in names[0]
    page.goto(f"{archive}/{language}/people/")
    screenshot(page, f"people-index-{language}")


@pytest.mark.parametrize(("language", "typed"), [("en", "Laft"), ("ar", "لفتي")])
def test_the_minister_box_suggests_people_as_one_types(archive, page, language, typed):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{archive}/{language}/meetings/")
    page.locator("#id_minister").press_sequentially(typed, delay=50)
    suggestion = page.locator("#people-suggestions li a").first
    suggestion.wait_for(timeout=5000)
    assert "Laftit" in suggestion.inner_text() or "لفتيت" in suggestion.inner_text()
    screenshot(page, f"minister-suggestions-{language}")
    suggestion.click()
    page.wait_for_url(re.compile(r"minister=abdelouafi-laftit"))
    assert "minister=abdelouafi-laftit" in page.url
    assert page.locator(".meeting-card").count() == 2
    assert errors == []


def test_the_minister_box_takes_a_name_without_javascript(archive, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{archive}/en/meetings/")
    page.fill("#id_minister", "Piantedosi")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".meeting-card").count() == 1
    context.close()
