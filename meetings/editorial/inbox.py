"""The newsroom's screens in the admin: the feeds watched, and the inbox of candidates.

A candidate is shown with its proposed draft, its grouped articles with the reasons
each was taken for a meeting report, and three actions: create the draft (the "meeting
from an article" review screen, pre-filled from its best article, every other article
attached as a source when it is saved), add its articles as sources of a meeting the
archive has, or dismiss it with a reason.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meetings.editorial.from_article import (
    REVIEW_TEMPLATE,
    confirm_draft,
    for_the_editor,
    review,
    topic_names,
)
from meetings.editorial.services import add_source
from meetings.editorial.workflow import may_write, meeting_status_now, refusal
from meetings.extraction import ExtractionError, extract, read_article
from meetings.extraction.database import gazetteer_from_database
from meetings.models import (
    Candidate,
    Country,
    Feed,
    FeedItem,
    Language,
    Meeting,
    Outlet,
    Source,
)
from meetings.newsroom.classify import REASONS
from meetings.newsroom.tasks import poll_feed

DETAIL_TEMPLATE = "admin/meetings/candidate/detail.html"


# -- feeds ---------------------------------------------------------------------------------


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = (
        "url",
        "outlet",
        "kind",
        "language",
        "active",
        "last_fetched_at",
        "last_new_item_at",
        "status",
        "not_modified",
        "interval",
        "next_poll_at",
    )
    list_filter = ("active", "kind", "language", "outlet")
    list_select_related = ("outlet",)
    search_fields = ("url", "outlet__name")
    autocomplete_fields = ("outlet", "country")
    actions = ["poll_now"]
    readonly_fields = (
        "last_fetched_at",
        "last_new_item_at",
        "last_error",
        "last_error_at",
        "failures",
        "fetches",
        "not_modified",
        "interval",
        "next_poll_at",
    )
    fieldsets = (
        (None, {"fields": ("outlet", "url", "kind", "language", "country", "active")}),
        (gettext_lazy("Status"), {"fields": readonly_fields}),
    )

    @admin.display(description=gettext_lazy("status"))
    def status(self, feed):
        if feed.failures:
            return _("failing (%(count)d in a row): %(error)s") % {
                "count": feed.failures,
                "error": feed.last_error[:120],
            }
        if feed.last_fetched_at is None:
            return _("not fetched yet")
        return feed.last_error[:120] or _("ok")

    @admin.action(description=gettext_lazy("Poll the selected feeds now"))
    def poll_now(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        Feed.objects.filter(pk__in=ids).update(next_poll_at=timezone.now())
        for feed_id in ids:
            poll_feed.enqueue(feed_id)
        messages.success(
            request, _("%(count)d feeds will be polled in a moment.") % {"count": len(ids)}
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.next_poll_at = timezone.now()  # a new feed is polled at once
        super().save_model(request, obj, form, change)


# -- the inbox: filters --------------------------------------------------------------------


class OutletFilter(admin.SimpleListFilter):
    title = gettext_lazy("outlet")
    parameter_name = "outlet"

    def lookups(self, request, model_admin):
        return Outlet.objects.filter(feeds__isnull=False).distinct().values_list("pk", "name")

    def queryset(self, request, queryset):
        if not (self.value() or "").isdigit():
            return queryset
        return queryset.filter(
            Exists(FeedItem.objects.filter(candidate=OuterRef("pk"), feed__outlet=self.value()))
        )


class LanguageFilter(admin.SimpleListFilter):
    title = gettext_lazy("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return Language.choices

    def queryset(self, request, queryset):
        if self.value() not in Language.values:
            return queryset
        return queryset.filter(
            Exists(FeedItem.objects.filter(candidate=OuterRef("pk"), language=self.value()))
        )


class CountryFilter(admin.SimpleListFilter):
    title = gettext_lazy("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        # The countries of some candidate, in one query.
        countries = Country.objects.filter(
            Exists(Candidate.objects.filter(country_a=OuterRef("code")))
            | Exists(Candidate.objects.filter(country_b=OuterRef("code")))
        ).only("code", "name_ar", "name_fr", "name_en")
        return sorted(((c.code, c.name) for c in countries), key=lambda pair: pair[1])

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.filter(Q(country_a=self.value()) | Q(country_b=self.value()))


class ScoreFilter(admin.SimpleListFilter):
    title = gettext_lazy("score")
    parameter_name = "score"
    BANDS = {"high": (0.8, 1.01), "medium": (0.6, 0.8), "low": (0, 0.6)}

    def lookups(self, request, model_admin):
        return [
            ("high", gettext_lazy("80% and more")),
            ("medium", gettext_lazy("60% to 80%")),
            ("low", gettext_lazy("below 60%")),
        ]

    def queryset(self, request, queryset):
        if self.value() not in self.BANDS:
            return queryset
        low, high = self.BANDS[self.value()]
        return queryset.filter(score__gte=low, score__lt=high)


# -- the inbox: list and candidate ---------------------------------------------------------


class DismissForm(forms.Form):
    reason = forms.ChoiceField(label=gettext_lazy("reason"), choices=Candidate.Reason.choices)


class AttachForm(forms.Form):
    meeting = forms.IntegerField(label=gettext_lazy("meeting number"), min_value=1)

    def clean_meeting(self):
        meeting = Meeting.objects.filter(pk=self.cleaned_data["meeting"]).first()
        if meeting is None:
            raise ValidationError(_("There is no meeting with this number."))
        return meeting


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = (
        "headline_shown",
        "pair",
        "date",
        "score_shown",
        "articles",
        "state",
        "matched_meeting_id",
    )
    list_display_links = ("headline_shown",)
    list_filter = ("state", OutletFilter, LanguageFilter, CountryFilter, ScoreFilter, "date")
    list_select_related = ("country_a", "country_b")
    list_per_page = 50
    show_full_result_count = False
    date_hierarchy = None
    search_fields = ("headline",)

    def get_queryset(self, request):
        articles = (
            FeedItem.objects.filter(candidate=OuterRef("pk"))
            .order_by()
            .values("candidate")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(article_count=Coalesce(Subquery(articles, output_field=IntegerField()), 0))
        )

    def has_add_permission(self, request):
        return False  # candidates come from the newsroom only

    def has_delete_permission(self, request, obj=None):
        return False  # a dismissed candidate is kept, so its articles never come back

    @admin.display(description=gettext_lazy("headline"), ordering="headline")
    def headline_shown(self, candidate):
        return candidate.headline or "—"

    @admin.display(description=gettext_lazy("countries"))
    def pair(self, candidate):
        return f"{candidate.country_a.name} – {candidate.country_b.name}"

    @admin.display(description=gettext_lazy("score"), ordering="score")
    def score_shown(self, candidate):
        return f"{candidate.score:.0%}"

    @admin.display(description=gettext_lazy("articles"), ordering="article_count")
    def articles(self, candidate):
        return candidate.article_count

    def changelist_view(self, request, extra_context=None):
        counts = dict(Candidate.objects.order_by().values_list("state").annotate(n=Count("pk")))
        states = [(value, label, counts.get(value, 0)) for value, label in Candidate.State.choices]
        return super().changelist_view(request, {**(extra_context or {}), "state_counts": states})

    def get_urls(self):
        def view(function):
            return self.admin_site.admin_view(
                lambda request, object_id: function(request, self, object_id)
            )

        return [
            path("<int:object_id>/draft/", view(create_draft), name="meetings_candidate_draft"),
            path("<int:object_id>/attach/", view(attach), name="meetings_candidate_attach"),
            path("<int:object_id>/dismiss/", view(dismiss), name="meetings_candidate_dismiss"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not object_id.isdigit():
            raise Http404
        return candidate_page(request, self, int(object_id))


def candidate_of(request, pk, for_change=True):
    permission = "meetings.change_candidate" if for_change else "meetings.view_candidate"
    if not request.user.has_perm(permission):
        raise PermissionDenied
    candidate = (
        Candidate.objects.select_related("country_a", "country_b", "matched_meeting", "meeting")
        .filter(pk=pk)
        .first()
    )
    if candidate is None:
        raise Http404
    return candidate


def articles_of(candidate):
    items = list(
        candidate.items.select_related("feed__outlet").order_by("-score", "published_at", "pk")
    )
    for item in items:
        item.reasons_shown = [
            {"label": REASONS.get(reason["code"], reason["code"]), "weight": reason["weight"]}
            for reason in item.reasons
        ]
    return items


def candidate_page(request, model_admin, pk, status=200, dismiss_form=None, attach_form=None):
    candidate = candidate_of(request, pk, for_change=False)
    proposal = candidate.proposal
    matched = candidate.matched_meeting
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Candidate._meta,
        "title": candidate.headline or str(candidate),
        "candidate": candidate,
        "proposal": proposal,
        "topic_names": topic_names(proposal.get("topics") or []),
        "articles": articles_of(candidate),
        "dismiss_form": dismiss_form or DismissForm(),
        "attach_form": attach_form
        or AttachForm(initial={"meeting": matched.pk} if matched else None),
        "may_decide": candidate.state == Candidate.State.OPEN
        and request.user.has_perm("meetings.change_candidate"),
    }
    return render(request, DETAIL_TEMPLATE, context, status=status)


def decided(candidate, request, state, meeting=None, reason=""):
    """Record the decision, if the candidate is still open: of two editors deciding at once,
    the second is told it was dealt with (ValidationError: their transaction rolls back)."""
    changed = Candidate.objects.filter(pk=candidate.pk, state=Candidate.State.OPEN).update(
        state=state,
        meeting=meeting,
        dismissed_reason=reason,
        decided_by=request.user,
        decided_at=timezone.now(),
    )
    if not changed:
        raise ValidationError(_("This candidate has been dealt with already."))


def source_of(item):
    return Source(
        url=item.url,
        outlet=item.feed.outlet,
        published_on=item.published_at.date() if item.published_at else None,
        language=item.language or item.feed.language,
        headline=item.title,
        text=item.text,
    )


def still_open(request, candidate):
    if candidate.state != Candidate.State.OPEN:
        messages.error(request, _("This candidate has been dealt with already."))
        return False
    return True


def create_draft(request, model_admin, pk):
    """The review screen of "meeting from an article", pre-filled from the best article;
    on confirmation, every other article of the candidate is attached as a source."""
    candidate = candidate_of(request, pk)
    if not request.user.has_perm("meetings.add_meeting"):
        raise PermissionDenied
    if not still_open(request, candidate):
        return redirect(reverse("admin:meetings_candidate_change", args=[pk]))
    articles = articles_of(candidate)
    if not articles:
        raise Http404
    best, others = articles[0], articles[1:]
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Meeting._meta,
        "title": _("New meeting from the inbox"),
        "candidate": candidate,
        "other_sources": others,
    }

    def attach_others(meeting, attached):
        for item in others:
            if not Source.objects.filter(url=item.url).exists():
                add_source(meeting, source_of(item), request.user)
        state = Candidate.State.ATTACHED if attached else Candidate.State.DRAFTED
        decided(candidate, request, state, meeting=meeting)

    if request.method == "POST" and request.POST.get("step") == "confirm":
        return confirm_draft(request, context, also=attach_others)
    try:
        article = read_article(
            best.text,
            is_html=False,
            url=best.url,
            outlet=best.feed.outlet.name,
            published=best.published_at.date() if best.published_at else None,
        )
    except ExtractionError as error:
        messages.error(request, for_the_editor(error.message))
        return redirect(reverse("admin:meetings_candidate_change", args=[pk]))
    if article.title == "" and best.title:
        article.title = best.title
    draft = extract(article, gazetteer_from_database())
    return render(request, REVIEW_TEMPLATE, {**context, **review(draft)})


def attach(request, model_admin, pk):
    """Every article of the candidate becomes a source of meeting N."""
    candidate = candidate_of(request, pk)
    if request.method != "POST":
        return redirect(reverse("admin:meetings_candidate_change", args=[pk]))
    if not still_open(request, candidate):
        return redirect(reverse("admin:meetings_candidate_change", args=[pk]))
    form = AttachForm(request.POST)
    if not form.is_valid():
        return candidate_page(request, model_admin, pk, status=400, attach_form=form)
    meeting = form.cleaned_data["meeting"]
    if not may_write(request, meeting.pk):
        form.add_error("meeting", refusal(meeting_status_now(request, meeting.pk)))
        return candidate_page(request, model_admin, pk, status=400, attach_form=form)
    try:
        with transaction.atomic():
            for item in articles_of(candidate):
                if not Source.objects.filter(url=item.url, meeting=meeting).exists():
                    add_source(meeting, source_of(item), request.user)
            decided(candidate, request, Candidate.State.ATTACHED, meeting=meeting)
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
        return candidate_page(request, model_admin, pk, status=400, attach_form=form)
    messages.success(
        request,
        _("The articles were added as sources of meeting %(number)d.") % {"number": meeting.pk},
    )
    return redirect(reverse("admin:meetings_meeting_change", args=[meeting.pk]))


def dismiss(request, model_admin, pk):
    candidate = candidate_of(request, pk)
    if request.method != "POST":
        return redirect(reverse("admin:meetings_candidate_change", args=[pk]))
    if not still_open(request, candidate):
        return redirect(reverse("admin:meetings_candidate_change", args=[pk]))
    form = DismissForm(request.POST)
    if not form.is_valid():
        return candidate_page(request, model_admin, pk, status=400, dismiss_form=form)
    try:
        decided(candidate, request, Candidate.State.DISMISSED, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(reverse("admin:meetings_candidate_change", args=[pk]))
    messages.success(request, _("The candidate was dismissed; its articles will not come back."))
    return redirect(next_in_inbox(candidate))


def next_in_inbox(candidate):
    """Back to the inbox's open candidates: triage goes on from the keyboard."""
    return reverse("admin:meetings_candidate_changelist") + "?state__exact=open"
