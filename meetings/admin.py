"""Editors' screens. A meeting, its participants and its sources fit on one page."""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Q
from django.urls import path
from django.utils.translation import gettext_lazy as _

from meetings.admin_views import meeting_from_article
from meetings.models import (
    City,
    Country,
    CountryGroup,
    Mandate,
    Meeting,
    Minister,
    Outlet,
    Participation,
    Portfolio,
    Post,
    Source,
    Topic,
)


class EitherSideCountryFilter(admin.SimpleListFilter):
    """Filter meetings by a country on either side, listing only countries that have meetings."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        codes = set(Meeting.objects.values_list("country_a_id", flat=True).distinct())
        codes |= set(Meeting.objects.values_list("country_b_id", flat=True).distinct())
        return [(country.code, country.name) for country in Country.objects.filter(code__in=codes)]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.involving(self.value())
        return queryset


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 2
    autocomplete_fields = ["minister", "country", "mandate"]
    fields = ["minister", "role", "country", "mandate", "description", "order"]


class SourceInline(admin.StackedInline):
    model = Source
    extra = 1
    autocomplete_fields = ["outlet"]
    fields = [
        ("url", "language"),
        ("outlet", "author", "published_on"),
        "headline",
        "text",
    ]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = [
        "date",
        "date_precision",
        "title_en",
        "country_a",
        "country_b",
        "city",
        "status",
    ]
    list_display_links = ["date", "title_en"]
    list_filter = ["status", EitherSideCountryFilter, "date_precision", "topics"]
    list_select_related = ["country_a", "country_b", "city"]
    date_hierarchy = "date"
    search_fields = [
        "title_ar",
        "title_fr",
        "title_en",
        "summary_ar",
        "summary_fr",
        "summary_en",
        "participations__minister__name_latin",
        "participations__minister__name_ar",
        "sources__url",
    ]
    autocomplete_fields = ["country_a", "country_b", "host_country", "city", "topics"]
    # Summaries and outcomes are short: keep the whole meeting on one screen.
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 80})},
    }
    readonly_fields = ["created_at", "created_by", "updated_at", "updated_by", "published_at"]
    inlines = [ParticipationInline, SourceInline]
    fieldsets = [
        (_("Who and when"), {"fields": [("country_a", "country_b"), ("date", "date_precision")]}),
        (_("Where"), {"fields": [("city", "host_country")]}),
        (_("About"), {"fields": ["topics", ("title_ar", "title_fr", "title_en")]}),
        (
            _("Summary and outcomes, in your own words"),
            {
                "fields": [
                    "summary_ar",
                    "summary_fr",
                    "summary_en",
                    "outcomes_ar",
                    "outcomes_fr",
                    "outcomes_en",
                ]
            },
        ),
        (_("Publication"), {"fields": ["status"]}),
        (
            _("Record"),
            {
                "classes": ["collapse"],
                "fields": [
                    ("created_at", "created_by"),
                    ("updated_at", "updated_by"),
                    "published_at",
                ],
            },
        ),
    ]

    def get_urls(self):
        from_article = self.admin_site.admin_view(
            lambda request: meeting_from_article(request, self)
        )
        return [
            path("from-article/", from_article, name="meetings_meeting_from_article"),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Participants and topics are saved now; the search document needs them.
        form.instance.update_search_document()


class MandateInline(admin.TabularInline):
    model = Mandate
    extra = 1
    autocomplete_fields = ["post"]


@admin.register(Minister)
class MinisterAdmin(admin.ModelAdmin):
    list_display = ["name_latin", "name_ar", "wikidata_id"]
    search_fields = ["name_latin", "name_ar", "slug"]
    prepopulated_fields = {"slug": ["name_latin"]}
    inlines = [MandateInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A renamed person must still be found in the meetings they attended.
        if change and {"name_latin", "name_ar", "aliases"} & set(form.changed_data):
            for meeting in Meeting.objects.filter(participations__minister=form.instance):
                meeting.update_search_document()


@admin.register(Mandate)
class MandateAdmin(admin.ModelAdmin):
    list_display = ["minister", "post", "start", "end"]
    list_select_related = ["minister", "post__country"]
    list_filter = ["post__country", "post__portfolio"]
    search_fields = [
        "minister__name_latin",
        "minister__name_ar",
        "post__title_en",
        "post__title_fr",
        "post__title_ar",
    ]
    autocomplete_fields = ["minister", "post"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["title_en", "country", "portfolio", "rank"]
    list_select_related = ["country", "portfolio"]
    list_filter = ["rank", "portfolio"]
    search_fields = ["title_en", "title_fr", "title_ar", "country__name_en", "country__code"]
    autocomplete_fields = ["country", "portfolio"]
    prepopulated_fields = {"slug": ["title_en"]}


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_fr", "name_ar"]
    search_fields = ["code", "name_en", "name_fr", "name_ar"]

    def get_search_results(self, request, queryset, search_term):
        # Editors type a demonym as often as a name ("belge", "البلجيكية").
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if term:
            queryset |= self.model.objects.filter(
                Q(aliases__contains=[term]) | Q(demonyms__contains=[term])
            )
        return queryset, may_have_duplicates


@admin.register(CountryGroup)
class CountryGroupAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_en", "name_fr", "name_ar"]
    search_fields = ["slug", "name_en", "name_fr", "name_ar"]
    filter_horizontal = ["members"]


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_fr", "name_ar", "country", "is_capital"]
    list_select_related = ["country"]
    list_filter = ["is_capital"]
    search_fields = ["name_en", "name_fr", "name_ar", "slug"]
    autocomplete_fields = ["country"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_en", "name_fr", "name_ar", "parent"]
    list_select_related = ["parent"]
    list_filter = [("parent", admin.EmptyFieldListFilter)]
    search_fields = ["slug", "name_en", "name_fr", "name_ar"]
    autocomplete_fields = ["parent"]


@admin.register(Portfolio)
class PortfolioAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_en", "name_fr", "name_ar"]
    search_fields = ["slug", "name_en", "name_fr", "name_ar"]


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "name_ar", "domain", "country"]
    list_select_related = ["country"]
    search_fields = ["name", "name_ar", "domain"]
    autocomplete_fields = ["country"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "outlet", "published_on", "language", "meeting"]
    list_select_related = ["outlet", "meeting__country_a", "meeting__country_b"]
    list_filter = ["language"]
    search_fields = ["url", "headline", "author", "outlet__name"]
    autocomplete_fields = ["meeting", "outlet"]
    date_hierarchy = "published_on"
