"""The one FilterSet behind every list of meetings: pages, exports, API and feeds.

Every parameter is validated for its shape before the database sees it, so
any query string gets either results or a message naming the parameter.
"""

import re

import django_filters
from django import forms
from django.utils.choices import CallableChoiceIterator
from django.utils.translation import gettext_lazy as _

from meetings.models import City, Country, CountryGroup, Meeting, Minister, Portfolio, Topic
from meetings.reference import cached_choices, cached_objects
from meetings.search import search
from meetings.widgets import FastSelect, FastSelectMultiple

COUNTRY_CODE = re.compile(r"[A-Z]{2}")
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,150}")


class KeyedChoiceMixin:
    """Check a natural key's shape (country code, slug) before looking it up."""

    key_pattern = SLUG
    uppercase = False

    def prepare_key(self, value):
        value = str(value).strip()
        value = value.upper() if self.uppercase else value.lower()
        if not self.key_pattern.fullmatch(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value[:40]},
            )
        return value


class KeyedModelChoiceField(KeyedChoiceMixin, forms.ModelChoiceField):
    def __init__(self, *args, key_pattern=SLUG, uppercase=False, **kwargs):
        self.key_pattern = key_pattern
        self.uppercase = uppercase
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        return super().to_python(self.prepare_key(value))


class KeyedModelMultipleChoiceField(KeyedChoiceMixin, forms.ModelMultipleChoiceField):
    def clean(self, value):
        if value and not isinstance(value, (list, tuple)):
            value = [value]
        if value:
            value = [self.prepare_key(item) for item in value if item not in self.empty_values]
        return super().clean(value)


class CountryChoiceField(KeyedModelChoiceField):
    """A country by its code, from the reference cache: the same answers and errors as
    a lookup in the table, without a query for each country a list is filtered by."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        code = self.prepare_key(value)
        country = cached_objects(Country).get(code)
        if country is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": code},
            )
        return country


class CountryFilter(django_filters.ModelChoiceFilter):
    field_class = CountryChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", FastSelect)
        kwargs.setdefault("queryset", Country.objects.all())
        kwargs.setdefault("to_field_name", "code")
        kwargs.setdefault("key_pattern", COUNTRY_CODE)
        kwargs.setdefault("uppercase", True)
        kwargs.setdefault(
            "error_messages", {"invalid_choice": _("Unknown country code “%(value)s”.")}
        )
        super().__init__(*args, **kwargs)


class SlugFilter(django_filters.ModelChoiceFilter):
    field_class = KeyedModelChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", FastSelect)
        super().__init__(*args, **kwargs)


class PersonChoiceField(KeyedModelChoiceField):
    """A person by their id (abdelouafi-laftit) or by a name in any script and spelling
    (Laftit, لفتيت, Leftit), found as the people index finds names (PersonQuerySet.named).
    A name several people answer to is an error that names them (``candidates``), so that
    a reader without JavaScript can choose one."""

    candidates: list = ()

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value).strip()[:200]
        if SLUG.fullmatch(value.lower()):
            person = Minister.objects.filter(slug=value.lower()).first()
            if person is not None:
                return person
        people = list(Minister.objects.named(value).order_by("name_latin", "name_ar", "pk")[:6])
        if len(people) == 1:
            return people[0]
        if not people:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value[:40]},
            )
        self.candidates = people[:5]
        raise forms.ValidationError(
            _("Several people answer to “%(value)s”: choose one."),
            code="ambiguous",
            params={"value": value[:40]},
        )


class PersonFilter(django_filters.ModelChoiceFilter):
    field_class = PersonChoiceField


class TopicsFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = KeyedModelMultipleChoiceField


class MeetingFilterForm(forms.Form):
    """Cross-field checks, and select options taken from the reference-data cache."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].widget.choices = [
            ("", _("Any group")),
            *cached_choices(CountryGroup, key_attr="slug"),
        ]
        self.fields["portfolio"].widget.choices = [
            ("", _("Any portfolio")),
            *cached_choices(Portfolio, key_attr="slug"),
        ]
        countries = [("", _("Any country")), *cached_choices(Country)]
        for name in ("country", "counterpart", "host"):
            self.fields[name].widget.choices = countries
        self.fields["topic"].widget.choices = cached_choices(
            Topic, label=topic_label, key_attr="slug"
        )
        self.fields["place"].widget.choices = [
            ("", _("Any place")),
            *cached_choices(City, key_attr="slug"),
        ]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        country, counterpart = data.get("country"), data.get("counterpart")
        if country and counterpart and country == counterpart:
            self.add_error("counterpart", _("Choose two different countries for a pair."))
        return data


class PeopleFilterForm(forms.Form):
    """Select options from the reference-data cache, read only when the form is shown (the
    API, which never shows it, does not read them)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].widget.choices = CallableChoiceIterator(
            lambda: [("", _("Any country")), *cached_choices(Country)]
        )
        self.fields["portfolio"].widget.choices = CallableChoiceIterator(
            lambda: [("", _("Any portfolio")), *cached_choices(Portfolio, key_attr="slug")]
        )


def topic_label(topic):
    return f"— {topic.name}" if topic.parent_id else topic.name


class MeetingFilter(django_filters.FilterSet):
    """Filters for lists of meetings. Parameter names are part of the public interface."""

    ORDERINGS = {
        "-date": ("-date", "-pk"),
        "date": ("date", "pk"),
        "-updated": ("-updated_at", "-pk"),
    }

    q = django_filters.CharFilter(
        label=_("Search"), method="filter_search", max_length=200, strip=True
    )
    country = CountryFilter(label=_("Country"), method="filter_noop")
    counterpart = CountryFilter(label=_("Met with"), method="filter_noop")
    group = SlugFilter(
        label=_("Group of countries"),
        queryset=CountryGroup.objects.all(),
        to_field_name="slug",
        method="filter_noop",
        help_text=_("With a country: meetings of that country with any member of the group."),
        error_messages={"invalid_choice": _("Unknown group of countries “%(value)s”.")},
    )
    minister = PersonFilter(
        label=_("Minister"),
        queryset=Minister.objects.all(),
        to_field_name="slug",
        field_name="participations__minister",
        method="filter_minister",
        # Suggestions as one types (static/js/suggest-people.js, from /api/ministers/?q=);
        # without JavaScript, the name typed is looked up when the form is sent.
        widget=forms.TextInput(
            attrs={
                "placeholder": _("a name, e.g. Laftit or لفتيت"),
                "aria-controls": "people-suggestions",
                "autocomplete": "off",
                "data-suggest-people": "/api/ministers/",
            }
        ),
        error_messages={"invalid_choice": _("Nobody in the archive answers to “%(value)s”.")},
    )
    portfolio = SlugFilter(
        label=_("Portfolio"),
        queryset=Portfolio.objects.all(),
        to_field_name="slug",
        method="filter_portfolio",
        error_messages={"invalid_choice": _("Unknown portfolio “%(value)s”.")},
    )
    topic = TopicsFilter(
        label=_("Topics"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        method="filter_noop",
        widget=FastSelectMultiple(attrs={"size": 6}),
        error_messages={"invalid_choice": _("Unknown topic “%(value)s”.")},
    )
    topic_match = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Topics to match"),
        choices=[("any", _("any of them")), ("all", _("all of them"))],
        method="filter_noop",
        empty_label=None,
    )
    date_from = django_filters.DateFilter(
        label=_("From"),
        field_name="date",
        lookup_expr="gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        label=_("To"),
        field_name="date",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="date__year", min_value=1900, max_value=2100
    )
    host = CountryFilter(label=_("Host country"), field_name="host_country")
    place = SlugFilter(
        label=_("Place"),
        queryset=City.objects.all(),
        to_field_name="slug",
        field_name="city",
        error_messages={"invalid_choice": _("Unknown place “%(value)s”.")},
    )
    order = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Order"),
        choices=[
            ("-date", _("newest first")),
            ("date", _("oldest first")),
            ("-updated", _("recently updated")),
            ("relevance", _("relevance (with a search)")),
        ],
        method="filter_noop",
        empty_label=None,
    )

    class Meta:
        model = Meeting
        fields = []
        form = MeetingFilterForm

    def filter_noop(self, queryset, name, value):
        # Handled together in filter_queryset, where related parameters meet.
        return queryset

    def filter_portfolio(self, queryset, name, value):
        return queryset.with_portfolio(value)

    # The parsed search, with what its words named (meetings.search), once filtered: pages
    # tell what a word was taken for from it.
    found = None

    def filter_search(self, queryset, name, value):
        self.found = search(value, using=queryset.db)
        # A relevance rank costs a computation per match: only when ordering by it.
        return queryset.search(self.found, rank=self.form.cleaned_data.get("order") == "relevance")

    def filter_minister(self, queryset, name, value):
        return queryset.with_participant(value)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        country, counterpart = data.get("country"), data.get("counterpart")
        if country and counterpart:
            queryset = queryset.between(country, counterpart)
        elif country or counterpart:
            queryset = queryset.involving(country or counterpart)
        if data.get("group"):
            queryset = queryset.with_group(data["group"], country=country or counterpart)
        if data.get("topic"):
            queryset = queryset.about(data["topic"], match=data.get("topic_match") or "any")
        return queryset.order_by(*self.ordering(data))

    def ordering(self, data):
        order = data.get("order") or "-date"
        if order == "relevance":
            if data.get("q"):
                return ("-rank", "-date", "-pk")
            order = "-date"
        return self.ORDERINGS[order]

    @property
    def has_filters(self):
        return self.is_bound and any(
            value not in (None, "", [], ())
            for name, value in getattr(self.form, "cleaned_data", {}).items()
            if name not in ("order", "topic_match")
        )


class PeopleFilter(django_filters.FilterSet):
    """Filters for lists of people: the people index and /api/ministers/."""

    q = django_filters.CharFilter(
        label=_("Name"), method="filter_name", max_length=200, strip=True,
        help_text=_("In any script and spelling: Laftit, لفتيت, Abdel Ouafi."),
    )  # fmt: skip
    country = CountryFilter(label=_("Country"), method="filter_noop")
    portfolio = SlugFilter(
        label=_("Portfolio"),
        queryset=Portfolio.objects.all(),
        to_field_name="slug",
        method="filter_noop",
        error_messages={"invalid_choice": _("Unknown portfolio “%(value)s”.")},
    )
    in_office = django_filters.DateFilter(
        label=_("In office on"),
        method="filter_noop",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("With a country or a portfolio: in a post of theirs on that day."),
    )

    class Meta:
        model = Minister
        fields = []
        form = PeopleFilterForm

    def filter_noop(self, queryset, name, value):
        return queryset

    def filter_name(self, queryset, name, value):
        return queryset.named(value)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        country, portfolio, day = data.get("country"), data.get("portfolio"), data.get("in_office")
        if country or portfolio or day:
            queryset = queryset.in_office(country=country, portfolio=portfolio, day=day)
        return queryset
