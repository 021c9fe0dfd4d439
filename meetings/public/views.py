"""Public pages. Each view is a filterset, a queryset and a template.

Every page that lists meetings is a ``MeetingListView``: the same filters,
facets and pagination, with some filters fixed by the URL (a country, a pair,
a person, a topic).
"""

from django.conf import settings
from django.db.models import OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import (
    Http404,
    HttpResponseRedirect,
    QueryDict,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from meetings.caching.fragments import cached_fragment, meeting_cards
from meetings.caching.page_cache import page_query
from meetings.counting import bitmaps, matching
from meetings.facets import FacetItem, build_facets
from meetings.filters import MeetingFilter, PeopleFilter
from meetings.models import (
    Country,
    Mandate,
    Meeting,
    Minister,
    Participation,
    Topic,
    reverse_fast,
)
from meetings.pagination import BadCursor, Page, bitmap_page, keyset_page, numbered_page
from meetings.public import citation
from meetings.public.charts import per_year_chart
from meetings.reference import cached_objects
from meetings.site import absolute_url

EMPTY_COUNTS = {"total": 0, "country": {}, "year": {}, "topic": {}, "topic_group": {},
                "portfolio": {}}  # fmt: skip


class HomeView(TemplateView):
    """Latest meetings, the archive's totals and the countries to start from."""

    template_name = "meetings/home.html"

    def get_context_data(self, **kwargs):
        index = bitmaps()
        counts = index.counts(index.published, facets=["country"])
        countries = cached_objects(Country)
        return super().get_context_data(
            latest_cards=meeting_cards(
                self.request, Meeting.objects.published().only("display_version")[:8]
            ),
            totals={
                "meetings": counts["total"],
                "countries": len(counts["country"]),
                "people": index.people(),
            },
            countries=[
                (countries[code], number)
                for code, number in sorted(
                    counts["country"].items(), key=lambda i: (-i[1], countries[i[0]].name)
                )[:24]
            ],
            **kwargs,
        )


class MeetingListView(FilterView):
    """Published meetings, filtered by any of MeetingFilter's parameters, with facets.

    Every count is exact: totals, facets and the chart come from the published
    meetings' bitmaps (meetings.counting). Pages are keyset pages
    (meetings.pagination).
    """

    filterset_class = MeetingFilter
    template_name = "meetings/meeting_list.html"
    page_size = settings.MEETINGS_PER_PAGE

    def fixed_filters(self) -> dict:
        """Filters the URL sets on this page (none on the plain list)."""
        return {}

    def get_queryset(self):
        # The page's meetings are shown as cards, read and rendered only when they are
        # not in the fragment cache (meetings.caching.fragments): the list itself needs only
        # the columns a cursor is made of.
        return Meeting.objects.published().only("date", "updated_at", "display_version")

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        fixed = self.fixed_filters()
        if fixed:
            data = self.request.GET.copy()
            for name, value in fixed.items():
                data.setlist(name, value if isinstance(value, list) else [value])
            kwargs["data"] = data
        return kwargs

    def get(self, request, *args, **kwargs):
        download = {"csv": "meetings:export-csv", "json": "meetings:export-json"}
        if request.GET.get("format") in download and not self.fixed_filters():
            # The same meetings as a file: the download's own address (meetings.opendata).
            query = request.GET.copy()
            url_name = download[query.pop("format")[-1]]
            return HttpResponseRedirect(
                reverse(url_name) + (f"?{query.urlencode()}" if query else ""), status=303
            )
        self.filterset = self.get_filterset(self.get_filterset_class())
        self.valid = not self.filterset.is_bound or self.filterset.is_valid()
        self.cleaned = (
            self.filterset.form.cleaned_data if self.filterset.is_bound and self.valid else {}
        )
        self.object_list = self.filterset.qs if self.valid else Meeting.objects.none()
        try:
            self.page = self.get_page()
        except BadCursor as error:
            self.filterset.form.add_error(None, str(error))
            self.valid = False
            self.page = Page(items=[])
        context = self.get_context_data(filter=self.filterset, object_list=self.page.items)
        response = self.render_to_response(context)
        if not self.valid:
            response.status_code = 400
        return response

    def get_page(self) -> Page:
        if not self.valid:
            return Page(items=[])
        order = self.cleaned.get("order") or "-date"
        if order == "relevance" and self.cleaned.get("q"):
            return numbered_page(self.object_list, self.page_size, self.request.GET.get("page"))
        cursors = {
            "after": self.request.GET.get("after", ""),
            "before": self.request.GET.get("before", ""),
        }
        if order in ("-date", "date"):
            return bitmap_page(
                self.bitmaps, self.matching, self.get_queryset(), order, self.page_size, **cursors
            )
        return keyset_page(self.object_list, "-updated", self.page_size, **cursors)

    @cached_property
    def bitmaps(self):
        return bitmaps()

    @cached_property
    def matching(self):
        """The list's meetings as a set of ids (meetings.counting): what the filtered
        queryset holds."""
        return matching(self.bitmaps, self.cleaned)

    # Pages that show the people of the list (a pair's sides, whom a person met).
    counts_people = False

    def get_counts(self) -> dict:
        """The total and every facet count, exact, from the bitmaps."""
        if not self.valid:
            return {**EMPTY_COUNTS, "capped": False}
        return self.bitmaps.counts(self.matching, people=self.counts_people)

    def get_context_data(self, **kwargs):
        self.counts = self.get_counts()
        context = super().get_context_data(**kwargs)
        fixed = self.fixed_filters()
        context.update(
            page=self.page,
            cards=meeting_cards(self.request, self.page.items),
            result_count=self.counts["total"],
            facets=build_facets(self.counts, page_query(self.request), self.cleaned),
            chart=per_year_chart(
                self.counts["year"],
                title=_("Meetings per year"),
                description=_("Number of meetings per year for the meetings listed here."),
            ),
            fixed_filters=fixed,
            search_notes=search_notes(self.filterset.found) if self.valid else None,
            full_list_url=self.full_list_url(),
            list_query=self.list_query(),
        )
        return context

    def list_query(self) -> str:
        """This page's filters, fixed ones included, as a query string (no page number):
        from the canonical query, so that a parameter the page does not read is not
        repeated in its links (meetings/caching/page_cache.py)."""
        data = page_query(self.request).copy()
        for name in ("page", "after", "before", "format"):
            data.pop(name, None)
        for name, value in self.fixed_filters().items():
            data.setlist(name, value if isinstance(value, list) else [value])
        return data.urlencode()

    def full_list_url(self) -> str:
        """This page's meetings as the general list, with every filter in the query string."""
        query = self.list_query()
        return reverse("meetings:list") + (f"?{query}" if query else "")


class CountryView(MeetingListView):
    """A country: its meetings, counterparts, meetings per year, topics and ministers."""

    template_name = "meetings/country.html"

    @cached_property
    def country(self):
        return country_from_url(self.kwargs["code"])

    def fixed_filters(self):
        return {"country": self.country.code}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        countries = cached_objects(Country)
        context.update(
            country=self.country,
            counterparts=[
                FacetItem(
                    countries[code].name,
                    number,
                    reverse_fast("meetings:pair", self.country.code.lower(), code.lower()),
                )
                for code, number in sorted(
                    self.counts["country"].items(), key=lambda i: (-i[1], countries[i[0]].name)
                )
                if code != self.country.code
            ],
            mandates_list=cached_fragment(
                self.request,
                "includes/country_mandates.html",
                self.country.code,
                lambda: {"mandates": self.mandates()},
            ),
        )
        return context

    def mandates(self):
        """The country's 60 latest mandates, with what the list shows of them."""
        return (
            Mandate.objects.filter(post__country=self.country)
            .select_related("minister", "post")
            .only("start", "end", "minister__slug", "minister__name_latin", "minister__name_ar",
                  "post__title_ar", "post__title_fr", "post__title_en")
            .order_by("-start")[:60]
        )  # fmt: skip


class PairView(MeetingListView):
    """Two countries' meetings, whichever order the URL gives them in."""

    template_name = "meetings/pair.html"
    counts_people = True

    @cached_property
    def countries_as_asked(self):
        """The two countries in the URL's order: the page names them so (Morocco – Belgium
        for a reader coming from Morocco's page)."""
        first = country_from_url(self.kwargs["code"])
        second = country_from_url(self.kwargs["other"])
        if first == second:
            raise Http404(_("A pair is two different countries."))
        return [first, second]

    @cached_property
    def countries(self):
        """The two countries in code order, as meetings store them and the canonical URL is."""
        return sorted(self.countries_as_asked, key=lambda country: country.code)

    def fixed_filters(self):
        return {"country": self.countries[0].code, "counterpart": self.countries[1].code}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sides = {country.code: [] for country in self.countries}
        for person in people_with_counts(self.counts.get("person", {})):
            sides.setdefault(person.country_code, []).append(
                FacetItem(person.name, person.meetings, person.get_absolute_url())
            )
        context.update(
            countries=self.countries_as_asked,
            sides=[(country, sides[country.code]) for country in self.countries_as_asked],
            canonical_url=reverse(
                "meetings:pair",
                kwargs={
                    "code": self.countries[0].code.lower(),
                    "other": self.countries[1].code.lower(),
                },
            ),
        )
        return context


class MinisterView(MeetingListView):
    """A person: mandates over time, meetings and the people they met."""

    template_name = "meetings/minister.html"
    counts_people = True

    @cached_property
    def minister(self):
        mandates = Mandate.objects.select_related("post__country")
        return get_object_or_404(
            Minister.objects.prefetch_related(Prefetch("mandates", queryset=mandates)),
            slug=self.kwargs["slug"],
        )

    def fixed_filters(self):
        return {"minister": self.minister.slug}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        countries = cached_objects(Country)
        people = {
            pk: n for pk, n in self.counts.get("person", {}).items() if pk != self.minister.pk
        }
        met = people_with_counts(people)
        context.update(
            minister=self.minister,
            mandates=sorted(self.minister.mandates.all(), key=lambda m: m.start, reverse=True),
            counterparts=[
                (person, countries[person.country_code], person.meetings) for person in met
            ],
        )
        return context


class TopicView(MeetingListView):
    """A topic: subtopics, meetings, the countries most active on it, meetings per year."""

    template_name = "meetings/topic.html"

    @cached_property
    def topic(self):
        for topic in cached_objects(Topic).values():
            if topic.slug == self.kwargs["slug"]:
                return topic
        raise Http404(_("No such topic."))

    def fixed_filters(self):
        return {"topic": [self.topic.slug]}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        topics = cached_objects(Topic)
        countries = cached_objects(Country)
        context.update(
            topic=self.topic,
            parent=topics.get(self.topic.parent_id),
            subtopics=sorted(
                (t for t in topics.values() if t.parent_id == self.topic.pk), key=lambda t: t.name
            ),
            active_countries=[
                (countries[code], number)
                for code, number in sorted(
                    self.counts["country"].items(), key=lambda i: (-i[1], countries[i[0]].name)
                )
            ],
        )
        return context


class CountryIndexView(TemplateView):
    """Every country with published meetings, most active first."""

    template_name = "meetings/country_index.html"

    def get_context_data(self, **kwargs):
        index = bitmaps()
        counts = index.counts(index.published, facets=["country"])["country"]
        countries = cached_objects(Country)
        ranked = sorted(counts.items(), key=lambda item: (-item[1], countries[item[0]].name))
        return super().get_context_data(
            countries=[(countries[code], number) for code, number in ranked], **kwargs
        )


class PeopleIndexView(TemplateView):
    """Everyone in the archive, by name: found by a name in any script and spelling, by the
    country and portfolio of a post they held, and by a day they were in office. Each with
    their latest post and their number of published meetings (exact, from the bitmaps).
    Three queries: the count, the page, the page's mandates."""

    template_name = "meetings/people_index.html"
    page_size = 50

    def get(self, request, *args, **kwargs):
        self.filterset = PeopleFilter(request.GET or None, queryset=Minister.objects.all())
        valid = not self.filterset.is_bound or self.filterset.is_valid()
        context = self.get_context_data(filter=self.filterset, valid=valid)
        response = self.render_to_response(context)
        if not valid or context["page_error"]:
            response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        people, total, page_error, number = [], 0, "", 1
        if context["valid"]:
            people_qs = self.filterset.qs.order_by("name_latin", "name_ar", "pk")
            try:
                number = int(self.request.GET.get("page") or 1)
                if number < 1:
                    raise ValueError
            except ValueError:
                page_error = _("“page” must be a whole number from 1.")
            if not page_error:
                total = people_qs.count()
                start = (number - 1) * self.page_size
                if start and start >= total:
                    page_error = _("There is no page %(number)d.") % {"number": number}
                else:
                    latest = Mandate.objects.select_related("post__country").order_by("-start")
                    people = list(
                        people_qs.prefetch_related(Prefetch("mandates", queryset=latest))[
                            start : start + self.page_size
                        ]
                    )
        index = bitmaps()
        rows = [
            (
                person,
                next(iter(person.mandates.all()), None),
                len(index.of("person", person.pk) & index.published),
            )
            for person in people
        ]
        context.update(
            people=rows,
            total=total,
            page_error=page_error,
            page=Page(
                items=people,
                number=number,
                has_previous=number > 1 and not page_error,
                has_next=number * self.page_size < total,
            ),
        )
        return context


class TopicIndexView(TemplateView):
    """The topic taxonomy with the number of published meetings on each topic."""

    template_name = "meetings/topic_index.html"

    def get_context_data(self, **kwargs):
        index = bitmaps()
        counts = index.counts(index.published, facets=["topic", "topic_group"])
        topics = cached_objects(Topic)
        tree = [
            (
                topic,
                counts["topic_group"].get(topic.pk, 0),
                [
                    (child, counts["topic"].get(child.pk, 0))
                    for child in sorted(topics.values(), key=lambda t: t.name)
                    if child.parent_id == topic.pk
                ],
            )
            for topic in sorted(topics.values(), key=lambda t: t.name)
            if topic.parent_id is None
        ]
        return super().get_context_data(tree=tree, **kwargs)


# A word naming more people than this is a common name: their pages are not listed.
PEOPLE_NAMED_AT_MOST = 5


def search_notes(found) -> dict | None:
    """What the words of a search were taken for, for the results to say and link to: the
    countries they name ("Meetings of Belgium"), the people they name, and the person a
    word nothing has was taken for ("did you mean…?"). One query, only when people are
    named."""
    if found is None or not found.terms:
        return None
    positive = [term for term in found.terms if not term.negated]
    countries = cached_objects(Country)
    country_links = []
    for term in positive:
        for code in term.names.get("country", ()):
            # The list of that country's meetings, with the query's other words.
            rest = " ".join(other.words for other in positive if other is not term)
            query = QueryDict(mutable=True)
            query["country"] = code
            if rest:
                query["q"] = rest
            link = (countries[code], f"{reverse('meetings:list')}?{query.urlencode()}")
            if link not in country_links:
                country_links.append(link)
    named = {
        int(pk)
        for term in positive
        if term.similar_person is None and len(term.names.get("person", ())) <= PEOPLE_NAMED_AT_MOST
        for pk in term.names.get("person", ())
    }
    guessed = {term.similar_person for term in positive if term.similar_person is not None}
    people = Minister.objects.in_bulk(named | guessed) if named or guessed else {}
    guesses = [
        (term.words, people[term.similar_person], "?" + urlencode(
            {"q": people[term.similar_person].name}))
        for term in positive
        if term.similar_person in people
    ]  # fmt: skip
    return {
        "countries": country_links,
        "people": sorted((people[pk] for pk in named if pk in people), key=lambda p: p.name),
        "guesses": guesses,
    }


def people_with_counts(counts: dict[int, int]) -> list[Minister]:
    """The people of ``counts``, most met first, each with ``meetings`` (their count) and
    ``country_code`` (the country they represent), in one query."""
    top = list(counts)
    # Whom a person represents: their latest post's country, else any participation's.
    latest_post = Mandate.objects.filter(minister=OuterRef("pk")).order_by("-start")
    any_participation = Participation.objects.filter(minister=OuterRef("pk")).order_by()
    people = (
        Minister.objects.filter(pk__in=top)
        .only("slug", "name_ar", "name_latin")  # what the lists show (not the search vector)
        .annotate(
            country_code=Coalesce(
                Subquery(latest_post.values("post__country")[:1]),
                Subquery(any_participation.values("country")[:1]),
            )
        )
    )
    for person in people:
        person.meetings = counts[person.pk]
    return sorted(people, key=lambda person: (-person.meetings, person.name))


def country_from_url(code: str) -> Country:
    country = cached_objects(Country).get(code.upper()) if len(code) == 2 else None
    if country is None:
        raise Http404(_("No such country."))
    return country


class MeetingDetailView(DetailView):
    """One meeting with its participants, topics, outcomes, sources and public corrections.

    A withdrawn meeting answers 410 Gone with the editors' note on why.
    """

    template_name = "meetings/meeting_detail.html"
    context_object_name = "meeting"

    def get_queryset(self):
        return (
            Meeting.objects.filter(status__in=[Meeting.Status.PUBLISHED, Meeting.Status.WITHDRAWN])
            .with_related()
            .select_related("city__country")
            .prefetch_related("sources__outlet", "corrections")
        )

    def render_to_response(self, context, **kwargs):
        if self.object.status == Meeting.Status.WITHDRAWN:
            template = "meetings/meeting_withdrawn.html"
            return render(self.request, template, {"meeting": self.object}, status=410)
        return super().render_to_response(context, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        url = absolute_url(self.object.get_absolute_url())
        context.update(
            canonical_url=url,
            citation=citation.plain_citation(self.object, url),
            bibtex=citation.bibtex(self.object, url),
            jsonld=citation.jsonld(self.object, url),
        )
        return context
