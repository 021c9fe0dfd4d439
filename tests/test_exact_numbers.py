"""Every number a page shows is exact (issue 15): totals, facet counts, chart bars and the
headline figures of the list, a search, the country, pair, person and topic pages, the
home page and the API, each compared with a plain count over the published meetings the
same filters keep (Django's ORM over MeetingFilter's queryset, not the bitmaps)."""

import csv
import io
from collections import Counter
from urllib.parse import parse_qs, urlsplit

import pytest

from meetings.filters import MeetingFilter
from meetings.models import Mandate, Meeting, Minister, Participation, Post, Topic
from meetings.operations import demo

pytestmark = pytest.mark.django_db

COMBINATIONS = [
    {},
    {"country": "MA"},
    {"country": "MA", "counterpart": "FR"},
    {"group": "eu"},
    {"country": "MA", "group": "eu"},
    {"topic": "migration"},
    {"topic": ["security", "migration"], "topic_match": "all"},
    {"topic": ["security", "energy"]},
    {"date_from": "2010-01-01", "topic": "security"},
    {"date_from": "2012-03-05", "date_to": "2016-11-20"},
    {"year": "2020"},
    {"portfolio": "interior", "country": "FR"},
    {"q": "Maroc"},
    {"q": "Rabat"},
    {"q": "أمن"},
    {"q": "migration -énergie"},
    {"q": "counter-terrorism"},
    {"q": "Morocco", "year": "2019"},
]


@pytest.fixture(scope="module")
def demo_archive(django_db_setup, django_db_blocker):
    """400 demo meetings beside the seeds, committed once for this module (making their
    74,000 demo people takes twenty seconds) and deleted at its end. Each test still runs
    in a transaction rolled back at its end."""
    with django_db_blocker.unblock():
        before = table_sizes()
        first = demo.generate(400, seed=11)
    yield
    with django_db_blocker.unblock():
        Meeting.objects.filter(pk__gte=first).delete()
        Mandate.objects.filter(post__slug__startswith="demo-").delete()
        Minister.objects.filter(slug__startswith="demo-").delete()
        Post.objects.filter(slug__startswith="demo-").delete()
        assert table_sizes() == before


def table_sizes() -> list[int]:
    return [model.objects.count() for model in (Meeting, Participation, Minister, Mandate, Post)]


@pytest.fixture
def archive(demo_archive, seed_meetings):
    return Meeting.objects.published()


def expected(params: dict) -> dict:
    """The total and every facet count of the meetings ``params`` keep, counted plainly."""
    filterset = MeetingFilter(params, queryset=Meeting.objects.published())
    assert filterset.is_valid(), filterset.errors
    rows = list(filterset.qs.values_list("id", "country_a_id", "country_b_id", "date"))
    ids = [row[0] for row in rows]
    countries = Counter(code for row in rows for code in row[1:3])
    years = Counter(row[3].year for row in rows)
    topics = Counter()
    groups = Counter()
    by_meeting = {}
    for meeting, topic, parent in Meeting.topics.through.objects.filter(
        meeting_id__in=ids
    ).values_list("meeting_id", "topic_id", "topic__parent_id"):
        topics[topic] += 1
        by_meeting.setdefault(meeting, set()).add(parent or topic)
    for group_ids in by_meeting.values():
        groups.update(group_ids)
    portfolios = Counter()
    held = {}
    for meeting, portfolio in Participation.objects.filter(
        meeting_id__in=ids, mandate__post__portfolio__isnull=False
    ).values_list("meeting_id", "mandate__post__portfolio_id"):
        held.setdefault(meeting, set()).add(portfolio)
    for portfolio_ids in held.values():
        portfolios.update(portfolio_ids)
    return {
        "total": len(rows),
        "country": countries,
        "year": years,
        "topic": topics,
        "topic_group": groups,
        "portfolio": portfolios,
    }


def parameter(url: str, name: str) -> str:
    return parse_qs(urlsplit(url).query)[name][-1]


def check_page(response, counts: dict, chosen=()):
    context = response.context
    assert context["result_count"] == counts["total"]
    facets = context["facets"]
    for item in facets["countries"]:
        name = "counterpart" if "counterpart=" in item.url and chosen else "country"
        code = parameter(item.url, name)
        assert item.count == counts["country"][code], code
    assert len(facets["countries"]) == len(set(counts["country"]) - set(chosen))
    for item in facets["years"]:
        assert item.count == counts["year"][int(item.label)]
    named = {topic.name_en: topic.pk for topic in Topic.objects.all()}
    for group in facets["topics"]:
        assert group.count == counts["topic_group"][named[group.label]], group.label
        for child in group.children:
            assert child.count == counts["topic"][named[child.label]], child.label
    assert sum(1 for _ in facets["topics"]) == len(counts["topic_group"])
    chart = context["chart"]
    if counts["total"]:
        bars = {int(bar.label): bar.value for bar in chart.bars}
        assert bars == {year: counts["year"].get(year, 0) for year in bars}
        assert sum(bars.values()) == counts["total"]
        assert min(bars) == min(counts["year"]) and max(bars) == max(counts["year"])
    else:
        assert chart is None


@pytest.mark.parametrize(
    "params", COMBINATIONS, ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items()) or "all"
)
def test_the_list_a_search_the_api_and_the_export_give_exact_numbers(client, archive, params):
    counts = expected(params)
    response = client.get("/en/meetings/", params)
    assert response.status_code == 200
    chosen = [params[name] for name in ("country", "counterpart") if name in params]
    check_page(response, counts, chosen)
    assert client.get("/api/meetings/", params).json()["count"] == counts["total"]
    export = b"".join(client.get("/en/meetings/export.csv", params).streaming_content).decode()
    assert len(list(csv.DictReader(io.StringIO(export.lstrip("\ufeff"))))) == counts["total"]


def test_the_country_pair_person_and_topic_pages_give_exact_numbers(client, archive):
    counts = expected({"country": "MA"})
    page = client.get("/en/countries/ma/")
    check_page(page, counts, ["MA"])
    counterparts = {
        item.url.split("/")[-2].upper(): item.count for item in page.context["counterparts"]
    }
    assert counterparts == {code: n for code, n in counts["country"].items() if code != "MA"}

    counts = expected({"country": "FR", "counterpart": "MA"})
    page = client.get("/en/countries/ma/fr/")
    check_page(page, counts, ["FR", "MA"])
    people = Counter(
        Participation.objects.filter(meeting__in=MeetingFilter(
            {"country": "FR", "counterpart": "MA"}, queryset=Meeting.objects.published()
        ).qs).values_list("minister_id", flat=True)
    )  # fmt: skip
    slugs = dict(Minister.objects.values_list("slug", "pk"))
    shown = {
        slugs[item.url.split("/")[-2]]: item.count
        for _c, side in page.context["sides"]
        for item in side
    }
    assert shown == dict(people)

    person = (
        Minister.objects.filter(participations__meeting__status="published").order_by("-pk").first()
    )
    counts = expected({"minister": person.slug})
    page = client.get(f"/en/people/{person.slug}/")
    check_page(page, counts)
    assert page.context["result_count"] == counts["total"] > 0

    topic = Topic.objects.get(slug="migration")
    counts = expected({"topic": "migration"})
    page = client.get(f"/en/topics/{topic.slug}/")
    check_page(page, counts)
    active = {country.code: number for country, number in page.context["active_countries"]}
    assert active == dict(counts["country"])


def test_the_home_page_and_the_indexes_give_exact_totals(client, archive):
    counts = expected({})
    home = client.get("/en/")
    published = Meeting.objects.published()
    people = Participation.objects.filter(meeting__in=published).values("minister").distinct()
    assert home.context["totals"] == {
        "meetings": counts["total"],
        "countries": len(counts["country"]),
        "people": people.count(),
    }
    countries = client.get("/en/countries/").context["countries"]
    assert {country.code: number for country, number in countries} == dict(counts["country"])
    tree = client.get("/en/topics/").context["tree"]
    for topic, number, children in tree:
        assert number == counts["topic_group"].get(topic.pk, 0)
        for child, child_number in children:
            assert child_number == counts["topic"].get(child.pk, 0)


def test_numbers_follow_an_edit_at_once(client, archive):
    client.get("/en/meetings/", {"country": "MA"})  # the process's bitmaps read
    meeting = Meeting.objects.published().filter(country_b_id="MA").first()
    meeting.status = Meeting.Status.DRAFT
    meeting.save()
    Meeting.objects.filter(pk=Meeting.objects.filter(status="draft").first().pk).update(
        status=Meeting.Status.PUBLISHED
    )
    counts = expected({"country": "MA"})
    check_page(client.get("/en/meetings/", {"country": "MA"}), counts, ["MA"])
    Meeting.objects.filter(pk=meeting.pk).delete()
    counts = expected({"country": "MA"})
    check_page(client.get("/en/meetings/", {"country": "MA"}), counts, ["MA"])


@pytest.mark.parametrize("order", ["-date", "date", "-updated"])
def test_the_api_cursor_walks_every_meeting_once_and_ends(client, archive, order):
    # Every meeting updated at the same moment, as after a bulk load.
    Meeting.objects.update(updated_at="2025-01-01T00:00:00Z")
    seen, url, pages = [], f"/api/meetings/?order={order}&page_size=50", 0
    while url and pages < 100:
        data = client.get(url).json()
        assert data["count"] == Meeting.objects.published().count()
        seen += [meeting["id"] for meeting in data["results"]]
        url, pages = data["next"], pages + 1
    assert url is None
    assert sorted(seen) == sorted(Meeting.objects.published().values_list("id", flat=True))
    assert len(seen) == len(set(seen))


def test_the_api_refuses_parameters_it_does_not_read(client, seed_meetings):
    response = client.get("/api/meetings/", {"contry": "MA"})
    assert response.status_code == 400
    assert "contry" in response.json()
    response = client.get("/api/countries/", {"q": "maroc"})
    assert response.status_code == 400 and "q" in response.json()


def test_a_deep_page_of_the_list_follows_the_order_of_the_database(client, archive):
    url, seen = "/en/meetings/?country=MA", []
    while url:
        response = client.get(url)
        seen += [meeting.pk for meeting in response.context["page"].items]
        url = response.context["page"].next_cursor and (
            f"/en/meetings/?country=MA&after={response.context['page'].next_cursor}"
        )
    database = list(
        Meeting.objects.published()
        .involving("MA")
        .order_by("-date", "-id")
        .values_list("id", flat=True)
    )
    assert seen == database


@pytest.mark.django_db
def test_a_search_finds_meetings_whose_ids_are_beyond_a_signed_32_bit_integer(client):
    # Word postings travel as four bytes an id (meetings.counting.packed_rows): ids from
    # 2**31 to 2**32 - 1 (the largest the bitmaps hold) come back as they are.
    from tests.factories import MeetingFactory

    ids = [2**31 - 1, 2**31, 3_000_000_000, 2**32 - 1]
    for pk in ids:
        MeetingFactory(pk=pk, title_en="Talks on zirconium mining")
    MeetingFactory(title_en="Talks on zirconium exports")
    ids.append(Meeting.objects.latest("created_at").pk)
    response = client.get("/en/meetings/?q=zirconium")
    assert response.status_code == 200
    assert response.context["result_count"] == len(ids)
    assert sorted(m.pk for m in response.context["object_list"]) == sorted(ids)


def test_the_home_page_s_totals_follow_a_publication_at_once(client, archive):
    # The totals come from the bitmaps (the people count kept between changes): read
    # once, then a meeting with a new person is published and another withdrawn.
    from tests.factories import MeetingFactory, ParticipationFactory

    def totals():
        published = Meeting.objects.published()
        people = Participation.objects.filter(meeting__in=published).values("minister")
        return {
            "meetings": published.count(),
            "countries": len(expected({})["country"]),
            "people": people.distinct().count(),
        }

    assert client.get("/en/").context["totals"] == totals()
    meeting = MeetingFactory(status=Meeting.Status.DRAFT)
    ParticipationFactory(meeting=meeting)
    meeting.status = Meeting.Status.PUBLISHED
    meeting.save()
    Meeting.objects.published().exclude(pk=meeting.pk).first().delete()
    assert client.get("/en/").context["totals"] == totals()


def test_a_word_of_many_meetings_is_kept_and_follows_every_change_at_once(client, monkeypatch):
    # The published meetings of a word searched often are kept by the process (decision 31)
    # and followed like the other bitmaps: a text edit, a publication, a withdrawal, a new
    # meeting and a deletion each show at once, and check_integrity finds no drift.
    from meetings import counting
    from meetings.caching.integrity import bitmap_drifts
    from tests.factories import MeetingFactory

    monkeypatch.setattr(counting, "WORD_BITMAPS_FROM", 2)
    meetings = [MeetingFactory(title_en=f"Talks on zirconium mining {n}") for n in range(4)]
    draft = MeetingFactory(title_en="Talks on trade", status=Meeting.Status.DRAFT)

    def found():
        response = client.get("/en/meetings/", {"q": "zirconium"})
        listed = sorted(meeting.pk for meeting in response.context["object_list"])
        assert response.context["result_count"] == len(listed)
        return listed

    def database():
        return sorted(
            Meeting.objects.published()
            .filter(title_en__icontains="zirconium")
            .values_list("pk", flat=True)
        )

    assert found() == database() == sorted(meeting.pk for meeting in meetings)
    assert list(counting.bitmaps().words.values()) == [counting.BitMap(database())]
    Meeting.objects.filter(pk=meetings[0].pk).update(title_en="Talks on copper mining")
    assert found() == database()
    draft.title_en = "Talks on zirconium exports"
    draft.status = Meeting.Status.PUBLISHED
    draft.save()
    assert found() == database()
    Meeting.objects.filter(pk=meetings[1].pk).update(status=Meeting.Status.WITHDRAWN)
    assert found() == database()
    MeetingFactory(title_en="Zirconium again")
    Meeting.objects.filter(pk=meetings[2].pk).delete()
    assert found() == database()
    assert len(database()) == 3
    assert bitmap_drifts() == []
    # A word kept wrongly (as if a change had been missed) is a drift check_integrity names.
    counting.bitmaps().words["zirconium"].add(meetings[1].pk)
    assert [str(drift) for drift in bitmap_drifts()] == ["bitmap word zirconium: meetings"]


def test_only_words_of_many_meetings_are_kept_and_only_the_latest_searched(client, monkeypatch):
    from meetings import counting
    from tests.factories import MeetingFactory

    monkeypatch.setattr(counting, "WORD_BITMAPS_FROM", 2)
    monkeypatch.setattr(counting, "WORD_BITMAPS", 2)
    for word in ("osmium", "osmium", "iridium", "iridium", "rhodium", "rhodium", "cobalt"):
        MeetingFactory(title_en=f"Talks on {word}")
    for word in ("osmium", "iridium", "cobalt", "rhodium"):
        assert client.get("/en/meetings/", {"q": word}).status_code == 200
    # cobalt matches one meeting: read each time; osmium, the oldest, made way for rhodium.
    assert list(counting.bitmaps().words) == ["iridium", "rhodium"]
