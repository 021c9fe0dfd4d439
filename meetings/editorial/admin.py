"""Editors' screens. A meeting, its participants and its sources fit on one page."""

from dataclasses import replace

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.models import Version
from reversion_compare.admin import CompareVersionAdmin

from meetings.editorial import inbox  # noqa: F401  (registers the newsroom's screens)
from meetings.editorial import workflow as workflow
from meetings.editorial.from_article import meeting_from_article
from meetings.editorial.workflow import MeetingAdminForm
from meetings.models import (
    City,
    CorrectionRequest,
    Country,
    CountryGroup,
    Mandate,
    Meeting,
    MeetingCorrection,
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


class CheckedSelection:
    """Rows chosen for an action are read as ids first: Django's admin let a value that is
    not one (``_selected_action=abc``) reach the query, as a 500."""

    def response_action(self, request, queryset, *args, **kwargs):
        try:
            for value in request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME):
                self.model._meta.pk.to_python(value)
        except ValidationError:
            self.message_user(
                request,
                _("The rows chosen could not be read. Choose them again."),
                messages.WARNING,
            )
            return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset, *args, **kwargs)


class ArchiveVersionAdmin(CheckedSelection, CompareVersionAdmin):
    """django-reversion's admin (history, compare, revert, recover), for every model here.

    A revert or a recovery restores a whole revision, meetings included, before the
    change form and its permission checks run; so it is checked first, against the
    database as it is: it must be a change the user could have saved themselves.
    """

    def revision_view(self, request, object_id, version_id, extra_context=None):
        self.check_revert(request, version_id)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        self.check_revert(request, version_id)
        return super().recover_view(request, version_id, extra_context)

    def check_revert(self, request, version_id):
        # Only this admin's own versions: reversion would take any model's.
        version = get_object_or_404(Version.objects.get_for_model(self.model), pk=version_id)
        workflow.check_revert(request, version.revision)


class MeetingPartAdmin(CheckedSelection, admin.ModelAdmin):
    """The standalone admin of rows hanging off a meeting: written only by who may write it.

    The meeting the row hangs off now decides change and delete; the form checks the
    meeting it is given (a new row, or one moved to another meeting).
    """

    form = workflow.MeetingPartForm

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.request = request
        return form

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.may_write(request, obj.meeting_id))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or workflow.may_write(request, obj.meeting_id))


# The inlines need no check of their own: Django shows them read-only and saves
# nothing when the meeting's change permission (MeetingAdmin) is refused.
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
class MeetingAdmin(ArchiveVersionAdmin):
    """Meetings, with their participants and sources inline, under the editorial workflow.

    Every save is a revision (django-reversion) holding the meeting with its
    participants and sources: the history shows who changed what, compares any
    two versions, reverts, and recovers deleted meetings.
    """

    form = MeetingAdminForm
    show_full_result_count = False  # no second count of the whole table
    list_display = [
        "date",
        "date_precision",
        "title_en",
        "country_a",
        "country_b",
        "city",
        "status",
        "updated_at",
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
    readonly_fields = [
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
        "published_at",
        "withdrawn_at",
    ]
    inlines = [ParticipationInline, SourceInline]
    actions = [workflow.send_to_review, workflow.publish, workflow.withdraw]
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
        (
            _("Publication"),
            {"fields": ["status", "withdrawal_note", "public_note", "seen_version"]},
        ),
        (
            _("Record"),
            {
                "classes": ["collapse"],
                "fields": [
                    ("created_at", "created_by"),
                    ("updated_at", "updated_by"),
                    ("published_at", "withdrawn_at"),
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

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.user = request.user
        form.status_now = workflow.meeting_status_now(request, obj.pk) if obj else None
        return form

    def get_actions(self, request, action_location=admin.ActionLocation.CHANGE_LIST):
        # Every bulk action, Django's delete included, acts only on the selected
        # meetings the user may write in the state they have.
        return {
            name: replace(action, func=workflow.on_writable_meetings(action.func))
            for name, action in super().get_actions(request, action_location).items()
        }

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.may_write(request, obj.pk))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or workflow.may_write(request, obj.pk))

    def has_review_permission(self, request):
        return request.user.has_perm("meetings.review_meeting")

    def has_publish_permission(self, request):
        return request.user.has_perm("meetings.publish_meeting")

    def has_withdraw_permission(self, request):
        return request.user.has_perm("meetings.withdraw_meeting")

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
        workflow.add_public_correction(request, obj, form.cleaned_data.get("public_note"))


class MandateInline(admin.TabularInline):
    model = Mandate
    extra = 1
    autocomplete_fields = ["post"]


@admin.register(Minister)
class MinisterAdmin(ArchiveVersionAdmin):
    list_display = ["name_latin", "name_ar", "wikidata_id"]
    search_fields = ["name_latin", "name_ar", "slug"]
    prepopulated_fields = {"slug": ["name_latin"]}
    inlines = [MandateInline]


@admin.register(Mandate)
class MandateAdmin(ArchiveVersionAdmin):
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
class PostAdmin(ArchiveVersionAdmin):
    list_display = ["title_en", "country", "portfolio", "rank"]
    list_select_related = ["country", "portfolio"]
    list_filter = ["rank", "portfolio"]
    search_fields = ["title_en", "title_fr", "title_ar", "country__name_en", "country__code"]
    autocomplete_fields = ["country", "portfolio"]
    prepopulated_fields = {"slug": ["title_en"]}


@admin.register(Country)
class CountryAdmin(ArchiveVersionAdmin):
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
class CountryGroupAdmin(ArchiveVersionAdmin):
    list_display = ["slug", "name_en", "name_fr", "name_ar"]
    search_fields = ["slug", "name_en", "name_fr", "name_ar"]
    filter_horizontal = ["members"]


@admin.register(City)
class CityAdmin(ArchiveVersionAdmin):
    list_display = ["name_en", "name_fr", "name_ar", "country", "is_capital"]
    list_select_related = ["country"]
    list_filter = ["is_capital"]
    search_fields = ["name_en", "name_fr", "name_ar", "slug"]
    autocomplete_fields = ["country"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Topic)
class TopicAdmin(ArchiveVersionAdmin):
    list_display = ["slug", "name_en", "name_fr", "name_ar", "parent"]
    list_select_related = ["parent"]
    list_filter = [("parent", admin.EmptyFieldListFilter)]
    search_fields = ["slug", "name_en", "name_fr", "name_ar"]
    autocomplete_fields = ["parent"]


@admin.register(Portfolio)
class PortfolioAdmin(ArchiveVersionAdmin):
    list_display = ["slug", "name_en", "name_fr", "name_ar"]
    search_fields = ["slug", "name_en", "name_fr", "name_ar"]


@admin.register(Outlet)
class OutletAdmin(ArchiveVersionAdmin):
    list_display = ["name", "name_ar", "domain", "country"]
    list_select_related = ["country"]
    search_fields = ["name", "name_ar", "domain"]
    autocomplete_fields = ["country"]


@admin.register(Source)
class SourceAdmin(MeetingPartAdmin, ArchiveVersionAdmin):
    list_display = ["__str__", "outlet", "published_on", "language", "meeting"]
    list_select_related = ["outlet", "meeting__country_a", "meeting__country_b"]
    list_filter = ["language"]
    search_fields = ["url", "headline", "author", "outlet__name"]
    autocomplete_fields = ["meeting", "outlet"]
    date_hierarchy = "published_on"


@admin.register(CorrectionRequest)
class CorrectionRequestAdmin(CheckedSelection, admin.ModelAdmin):
    """The queue of readers' messages. What the reader sent is read-only; editors set the state."""

    list_display = ["created_at", "kind", "state", "meeting", "short_message"]
    list_display_links = ["created_at", "short_message"]
    list_filter = ["state", "kind"]
    list_select_related = ["meeting"]
    search_fields = ["message", "name", "email", "page"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "kind",
        "meeting",
        "page",
        "message",
        "source_url",
        "name",
        "email",
        "sender",
        "created_at",
        "handled_by",
        "handled_at",
    ]
    fieldsets = [
        (
            _("What the reader sent"),
            {
                "fields": [
                    ("kind", "created_at"),
                    "meeting",
                    "page",
                    "message",
                    "source_url",
                    ("name", "email"),
                    "sender",
                ]
            },
        ),
        (_("Handling"), {"fields": ["state", "editor_note", ("handled_by", "handled_at")]}),
    ]
    actions = ["mark_accepted", "mark_dismissed"]

    @admin.display(description=_("message"))
    def short_message(self, obj):
        return Truncator(obj.message).chars(80)

    def has_add_permission(self, request):
        # Requests come from readers, through the public form.
        return False

    def save_model(self, request, obj, form, change):
        if change and "state" in form.changed_data:
            obj.handled_by = request.user
            obj.handled_at = timezone.now()
        super().save_model(request, obj, form, change)

    def mark(self, request, queryset, state):
        count = queryset.exclude(state=state).update(
            state=state, handled_by=request.user, handled_at=timezone.now()
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d request marked “%(state)s”.",
                "%(count)d requests marked “%(state)s”.",
                count,
            )
            % {"count": count, "state": CorrectionRequest.State(state).label},
        )

    @admin.action(description=_("Mark accepted"), permissions=["change"])
    def mark_accepted(self, request, queryset):
        self.mark(request, queryset, CorrectionRequest.State.ACCEPTED)

    @admin.action(description=_("Mark dismissed"), permissions=["change"])
    def mark_dismissed(self, request, queryset):
        self.mark(request, queryset, CorrectionRequest.State.DISMISSED)


@admin.register(MeetingCorrection)
class MeetingCorrectionAdmin(MeetingPartAdmin):
    """Public notes that a published meeting was corrected, shown on the meeting's page."""

    list_display = ["created_at", "meeting", "short_note", "created_by"]
    list_select_related = ["meeting", "created_by"]
    search_fields = ["note"]
    autocomplete_fields = ["meeting"]
    readonly_fields = ["created_at", "created_by"]
    fields = ["meeting", "note", "created_at", "created_by"]

    @admin.display(description=_("what was corrected"))
    def short_note(self, obj):
        return Truncator(obj.note).chars(80)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
