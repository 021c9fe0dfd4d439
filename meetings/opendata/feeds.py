"""Atom and RSS feeds of any filtered list: a country, a pair, a person, a topic, a search.

The feed takes the list's query string, so "subscribe" on any page gives the
meetings that page lists, newest records first.
"""

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from meetings.caching.page_cache import canonical_query
from meetings.filters import MeetingFilter
from meetings.models import Meeting
from meetings.site import absolute_url

FEED_SIZE = 50


class MeetingFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.filterset = MeetingFilter(
            request.GET or None, queryset=Meeting.objects.published().with_related()
        )
        if self.filterset.is_bound and not self.filterset.is_valid():
            errors = "; ".join(
                f"{name}: {' '.join(messages)}" for name, messages in self.filterset.errors.items()
            )
            return HttpResponseBadRequest(errors, content_type="text/plain; charset=utf-8")
        self.query = canonical_query(request)
        self.path = request.path
        return super().__call__(request, *args, **kwargs)

    def title(self):
        described = describe(self.filterset)
        archive = _("Ministerial meetings archive")
        return f"{described} · {archive}" if described else archive

    # Absolute addresses from SITE_URL, never from the request's Host header (meetings/site.py).
    def link(self):
        return absolute_url(reverse("meetings:list") + (f"?{self.query}" if self.query else ""))

    def feed_url(self):
        """The feed's own address, filters included: a reader that subscribes through the
        self link gets the same meetings."""
        return absolute_url(self.path + (f"?{self.query}" if self.query else ""))

    def item_link(self, meeting):
        return absolute_url(meeting.get_absolute_url())

    def description(self):
        return _("Meetings newly published in the archive, with the filters of the list.")

    def items(self):
        # Newest records first, whatever the list's own order: subscribers want additions.
        return self.filterset.qs.order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, meeting):
        return f"{meeting.title} ({meeting.date_display})"

    def item_description(self, meeting):
        people = ", ".join(
            f"{p.minister.name} ({p.country_id}{', ' + p.post_title if p.post_title else ''})"
            for p in meeting.participations.all()
        )
        return " — ".join(part for part in (meeting.summary, people) if part)

    def item_pubdate(self, meeting):
        return meeting.published_at

    def item_updateddate(self, meeting):
        # Never before it was published (Atom readers take it as the entry's last change):
        # a meeting written before its publication was last changed when it was published.
        return max(meeting.updated_at, meeting.published_at or meeting.updated_at)

    def item_categories(self, meeting):
        return [topic.name for topic in meeting.topics.all()]


class AtomMeetingFeed(MeetingFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()


def describe(filterset) -> str:
    """The filters in words, for a feed's title: "Morocco – Belgium, Migration"."""
    data = filterset.form.cleaned_data if filterset.is_bound else {}
    parts = []
    countries = [c.name for c in (data.get("country"), data.get("counterpart")) if c]
    if countries:
        parts.append(" – ".join(countries))
    if data.get("group"):
        parts.append(data["group"].name)
    if data.get("minister"):
        parts.append(data["minister"].name)
    parts += [topic.name for topic in data.get("topic") or ()]
    if data.get("q"):
        parts.append(f"“{data['q']}”")
    return ", ".join(parts)
