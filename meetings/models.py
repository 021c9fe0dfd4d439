"""The archive's data: who met whom, when, where, about what, says who.

    Country ──< Post ──< Mandate >── Minister        Topic (parent → children)
       │                                │                 │
       └──< Participation >── Meeting >─┼─────────────────┘ (many-to-many)
                                 │
                                 └──< Source (the article it comes from)

Names are stored once per language in ``_ar``, ``_fr`` and ``_en`` columns and
read through ``localized()``, which falls back to another language when the
active one is empty (see docs/decisions/0003-multilingual-columns.md).
"""

import re
import time
from urllib.parse import quote

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import ArrayField, DateRangeField, RangeOperators
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import OperationalError, connections, models, router
from django.db.models import (
    Count,
    Exists,
    F,
    Func,
    Max,
    OuterRef,
    Prefetch,
    Q,
    Value,
)
from django.db.models.expressions import RawSQL
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone, translation
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import gettext_lazy as _

from meetings import display
from meetings.display import LEAD_FIRST, date_display, localized, person_name
from meetings.search import SECTION_BREAK, Search, SearchQueryOf, search

LANGUAGE_CODES = ("ar", "fr", "en")
# The text search configurations a meeting's document is indexed with.
SEARCH_CONFIGS = ("arabic", "french", "english", "simple")


# Stand-in values, reversed once: they fit every converter these URLs use (int, str, slug).
STAND_INS = ("918273645", "918273646")
_url_patterns: dict[tuple, list[str]] = {}


def reverse_fast(name: str, *values) -> str:
    """reverse(name, args=values) for public URLs of one or two arguments, from the URL
    reversed once per language, script prefix and URL conf with stand-in values: pages
    link hundreds of people and countries, and reverse() costs tens of microseconds each.
    Values are quoted as reverse() quotes them (a person's slug may be in Arabic)."""
    key = (name, len(values), translation.get_language(), get_script_prefix(), get_urlconf())
    pieces = _url_patterns.get(key)
    if pieces is None:
        # The text around the stand-ins: ["/en/countries/", "/", "/"] for two of them.
        pieces = re.split("|".join(STAND_INS), reverse(name, args=STAND_INS[: len(values)]))
        _url_patterns[key] = pieces
    quoted = [quote(str(value), safe=RFC3986_SUBDELIMS + "/~:@") for value in values]
    return "".join(piece + value for piece, value in zip(pieces, [*quoted, ""], strict=True))


def names_field(verbose_name, **kwargs):
    """An array of short strings, used for aliases, demonyms and keywords."""
    return ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        verbose_name=verbose_name,
        **kwargs,
    )


class Language(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    OTHER = "other", _("Other")


# ---------------------------------------------------------------------------
# Reference data
# ---------------------------------------------------------------------------


class BySlugManager(models.Manager):
    """Fixtures and releases name these rows by their slug (Django's natural keys)."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class ConstraintsCheckedOnALiveDatabase:
    """Django checks a CheckConstraint, and the condition of a UniqueConstraint or an
    ExclusionConstraint, with ``Q.check``, which takes any database error (logging a
    warning) for "the condition holds": a conditional rule then reads as broken, and a check
    rule passes on a connection that is gone. While the database restarted, an editor's
    save was shown again saying its article "is already the source of a meeting". An error
    swallowed so is raised here as OperationalError: the editor gets the 503 page, and
    nothing is saved."""

    def validate_constraints(self, exclude=None):
        connection = connections[router.db_for_write(type(self), instance=self)]
        before, connection.errors_occurred = connection.errors_occurred, False
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError:
            if not connection.errors_occurred:
                raise
        finally:
            swallowed = connection.errors_occurred
            connection.errors_occurred = before or swallowed
        if swallowed:
            raise OperationalError(
                f"The database failed while the rules of {self._meta.label} were checked."
            )


class NamesIndexed(models.Model):
    """A reference row readers search meetings by: the vector of its names, which the
    database keeps from the row itself on every insert and update, whoever makes it
    (``meetings_<table>_vector``, migration 0018; meetings.search)."""

    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        abstract = True
        indexes = [GinIndex(fields=["search_vector"], name="%(class)s_search_vector")]


class NamedInThreeLanguages:
    """For models with name_ar, name_fr and name_en: ``name`` in the active language."""

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localized(self, "name")


class CountryManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Country(NamedInThreeLanguages, NamesIndexed):
    """A country, keyed by its ISO 3166-1 alpha-2 code, named in three languages."""

    code = models.CharField(
        _("ISO code"),
        max_length=2,
        primary_key=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters (ISO 3166-1 alpha-2)."))],
    )
    name_ar = models.CharField(_("name (Arabic)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    aliases = names_field(
        _("aliases"), help_text=_("Other names and spellings used in the news, any language.")
    )
    demonyms = names_field(
        _("demonyms"),
        help_text=_(
            "Adjectives of nationality as they appear in articles: البلجيكية, belge, Belgian."
        ),
    )

    objects = CountryManager()

    class Meta(NamesIndexed.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name_en"]

    def get_absolute_url(self):
        return reverse_fast("meetings:country", self.code.lower())

    def natural_key(self):
        return (self.code,)


class CountryGroup(NamedInThreeLanguages, models.Model):
    """A group of countries researchers filter by: the EU, the Maghreb, the Arab League..."""

    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    members = models.ManyToManyField(
        Country, related_name="groups", blank=True, verbose_name=_("members")
    )

    objects = BySlugManager()

    class Meta:
        verbose_name = _("country group")
        verbose_name_plural = _("country groups")
        ordering = ["slug"]

    def natural_key(self):
        return (self.slug,)


class City(NamedInThreeLanguages, NamesIndexed):
    """A city where meetings take place, with the names articles use for it."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="cities", verbose_name=_("country")
    )
    name_ar = models.CharField(_("name (Arabic)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    aliases = names_field(_("aliases"))
    is_capital = models.BooleanField(_("capital"), default=False)

    objects = BySlugManager()

    class Meta(NamesIndexed.Meta):
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name_en"]

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["meetings.country"]


class TopicQuerySet(models.QuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)


TopicManager = BySlugManager.from_queryset(TopicQuerySet)


class Topic(ConstraintsCheckedOnALiveDatabase, NamedInThreeLanguages, NamesIndexed):
    """A subject of talks, in a two-level taxonomy (security → counter-terrorism)."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent topic"),
    )
    name_ar = models.CharField(_("name (Arabic)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    keywords_ar = names_field(_("keywords (Arabic)"))
    keywords_fr = names_field(_("keywords (French)"))
    keywords_en = names_field(_("keywords (English)"))

    objects = TopicManager()

    class Meta(NamesIndexed.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("pk")), name="topic_is_not_its_own_parent"
            ),
        ]

    def get_absolute_url(self):
        return reverse_fast("meetings:topic", self.slug)

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        # Two levels only: a subtopic's parent must itself be top-level, and a
        # topic with subtopics cannot become a subtopic.
        if self.parent_id:
            if self.parent.parent_id:
                raise ValidationError(
                    {"parent": _("Topics have two levels: choose a top-level parent.")}
                )
            if self.pk and self.children.exists():
                raise ValidationError(
                    {"parent": _("This topic has subtopics, so it must stay top-level.")}
                )


class Portfolio(NamedInThreeLanguages, NamesIndexed):
    """An area of government (interior, foreign affairs...), used to compare posts."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    keywords = names_field(
        _("keywords"), help_text=_("Words naming the portfolio in articles: الداخلية, intérieur.")
    )

    objects = BySlugManager()

    class Meta(NamesIndexed.Meta):
        verbose_name = _("portfolio")
        verbose_name_plural = _("portfolios")
        ordering = ["slug"]

    def natural_key(self):
        return (self.slug,)


class OutletManager(models.Manager):
    def get_by_natural_key(self, name):
        return self.get(name=name)


class Outlet(models.Model):
    """A news outlet that publishes the articles meetings are taken from."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    name_ar = models.CharField(_("name in Arabic"), max_length=200, blank=True)
    domain = models.CharField(_("web domain"), max_length=200, blank=True)
    country = models.ForeignKey(
        Country,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outlets",
        verbose_name=_("country"),
        help_text=_("Where the outlet is based: an unqualified minister is this country's."),
    )

    objects = OutletManager()

    class Meta:
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.name,)


# ---------------------------------------------------------------------------
# People and their posts
# ---------------------------------------------------------------------------


class PostManager(models.Manager):
    def get_by_natural_key(self, country_code, slug):
        return self.get(country__code=country_code, slug=slug)


class Post(ConstraintsCheckedOnALiveDatabase, NamesIndexed):
    """A position in a country's government: Minister of the Interior of Morocco."""

    class Rank(models.TextChoices):
        HEAD_OF_GOVERNMENT = "head_of_government", _("Head of government")
        MINISTER = "minister", _("Minister")
        MINISTER_DELEGATE = "minister_delegate", _("Minister delegate")
        SECRETARY_OF_STATE = "secretary_of_state", _("Secretary of state")
        OFFICIAL = "official", _("Senior official")

    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="posts", verbose_name=_("country")
    )
    slug = models.SlugField(_("slug"), max_length=150)
    portfolio = models.ForeignKey(
        Portfolio,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="posts",
        verbose_name=_("portfolio"),
    )
    rank = models.CharField(_("rank"), max_length=30, choices=Rank, default=Rank.MINISTER)
    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)

    objects = PostManager()

    class Meta(NamesIndexed.Meta):
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["country", "title_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "slug"], name="post_slug_unique_per_country"
            ),
            models.CheckConstraint(
                condition=~Q(title_en="") | ~Q(title_fr="") | ~Q(title_ar=""),
                name="post_has_a_title",
                violation_error_message=_("Give the post's title in at least one language."),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.country_id})"

    def natural_key(self):
        return (self.country_id, self.slug)

    natural_key.dependencies = ["meetings.country", "meetings.portfolio"]

    @property
    def title(self):
        return localized(self, "title")


class PersonQuerySet(models.QuerySet):
    def named(self, words: str):
        """People whose names have ``words`` (every word, normalised as search does), or,
        when nobody's do, the ten whose names are the most like them (meetings.search)."""
        exact = Q(search_vector=SearchQueryOf(words))
        similar = Q(pk__in=RawSQL("SELECT meetings_similar_people(%s)", (words,)))
        return self.filter(exact | (~Exists(Minister.objects.filter(exact)) & similar))

    def in_office(self, country=None, portfolio=None, day=None):
        """People who held a post of ``country`` and ``portfolio`` on ``day`` (each
        optional; all three met by one same mandate)."""
        mandates = Mandate.objects.filter(minister=OuterRef("pk"))
        if country is not None:
            mandates = mandates.filter(post__country=country)
        if portfolio is not None:
            mandates = mandates.filter(post__portfolio=portfolio)
        if day is not None:
            mandates = mandates.on(day)
        return self.filter(Exists(mandates))


class PersonManager(BySlugManager.from_queryset(PersonQuerySet)):
    pass


class Minister(ConstraintsCheckedOnALiveDatabase, NamesIndexed):
    """A person who takes part in meetings: a minister or an official with them."""

    # Unicode slugs: a person known only by an Arabic-script name still gets an id.
    slug = models.SlugField(_("slug"), max_length=150, unique=True, allow_unicode=True)
    name_ar = models.CharField(_("name in Arabic script"), max_length=200, blank=True)
    name_latin = models.CharField(_("name in Latin script"), max_length=200, blank=True)
    aliases = names_field(
        _("aliases"), help_text=_("Short forms and other spellings: لفتيت, Laftit.")
    )
    wikidata_id = models.CharField(
        _("Wikidata id"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^Q[1-9][0-9]*$", _("A Wikidata item id such as Q123."))],
    )

    objects = PersonManager()

    class Meta(NamesIndexed.Meta):
        verbose_name = _("minister")
        verbose_name_plural = _("ministers")
        ordering = ["name_latin", "name_ar"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(name_latin="") | ~Q(name_ar=""),
                name="minister_has_a_name",
                violation_error_message=_("Give the person's name in at least one script."),
            ),
        ]
        indexes = [
            GinIndex(fields=["search_vector"], name="minister_search_vector"),
            GinIndex(
                name="minister_name_latin_trgm", fields=["name_latin"], opclasses=["gin_trgm_ops"]
            ),
            GinIndex(name="minister_name_ar_trgm", fields=["name_ar"], opclasses=["gin_trgm_ops"]),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_fast("meetings:minister", self.slug)

    def natural_key(self):
        return (self.slug,)

    @property
    def name(self):
        return person_name(self.name_ar, self.name_latin)


class MandateQuerySet(models.QuerySet):
    def on(self, day):
        """Mandates running on ``day``."""
        return self.filter(Q(end__isnull=True) | Q(end__gte=day), start__lte=day)


class MandateManager(models.Manager.from_queryset(MandateQuerySet)):
    def get_by_natural_key(self, minister_slug, country_code, post_slug, start):
        return self.get(
            minister__slug=minister_slug,
            post__country_id=country_code,
            post__slug=post_slug,
            start=start,
        )


class DateRange(Func):
    """PostgreSQL's daterange(start, end, '[]'); a null end is open."""

    function = "daterange"
    output_field = DateRangeField()


class Mandate(ConstraintsCheckedOnALiveDatabase, models.Model):
    """A post held by a person from a start date to an end date (open while current)."""

    minister = models.ForeignKey(
        Minister, on_delete=models.CASCADE, related_name="mandates", verbose_name=_("minister")
    )
    post = models.ForeignKey(
        Post, on_delete=models.PROTECT, related_name="mandates", verbose_name=_("post")
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True, help_text=_("Empty while in office."))

    objects = MandateManager()

    class Meta:
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="mandate_start_before_end",
                violation_error_message=_("A mandate cannot end before it starts."),
            ),
            ExclusionConstraint(
                name="mandate_no_overlap_in_same_post",
                expressions=[
                    ("minister", RangeOperators.EQUAL),
                    ("post", RangeOperators.EQUAL),
                    (DateRange("start", "end", Value("[]")), RangeOperators.OVERLAPS),
                ],
                violation_error_message=_(
                    "This person already holds this post during part of these dates."
                ),
            ),
        ]

    def __str__(self):
        end = self.end.isoformat() if self.end else "…"
        return f"{self.minister}: {self.post.title}, {self.post.country_id} ({self.start} – {end})"

    def natural_key(self):
        return (self.minister.slug, self.post.country_id, self.post.slug, self.start.isoformat())

    natural_key.dependencies = ["meetings.minister", "meetings.post"]

    def clean(self):
        # Checked here as well as by the database, so that the overlap check
        # below never builds an inverted (invalid) date range.
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("A mandate cannot end before it starts.")})

    def covers(self, day) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


# ---------------------------------------------------------------------------
# Meetings
# ---------------------------------------------------------------------------


def search_section(number):
    """Section ``number`` of the search document (used by migration 0008)."""
    return Func(
        F("search_document"),
        Value(SECTION_BREAK),
        Value(number),
        function="split_part",
        output_field=models.TextField(),
    )


PUBLISHED = Q(status="published")


class MeetingQuerySet(models.QuerySet):
    def published(self):
        """Meetings the public may see."""
        return self.filter(status=Meeting.Status.PUBLISHED)

    def involving(self, country):
        """Meetings in which ``country`` (a Country or a code) is one of the two sides."""
        code = getattr(country, "code", country)
        return self.filter(Q(country_a_id=code) | Q(country_b_id=code))

    def between(self, first, second):
        """Meetings between two countries, whichever order they are given in."""
        a, b = sorted([getattr(first, "code", first), getattr(second, "code", second)])
        return self.filter(country_a_id=a, country_b_id=b)

    def about(self, topics, match="any"):
        """Meetings on ``topics``, each including its subtopics: any of them, or all of them."""

        def on(some_topics):
            groups = [topic.pk for topic in some_topics if topic.parent_id is None]
            subtopics = [topic.pk for topic in some_topics if topic.parent_id is not None]
            condition = Q()
            if groups:
                condition |= Q(topic_group_ids__overlap=groups)
            if subtopics:
                condition |= Q(topic_ids__overlap=subtopics)
            return condition

        if match == "all":
            queryset = self
            for topic in topics:
                queryset = queryset.filter(on([topic]))
            return queryset
        return self.filter(on(list(topics)))

    def with_participant(self, minister):
        """Meetings in which ``minister`` took part."""
        return self.filter(person_ids__contains=[getattr(minister, "pk", minister)])

    def with_group(self, group, country=None):
        """Meetings with a member of ``group`` on a side; with ``country``, on the other side."""
        members = group.members.values("code")
        if country is None:
            return self.filter(Q(country_a__in=members) | Q(country_b__in=members))
        code = getattr(country, "code", country)
        return self.filter(
            Q(country_a_id=code, country_b__in=members)
            | Q(country_b_id=code, country_a__in=members)
        )

    def with_portfolio(self, portfolio):
        """Meetings in which someone took part in a post of ``portfolio`` (interior...)."""
        return self.filter(portfolio_ids__contains=[getattr(portfolio, "pk", portfolio)])

    def search(self, query: "str | Search", rank: bool = False):
        """Meetings found by ``query``: by their own text, or by the names of what they
        refer to (countries, city, topics, people, posts; meetings.search).

        With ``rank``, each meeting gets a ``rank`` for ordering by relevance (it costs
        a computation per matching meeting, so only then).
        """
        found = query if isinstance(query, Search) else search(query, using=self.db)
        if found.condition is None:
            return self
        matching = self.filter(found.condition)
        if rank:
            matching = matching.annotate(rank=found.rank or Value(0.0))
        return matching

    def participants(self):
        """The people of these meetings, each with ``meetings`` (how many) and
        ``country_code`` (whom they represented), most present first."""
        meetings = self.order_by().values("pk")
        return (
            Minister.objects.filter(participations__meeting__in=meetings)
            .annotate(meetings=Count("participations"), country_code=Max("participations__country"))
            .order_by("-meetings", "name_latin")
        )

    def with_related(self):
        """Everything a list or a page shows, in a fixed number of queries."""
        return self.select_related(
            "country_a", "country_b", "host_country", "city"
        ).prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related(
                    "minister", "country", "mandate__post"
                ).order_by(*display.PARTICIPANT_ORDER),
            ),
            Prefetch("topics", queryset=Topic.objects.order_by("slug")),
        )


# Meeting ids are counted in 32-bit Roaring bitmaps (meetings.counting).
LARGEST_MEETING_ID = 2**32 - 1


class Meeting(ConstraintsCheckedOnALiveDatabase, models.Model):
    """A bilateral meeting of ministers of two countries, as reported by its sources."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class DatePrecision(models.TextChoices):
        DAY = "day", _("Day")
        MONTH = "month", _("Month")
        YEAR = "year", _("Year")

    date = models.DateField(
        _("date"),
        help_text=_("With month or year precision, the first day of that month or year."),
    )
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    # The two sides are stored in code order (country_a < country_b), which the
    # database checks; save() sorts them, so editors may enter either first.
    country_a = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="meetings_as_a",
        verbose_name=_("first country"),
    )
    country_b = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="meetings_as_b",
        verbose_name=_("second country"),
    )
    host_country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_meetings",
        verbose_name=_("host country"),
    )
    city = models.ForeignKey(
        City,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("city"),
    )
    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    summary_ar = models.TextField(_("summary (Arabic)"), blank=True)
    summary_fr = models.TextField(_("summary (French)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    outcomes_ar = models.TextField(
        _("outcomes (Arabic)"), blank=True, help_text=_("What was agreed, one item per line.")
    )
    outcomes_fr = models.TextField(_("outcomes (French)"), blank=True)
    outcomes_en = models.TextField(_("outcomes (English)"), blank=True)
    topics = models.ManyToManyField(
        Topic, related_name="meetings", blank=True, verbose_name=_("topics")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("first published"), null=True, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True, editable=False)
    withdrawal_note = models.TextField(
        _("public note on the withdrawal"),
        blank=True,
        help_text=_("Shown on the meeting's page when a published meeting is withdrawn: why."),
    )
    # Grows on every change to the meeting or its participants and sources, so that
    # an editor saving over someone else's newer changes is stopped. It is a clock
    # (microseconds) rather than a counter so that it keeps growing even after a
    # revert restores an old row.
    version = models.PositiveBigIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="meetings_created",
        verbose_name=_("created by"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="meetings_updated",
        verbose_name=_("last changed by"),
    )
    # The vector of the meeting's own text (titles, summaries, outcomes), each language
    # with its own text search configuration so that no text is stemmed by a foreign
    # language: meetings_meeting_vector(...), written by a trigger on every insert and
    # every update that changes the text, whoever makes it (migrations 0014, 0018). The
    # names of what the meeting refers to are searched in their own tables
    # (meetings.search). A plain column rather than a generated one, so that a bulk
    # import can have the vectors computed while it reads its file (decision 14).
    search_vector = SearchVectorField(null=True, editable=False)

    # A new number whenever what the meeting's card shows of its own rows changes: the
    # meeting, its participants, its topics (triggers, migration 0016). Cards are kept
    # under it (meetings.caching.fragments); NULL for rows untouched since that migration.
    display_version = models.BigIntegerField(
        null=True,
        editable=False,
        db_default=models.Func(
            models.Value("meetings_meeting_display_version"), function="nextval"
        ),
    )

    # Kept by the database from the meeting's topics and participants (triggers,
    # migration 0018), so that filters and facet counts need no join: topics, their
    # top-level topics (a top-level topic stands for itself), the participants'
    # people, posts and the portfolios of those posts. Whoever changes a topic row, a
    # participant, a mandate's post, a post's portfolio or a topic's parent, the arrays
    # follow in the same transaction; bulk loads call meetings_refresh_arrays.
    topic_ids = ArrayField(models.IntegerField(), default=list, editable=False)
    topic_group_ids = ArrayField(models.IntegerField(), default=list, editable=False)
    portfolio_ids = ArrayField(models.IntegerField(), default=list, editable=False)
    person_ids = ArrayField(models.IntegerField(), default=list, editable=False)
    post_ids = ArrayField(models.IntegerField(), default=list, editable=False)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date", "-pk"]
        get_latest_by = "date"
        permissions = [
            ("review_meeting", _("Can send meetings to review")),
            ("publish_meeting", _("Can publish meetings")),
            ("withdraw_meeting", _("Can withdraw published meetings")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(country_a__lt=F("country_b")),
                name="meeting_two_distinct_countries",
                violation_error_message=_("A meeting is between two different countries."),
            ),
            # The counting bitmaps (meetings.counting) hold 32-bit ids.
            models.CheckConstraint(
                condition=Q(id__gte=1, id__lte=LARGEST_MEETING_ID),
                name="meeting_id_fits_the_bitmaps",
            ),
        ]
        # Public pages read published meetings only, newest first: partial indexes in
        # that order let them stop after one page (see docs/decisions/0008).
        indexes = [
            models.Index(
                F("date").desc(), F("id").desc(), name="meeting_published_date", condition=PUBLISHED
            ),
            models.Index(
                "country_a",
                F("date").desc(),
                F("id").desc(),
                name="meeting_published_a_date",
                condition=PUBLISHED,
            ),
            models.Index(
                "country_b",
                F("date").desc(),
                F("id").desc(),
                name="meeting_published_b_date",
                condition=PUBLISHED,
            ),
            models.Index(
                "country_a",
                "country_b",
                F("date").desc(),
                F("id").desc(),
                name="meeting_published_pair_date",
                condition=PUBLISHED,
            ),
            GinIndex(fields=["search_vector"], name="meeting_search_vector"),
            GinIndex(fields=["topic_ids"], name="meeting_topic_ids", condition=PUBLISHED),
            GinIndex(fields=["topic_group_ids"], name="meeting_topic_groups", condition=PUBLISHED),
            GinIndex(fields=["portfolio_ids"], name="meeting_portfolio_ids", condition=PUBLISHED),
            GinIndex(fields=["person_ids"], name="meeting_person_ids", condition=PUBLISHED),
            GinIndex(fields=["post_ids"], name="meeting_post_ids", condition=PUBLISHED),
        ]

    def __str__(self):
        return f"{self.date.isoformat()} {self.country_a_id}–{self.country_b_id}"

    def save(self, *args, **kwargs):
        self.sort_countries()
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        if self.status == self.Status.WITHDRAWN and self.withdrawn_at is None:
            self.withdrawn_at = timezone.now()
        if self.pk and not kwargs.get("update_fields"):
            self.version = max(self.version + 1, time.time_ns() // 1000)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse_fast("meetings:detail", self.pk)

    @property
    def countries(self):
        return [self.country_a, self.country_b]

    @property
    def title(self):
        """The editor's title in the active language, or one made from the countries."""
        return display.title(self, self.country_a.name, self.country_b.name)

    @property
    def summary(self):
        return localized(self, "summary")

    @property
    def outcome_list(self):
        return [
            line.strip(" -•\t") for line in localized(self, "outcomes").splitlines() if line.strip()
        ]

    @property
    def place(self):
        """The city, or failing it the host country (meetings.display)."""
        return display.place(
            self.city.name if self.city_id else "",
            self.host_country.name if self.host_country_id else "",
        )

    def leads(self):
        """The lead participants, from the prefetched participations when there are."""
        return [p for p in self.participations.all() if p.role == Participation.Role.LEAD]

    @property
    def date_display(self):
        """The date as precise as it is known: 15 April 2024, April 2024 or 2024."""
        return date_display(self.date, self.date_precision)

    def sort_countries(self):
        """Put the two sides in code order, as the database stores them."""
        if self.country_a_id and self.country_b_id and self.country_a_id > self.country_b_id:
            self.country_a, self.country_b = self.country_b, self.country_a

    def clean(self):
        errors = {}
        self.sort_countries()
        if self.country_a_id and self.country_b_id and self.country_a_id == self.country_b_id:
            errors["country_b"] = _("A meeting is between two different countries.")
        if self.date and self.date_precision == self.DatePrecision.MONTH and self.date.day != 1:
            self.date = self.date.replace(day=1)
        if self.date and self.date_precision == self.DatePrecision.YEAR:
            self.date = self.date.replace(month=1, day=1)
        if self.city_id and not self.host_country_id:
            self.host_country_id = self.city.country_id
        if self.city_id and self.host_country_id and self.city.country_id != self.host_country_id:
            errors["city"] = _("This city is not in the host country.")
        if errors:
            raise ValidationError(errors)


class Participation(ConstraintsCheckedOnALiveDatabase, models.Model):
    """A person's part in a meeting, with the post they held that day."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        ACCOMPANYING = "accompanying", _("Accompanying")

    # No index of its own: the unique (meeting, minister) index below starts with it.
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("meeting"),
        db_index=False,
    )
    minister = models.ForeignKey(
        Minister,
        on_delete=models.PROTECT,
        related_name="participations",
        verbose_name=_("person"),
    )
    # Denormalised from the mandate when there is one; the database checks it
    # is one of the meeting's two countries (trigger in migration 0002).
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        blank=True,  # may be left to clean(), which takes it from the mandate
        related_name="participations",
        verbose_name=_("country"),
    )
    mandate = models.ForeignKey(
        Mandate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("post held"),
        help_text=_("Left empty, the mandate the person held on the meeting's date is used."),
    )
    role = models.CharField(_("role"), max_length=15, choices=Role, default=Role.LEAD)
    description = models.CharField(
        _("description"),
        max_length=300,
        blank=True,
        help_text=_("How the article describes the person, when no mandate is recorded."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = [LEAD_FIRST.asc(), "order", "pk"]  # as meetings.display lists them
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "minister"],
                name="participation_once_per_meeting",
                violation_error_message=_("This person is already listed in this meeting."),
            ),
        ]

    def __str__(self):
        return f"{self.minister} ({self.country_id})"

    @property
    def post_title(self):
        return display.post(self.mandate.post if self.mandate_id else None, self.description)

    def clean(self):
        try:
            meeting = self.meeting  # set on unsaved meetings too, by the admin's inline forms
        except Meeting.DoesNotExist:
            meeting = None
        if self.mandate_id is None and self.minister_id and meeting and meeting.date:
            # Pick the mandate held that day when there is exactly one.
            running = list(
                Mandate.objects.on(meeting.date)
                .filter(minister_id=self.minister_id)
                .select_related("post")
            )
            if meeting.country_a_id:
                sides = {meeting.country_a_id, meeting.country_b_id}
                running = [m for m in running if m.post.country_id in sides] or running
            if len(running) == 1:
                self.mandate = running[0]
        if self.mandate_id:
            mandate = self.mandate
            if self.minister_id and mandate.minister_id != self.minister_id:
                raise ValidationError({"mandate": _("This mandate belongs to someone else.")})
            if not self.country_id:
                self.country_id = mandate.post.country_id
            elif mandate.post.country_id != self.country_id:
                raise ValidationError(
                    {"mandate": _("This post is in another country than the participant's.")}
                )
            if meeting and meeting.date and not mandate.covers(meeting.date):
                raise ValidationError(
                    {"mandate": _("This mandate was not running on the meeting's date.")}
                )
        if not self.country_id:
            raise ValidationError(
                {"country": _("Give the participant's country, or a post that implies it.")}
            )
        if (
            meeting
            and meeting.country_a_id
            and self.country_id not in (meeting.country_a_id, meeting.country_b_id)
        ):
            raise ValidationError(
                {"country": _("A participant must represent one of the meeting's two countries.")}
            )


class Source(ConstraintsCheckedOnALiveDatabase, models.Model):
    """An article a meeting is taken from, with its text kept in case the link dies."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="sources", verbose_name=_("meeting")
    )
    url = models.URLField(_("URL"), max_length=2000, blank=True)
    outlet = models.ForeignKey(
        Outlet,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sources",
        verbose_name=_("outlet"),
    )
    author = models.CharField(_("author"), max_length=200, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=Language, default=Language.ARABIC
    )
    headline = models.CharField(_("headline"), max_length=500, blank=True)
    text = models.TextField(
        _("article text"), blank=True, help_text=_("Kept so the record survives a dead link.")
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["published_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"],
                condition=~Q(url=""),
                name="source_url_unique",
                violation_error_message=_("This article is already the source of a meeting."),
            ),
        ]

    def __str__(self):
        return (
            self.headline or self.url or f"{self.outlet or _('source')} {self.published_on or ''}"
        )


class MeetingCorrection(models.Model):
    """A public note that a published meeting was corrected, and how."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="corrections", verbose_name=_("meeting")
    )
    note = models.TextField(_("what was corrected"), max_length=2000)
    created_at = models.DateTimeField(_("date"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        verbose_name = _("public correction")
        verbose_name_plural = _("public corrections")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.meeting}: {self.note[:60]}"


class CorrectionRequest(models.Model):
    """A reader's suggested correction, or a meeting they say is missing. Never public."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        MISSING = "missing", _("Missing meeting")

    class State(models.TextChoices):
        NEW = "new", _("New")
        ACCEPTED = "accepted", _("Accepted")
        DISMISSED = "dismissed", _("Dismissed")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind, default=Kind.CORRECTION)
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="correction_requests",
        verbose_name=_("meeting"),
    )
    page = models.CharField(_("page"), max_length=500, blank=True)
    message = models.TextField(_("message"), max_length=5000)
    source_url = models.URLField(_("source URL"), max_length=2000, blank=True)
    name = models.CharField(_("name"), max_length=100, blank=True)
    email = models.EmailField(_("email"), blank=True)
    sender = models.CharField(
        _("sender fingerprint"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("A keyed hash of the sender's address: enough to spot abuse, not to locate."),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.NEW)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    editor_note = models.TextField(_("editors' note"), blank=True)

    class Meta:
        verbose_name = _("correction request")
        verbose_name_plural = _("correction requests")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "-created_at"], name="correction_request_queue")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d}: {self.message[:60]}"


class ArchiveVersion(models.Model):
    """One row whose number grows with every change to what the public can see.

    Cached public pages are keyed by it (meetings/caching/page_cache.py). Database
    triggers on every table the pages read bump it in the changing transaction
    (migration 0013), so the new number becomes visible together with the new
    data, whichever process, shell or import made the change. The number is a
    millisecond clock that never goes back, so a restored backup cannot reuse a
    number that named other data.

    Row 2, the reference version, is bumped the same way by changes to the names
    a meeting card shows (countries, cities, topics, people, posts, mandates;
    migration 0016): cards are kept under it and their meeting's display_version.
    """

    ARCHIVE, REFERENCE = 1, 2

    version = models.BigIntegerField(default=0)

    def __str__(self):
        return str(self.version)


class RateLimit(models.Model):
    """The moments of one client's recent requests under one limit
    (meetings/operations/rate_limits.py).

    The key is the limit's name and a keyed hash of the client's address. The table
    is UNLOGGED (migration 0017): nothing in it is worth a write-ahead log."""

    key = models.CharField(primary_key=True, max_length=100)
    moments = ArrayField(models.DateTimeField())

    def __str__(self):
        return self.key


# -- the newsroom: outlets' feeds watched, their articles triaged (meetings/newsroom/) --------


class Feed(models.Model):
    """An outlet's RSS or Atom feed, or its news sitemap, polled by the newsroom worker.

    The status fields are written by the worker only (meetings/newsroom/polling.py):
    when it last fetched, what the server said, when the next poll is due.
    """

    class Kind(models.TextChoices):
        FEED = "feed", _("RSS or Atom feed")
        SITEMAP = "sitemap", _("news sitemap")

    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, related_name="feeds", verbose_name=_("outlet")
    )
    url = models.URLField(_("URL"), max_length=2000, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.FEED)
    language = models.CharField(_("language"), max_length=5, choices=Language)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="feeds",
        verbose_name=_("country"),
    )
    active = models.BooleanField(_("watched"), default=True)
    # Status, kept by the worker.
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    last_new_item_at = models.DateTimeField(_("last new item"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    last_error_at = models.DateTimeField(_("last error at"), null=True, blank=True)
    failures = models.PositiveIntegerField(_("failures in a row"), default=0)
    fetches = models.PositiveIntegerField(_("fetches"), default=0)
    not_modified = models.PositiveIntegerField(_("answers 304 Not Modified"), default=0)
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    interval = models.PositiveIntegerField(_("poll interval (seconds)"), default=900)
    next_poll_at = models.DateTimeField(_("next poll"), default=timezone.now)
    leased_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("feed")
        verbose_name_plural = _("feeds")
        ordering = ["outlet__name", "url"]
        indexes = [models.Index(fields=["next_poll_at"], name="feed_due")]

    def __str__(self):
        return self.url


class FeedHost(models.Model):
    """One web host the newsroom fetches from: its robots.txt and the pace of requests to it."""

    host = models.CharField(max_length=300, primary_key=True)  # scheme://host[:port]
    robots_txt = models.TextField(blank=True)
    robots_fetched_at = models.DateTimeField(null=True, blank=True)
    crawl_delay = models.FloatField(default=0)
    next_request_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.host


class Candidate(ConstraintsCheckedOnALiveDatabase, models.Model):
    """Articles the newsroom believes report one bilateral ministerial meeting.

    An editor turns it into a draft meeting, adds its articles to a meeting the
    archive has, or dismisses it; a dismissed candidate keeps its articles, so
    they never come back.
    """

    class State(models.TextChoices):
        OPEN = "open", _("to triage")
        DRAFTED = "drafted", _("draft created")
        ATTACHED = "attached", _("added as sources")
        DISMISSED = "dismissed", _("dismissed")

    class Reason(models.TextChoices):
        NOT_A_MEETING = "not_a_meeting", _("not a meeting")
        NOT_BILATERAL = "not_bilateral", _("not bilateral")
        NOT_MINISTERS = "not_ministers", _("not between ministers")
        ALREADY_KNOWN = "already_known", _("already in the archive")
        OTHER = "other", _("other")

    state = models.CharField(_("state"), max_length=10, choices=State, default=State.OPEN)
    country_a = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("country A")
    )
    country_b = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("country B")
    )
    date = models.DateField(_("date"), null=True, blank=True)
    score = models.FloatField(_("score"), default=0)
    headline = models.CharField(_("headline"), max_length=500, blank=True)
    # The best article's proposal: pair, date, place, people with posts, topics.
    proposal = models.JSONField(default=dict, blank=True)
    matched_meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("meeting already in the archive"),
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="candidates",
        verbose_name=_("meeting"),
    )
    dismissed_reason = models.CharField(_("reason"), max_length=20, choices=Reason, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("found"), auto_now_add=True)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("inbox")
        ordering = ["-date", "-pk"]
        indexes = [
            models.Index(fields=["state", "-date", "-id"], name="candidate_inbox"),
            models.Index(fields=["country_a", "country_b", "date"], name="candidate_pair"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(country_a__lt=F("country_b")), name="candidate_countries_ordered"
            ),
        ]

    def __str__(self):
        return self.headline or f"{self.country_a_id}–{self.country_b_id} {self.date}"


class FeedItem(models.Model):
    """One article a feed listed, by its normalised URL: never fetched or listed twice."""

    class State(models.TextChoices):
        NEW = "new", _("to fetch")
        FETCHING = "fetching", _("being fetched")
        DONE = "done", _("read")
        FAILED = "failed", _("failed")
        KNOWN = "known", _("already a source")

    feed = models.ForeignKey(
        Feed, on_delete=models.CASCADE, related_name="items", verbose_name=_("feed")
    )
    url = models.URLField(_("URL"), max_length=2000, unique=True)
    guid = models.CharField(max_length=2000, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # What the feed says of the item (title, date, summary) as a hash: a change is noticed.
    fingerprint = models.CharField(max_length=64, blank=True)
    changes = models.PositiveIntegerField(_("changes noticed"), default=0)
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.NEW)
    claimed_until = models.DateTimeField(null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    text = models.TextField(_("article text"), blank=True)
    language = models.CharField(_("language"), max_length=5, blank=True)
    is_meeting = models.BooleanField(_("reports a meeting"), default=False)
    score = models.FloatField(_("score"), default=0)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    proposal = models.JSONField(default=dict, blank=True)
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("candidate"),
    )
    found_at = models.DateTimeField(_("found"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("feed item")
        verbose_name_plural = _("feed items")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["state"], name="feeditem_state")]

    def __str__(self):
        return self.title or self.url
