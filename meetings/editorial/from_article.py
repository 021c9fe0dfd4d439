"""The editors' "new meeting from article" screens, mounted in MeetingAdmin.

Step 1: the editor gives a URL, the page's HTML or the text. Step 2: the
archive proposes a draft meeting, each suggestion beside the words of the
article it came from; the editor corrects it and confirms, or adds the
article to a meeting the archive already has. Nothing is saved before that.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meetings.editorial.forms import ArticleForm, DraftMeetingForm, ParticipantFormSet
from meetings.editorial.services import NewPerson, ParticipantInput, add_source, create_meeting
from meetings.editorial.workflow import may_write, meeting_status_now, refusal
from meetings.extraction import ExtractionError, extract, read_article
from meetings.extraction.database import (
    gazetteer_from_database,
    possible_duplicates,
    similar_people,
)
from meetings.extraction.fetch import fetch_page
from meetings.extraction.notes import translated
from meetings.models import City, Country, Meeting, Minister, Outlet, Portfolio, Source, Topic
from meetings.reference import cached_objects
from meetings.text import script_of

ARTICLE_TEMPLATE = "admin/meetings/meeting/from_article.html"
REVIEW_TEMPLATE = "admin/meetings/meeting/review_draft.html"
SNIPPET_CONTEXT = 45


def meeting_from_article(request, model_admin):
    """Step 1 (and, on confirmation, step 2) of turning an article into a meeting."""
    if not request.user.has_perm("meetings.add_meeting"):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Meeting._meta,
        "title": _("New meeting from an article"),
    }
    if request.method == "POST" and request.POST.get("step") == "confirm":
        return confirm_draft(request, context)
    form = ArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            article = article_from(form.cleaned_data)
        except ExtractionError as error:
            form.add_error(None, for_the_editor(error.message))
        else:
            draft = extract(article, gazetteer_from_database())
            return render(request, REVIEW_TEMPLATE, {**context, **review(draft)})
    status = 400 if form.errors else 200
    return render(request, ARTICLE_TEMPLATE, {**context, "form": form}, status=status)


def article_from(data):
    content, charset = data.get("content") or "", ""
    if not content.strip():
        content, charset = fetch_page(data["url"])
    outlet = data.get("outlet")
    return read_article(
        content,
        published=data.get("published"),
        url=data.get("url") or "",
        outlet=outlet.name if outlet else "",
        charset=charset,
    )


def confirm_draft(request, context, also=None):
    """Step 2 submitted: save the confirmed draft, or show it again with what is wrong.

    ``also(meeting, attached)``, when given, runs in the same transaction after the
    meeting and its source are saved (the inbox attaches a candidate's other articles).
    """
    text = request.POST.get("article_text", "")
    outlet_id = request.POST.get("source_outlet", "")
    outlet = Outlet.objects.filter(pk=outlet_id).first() if outlet_id.isdigit() else None
    try:
        article = read_article(
            text,
            published=safe_date(request.POST.get("source_published_on")),
            outlet=outlet.name if outlet else "",
            url=request.POST.get("source_url", ""),
            is_html=False,
        )
    except ExtractionError as error:
        form = ArticleForm()
        form.add_error(None, for_the_editor(error.message))
        return render(request, ARTICLE_TEMPLATE, {**context, "form": form}, status=400)
    # The same text gives the same draft: its evidence and candidates are shown again.
    draft = extract(article, gazetteer_from_database())
    page = review(draft, data=request.POST)
    draft_form, formset = page["draft_form"], page["formset"]
    if not (draft_form.is_valid() and formset.is_valid()):
        return render(request, REVIEW_TEMPLATE, {**context, **page}, status=400)
    data = draft_form.cleaned_data
    source = Source(
        url=data["source_url"],
        outlet=data["source_outlet"],
        author=data["source_author"],
        published_on=data["source_published_on"],
        language=data["source_language"],
        headline=data["source_headline"],
        text=data["article_text"],
    )
    attach_to = data["attach_to"]
    if attach_to and not may_write(request, attach_to.pk):
        draft_form.add_error("attach_to", refusal(meeting_status_now(request, attach_to.pk)))
        return render(request, REVIEW_TEMPLATE, {**context, **page}, status=400)
    try:
        with transaction.atomic():
            if attach_to:
                meeting = attach_to
                add_source(meeting, source, request.user)
            else:
                meeting = create_meeting(
                    draft_form.meeting(),
                    data["topics"],
                    participant_inputs(formset, draft.language),
                    source,
                    request.user,
                )
            if also:
                also(meeting, attached=bool(attach_to))
    except ValidationError as error:  # raised inside the transaction, which rolled back
        for message in error.messages:
            draft_form.add_error(None, message)
        return render(request, REVIEW_TEMPLATE, {**context, **page}, status=400)
    if attach_to:
        messages.success(request, _("The article was added as a source of this meeting."))
    else:
        messages.success(request, _("The draft meeting was saved. Check it and complete it."))
    return redirect(reverse("admin:meetings_meeting_change", args=[meeting.pk]))


def for_the_editor(message: str) -> str:
    """An extractor's message (a warning, a refusal) in the editor's language, a country
    named rather than given by its code. The draft keeps it in English, for the code that
    reads it (meetings/extraction/notes.py)."""
    return translated(message, country_name)


def country_name(code: str) -> str:
    country = cached_objects(Country).get(code)
    return country.name if country else code


def topic_names(slugs: list[str]) -> list[str]:
    """Topics by their names in the active language (drafts and proposals keep slugs)."""
    names = {topic.slug: topic.name for topic in cached_objects(Topic).values()}
    return [names.get(slug, slug) for slug in slugs]


# How the extractor read the date it proposes (meetings.extraction.dates.DateCandidate.how),
# in the editor's words.
DATE_NOTES = {
    "explicit": gettext_lazy("written in full"),
    "numeric": gettext_lazy("written in figures"),
    "weekday": gettext_lazy("a day of the week, from the publication date"),
    "relative": gettext_lazy("counted from the publication date"),
    "month": gettext_lazy("a month only"),
    "until": gettext_lazy("the end of a period"),
    "vague": gettext_lazy("no day given"),
}


def date_note(how: str) -> str:
    return DATE_NOTES.get(how, how)


def safe_date(value):
    """The date, or None when it is not one (the form reports that itself)."""
    try:
        return datetime.date.fromisoformat(value or "")
    except ValueError:
        return None


def participant_inputs(formset, language):
    people = []
    for form in formset:
        data = form.cleaned_data
        if not data or not data.get("include"):
            continue
        if data.get("minister"):
            people.append(ParticipantInput(role=data["role"], minister=data["minister"]))
            continue
        people.append(
            ParticipantInput(
                role=data["role"],
                new_person=NewPerson(
                    name_latin=data.get("name_latin", ""),
                    name_ar=data.get("name_ar", ""),
                    country=data["country"],
                    post_title=data["post_title"],
                    portfolio=data.get("portfolio"),
                    rank=data["rank"],
                    language=language,
                ),
            )
        )
    return people


# -- the review page -----------------------------------------------------------


def review(draft, data=None):
    """Forms and evidence for step 2, initialised from the draft (or bound to ``data``)."""
    duplicates = list(possible_duplicates(draft.countries, draft.date))
    candidates = [people_like(minister) for minister in draft.ministers]
    draft_form = DraftMeetingForm(data, initial=draft_initial(draft), duplicates=duplicates)
    formset = ParticipantFormSet(
        data,
        initial=[participant_initial(m) for m in draft.ministers],
        candidates=candidates,
        prefix="people",
    )
    rows = [
        {"form": form, "evidence": snippets(draft.text, draft.ministers[index].evidence)}
        if index < len(draft.ministers)
        else {"form": form, "evidence": []}
        for index, form in enumerate(formset)
    ]
    evidence = draft.evidence
    topics = evidence.get("topics", {})
    return {
        "draft": draft,
        "draft_form": draft_form,
        "formset": formset,
        "participant_rows": rows,
        "duplicates": duplicates,
        "warnings": [for_the_editor(warning) for warning in draft.warnings],
        "evidence": {
            "date": [
                {**item, "note": date_note(item["note"])}
                for item in snippets(draft.text, evidence.get("date", []))
            ],
            "countries": [
                (country_name(code), snippets(draft.text, spans))
                for code, spans in evidence.get("countries", {}).items()
            ],
            "place": snippets(draft.text, evidence.get("place", [])),
            "topics": [
                (name, snippets(draft.text, spans[:1]))
                for name, spans in zip(topic_names(list(topics)), topics.values(), strict=True)
            ],
        },
        "article_segments": highlighted(draft),
    }


def draft_initial(draft):
    countries = draft.countries or draft.candidate_countries[:2]
    return {
        "country_a": countries[0] if countries else None,
        "country_b": countries[1] if len(countries) > 1 else None,
        "date": draft.date,
        "date_precision": draft.date_precision,
        "city": City.objects.filter(slug=draft.place).first() if draft.place else None,
        "host_country": draft.host_country,
        "topics": list(Topic.objects.filter(slug__in=draft.topics)),
        "source_url": draft.url,
        "source_outlet": Outlet.objects.filter(name=draft.outlet).first() if draft.outlet else None,
        "source_author": draft.author,
        "source_published_on": draft.published,
        "source_language": draft.language,
        "source_headline": draft.title,
        "article_text": draft.text,
    }


def participant_initial(minister):
    arabic = script_of(minister.name) == "ar"
    return {
        "include": True,
        "minister": minister.id,
        "name_latin": "" if arabic or minister.known else minister.name,
        "name_ar": minister.name if arabic and not minister.known else "",
        "country": minister.country,
        "post_title": minister.post,
        "portfolio": Portfolio.objects.filter(slug=minister.portfolio).first()
        if minister.portfolio
        else None,
        "rank": minister.rank,
        "role": minister.role,
    }


def people_like(minister):
    """The known person, or people whose names look like the proposed one."""
    if minister.known:
        return list(Minister.objects.filter(pk=minister.id))
    return list(similar_people(minister.name))


def snippets(text, spans):
    """Each span with some words around it, for showing why a suggestion was made."""
    shown = []
    for span in spans:
        start = max(span.start - SNIPPET_CONTEXT, 0)
        end = min(span.end + SNIPPET_CONTEXT, len(text))
        shown.append(
            {
                "before": ("…" if start else "") + text[start : span.start],
                "match": text[span.start : span.end],
                "after": text[span.end : end] + ("…" if end < len(text) else ""),
                "note": span.note,
            }
        )
    return shown


def highlighted(draft):
    """The article as (text, label) segments, every suggestion's words labelled."""
    labels = {}
    for span in draft.evidence.get("date", []):
        labels[(span.start, span.end)] = _("date")
    for spans in draft.evidence.get("countries", {}).values():
        for span in spans:
            labels.setdefault((span.start, span.end), _("country"))
    for span in draft.evidence.get("place", []):
        labels[(span.start, span.end)] = _("place")
    for slug, spans in draft.evidence.get("topics", {}).items():
        for span in spans:
            labels.setdefault((span.start, span.end), slug)
    for minister in draft.ministers:
        for span in minister.evidence:
            labels.setdefault((span.start, span.end), minister.name)
    segments, position = [], 0
    for (start, end), label in sorted(labels.items()):
        if start < position:
            continue  # overlapping spans: the first one wins
        segments.append((draft.text[position:start], ""))
        segments.append((draft.text[start:end], label))
        position = end
    segments.append((draft.text[position:], ""))
    return segments
