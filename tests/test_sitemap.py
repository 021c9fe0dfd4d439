"""Issue 16: /sitemap.xml lists every public meeting, country, pair, person and topic page
with its Arabic, French and English alternates, at the site's address; /robots.txt points
to it and keeps crawlers off exports, feeds with parameters and the admin."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from meetings.models import Minister, Topic
from tests.factories import MeetingFactory


def locations(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def every_location(client) -> list[str]:
    found = []
    for sitemap in locations(client, "/sitemap.xml"):
        assert sitemap.startswith(settings.SITE_URL + "/sitemap-")
        found += locations(client, sitemap.removeprefix(settings.SITE_URL))
    return found


def test_the_sitemap_lists_every_public_page_in_three_languages(client, seed_meetings):
    belgium, italy = seed_meetings
    draft = MeetingFactory(status="draft")
    listed = set(every_location(client))
    site = settings.SITE_URL
    for language in ("ar", "fr", "en"):
        for path in (
            f"/{language}/",
            f"/{language}/meetings/{belgium.pk}/",
            f"/{language}/meetings/{italy.pk}/",
            f"/{language}/countries/ma/",
            f"/{language}/countries/be/",
            f"/{language}/countries/be/ma/",
            f"/{language}/countries/it/ma/",
            f"/{language}/people/",
            f"/{language}/people/abdelouafi-laftit/",
            f"/{language}/people/matteo-piantedosi/",
            f"/{language}/topics/migration/",
        ):
            assert site + path in listed, path
        assert f"{site}/{language}/meetings/{draft.pk}/" not in listed
    assert len([url for url in listed if "/topics/" in url]) == 3 * (Topic.objects.count() + 1)
    people_met = Minister.objects.filter(participations__meeting__status="published").distinct()
    assert len([url for url in listed if re.search(r"/people/[^/]+/$", url)]) == (
        3 * people_met.count()
    )


def test_each_page_names_its_alternates(client, seed_meetings):
    belgium, _italy = seed_meetings
    content = client.get("/sitemap-meetings.xml").content.decode()
    site = settings.SITE_URL
    entry = re.search(
        rf"<url><loc>{re.escape(site)}/fr/meetings/{belgium.pk}/</loc>(.*?)</url>", content, re.S
    ).group(1)
    for language in ("ar", "fr", "en"):
        assert f'hreflang="{language}" href="{site}/{language}/meetings/{belgium.pk}/"' in entry


def test_the_sitemap_ignores_the_host_header(client, seed_meetings, settings):
    settings.ALLOWED_HOSTS = ["*"]
    for url in ("/sitemap.xml", "/sitemap-pages.xml"):
        content = client.get(url, HTTP_HOST="evil.example").content.decode()
        assert "evil.example" not in content


@pytest.mark.parametrize("url", ["/sitemap-nothing.xml", "/sitemap-meetings.xml?p=99",
                                 "/sitemap-meetings.xml?p=x"])  # fmt: skip
def test_an_unknown_sitemap_page_is_a_404(client, db, url):
    assert client.get(url).status_code == 404


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_off_heavy_outputs(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in text
    for language in ("ar", "fr", "en"):
        for path in (
            reverse("admin:index"),
            reverse("meetings:export-csv"),
            reverse("meetings:export-json"),
            reverse("meetings:feed-rss") + "?",
            reverse("meetings:feed-atom") + "?",
        ):
            path = re.sub(r"^/[a-z]{2}/", f"/{language}/", path)
            assert f"Disallow: {path}\n" in text, path
    assert "Disallow: /\n" not in text
