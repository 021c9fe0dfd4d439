"""Realistic, reproducible demo data at any scale, written with COPY.

Countries and topics follow Zipf-like frequencies (a few countries and topics
take most meetings, as in the news); each country's posts pass from minister
to minister over the years; a meeting joins the holders of one portfolio in
two countries on its day, with 0 to 4 accompanying officials, 1 to 4 topics,
a source, and a title and summary in three languages. About 8% of meetings
are not published. The same ``seed`` always gives the same data.

Rows are streamed to PostgreSQL with COPY inside meetings.bulk.bulk_load: no
per-row triggers (every row is valid by construction; the participant-country
rule is checked once, in one statement, for the whole load), and indexes
rebuilt at the end of a large load.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from meetings.bulk import bulk_load
from meetings.models import (
    City,
    Country,
    Mandate,
    Meeting,
    Minister,
    Outlet,
    Portfolio,
    Post,
    Topic,
)

FIRST_DAY = datetime.date(1995, 1, 1)
LAST_DAY = datetime.date(2026, 10, 31)
# The countries most present in the archive's news, most present first; the others follow.
PROMINENT = [
    "MA",
    "FR",
    "ES",
    "US",
    "DE",
    "IT",
    "BE",
    "GB",
    "DZ",
    "TN",
    "EG",
    "SA",
    "AE",
    "QA",
    "NL",
    "PT",
    "SN",
    "MR",
    "CN",
    "RU",
    "TR",
    "CA",
    "JP",
    "IN",
    "BR",
    "CH",
    "AT",
    "SE",
    "NO",
    "PL",
    "GR",
    "LY",
    "JO",
    "IQ",
    "KW",
    "OM",
    "BH",
    "LB",
    "SY",
    "PS",
    "ML",
    "NE",
    "NG",
    "CI",
    "GA",
    "CM",
    "BF",
    "TD",
    "KR",
    "IL",
    "IR",
]
PORTFOLIO_WEIGHTS = {
    "foreign-affairs": 10, "interior": 8, "economy-finance": 5, "trade-industry": 5,
    "energy": 4, "justice": 4, "defence": 4, "agriculture-fisheries": 3, "health": 3,
}  # fmt: skip
SYLLABLES_LATIN = [
    "ka",
    "ri",
    "mo",
    "sa",
    "na",
    "li",
    "be",
    "tra",
    "do",
    "fe",
    "lu",
    "mar",
    "an",
    "el",
    "za",
    "ho",
    "vi",
    "ge",
    "ro",
    "si",
    "ta",
    "ne",
    "bo",
    "la",
]
SYLLABLES_ARABIC = [
    "كا",
    "ري",
    "مو",
    "سا",
    "نا",
    "لي",
    "بي",
    "ترا",
    "دو",
    "في",
    "لو",
    "مار",
    "ان",
    "ال",
    "زا",
    "هو",
    "في",
    "جي",
    "رو",
    "سي",
    "تا",
    "ني",
    "بو",
    "لا",
]


def zipf_weights(count: int, exponent: float = 1.1) -> list[float]:
    return [1 / (rank + 1) ** exponent for rank in range(count)]


@dataclass
class Holder:
    minister_id: int
    mandate_id: int
    portfolio_id: int
    start: datetime.date
    end: datetime.date | None


class DemoData:
    """Builds the people and then the meetings of a demo archive."""

    def __init__(self, seed: int, progress: Callable[[int], None] = lambda n: None):
        self.random = random.Random(seed)  # noqa: S311 - reproducible demo data, not secrets
        self.progress = progress
        self.countries = list(Country.objects.order_by("code"))
        codes = {c.code for c in self.countries}
        others = sorted(codes - set(PROMINENT))
        self.random.shuffle(others)
        self.country_order = [code for code in PROMINENT if code in codes] + others
        self.country_weights = zipf_weights(len(self.country_order))
        self.topics = list(Topic.objects.order_by("slug"))
        self.random.shuffle(self.topics)
        self.topic_weights = zipf_weights(len(self.topics), 1.0)
        self.portfolios = list(Portfolio.objects.order_by("slug"))
        self.portfolio_weights = [PORTFOLIO_WEIGHTS.get(p.slug, 1) for p in self.portfolios]
        self.capitals = {
            city.country_id: city for city in City.objects.filter(is_capital=True).order_by("slug")
        }
        self.outlets = list(Outlet.objects.order_by("name"))
        self.names = {c.code: (c.name_ar, c.name_fr, c.name_en) for c in self.countries}

    # -- people --------------------------------------------------------------

    def person_name(self) -> tuple[str, str]:
        parts = [self.random.randrange(len(SYLLABLES_LATIN)) for _ in range(5)]
        first, last = parts[:2], parts[2:]
        latin = (
            "".join(SYLLABLES_LATIN[i] for i in first).capitalize()
            + " "
            + "".join(SYLLABLES_LATIN[i] for i in last).capitalize()
        )
        arabic = (
            "".join(SYLLABLES_ARABIC[i] for i in first)
            + " "
            + "".join(SYLLABLES_ARABIC[i] for i in last)
        )
        return latin, arabic

    def create_people(self) -> None:
        """Posts for every country and portfolio, and the ministers who held them since 1995."""
        existing = set(Post.objects.values_list("country_id", "slug"))
        posts = [
            Post(
                country_id=country.code,
                slug=f"demo-{portfolio.slug}",
                portfolio=portfolio,
                rank=Post.Rank.MINISTER,
                title_ar=f"وزير {portfolio.name_ar}",
                title_fr=f"Ministre ({portfolio.name_fr})",
                title_en=f"Minister ({portfolio.name_en})",
            )
            for country in self.countries
            for portfolio in self.portfolios
            if (country.code, f"demo-{portfolio.slug}") not in existing
        ]
        Post.objects.bulk_create(posts, batch_size=2000)
        posts = Post.objects.filter(slug__startswith="demo-").order_by("pk")
        ministers, mandates = [], []
        taken = set(Minister.objects.values_list("slug", flat=True))
        for post in posts:
            day = FIRST_DAY - datetime.timedelta(days=self.random.randrange(0, 1500))
            while day <= LAST_DAY:
                length = datetime.timedelta(days=self.random.randrange(365, 6 * 365))
                end = day + length
                latin, arabic = self.person_name()
                slug = f"demo-{latin.lower().replace(' ', '-')}"
                while slug in taken:
                    slug += f"-{self.random.randrange(10)}"
                taken.add(slug)
                ministers.append(Minister(slug=slug, name_latin=latin, name_ar=arabic))
                mandates.append((post, day, end if end <= LAST_DAY else None))
                day = end + datetime.timedelta(days=1)
        Minister.objects.bulk_create(ministers, batch_size=5000)
        Mandate.objects.bulk_create(
            [
                Mandate(minister=minister, post=post, start=start, end=end)
                for minister, (post, start, end) in zip(ministers, mandates, strict=True)
            ],
            batch_size=5000,
        )

    def load_holders(self) -> None:
        """For each (country, portfolio), its mandates in time order, to find who held it when."""
        self.holders: dict[tuple[str, int], list[Holder]] = {}
        rows = Mandate.objects.filter(post__slug__startswith="demo-").values_list(
            "minister_id", "pk", "post_id", "post__country_id", "post__portfolio_id", "start", "end"
        )
        for minister, mandate, _post, country, portfolio, start, end in rows.order_by("start"):
            self.holders.setdefault((country, portfolio), []).append(
                Holder(minister, mandate, portfolio, start, end)
            )
        self.minister_names = dict(
            Minister.objects.filter(slug__startswith="demo-").values_list("pk", "name_latin")
        )
        self.minister_names_ar = dict(
            Minister.objects.filter(slug__startswith="demo-").values_list("pk", "name_ar")
        )

    def holder(self, country: str, portfolio_id: int, day: datetime.date) -> Holder | None:
        for holder in self.holders.get((country, portfolio_id), ()):
            if holder.start <= day and (holder.end is None or day <= holder.end):
                return holder
        return None

    # -- meetings --------------------------------------------------------------

    def day(self) -> datetime.date:
        # More meetings in recent years, as archives fill up.
        span = (LAST_DAY - FIRST_DAY).days
        return FIRST_DAY + datetime.timedelta(days=int(span * self.random.random() ** 0.6))

    def meetings(self, count: int, first_id: int):
        """Yield (meeting row, topic ids, participation rows, source row) for ``count`` meetings."""
        statuses = ["published"] * 92 + ["draft"] * 5 + ["review"] * 2 + ["withdrawn"]
        now = timezone.now()
        for meeting_id in range(first_id, first_id + count):
            first, second = self.random.choices(self.country_order, self.country_weights, k=2)
            while second == first:
                second = self.random.choices(self.country_order, self.country_weights)[0]
            a, b = sorted((first, second))
            day = self.day()
            portfolio = self.random.choices(self.portfolios, self.portfolio_weights)[0]
            host = first if self.random.random() < 0.85 else second
            city = self.capitals.get(host)
            topics = self.pick_topics()
            people = []
            for order, country in enumerate((first, second)):
                holder = self.holder(country, portfolio.pk, day)
                if holder:
                    people.append((holder, country, "lead", order))
            for order in range(self.random.randrange(0, 5)):
                other = self.random.choice(self.portfolios)
                country = self.random.choice((first, second))
                holder = self.holder(country, other.pk, day)
                if holder and holder.minister_id not in {p[0].minister_id for p in people}:
                    people.append((holder, country, "accompanying", order + 2))
            status = self.random.choice(statuses)
            texts = self.texts(a, b, people, topics, city, portfolio)
            meeting = {
                "id": meeting_id,
                "date": day,
                "date_precision": "day" if self.random.random() < 0.95 else "month",
                "country_a_id": a,
                "country_b_id": b,
                "host_country_id": host,
                "city_id": city.pk if city else None,
                "status": status,
                "published_at": now if status in ("published", "withdrawn") else None,
                "withdrawn_at": now if status == "withdrawn" else None,
                "withdrawal_note": "Duplicate of another record." if status == "withdrawn" else "",
                **texts,
            }
            if meeting["date_precision"] == "month":
                meeting["date"] = day.replace(day=1)
            participations = [
                (meeting_id, holder.minister_id, country, holder.mandate_id, role, order)
                for holder, country, role, order in people
            ]
            outlet = self.random.choice(self.outlets) if self.outlets else None
            source = (
                meeting_id,
                f"https://news.example/{meeting_id}",
                outlet.pk if outlet else None,
                day + datetime.timedelta(days=self.random.randrange(0, 3)),
                self.random.choice(("ar", "ar", "fr", "en")),
            )
            yield meeting, [topic.pk for topic in topics], participations, source

    def pick_topics(self) -> list:
        count = self.random.choices((1, 2, 3, 4), (3, 4, 2, 1))[0]
        chosen = []
        while len(chosen) < count:
            topic = self.random.choices(self.topics, self.topic_weights)[0]
            if topic not in chosen:
                chosen.append(topic)
        return chosen

    def texts(self, a, b, people, topics, city, portfolio) -> dict:
        (a_ar, a_fr, a_en), (b_ar, b_fr, b_en) = self.names[a], self.names[b]
        topic = topics[0]
        leads = [self.minister_names[h.minister_id] for h, _c, role, _o in people if role == "lead"]
        leads_ar = [
            self.minister_names_ar[h.minister_id] for h, _c, role, _o in people if role == "lead"
        ]
        place_en = f" in {city.name_en}" if city else ""
        place_fr = f" à {city.name_fr}" if city else ""
        place_ar = f" في {city.name_ar}" if city else ""
        others = ", ".join(t.name_en.lower() for t in topics[1:])
        return {
            "title_en": f"{a_en} and {b_en} discuss {topic.name_en.lower()}{place_en}",
            "title_fr": f"{a_fr} et {b_fr} : entretiens sur {topic.name_fr.lower()}{place_fr}",
            "title_ar": f"{a_ar} و{b_ar}: مباحثات حول {topic.name_ar}{place_ar}",
            "summary_en": (
                f"{' and '.join(leads) or 'The ministers'} ({portfolio.name_en.lower()}) met"
                f"{place_en} to discuss {topic.name_en.lower()}"
                + (f", as well as {others}" if others else "")
                + ". They agreed to keep their services in close contact."
            ),
            "summary_fr": (
                f"{' et '.join(leads) or 'Les ministres'} se sont entretenus{place_fr} "
                f"de {topic.name_fr.lower()}. Ils sont convenus de poursuivre la coopération."
            ),
            "summary_ar": (
                f"بحث {' و'.join(leads_ar) or 'الوزيران'}{place_ar} {topic.name_ar}، "
                "واتفقا على مواصلة التنسيق بين مصالح البلدين."
            ),
        }


MEETING_COLUMNS = [
    "id", "date", "date_precision", "country_a_id", "country_b_id", "host_country_id", "city_id",
    "status", "published_at", "withdrawn_at", "withdrawal_note", "title_ar", "title_fr",
    "title_en", "summary_ar", "summary_fr", "summary_en",
]  # fmt: skip
DEFAULTS = {
    "outcomes_ar": "", "outcomes_fr": "", "outcomes_en": "", "version": 1,
    # Filled by meetings_refresh_arrays once topics and participants are written.
    "topic_ids": [], "topic_group_ids": [], "person_ids": [], "post_ids": [], "portfolio_ids": [],
}  # fmt: skip


def generate(count: int, seed: int, progress: Callable[[int], None] = lambda n: None) -> int:
    """Add ``count`` demo meetings (creating demo people first if needed); return the first id."""
    data = DemoData(seed)
    if not Post.objects.filter(slug__startswith="demo-").exists():
        data.create_people()
    data.load_holders()
    first_id = (Meeting.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    now = timezone.now()
    columns = [*MEETING_COLUMNS, *DEFAULTS, "created_at", "updated_at"]
    with bulk_load(count) as raw:
        topics, participations, sources = [], [], []
        with raw.cursor().copy(f"COPY meetings_meeting ({', '.join(columns)}) FROM STDIN") as copy:
            for done, (meeting, topic_ids, people, source) in enumerate(
                data.meetings(count, first_id), start=1
            ):
                copy.write_row(
                    [meeting[c] for c in MEETING_COLUMNS] + [*DEFAULTS.values(), now, now]
                )
                topics += [(meeting["id"], topic_id) for topic_id in topic_ids]
                participations += people
                sources.append(source)
                if done % 10_000 == 0:
                    progress(10_000)
            progress(count % 10_000)
        copy_rows(raw, "meetings_meeting_topics", ["meeting_id", "topic_id"], topics)
        copy_rows(
            raw,
            "meetings_participation",
            [
                "meeting_id",
                "minister_id",
                "country_id",
                "mandate_id",
                "role",
                "order",
                "description",
            ],
            ((*row, "") for row in participations),
        )
        copy_rows(
            raw,
            "meetings_source",
            [
                "meeting_id",
                "url",
                "outlet_id",
                "published_on",
                "language",
                "author",
                "headline",
                "text",
                "added_at",
            ],
            ((*row, "", "", "", now) for row in sources),
        )
        with raw.cursor() as cursor:
            # The rule the participant-country trigger would have checked row by row.
            check_participant_countries(cursor, first_id)
            cursor.execute(
                "SELECT meetings_refresh_arrays(ARRAY(SELECT id FROM meetings_meeting"
                " WHERE id >= %s))",
                [first_id],
            )
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('meetings_meeting', 'id'), "
                "(SELECT max(id) FROM meetings_meeting))"
            )
    return first_id


def copy_rows(raw, table: str, columns: list[str], rows) -> None:
    quoted = ", ".join(f'"{column}"' for column in columns)
    with raw.cursor().copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def check_participant_countries(cursor, first_id: int) -> None:
    """The rule the (switched off) trigger enforces, checked once for the rows just loaded."""
    cursor.execute(
        """
        SELECT count(*) FROM meetings_participation p
        JOIN meetings_meeting m ON m.id = p.meeting_id
        WHERE m.id >= %s AND p.country_id NOT IN (m.country_a_id, m.country_b_id)
        """,
        [first_id],
    )
    wrong = cursor.fetchone()[0]
    if wrong:
        raise ValueError(f"{wrong} participants represent a third country: load rolled back")
