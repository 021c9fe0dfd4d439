"""Any query string gets results or a clear message with a 4xx, never a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetings.filters import MeetingFilter

pytestmark = pytest.mark.django_db

LIST_URL = "/en/meetings/"
PARAMETERS = [*MeetingFilter.base_filters, "page", "after", "before"]

# Values a careless or hostile client sends: fragments of SQL and HTML,
# control characters, huge numbers, odd dates, very long strings.
NASTY_VALUES = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "'; DROP TABLE meetings_meeting; --",
            "1 OR 1=1",
            "<script>alert(1)</script>",
            "\x00",
            "MA\x00",
            "9" * 400,
            "-1",
            "0",
            "2024-02-30",
            "2024-13-01",
            "99999-01-01",
            "0001-01-01",
            "NaN",
            "1e309",
            "ma",
            "ZZ",
            "",
            " ",
            "x" * 5000,
            "%",
            "_",
            "\\",
            "()&|!:*",
            "\u202e",
        ]
    ),
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=st.lists(st.tuples(st.sampled_from(PARAMETERS), NASTY_VALUES), max_size=6))
def test_no_query_string_causes_a_server_error(client, query):
    params = {}
    for name, value in query:
        params.setdefault(name, []).append(value)
    response = client.get(LIST_URL, params)
    assert response.status_code in (200, 400, 404), (params, response.status_code)


def assert_rejected_with_message(client, params, field, message):
    response = client.get(LIST_URL, params)
    assert response.status_code == 400
    assert response.context["filter"].errors[field] == [message]
    assert message in response.content.decode().replace("&quot;", '"').replace("&#x27;", "'")


def test_an_unknown_country_code_is_named_in_the_message(client):
    assert_rejected_with_message(client, {"country": "ZZ"}, "country", "Unknown country code “ZZ”.")


def test_a_malformed_date_is_reported(client):
    assert_rejected_with_message(
        client, {"date_from": "2024-02-30"}, "date_from", "Enter a valid date."
    )


def test_a_reversed_date_range_is_reported(client):
    assert_rejected_with_message(
        client,
        {"date_from": "2024-05-01", "date_to": "2024-01-01"},
        "date_to",
        "The end date is before the start date.",
    )


def test_a_pair_of_the_same_country_is_reported(client):
    assert_rejected_with_message(
        client,
        {"country": "MA", "counterpart": "ma"},
        "counterpart",
        "Choose two different countries for a pair.",
    )


def test_an_unknown_topic_is_reported(client):
    assert_rejected_with_message(
        client, {"topic": "astrology"}, "topic", "Unknown topic “astrology”."
    )


def test_a_very_long_search_is_refused_with_a_message(client):
    response = client.get(LIST_URL, {"q": "x" * 1000})
    assert response.status_code == 400
    assert "Ensure this value has at most 200 characters" in response.content.decode()


def test_html_in_a_parameter_is_escaped_back(client):
    response = client.get(LIST_URL, {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_bad_page_positions_answer_400_naming_the_parameter(client, seed_meetings):
    for name, value in (
        ("after", "abc"),
        ("before", "2024-13-01_3"),
        ("after", "2024-01-01_-5"),
        ("after", "2024-01-01_99999999999999999999999"),
    ):
        response = client.get(LIST_URL, {name: value})
        assert response.status_code == 400, (name, value)
        assert f"“{name}” is not a position in this list." in response.content.decode()
    assert client.get(LIST_URL, {"page": "abc"}).status_code == 200  # ignored unless by relevance


def test_repeated_parameters_use_the_last_single_value(client, seed_meetings):
    belgium, _italy = seed_meetings
    response = client.get(LIST_URL, {"country": ["IT", "BE"]})
    assert response.status_code == 200
    assert [m.pk for m in response.context["object_list"]] == [belgium.pk]


def test_unknown_meeting_ids_answer_404(client):
    assert client.get("/en/meetings/999999999/").status_code == 404
    assert client.get("/en/meetings/99999999999999999999999/").status_code == 404
