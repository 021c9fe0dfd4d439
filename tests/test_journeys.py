"""Whole journeys in a real browser, and accessibility checks with axe-core.

A journalist follows a pair of countries to a meeting and its source, in
Arabic; a researcher filters the list and takes the result away as CSV; an
editor turns a seed article into a draft that a chief editor publishes. Each
journey leaves a full-page screenshot of its last page in
test-artifacts/journey-<name>.png.

Chromium and Playwright as in test_browser.py (skipped, saying why, without
them); the accessibility checks also need axe-core from npm (``npm ci``).
"""

import csv
import datetime
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from meetings.models import Country, Meeting, Topic
from tests.browser_support import requires_chromium, screenshot
from tests.factories import ChiefEditorFactory, EditorFactory, MeetingFactory, SourceFactory

pytestmark = requires_chromium

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
requires_axe = pytest.mark.skipif(
    not AXE.exists(), reason=f"axe-core is not installed ({AXE} missing): run npm ci"
)
PASSWORD = "correct horse battery staple"  # the factories' password
ATOM = "{http://www.w3.org/2005/Atom}"


def meeting_ids(page) -> list[int]:
    """The meetings a list page shows, from its cards' links."""
    hrefs = page.locator(".results .meeting-card h3 a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    return [int(re.search(r"/meetings/(\d+)/$", href).group(1)) for href in hrefs]


def atom_entries(xml: str) -> dict[int, ET.Element]:
    """The feed's entries by meeting id."""
    feed = ET.fromstring(xml)  # noqa: S314  (our own server's feed)
    entries = {}
    for entry in feed.iter(f"{ATOM}entry"):
        link = entry.find(f"{ATOM}link").get("href")
        entries[int(re.search(r"/meetings/(\d+)/$", link).group(1))] = entry
    return entries


def csv_rows(download) -> list[dict]:
    with open(download.path(), encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


# -- the journalist -------------------------------------------------------------------------


def test_journalist_follows_a_pair_to_a_meeting_its_feed_and_its_source(archive, page):
    belgium = Meeting.objects.between("MA", "BE").get(date="2024-04-15")
    source_url = "https://news.example/2024/04/15/laftit-verlinden-rabat"
    SourceFactory(
        meeting=belgium,
        url=source_url,
        headline="لفتيت يبحث مع نظيرته البلجيكية تعزيز الشراكة",
        published_on=datetime.date(2024, 4, 15),
    )
    # No internet here: the browser gets a stand-in for the outlet's page.
    page.route(
        source_url,
        lambda route: route.fulfill(
            status=200,
            content_type="text/html; charset=utf-8",
            body='<!doctype html><html lang="ar" dir="rtl"><title>المقال</title>'
            "<h1>لفتيت يبحث مع نظيرته البلجيكية تعزيز الشراكة</h1></html>",
        ),
    )

    page.goto(f"{archive}/ar/")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.get_attribute("html", "lang") == "ar"
    page.locator(".columns a[href='/ar/countries/ma/']").first.click()
    page.wait_for_url(re.compile(r"/ar/countries/ma/$"))
    page.locator(".ranked a[href='/ar/countries/ma/be/']").click()
    page.wait_for_url(re.compile(r"/ar/countries/ma/be/$"))
    assert set(page.locator("h1 a").all_inner_texts()) == {"المغرب", "بلجيكا"}
    # Mirrored: the filters sit on the right of the results, the site name on the right.
    sidebar = page.locator(".sidebar").bounding_box()
    results = page.locator(".results").bounding_box()
    assert sidebar["x"] > results["x"]
    header = page.locator(".site-header .wrap").bounding_box()
    name = page.locator(".site-name").bounding_box()
    assert name["x"] + name["width"] > header["x"] + header["width"] / 2
    assert page.locator(".results").evaluate("e => getComputedStyle(e).direction") == "rtl"

    # The pair's feed: a subscriber gets this meeting.
    with page.expect_navigation() as navigation:
        page.locator(".take-away a", has_text="Atom").click()
    feed = navigation.value
    assert feed.status == 200
    assert feed.headers["content-type"].startswith("application/atom+xml")
    entries = atom_entries(feed.text())
    assert belgium.pk in entries
    assert "/ar/meetings/" in entries[belgium.pk].find(f"{ATOM}link").get("href")
    # The head's link points to the same feed.
    page.go_back()
    head_feed = page.locator("link[rel=alternate][type='application/atom+xml']")
    assert feed.url.endswith(head_feed.get_attribute("href"))

    page.locator(f".meeting-card h3 a[href='/ar/meetings/{belgium.pk}/']").click()
    page.wait_for_url(re.compile(rf"/ar/meetings/{belgium.pk}/$"))
    assert page.get_attribute("html", "dir") == "rtl"
    source_link = page.locator(f".sources a[href='{source_url}']")
    assert source_link.inner_text() == "لفتيت يبحث مع نظيرته البلجيكية تعزيز الشراكة"
    source_link.click()
    page.wait_for_url(source_url)
    assert page.url == source_url
    assert page.locator("h1").inner_text() == "لفتيت يبحث مع نظيرته البلجيكية تعزيز الشراكة"
    screenshot(page, "journey-journalist")


# -- the researcher -------------------------------------------------------------------------

PARTNERS = ["ES", "FR", "BE", "DE"]
TOPICS = [["migration"], ["border-control"], ["energy"]]  # border control is under migration


@pytest.fixture
def many_meetings(archive):
    """Forty-eight published meetings of Morocco over six years, and a few drafts."""
    countries = {code: Country.objects.get(code=code) for code in ["MA", *PARTNERS]}
    meetings = []
    for index in range(48):
        meeting = MeetingFactory(
            country_a=countries["MA"],
            country_b=countries[PARTNERS[index % 4]],
            date=datetime.date(2019, 1, 10) + datetime.timedelta(days=45 * index),
            topics=TOPICS[index % 3],
            title_en=f"Researcher meeting {index}",
        )
        meetings.append(meeting)
    for index in range(3):
        MeetingFactory(
            status="draft",
            country_a=countries["MA"],
            country_b=countries["FR"],
            date=datetime.date(2022, 3, 1 + index),
            topics=["migration"],
        )
    return meetings


def test_researcher_filters_narrows_with_a_facet_and_takes_the_csv(archive, many_meetings, page):
    def expected(start, end, partner=None):
        return {
            meeting.pk
            for index, meeting in enumerate(many_meetings)
            if TOPICS[index % 3] != ["energy"]
            and start <= meeting.date <= end
            and partner in (None, meeting.country_a_id, meeting.country_b_id)
        }

    start, end = datetime.date(2021, 1, 1), datetime.date(2023, 6, 30)
    page.goto(f"{archive}/en/meetings/")
    assert page.locator(".results .meeting-card").count() == 20  # a full first page
    page.select_option("#id_topic", "migration")
    page.fill("#id_date_from", start.isoformat())
    page.fill("#id_date_to", end.isoformat())
    page.locator(".filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"topic=migration"))
    assert "date_from=2021-01-01" in page.url and "date_to=2023-06-30" in page.url
    filtered = expected(start, end)
    assert 6 < len(filtered) <= 20
    assert set(meeting_ids(page)) == filtered
    assert page.locator(".result-count").inner_text().startswith(f"{len(filtered)} meetings")

    # The country facet beside the list, with its count.
    france = page.locator(".facets li", has=page.locator("a", has_text="France"))
    france_count = int(france.locator(".count").inner_text())
    france.locator("a").click()
    page.wait_for_url(re.compile(r"FR"))
    narrowed = expected(start, end, partner="FR")
    assert france_count == len(narrowed) > 0
    shown = meeting_ids(page)
    assert set(shown) == narrowed and len(shown) == len(narrowed)
    assert page.locator(".pagination").count() == 0
    assert "topic=migration" in page.url and "date_from=2021-01-01" in page.url

    with page.expect_download() as download_info:
        page.locator(".take-away a[href*='export.csv']").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    rows = csv_rows(download)
    assert sorted(int(row["id"]) for row in rows) == sorted(shown)
    assert {(row["country_a"], row["country_b"]) for row in rows} == {("FR", "MA")}
    assert all(start.isoformat() <= row["date"] <= end.isoformat() for row in rows)
    screenshot(page, "journey-researcher")


# -- the editor and the chief editor --------------------------------------------------------

SEED_ARTICLE = "000_1e4a34d2bfc4e74e.txt"  # Laftit and Verlinden in Rabat, 15 April 2024


def log_in(page, base, username):
    page.goto(f"{base}/en/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("#login-form input[type=submit]").click()
    page.wait_for_url(f"{base}/en/admin/")


def test_editor_drafts_from_an_article_and_a_chief_editor_publishes_it(live_server, page):
    article = Path(settings.SEEDS_DIR) / SEED_ARTICLE
    if not article.exists():
        pytest.skip(f"the seed articles are not beside the repository ({article} missing)")
    base = live_server.url
    call_command("load_reference_data", "--no-seeds", verbosity=0)
    Meeting.objects.all().delete()  # the seed meetings, when an earlier test left them
    EditorFactory(username="journey-editor")
    ChiefEditorFactory(username="journey-chief")
    diaspora = Topic.objects.get(slug="diaspora")
    source_url = "https://news.example/express-tv/laftit-verlinden"

    log_in(page, base, "journey-editor")
    page.locator("a[href='/en/admin/meetings/meeting/']").first.click()
    page.locator("a[href='/en/admin/meetings/meeting/from-article/']").click()
    page.fill("#id_content", article.read_text(encoding="utf-8"))
    page.select_option("#id_outlet", label="Express TV")
    page.fill("#id_published", "2024-04-15")
    page.locator("input[type=submit]").click()
    page.locator(".evidence mark").first.wait_for()  # the click does not wait for the draft

    # The draft as proposed, and the editor's correction: the diaspora was discussed too.
    assert page.locator(".evidence mark").count() > 0
    assert {page.input_value("#id_country_a"), page.input_value("#id_country_b")} == {"BE", "MA"}
    assert page.input_value("#id_date") == "2024-04-15"
    assert page.locator("input[name=attach_to]").count() == 0  # nothing like it in the archive
    diaspora_box = page.locator(f"input[name=topics][value='{diaspora.pk}']")
    assert not diaspora_box.is_checked()
    diaspora_box.check()
    page.fill("#id_source_url", source_url)
    page.locator("input[type=submit][value='Save as a draft meeting']").click()
    page.wait_for_url(re.compile(r"/en/admin/meetings/meeting/\d+/change/$"))
    meeting = Meeting.objects.get(sources__url=source_url)
    assert meeting.status == "draft"
    assert page.input_value("#id_status") == "draft"
    assert diaspora in meeting.topics.all()
    # A draft is not public.
    assert page.request.get(f"{base}/en/meetings/{meeting.pk}/").status == 404
    page.locator("#logout-form button[type=submit]").click()
    page.locator("#logout-form").wait_for(state="detached")

    log_in(page, base, "journey-chief")
    page.goto(f"{base}/en/admin/meetings/meeting/")
    page.locator(f"input[name=_selected_action][value='{meeting.pk}']").check()
    page.select_option("select[name=action]", "publish")
    page.locator("button[name=index]").click()
    assert "1 meeting published." in page.locator(".messagelist").inner_text()
    meeting.refresh_from_db()
    assert meeting.status == "published"

    # Public everywhere, with the corrected topic.
    page.goto(f"{base}/en/meetings/")
    card = page.locator(".meeting-card", has=page.locator(f"a[href='/en/meetings/{meeting.pk}/']"))
    assert diaspora.name_en in card.locator(".tags").inner_text()
    with page.expect_download() as download_info:
        page.locator(".take-away a[href*='export.csv']").click()
    row = next(row for row in csv_rows(download_info.value) if row["id"] == str(meeting.pk))
    assert "diaspora" in row["topics"].split("; ")
    assert source_url in row["source_urls"]
    feed = page.goto(f"{base}/en/meetings/feed/atom/")
    entry = atom_entries(feed.text())[meeting.pk]
    assert diaspora.name_en in [c.get("term") for c in entry.iter(f"{ATOM}category")]
    page.goto(f"{base}/en/meetings/{meeting.pk}/")
    assert diaspora.name_en in page.locator("section[aria-labelledby=topics-title]").inner_text()
    assert page.locator(f".sources a[href='{source_url}']").count() == 1
    screenshot(page, "journey-editor")


# -- accessibility --------------------------------------------------------------------------


def public_pages(meeting_pk):
    return {
        "home": "/",
        "meeting list with filters": "/meetings/?topic=migration&date_from=2024-01-01",
        "search results": "/meetings/?q=Laftit",
        "meeting": f"/meetings/{meeting_pk}/",
        "country": "/countries/ma/",
        "pair": "/countries/ma/be/",
        "minister": "/people/abdelouafi-laftit/",
        "topic": "/topics/migration/",
        "countries index": "/countries/",
        "topics index": "/topics/",
        "data": "/data/",
        "codebook": "/data/codebook/",
        "corrections form": f"/corrections/new/?meeting={meeting_pk}",
        "not found": "/no-such-page/",
        "meeting list with wrong filters": "/meetings/?date_from=2024-01-01&date_to=2023-01-01",
    }


# axe reports a reference to a missing element only as "incomplete" (it may appear later);
# these pages build none with scripts, so every reference must resolve when the page loads.
BROKEN_REFERENCES = """() => {
    const broken = [];
    for (const attribute of ["aria-describedby", "aria-labelledby", "aria-controls", "for"]) {
        for (const element of document.querySelectorAll(`[${attribute}]`)) {
            for (const id of element.getAttribute(attribute).split(/\\s+/).filter(Boolean)) {
                if (!document.getElementById(id)) broken.push(`${attribute}="${id}"`);
            }
        }
    }
    return broken;
}"""


@requires_axe
@pytest.mark.parametrize("language", ["en", "ar"])
def test_public_pages_have_no_serious_accessibility_violations(archive, browser, language):
    belgium = Meeting.objects.between("MA", "BE").get(date="2024-04-15")
    # The site's CSP refuses injected scripts; the checker's page ignores it.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    found = []
    try:
        for name, path in public_pages(belgium.pk).items():
            response = page.goto(f"{archive}/{language}{path}")
            status = {"not found": 404, "meeting list with wrong filters": 400}.get(name, 200)
            assert response.status == status, name
            found += [
                f"{language} {name} ({path}): a reference to a missing element: {reference}"
                for reference in page.evaluate(BROKEN_REFERENCES)
            ]
            page.add_script_tag(path=str(AXE))
            violations = page.evaluate(
                "() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)"
            )
            found += [
                f"{language} {name} ({path}): {v['id']} [{v['impact']}] {v['help']} "
                f"-> {[node['target'] for node in v['nodes']][:5]}"
                for v in violations
                if v["impact"] in ("serious", "critical")
            ]
    finally:
        context.close()
    assert not found, (
        "Accessibility problems (axe-core's serious and critical ones):\n" + "\n".join(found)
    )
