"""The public pages as search engines should find them: /sitemap.xml (Django's sitemaps
framework, an index of one sitemap per kind of page) and /robots.txt.

Every page is listed in Arabic, French and English, each with the other two as its
alternates. Addresses are the site's (``SITE_URL``), never the request's Host header
(meetings.site). Lists that can be long (meetings, people) are read a page at a time:
Django's sitemaps build every (item, language) pair of a section in memory first, which
at a million meetings would be three million objects per request.
"""

from math import ceil
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem
from django.db.models import Exists, Max, OuterRef
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from meetings.counting import bitmaps
from meetings.models import Country, Meeting, Minister, Participation, Topic
from meetings.reference import cached_objects


class ByLanguage:
    """(item, language) pairs of a queryset, read only for the slice a sitemap page asks."""

    def __init__(self, queryset, languages):
        self.queryset = queryset
        self.languages = list(languages)

    def count(self):
        return self.queryset.count() * len(self.languages)

    def __len__(self):
        return self.count()

    def __getitem__(self, part: slice):
        size = len(self.languages)
        first, last = part.start or 0, part.stop
        items = self.queryset[first // size : ceil(last / size)]
        pairs = [(item, language) for item in items for language in self.languages]
        offset = first - (first // size) * size
        return pairs[offset : offset + (last - first)]


class SiteSitemap(Sitemap):
    """In three languages with alternates, at the site's own address."""

    i18n = True
    alternates = True
    # URLs a page: a page of meetings is read and written in about two seconds.
    limit = 10_000

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class LongSitemap(SiteSitemap):
    """A section read a page at a time (ByLanguage)."""

    def _items(self):
        return ByLanguage(self.items(), self._languages())


class PagesSitemap(SiteSitemap):
    """The pages every visit starts from."""

    def items(self):
        return ["meetings:home", "meetings:list", "meetings:countries", "meetings:people",
                "meetings:topics", "meetings:data", "meetings:codebook"]  # fmt: skip

    def location(self, item):
        return reverse(item)


class MeetingSitemap(LongSitemap):
    def items(self):
        return Meeting.objects.published().only("pk", "updated_at").order_by("pk")

    def lastmod(self, meeting):
        return meeting.updated_at

    def get_latest_lastmod(self):
        return Meeting.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class CountrySitemap(SiteSitemap):
    """Countries with published meetings (from the counting bitmaps, exact)."""

    def items(self):
        index = bitmaps()
        countries = cached_objects(Country)
        return [countries[code] for code in sorted(index.counts(index.published)["country"])]


class PairSitemap(LongSitemap):
    """Each pair of countries that met, at its canonical address (codes in order)."""

    def items(self):
        return (
            Meeting.objects.published()
            .values_list("country_a_id", "country_b_id")
            .order_by("country_a_id", "country_b_id")
            .distinct()
        )

    def location(self, pair):
        first, second = sorted(pair)
        return reverse("meetings:pair", kwargs={"code": first.lower(), "other": second.lower()})


class PersonSitemap(LongSitemap):
    """People who took part in a published meeting."""

    def items(self):
        published = Participation.objects.filter(
            minister=OuterRef("pk"), meeting__status=Meeting.Status.PUBLISHED
        )
        return Minister.objects.filter(Exists(published)).only("slug").order_by("pk")


class TopicSitemap(SiteSitemap):
    def items(self):
        return sorted(cached_objects(Topic).values(), key=lambda topic: topic.slug)


SITEMAPS = {
    "pages": PagesSitemap,
    "meetings": MeetingSitemap,
    "countries": CountrySitemap,
    "pairs": PairSitemap,
    "people": PersonSitemap,
    "topics": TopicSitemap,
}


@require_GET
def sitemap_index(request):
    """/sitemap.xml: every page of every section, at the site's address (Django's own
    index view writes the request's Host header into it)."""
    pages = []
    for section, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        url = settings.SITE_URL + reverse(
            "django.contrib.sitemaps.views.sitemap", kwargs={"section": section}
        )
        lastmod = sitemap.get_latest_lastmod()
        pages.append(SitemapIndexItem(url, lastmod))
        pages += [
            SitemapIndexItem(f"{url}?p={number}", lastmod)
            for number in range(2, sitemap.paginator.num_pages + 1)
        ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": pages}, content_type="application/xml"
    )


@require_GET
def robots_txt(request):
    """Crawlers: welcome on the pages, kept off the heavy outputs (exports, feeds with
    parameters, which are endless variations of the lists) and off the admin."""
    lines = ["User-agent: *"]
    for language, _name in settings.LANGUAGES:
        prefix = f"/{language}/"
        lines += [
            f"Disallow: {prefix}{settings.ADMIN_URL}",
            f"Disallow: {prefix}meetings/export.csv",
            f"Disallow: {prefix}meetings/export.json",
            f"Disallow: {prefix}meetings/dyad-years.csv",
            f"Disallow: {prefix}data/popolo.json",
            f"Disallow: {prefix}meetings/feed/rss/?",
            f"Disallow: {prefix}meetings/feed/atom/?",
            f"Disallow: {prefix}meetings/?*format=",
        ]
    lines += ["Disallow: /api/meetings/?", "", f"Sitemap: {settings.SITE_URL}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
