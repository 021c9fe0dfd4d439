"""The newsroom's journey in Chromium: two outlets' feeds (served on the loopback address)
report one meeting; an editor opens the inbox, creates the draft from the candidate with
its two grouped sources, from the keyboard; a chief editor publishes it; it is on the
public pair page. Screenshots: test-artifacts/journey-newsroom(-candidate).png."""

import re

import pytest
from django.core.management import call_command

from meetings.models import Candidate, Feed, Meeting, Outlet
from meetings.newsroom import polling
from tests import newsroom_server
from tests.browser_support import requires_chromium, screenshot
from tests.factories import ChiefEditorFactory, EditorFactory
from tests.test_journeys import log_in

pytestmark = requires_chromium


@pytest.fixture
def server():
    server = newsroom_server.start()
    yield server
    server.shutdown()
    server.server_close()


def test_an_editor_drafts_a_meeting_from_the_inbox_and_it_is_published(
    live_server, page, server, settings
):
    settings.NEWSROOM_HOST_DELAY = 0
    base = live_server.url
    call_command("load_reference_data", "--no-seeds", verbosity=0)
    Meeting.objects.all().delete()
    polling._gazetteer = (0.0, None)
    EditorFactory(username="newsroom-editor")
    ChiefEditorFactory(username="newsroom-chief")
    atlas = Outlet.objects.create(name="Atlas Daily", country_id="MA")
    dakar = Outlet.objects.create(name="Le Quotidien de Dakar", country_id="SN")
    Feed.objects.create(outlet=atlas, url=server.url("/feeds/wire_en.rss"), language="en")
    Feed.objects.create(
        outlet=dakar, url=server.url("/feeds/diplomatie_fr.atom"), language="fr", country_id="SN"
    )
    call_command("run_worker", batch=True, verbosity=0)
    candidate = Candidate.objects.get(country_a="MA", country_b="SN")
    assert candidate.items.count() == 2

    log_in(page, base, "newsroom-editor")
    page.locator("a[href='/en/admin/meetings/candidate/']").first.click()
    assert "To triage: 2" in page.locator(".inbox-counts").inner_text()
    page.locator(f"a[href='/en/admin/meetings/candidate/{candidate.pk}/change/']").click()
    page.wait_for_url(re.compile(rf"/candidate/{candidate.pk}/change/$"))
    assert "2 articles" in page.content()
    screenshot(page, "journey-newsroom-candidate")
    # From the keyboard: the focus is on "Create the draft".
    assert page.evaluate("document.activeElement.textContent") == "Create the draft"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/candidate/{candidate.pk}/draft/"))
    assert {page.input_value("#id_country_a"), page.input_value("#id_country_b")} == {"MA", "SN"}
    assert page.input_value("#id_date") == "2026-11-03"
    assert page.locator(".other-sources li").count() == 1
    page.locator("input[type=submit][value='Save as a draft meeting']").click()
    page.wait_for_url(re.compile(r"/en/admin/meetings/meeting/\d+/change/$"))
    meeting = Meeting.objects.get(country_a="MA", country_b="SN", date="2026-11-03")
    assert meeting.status == "draft" and meeting.sources.count() == 2
    candidate.refresh_from_db()
    assert candidate.state == "drafted" and candidate.meeting == meeting
    page.locator("#logout-form button[type=submit]").click()

    log_in(page, base, "newsroom-chief")
    page.goto(f"{base}/en/admin/meetings/meeting/")
    page.locator(f"input[name=_selected_action][value='{meeting.pk}']").check()
    page.select_option("select[name=action]", "publish")
    page.locator("button[name=index]").click()
    assert "1 meeting published." in page.locator(".messagelist").inner_text()

    page.goto(f"{base}/en/countries/ma/sn/")
    assert page.locator(f"a[href='/en/meetings/{meeting.pk}/']").count() >= 1
    page.goto(f"{base}/en/meetings/{meeting.pk}/")
    for item in candidate.items.all():
        assert page.locator(f".sources a[href='{item.url}']").count() == 1
    page.goto(f"{base}/en/countries/ma/sn/")
    screenshot(page, "journey-newsroom")
