"""Forms of the editors' "new meeting from article" tool."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from meetings.extraction.article import MAX_INPUT_CHARACTERS
from meetings.models import (
    City,
    Country,
    Language,
    Meeting,
    Minister,
    Outlet,
    Participation,
    Portfolio,
    Post,
    Topic,
)


class ArticleForm(forms.Form):
    """What the editor has: a URL, the page's HTML or the article's text."""

    url = forms.URLField(
        label=_("Article URL"),
        required=False,
        max_length=2000,
        assume_scheme="https",
        help_text=_("Fetched when no text is pasted below. Kept as the source's link either way."),
    )
    content = forms.CharField(
        label=_("Article HTML or text"),
        required=False,
        strip=False,
        max_length=MAX_INPUT_CHARACTERS,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100, "dir": "auto"}),
    )
    outlet = forms.ModelChoiceField(
        label=_("Outlet"),
        queryset=Outlet.objects.all(),
        required=False,
        help_text=_(
            "When known: a minister the article does not qualify is this outlet's country's."
        ),
    )
    published = forms.DateField(
        label=_("Publication date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "Needed for dates such as “today, Tuesday”. Taken from the HTML when it has one."
        ),
    )

    def clean(self):
        data = super().clean()
        nothing = not data.get("url") and not (data.get("content") or "").strip()
        if nothing and not self.errors:
            raise ValidationError(_("Give the article's URL, or paste its HTML or text."))
        return data


class DraftMeetingForm(forms.Form):
    """The proposed meeting, as the editor corrects and confirms it."""

    country_a = forms.ModelChoiceField(label=_("Country"), queryset=Country.objects.all())
    country_b = forms.ModelChoiceField(label=_("Other country"), queryset=Country.objects.all())
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    date_precision = forms.ChoiceField(label=_("Precision"), choices=Meeting.DatePrecision)
    city = forms.ModelChoiceField(label=_("City"), queryset=City.objects.all(), required=False)
    host_country = forms.ModelChoiceField(
        label=_("Host country"), queryset=Country.objects.all(), required=False
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.select_related("parent").order_by("parent__slug", "slug"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    source_url = forms.URLField(
        label=_("URL"), required=False, max_length=2000, assume_scheme="https"
    )
    source_outlet = forms.ModelChoiceField(
        label=_("Outlet"), queryset=Outlet.objects.all(), required=False
    )
    source_author = forms.CharField(label=_("Author"), required=False, max_length=200)
    source_published_on = forms.DateField(
        label=_("Published on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    source_language = forms.ChoiceField(label=_("Language"), choices=Language)
    source_headline = forms.CharField(label=_("Headline"), required=False, max_length=500)
    article_text = forms.CharField(
        widget=forms.HiddenInput, strip=False, max_length=MAX_INPUT_CHARACTERS
    )
    attach_to = forms.ModelChoiceField(
        label=_("This article reports a meeting already in the archive"),
        queryset=Meeting.objects.all(),
        required=False,
        widget=forms.RadioSelect,
        empty_label=_("No: create a new meeting"),
    )

    def __init__(self, *args, duplicates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attach_to"].queryset = Meeting.objects.filter(
            pk__in=[meeting.pk for meeting in duplicates]
        )
        self.fields["attach_to"].choices = [("", _("No: create a new meeting"))] + [
            (meeting.pk, f"{meeting.date_display} · {meeting.title} (#{meeting.pk})")
            for meeting in duplicates
        ]

    def clean(self):
        data = super().clean()
        if data.get("attach_to"):
            return data  # only the source is saved
        meeting = self.meeting()
        try:
            meeting.full_clean(exclude=["status"])
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                target = field if field in self.fields else None
                for message in messages:
                    self.add_error(target, message)
        return data

    def meeting(self) -> Meeting:
        data = self.cleaned_data
        return Meeting(
            country_a=data.get("country_a"),
            country_b=data.get("country_b"),
            date=data.get("date"),
            date_precision=data.get("date_precision") or Meeting.DatePrecision.DAY,
            city=data.get("city"),
            host_country=data.get("host_country"),
        )


class ParticipantForm(forms.Form):
    """A person the article names: someone the archive knows, or a new person to create."""

    include = forms.BooleanField(label=_("Include"), required=False, initial=True)
    minister = forms.ModelChoiceField(
        label=_("Person in the archive"), queryset=Minister.objects.all(), required=False
    )
    name_latin = forms.CharField(label=_("Name (Latin script)"), required=False, max_length=200)
    name_ar = forms.CharField(label=_("Name (Arabic script)"), required=False, max_length=200)
    country = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.all(), required=False
    )
    post_title = forms.CharField(label=_("Post"), required=False, max_length=300)
    portfolio = forms.ModelChoiceField(
        label=_("Portfolio"), queryset=Portfolio.objects.all(), required=False
    )
    rank = forms.ChoiceField(label=_("Rank"), choices=Post.Rank, initial=Post.Rank.MINISTER)
    role = forms.ChoiceField(label=_("Role"), choices=Participation.Role)

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Only the people this suggestion may be: the match and look-alikes.
        self.fields["minister"].widget.choices = [("", _("— a new person —"))] + [
            (person.pk, str(person)) for person in candidates
        ]

    def clean(self):
        data = super().clean()
        if not data.get("include") or data.get("minister"):
            return data
        if not (data.get("name_latin") or data.get("name_ar")):
            self.add_error("name_latin", _("Give the new person's name, or choose someone."))
        if not data.get("country"):
            self.add_error("country", _("Give the new person's country."))
        if not data.get("post_title"):
            self.add_error("post_title", _("Give the post the article gives them."))
        return data


class BaseParticipantFormSet(forms.BaseFormSet):
    def __init__(self, *args, candidates=(), **kwargs):
        self.candidates = list(candidates)
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if index is not None and index < len(self.candidates):
            kwargs["candidates"] = self.candidates[index]
        return kwargs

    def clean(self):
        chosen = [
            form.cleaned_data.get("minister")
            for form in self.forms
            if form.cleaned_data.get("include")
        ]
        chosen = [person for person in chosen if person]
        if len(chosen) != len(set(chosen)):
            raise ValidationError(_("The same person is listed twice."))


ParticipantFormSet = forms.formset_factory(
    ParticipantForm, formset=BaseParticipantFormSet, extra=0, max_num=30, validate_max=True
)
