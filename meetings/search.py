"""What a reader's words find.

A word finds a meeting when the meeting's own text has it (its titles, summaries and
outcomes in three languages), or when it names something the meeting refers to: one of
its two countries (names, aliases, demonyms), its city, one of its topics (a topic stands
for its subtopics too), one of its participants (names and aliases), their posts or the
portfolios of those posts.

Every vector is kept by the database from its own row, in the transaction of any
change, whoever makes it: a meeting's from its text (``meetings_meeting_vector``), a
reference row's from its names (``meetings_country_vector``...). Names are never copied
into meetings: a topic renamed in the admin, by an import, by a shell or by raw SQL is
found by its new name at once, and no meeting is rewritten (docs/decisions/0020).

Texts and queries are normalised by one function, ``meetings_normalize`` (SQL, migrations
0018 and 0030), and each language is indexed with its own configuration; a query runs
through ``meetings_search_query``, the same words in the four configurations, so that a
word and a name are matched the same way. meetings.text.normalize_for_search is the same
normalisation in Python, for splitting a query into its terms (a test keeps the two
equal).

A word that no published meeting's text and no name has, such as a name spelt another
way (Leftit, Lafteet, بيانتدوزي), names the person whose names are most like it
(``meetings_similar_person``, pg_trgm's word similarity, migration 0030): it finds their
meetings, and the page says whom it took it for ("did you mean…?").
"""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, Q

from meetings.text import normalize_for_search

SECTION_BREAK = "\f"  # between the sections of the documents of migrations 0008-0017


class SearchQueryOf(SearchQuery):
    """``meetings_search_query(words)``: the words as a query in the four configurations
    (migration 0018), usable wherever Django takes a SearchQuery."""

    def __init__(self, words: str):
        super().__init__(words, search_type="websearch")
        self.function = "meetings_search_query"


# -- queries -------------------------------------------------------------------------------

# "a phrase", a -negated word, or a word; "or" between two of them.
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass
class Term:
    """One word or quoted phrase of a query, as PostgreSQL's websearch syntax reads it."""

    words: str
    negated: bool = False
    # What it names, by kind ("country": ["MA"], "person": [12]...), once looked up.
    names: dict = field(default_factory=dict)
    # The person it was taken for when nothing has the word itself (a similar name).
    similar_person: int | None = None

    @property
    def phrase(self) -> bool:
        return self.words.startswith('"')


# Words too common to search for, as normalised: PostgreSQL's configurations drop them
# from the texts of their language (so "la" of "la protection civile", or the و split from
# والهجرة, would find no French or Arabic text), and the simple configuration of names
# keeps them. A query of only such words keeps them.
FUNCTION_WORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "de",
        "du",
        "des",
        "d",
        "un",
        "une",
        "et",
        "en",
        "au",
        "aux",
        "a",
        "pour",
        "sur",
        "par",
        "dans",
        "avec",
        "the",
        "of",
        "and",
        "in",
        "on",
        "for",
        "to",
        "an",
        "with",
        "و",
        "في",
        "من",
        "على",
        "الي",
        "عن",
        "مع",
        "ب",
        "ل",
    ]
)


def parse(query: str) -> list[list[Term]]:
    """The query as groups that must all match, each one term or several joined by "or"."""
    groups: list[list[Term]] = []
    joining = False
    tokens = TOKEN.findall(normalize_for_search(query))
    if any(word.lstrip("-") not in FUNCTION_WORDS for _negation, _phrase, word in tokens):
        tokens = [token for token in tokens if token[2].lstrip("-") not in FUNCTION_WORDS]
    for negation, phrase, word in tokens:
        if word and word == "or" and groups and not joining:
            joining = True
            continue
        if word:
            negated = word.startswith("-") and len(word) > 1
            term = Term(word[1:] if negated else word, negated=negated)
        else:
            phrase = phrase.strip()
            if not phrase:
                continue
            term = Term(f'"{phrase}"', negated=bool(negation))
        if joining and not term.negated:
            groups[-1].append(term)
        else:
            groups.append([term])
        joining = False
    return groups


# The reference tables whose names a term may match, and the meetings each one finds.
NAMED = {
    "country": "meetings_country",
    "city": "meetings_city",
    "topic": "meetings_topic",
    "person": "meetings_minister",
    "post": "meetings_post",
    "portfolio": "meetings_portfolio",
}
KEYS = {"country": "code"}


def look_up_names(terms: list[Term], using: str = "default") -> None:
    """Fill each term's ``names`` with the reference rows it names, in one statement.

    A word (not negated, not a phrase) that names nothing and is in no published meeting's
    text names the person with the most similar name instead, if any is alike enough.
    """
    if not terms:
        return
    selects, params = [], []
    for index, term in enumerate(terms):
        for kind, table in NAMED.items():
            key = KEYS.get(kind, "id")
            selects.append(
                f"SELECT {index}, '{kind}', {key}::text FROM {table} "  # noqa: S608 - constants
                "WHERE search_vector @@ meetings_search_query(%s)"
            )
            params.append(term.words)
    similar = []
    whole_query = " ".join(term.words for term in terms if not term.negated)
    for index, term in enumerate(terms):
        if term.negated or term.phrase:
            continue
        # Computed only for a term the exact look-ups found nothing for.
        similar.append(
            f"SELECT * FROM (SELECT {index}, 'similar', "  # noqa: S608 - constants
            "meetings_similar_person(%s, %s)::text AS key "
            f"WHERE NOT EXISTS (SELECT FROM named WHERE term = {index}) "
            "AND NOT EXISTS (SELECT FROM meetings_meeting WHERE status = 'published' "
            "AND search_vector @@ meetings_search_query(%s))) guess WHERE key IS NOT NULL"
        )
        params += [term.words, whole_query, term.words]
    statement = (
        "WITH named(term, kind, key) AS MATERIALIZED ("  # noqa: S608 - constants
        + " UNION ALL ".join(selects)
        + ") SELECT term, kind, key FROM named"
        + "".join(f" UNION ALL {select}" for select in similar)
    )
    with connections[using].cursor() as cursor:
        cursor.execute(statement, params)
        for index, kind, key in cursor.fetchall():
            if kind == "similar":
                terms[index].similar_person = int(key)
                kind = "person"
            terms[index].names.setdefault(kind, []).append(key)


def subtopics_of(topic_ids: list[int]) -> list[int]:
    """A topic and its subtopics, from the reference cache."""
    from meetings.models import Topic
    from meetings.reference import cached_objects

    wanted = set(topic_ids)
    return sorted(
        pk
        for pk, topic in cached_objects(Topic).items()
        if pk in wanted or topic.parent_id in wanted
    )


def term_condition(term: Term) -> Q:
    """Meetings the term finds: by their own text, or by what they refer to."""
    condition = Q(search_vector=SearchQueryOf(term.words))
    names = term.names
    if names.get("country"):
        condition |= Q(country_a_id__in=names["country"]) | Q(country_b_id__in=names["country"])
    if names.get("city"):
        condition |= Q(city_id__in=[int(key) for key in names["city"]])
    if names.get("topic"):
        condition |= Q(topic_ids__overlap=subtopics_of([int(key) for key in names["topic"]]))
    for kind, column in (("person", "person_ids"), ("post", "post_ids"),
                         ("portfolio", "portfolio_ids")):  # fmt: skip
        if names.get(kind):
            condition |= Q(**{f"{column}__overlap": [int(key) for key in names[kind]]})
    return ~condition if term.negated else condition


@dataclass
class Search:
    """A parsed query: its condition on meetings, what it ranks by, and what it named."""

    condition: Q | None
    rank: SearchRank | None
    terms: list[Term]


def search(query: str, using: str = "default") -> Search:
    groups = parse(query)
    terms = [term for group in groups for term in group]
    if not terms:
        return Search(None, None, [])
    look_up_names(terms, using)
    condition = Q()
    for group in groups:
        alternatives = Q()
        for term in group:
            alternatives |= term_condition(term)
        condition &= alternatives
    words = " ".join(term.words for term in terms if not term.negated)
    rank = SearchRank(F("search_vector"), SearchQueryOf(words)) if words else None
    return Search(condition, rank, terms)
