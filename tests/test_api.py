"""The read-only API: published meetings only, the site's filters, cursors, errors,
throttling, and an OpenAPI schema the API itself keeps to (checked with schemathesis)."""

import base64
import datetime
import re

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application
from meetings.filters import MeetingFilter
from meetings.models import Country, Meeting, Outlet, Portfolio
from tests.factories import (
    MandateFactory,
    MeetingFactory,
    ParticipationFactory,
    PostFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

API_LIST = "/api/meetings/"
HTML_LIST = "/en/meetings/"


def api_pages(client, params=None, page_size=None):
    """Every page of the API's meeting list, following the next links."""
    query = dict(params or {})
    if page_size:
        query["page_size"] = page_size
    response = client.get(API_LIST, query)
    pages = []
    while True:
        assert response.status_code == 200, response.content
        pages.append(response.json())
        if not pages[-1]["next"]:
            return pages
        response = client.get(pages[-1]["next"])


def api_ids(client, params=None, page_size=None):
    return [m["id"] for page in api_pages(client, params, page_size) for m in page["results"]]


def html_ids(client, params=None):
    """The meetings of the site's list, over all its pages (following the Older links)."""
    ids, position = [], {}
    while True:
        response = client.get(HTML_LIST, {**(params or {}), **position})
        assert response.status_code == 200
        ids += [meeting.pk for meeting in response.context["object_list"]]
        page = response.context["page"]
        if not page.has_next:
            return ids
        position = {"page": page.number + 1} if page.number else {"after": page.next_cursor}


@pytest.fixture
def varied_meetings(seed_meetings):
    """Thirty published meetings of several pairs, topics and dates, and unpublished ones."""
    pairs = [("MA", "ES"), ("MA", "BE"), ("MA", "IT"), ("FR", "MA"), ("BE", "FR")]
    topics = [
        ["migration"],
        ["border-control"],
        ["counter-terrorism"],
        ["counter-terrorism", "border-control"],
        ["energy"],
        [],
    ]
    countries = {
        country.code: country
        for country in Country.objects.filter(code__in=["MA", "ES", "BE", "IT", "FR"])
    }
    meetings = []
    for i in range(30):
        first, second = pairs[i % len(pairs)]
        meetings.append(
            MeetingFactory(
                country_a=countries[first],
                country_b=countries[second],
                # Every third meeting shares its date with the one before.
                date=datetime.date(2022, 1, 3) + datetime.timedelta(days=23 * (i - i // 3)),
                topics=topics[i % len(topics)],
                title_ar="اجتماع حول الهجرة" if i % 4 == 0 else "اجتماع ثنائي",
            )
        )
    for status in (Meeting.Status.DRAFT, Meeting.Status.REVIEW, Meeting.Status.WITHDRAWN):
        MeetingFactory(
            status=status,
            country_a=countries["BE"],
            country_b=countries["MA"],
            date=datetime.date(2024, 3, 1),
            topics=["migration", "security"],
            title_ar="اجتماع حول الهجرة",
        )
    return meetings


# ---------------------------------------------------------------------------
# Published meetings only
# ---------------------------------------------------------------------------


def test_the_list_and_detail_show_only_published_meetings(client, seed_meetings):
    published = MeetingFactory()
    hidden = [
        MeetingFactory(status=status)
        for status in (Meeting.Status.DRAFT, Meeting.Status.REVIEW, Meeting.Status.WITHDRAWN)
    ]
    ids = set(api_ids(client))
    assert ids == set(Meeting.objects.published().values_list("pk", flat=True))
    assert published.pk in ids
    assert client.get(f"/api/meetings/{published.pk}/").status_code == 200
    for meeting in hidden:
        assert meeting.pk not in ids
        response = client.get(f"/api/meetings/{meeting.pk}/")
        assert response.status_code == 404
        assert "detail" in response.json()
    for odd in ("abc", "0", "-1", "99999999999999999999999"):
        assert client.get(f"/api/meetings/{odd}/").status_code == 404


def test_a_meeting_has_its_countries_place_people_topics_and_sources(client, seed_meetings):
    belgium, _italy = seed_meetings
    SourceFactory(
        meeting=belgium,
        outlet=Outlet.objects.order_by("pk").first(),
        headline="Laftit reçoit Verlinden",
        author="A. Reporter",
        text="THE STORED ARTICLE TEXT MUST NEVER LEAVE THE ARCHIVE",
    )
    response = client.get(reverse("api:meeting-detail", args=[belgium.pk]))
    assert response.status_code == 200
    assert b"THE STORED ARTICLE TEXT" not in response.content
    data = response.json()
    assert data["id"] == belgium.pk
    assert data["url"] == f"https://archive.example/en/meetings/{belgium.pk}/"
    assert data["api_url"] == f"http://testserver/api/meetings/{belgium.pk}/"
    assert data["date"] == "2024-04-15"
    assert data["date_precision"] == "day"
    assert [country["code"] for country in data["countries"]] == ["BE", "MA"]
    assert data["countries"][0] == {
        "code": "BE",
        "name_en": "Belgium",
        "name_fr": "Belgique",
        "name_ar": "بلجيكا",
    }
    assert data["host_country"] == "MA"
    assert data["city"]["slug"] == "rabat"
    assert set(data["title"]) == set(data["summary"]) == set(data["outcomes"]) == {"ar", "fr", "en"}
    assert data["title"]["en"] == "Laftit and Verlinden discuss security and migration cooperation"
    assert {"migration", "security"} <= set(data["topics"])
    people = {person["slug"]: person for person in data["participants"]}
    assert {"abdelouafi-laftit", "annelies-verlinden"} <= set(people)
    laftit = people["abdelouafi-laftit"]
    assert laftit["country"] == "MA"
    assert laftit["name_ar"] == "عبد الوافي لفتيت"
    assert laftit["post_title"]["en"] == "Minister of the Interior"
    assert laftit["portfolio"] == "interior"
    assert laftit["role"] == "lead"
    assert people["annelies-verlinden"]["country"] == "BE"
    added = next(source for source in data["sources"] if source["headline"])
    assert added == {
        "url": added["url"],
        "outlet": Outlet.objects.order_by("pk").first().name,
        "author": "A. Reporter",
        "published_on": "2023-05-10",
        "language": "ar",
        "headline": "Laftit reçoit Verlinden",
    }
    assert all("text" not in source for source in data["sources"])
    assert data["first_published"] and data["updated_at"]


def test_the_filters_apply_to_the_detail_too(client, seed_meetings):
    belgium, _italy = seed_meetings
    assert client.get(f"/api/meetings/{belgium.pk}/", {"country": "BE"}).status_code == 200
    assert client.get(f"/api/meetings/{belgium.pk}/", {"country": "IT"}).status_code == 404


def test_a_participant_without_a_recorded_post_has_null_post_and_portfolio(client):
    participation = ParticipationFactory(description="a senior official")
    data = client.get(f"/api/meetings/{participation.meeting.pk}/").json()
    person = data["participants"][0]
    assert person["post_title"] is None
    assert person["portfolio"] is None
    assert person["description"] == "a senior official"


def add_meetings(number, outlet, portfolio):
    """Meetings with everything a meeting shows: people with posts, topics, sources."""
    for _ in range(number):
        meeting = MeetingFactory(topics=["migration", "security"])
        for _ in range(2):
            mandate = MandateFactory(post=PostFactory(portfolio=portfolio))
            ParticipationFactory(meeting=meeting, minister=mandate.minister, mandate=mandate)
            SourceFactory(meeting=meeting, outlet=outlet)


def test_the_list_takes_the_same_number_of_queries_for_5_and_for_30_meetings(client):
    outlet, portfolio = Outlet.objects.first(), Portfolio.objects.get(slug="interior")
    add_meetings(5, outlet, portfolio)
    # New people and posts are a new reference version: the first request after them
    # reads the reference tables again, as any earlier request would have.
    client.get(API_LIST)
    with CaptureQueriesContext(connection) as few:
        response = client.get(API_LIST, {"page_size": 500})
    assert len(response.json()["results"]) >= 5
    add_meetings(25, outlet, portfolio)
    client.get(API_LIST)
    with CaptureQueriesContext(connection) as many:
        response = client.get(API_LIST, {"page_size": 500})
    assert len(response.json()["results"]) >= 30
    # The versions, the rate limit's count, then meetings, participants, topics, sources.
    assert len(few) == len(many) <= 6


def test_the_list_writes_each_meeting_exactly_as_the_detail_does(client, seed_meetings):
    """The list builds plain dicts (meetings/api/representations.py); the detail uses
    MeetingSerializer: both must write the same JSON, in every language and case."""
    outlet, portfolio = Outlet.objects.first(), Portfolio.objects.get(slug="interior")
    add_meetings(3, outlet, portfolio)
    bare = MeetingFactory(city=None, host_country=None, title_ar="", summary_fr="نص")
    ParticipationFactory(meeting=bare, description="a senior official", role="accompanying")
    SourceFactory(meeting=bare, url="", outlet=None, published_on=None, headline="بلا رابط")
    MeetingFactory(topics=[])  # no people, no topics, no sources
    for language in ("en", "fr", "ar"):
        headers = {"HTTP_ACCEPT_LANGUAGE": language}
        listed = client.get(API_LIST, {"page_size": 500}, **headers).json()["results"]
        assert len(listed) == Meeting.objects.published().count()
        for meeting in listed:
            detail = client.get(f"/api/meetings/{meeting['id']}/", **headers).json()
            assert meeting == detail


def test_ministers_are_listed_with_their_mandates_in_constant_queries(client):
    portfolio = Portfolio.objects.get(slug="interior")
    MandateFactory(post=PostFactory(portfolio=portfolio))
    # A first request fills what each process keeps once (throttle table, caches),
    # which earlier tests may or may not have done already.
    assert client.get("/api/ministers/", {"page_size": 500}).status_code == 200
    with CaptureQueriesContext(connection) as few:
        assert client.get("/api/ministers/", {"page_size": 500}).status_code == 200
    for _ in range(20):
        MandateFactory(post=PostFactory(portfolio=portfolio))
    with CaptureQueriesContext(connection) as many:
        assert client.get("/api/ministers/", {"page_size": 500}).status_code == 200
    assert len(many) == len(few)


# ---------------------------------------------------------------------------
# The site's filters, identically
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"country": "BE"},
        {"country": "be"},
        {"topic": "migration"},
        {"country": "MA", "counterpart": "IT"},
        {"q": "الهجرة"},
        {"q": "migration", "order": "relevance"},
        {"date_from": "2022-06-01", "date_to": "2023-06-30"},
        {"year": "2023"},
        {"topic": ["security", "migration"], "topic_match": "all"},
        {"topic": ["counter-terrorism", "energy"]},
        {"minister": "abdelouafi-laftit"},
        {"portfolio": "interior"},
        {"host": "MA", "place": "rabat"},
        {"country": "MA", "order": "date"},
        {"order": "-updated"},
    ],
    ids=lambda params: "&".join(f"{key}={value}" for key, value in params.items()) or "none",
)
def test_the_api_lists_the_same_meetings_as_the_site(client, varied_meetings, params):
    site = html_ids(client, params)
    api = api_ids(client, params, page_size=7)
    assert len(api) == len(set(api))
    assert set(api) == set(site)
    if params.get("order") != "relevance":
        assert api == site  # same order too
    assert site


def test_every_filter_of_the_site_is_a_documented_parameter(client):
    parameters = schema_parameters(client, "/api/meetings/")
    assert set(MeetingFilter.base_filters) <= parameters
    assert {"cursor", "page_size"} <= parameters


# ---------------------------------------------------------------------------
# Cursor pagination
# ---------------------------------------------------------------------------


@pytest.fixture
def many_meetings():
    start = datetime.date(2020, 1, 1)
    # Groups of three on the same day, so the cursor must break ties by id.
    return [MeetingFactory(date=start + datetime.timedelta(days=i // 3)) for i in range(120)]


@pytest.mark.parametrize("order", ["-date", "date", "-updated", "relevance"])
def test_cursors_walk_every_meeting_once_in_order(client, many_meetings, order):
    pages = api_pages(client, {"order": order}, page_size=50)
    assert [len(page["results"]) for page in pages] == [50, 50, 22]  # with the two seed meetings
    ids = [meeting["id"] for page in pages for meeting in page["results"]]
    expected = Meeting.objects.published().order_by(
        *MeetingFilter.ORDERINGS.get(order, ("-date", "-pk"))
    )
    assert ids == list(expected.values_list("pk", flat=True))
    assert pages[0]["previous"] is None


def test_previous_links_walk_back_over_the_same_pages(client, many_meetings):
    pages = api_pages(client, page_size=50)
    back = [pages[-1]]
    while back[-1]["previous"]:
        back.append(client.get(back[-1]["previous"]).json())
    assert [p["results"] for p in reversed(back)] == [p["results"] for p in pages]


def test_a_page_size_up_to_500_is_honoured(client, many_meetings):
    assert len(client.get(API_LIST, {"page_size": 500}).json()["results"]) == 122
    assert len(client.get(API_LIST).json()["results"]) == 50


# ---------------------------------------------------------------------------
# Parameters that cannot be understood: 400 naming the parameter
# ---------------------------------------------------------------------------


def cursor(query):
    return base64.b64encode(query.encode()).decode()


@pytest.mark.parametrize(
    ("params", "name", "message"),
    [
        ({"country": "ZZ"}, "country", "Unknown country code “ZZ”."),
        ({"counterpart": "MA", "country": "MA"}, "counterpart", None),
        ({"topic": "no-such-topic"}, "topic", None),
        ({"date_from": "2024-02-30"}, "date_from", None),
        ({"date_from": "2024-05-01", "date_to": "2024-01-01"}, "date_to", None),
        ({"year": "abc"}, "year", None),
        ({"order": "sideways"}, "order", None),
        ({"cursor": "not a cursor"}, "cursor", "Invalid cursor."),
        ({"cursor": cursor("o=1&r=0&p=not-a-date")}, "cursor", "Invalid cursor."),
        ({"cursor": cursor("o=-4")}, "cursor", "Invalid cursor."),
        ({"order": "-updated", "cursor": cursor("p=2024-99-01")}, "cursor", "Invalid cursor."),
        ({"page_size": "abc"}, "page_size", None),
        ({"page_size": "0"}, "page_size", None),
        ({"page_size": "-5"}, "page_size", None),
        ({"page_size": "501"}, "page_size", None),
    ],
)
def test_a_bad_parameter_answers_400_naming_it(client, seed_meetings, params, name, message):
    response = client.get(API_LIST, params)
    assert response.status_code == 400
    errors = response.json()
    assert name in errors
    assert isinstance(errors[name], list)
    if message:
        assert errors[name] == [message]


def test_the_site_and_the_api_give_the_same_messages(client):
    site = client.get(HTML_LIST, {"country": "ZZ"})
    assert site.status_code == 400
    assert "Unknown country code “ZZ”." in site.content.decode()
    assert client.get(API_LIST, {"country": "ZZ"}).json() == {
        "country": ["Unknown country code “ZZ”."]
    }


@pytest.mark.parametrize("path", ["/api/countries/", "/api/ministers/", "/api/topics/"])
def test_reference_lists_check_their_page_parameters(client, path):
    assert client.get(path, {"page_size": "abc"}).status_code == 400
    assert "page_size" in client.get(path, {"page_size": "0"}).json()
    assert client.get(path, {"page": "9999"}).status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, seed_meetings, method):
    belgium, _italy = seed_meetings
    assert getattr(client, method)(API_LIST).status_code == 405
    assert getattr(client, method)(f"/api/meetings/{belgium.pk}/").status_code == 405
    assert client.head(API_LIST).status_code == 200
    assert client.options(API_LIST).status_code == 200


def test_the_browsable_api_renders_the_filter_form(client, seed_meetings):
    response = client.get(API_LIST, {"country": "BE"}, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert 'name="country"' in response.content.decode()


# ---------------------------------------------------------------------------
# Reference data
# ---------------------------------------------------------------------------


def test_countries_have_names_and_their_number_of_published_meetings(client, seed_meetings):
    MeetingFactory(status=Meeting.Status.DRAFT)  # Morocco–Spain, not counted
    data = client.get("/api/countries/", {"page_size": 500}).json()
    assert data["count"] == Country.objects.count()
    countries = {country["code"]: country for country in data["results"]}
    assert countries["MA"]["meetings"] == 2
    assert countries["BE"]["meetings"] == 1
    assert countries["ES"]["meetings"] == 0
    assert countries["MA"]["name_ar"] == "المغرب"
    assert client.get("/api/countries/ma/").json() == countries["MA"]
    assert (
        client.get("/api/countries/MA/").json()["url"] == "https://archive.example/en/countries/ma/"
    )
    assert client.get("/api/countries/zz/").status_code == 404
    assert client.get("/api/countries/mar/").json()["detail"]


def test_a_minister_has_their_mandates(client, seed_meetings):
    data = client.get(reverse("api:minister-detail", args=["abdelouafi-laftit"])).json()
    assert data["name_latin"] == "Abdelouafi Laftit"
    assert data["url"] == "https://archive.example/en/people/abdelouafi-laftit/"
    mandate = data["mandates"][0]
    assert mandate["post_title"]["fr"] == "Ministre de l'Intérieur"
    assert mandate["country"] == "MA"
    assert mandate["portfolio"] == "interior"
    assert mandate["rank"] == "minister"
    assert mandate["end"] is None
    assert client.get("/api/ministers/nobody-at-all/").status_code == 404


def test_topics_have_their_parent_and_names(client):
    data = client.get("/api/topics/border-control/").json()
    assert data["parent"] == "migration"
    assert set(data) >= {"slug", "name_ar", "name_fr", "name_en"}
    assert client.get("/api/topics/migration/").json()["parent"] is None
    listed = client.get("/api/topics/", {"page_size": 500}).json()
    assert "border-control" in {topic["slug"] for topic in listed["results"]}
    assert client.get("/api/topics/nothing/").status_code == 404


def test_the_api_root_lists_the_endpoints(client):
    data = client.get("/api/").json()
    assert set(data) == {"meetings", "countries", "ministers", "topics"}


# ---------------------------------------------------------------------------
# Throttling
# ---------------------------------------------------------------------------


def test_anonymous_clients_over_the_rate_get_429_with_retry_after(client, settings):
    # The throttle the settings name, at a rate small enough to reach.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"},
    }
    for _ in range(3):
        assert client.get("/api/topics/").status_code == 200
    response = client.get(API_LIST)
    assert response.status_code == 429
    assert response.json()["detail"].startswith("Request was throttled.")
    assert 0 < int(response["Retry-After"]) <= 60


# ---------------------------------------------------------------------------
# Schema and documentation
# ---------------------------------------------------------------------------


def openapi_schema(client):
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def schema_parameters(client, path):
    operation = openapi_schema(client)["paths"][path]["get"]
    return {parameter["name"] for parameter in operation["parameters"]}


def test_the_schema_is_openapi_3_and_describes_the_filters(client):
    schema = openapi_schema(client)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/meetings/",
        "/api/meetings/{id}/",
        "/api/countries/",
        "/api/countries/{code}/",
        "/api/ministers/",
        "/api/ministers/{slug}/",
        "/api/topics/",
        "/api/topics/{slug}/",
    }
    meetings = schema["paths"]["/api/meetings/"]["get"]
    parameters = {parameter["name"]: parameter for parameter in meetings["parameters"]}
    assert {"country", "counterpart", "topic", "topic_match", "date_from", "date_to"} <= set(
        parameters
    )
    assert parameters["date_from"]["schema"]["format"] == "date"
    assert parameters["topic"]["schema"]["type"] == "array"
    assert {"200", "400", "429"} <= set(meetings["responses"])
    assert "Retry-After" in meetings["responses"]["429"]["headers"]


def test_the_documentation_page_loads_nothing_from_another_host_and_has_no_inline_script(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assets = re.findall(r"""(?:src|href)=["']([^"']+)""", page)
    assert any(asset.startswith("/static/drf_spectacular_sidecar/") for asset in assets)
    assert not [asset for asset in assets if not asset.startswith("/")], assets
    assert not re.search(r"https?://|//fonts\.", page), "a reference to another host"
    # Every <script> has a src: the Content Security Policy allows no inline script.
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", page))
    startup = client.get("/api/docs/", {"script": ""})
    assert startup.status_code == 200
    assert '"validatorUrl": null' in startup.content.decode()


# ---------------------------------------------------------------------------
# The API keeps to its own schema (schemathesis)
# ---------------------------------------------------------------------------

# Valid requests must get answers the schema describes; any request, no server error.
CONFORMANCE = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def wsgi_on_the_test_database(seed_meetings, settings):
    """The WSGI application, called in-process, answers from the test database, unthrottled."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None}}
    MeetingFactory(topics=["migration"])
    # Django closes old connections around each request, which would end the test's
    # transaction; its test client disconnects these handlers the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# Loaded when the module is collected: the schema view reads no table.
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


@schema.parametrize()
@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None
)
def test_the_api_keeps_to_its_schema(case, wsgi_on_the_test_database):
    if case.meta.generation.mode.is_positive:
        case.call_and_validate(checks=CONFORMANCE)
    else:
        case.call_and_validate(checks=[not_a_server_error])
