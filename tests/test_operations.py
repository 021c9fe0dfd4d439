"""Running in production: health check, request ids and logs, the database going
away (a friendly 503, then recovery, and no half-written save), replica reads."""

import json
import logging

import psycopg
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection, transaction
from django.db.models.signals import post_save
from django.test import Client, RequestFactory
from pythonjsonlogger.json import JsonFormatter

from config.routers import ReplicaRouter, read_from_replica
from config.wsgi import application  # imported once: it sets logging up again
from meetings import counting
from meetings.models import Meeting, Source
from meetings.opendata import heavy_outputs
from meetings.operations.log import RequestContextFilter
from meetings.operations.middleware import ReplicaReadsMiddleware
from meetings.operations.warm_up import PAGES, warm_up
from tests.admin_forms import change_form_data
from tests.factories import (
    ChiefEditorFactory,
    MeetingFactory,
    ParticipationFactory,
    SourceFactory,
)

UNAVAILABLE = "The archive is briefly unavailable"


@pytest.fixture
def unreachable_database():
    """Point the connection at a socket folder where no server listens, then put it back."""

    class Outage:
        def start(self):
            connection.close()
            self.saved = connection.settings_dict["HOST"], connection.settings_dict["PORT"]
            connection.settings_dict["HOST"] = "/nonexistent-socket-folder"
            connection.settings_dict["PORT"] = "5"

        def end(self):
            connection.close()
            connection.settings_dict["HOST"], connection.settings_dict["PORT"] = self.saved

    outage = Outage()
    yield outage
    if connection.settings_dict["HOST"] == "/nonexistent-socket-folder":
        outage.end()


@pytest.mark.django_db
def test_healthz_answers_for_any_host_with_the_database_state(client):
    response = client.get("/healthz", HTTP_HOST="10.1.2.3:8000")  # a probe's own address
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_while_the_database_is_down_pages_say_so_with_503_then_recover(
    reference_data, unreachable_database
):
    client = Client(raise_request_exception=False)
    MeetingFactory(status=Meeting.Status.PUBLISHED)
    assert client.get("/en/meetings/").status_code == 200

    unreachable_database.start()
    for path in ("/en/meetings/", "/ar/countries/ma/", "/api/meetings/", "/healthz"):
        response = client.get(path)
        assert response.status_code == 503, path
    page = client.get("/fr/meetings/")
    assert page.status_code == 503 and page["Retry-After"] == "5"
    text = page.content.decode()
    assert "Les archives sont brièvement indisponibles" in text or UNAVAILABLE in text
    assert page["X-Request-ID"] in text  # the reference a reader can quote
    assert client.get("/healthz").json()["database"] == "unavailable"

    unreachable_database.end()
    assert client.get("/en/meetings/").status_code == 200
    assert client.get("/healthz").status_code == 200


def test_a_save_cut_off_by_the_database_is_not_half_written(reference_data):
    """The connection dies after the meeting row is written, before its people and
    topics: the editor gets the 503 page and the meeting is exactly as it was."""
    meeting = MeetingFactory(title_en="Before", topics=["migration"])
    ParticipationFactory(meeting=meeting, country=meeting.country_a)
    meeting.refresh_from_db()
    before = (meeting.version, list(meeting.topics.values_list("slug", flat=True)))
    client = Client(raise_request_exception=False)
    client.force_login(ChiefEditorFactory())
    url = f"/en/{settings.ADMIN_URL}meetings/meeting/{meeting.pk}/change/"
    page = client.get(url)
    topics = page.context["adminform"].form.fields["topics"].queryset
    data = change_form_data(
        page,
        title_en="After",
        topics=list(topics.filter(slug="energy").values_list("pk", flat=True)),
    )

    def cut_the_connection(sender, instance, **kwargs):
        pid = connection.connection.info.backend_pid
        params = connection.get_connection_params()
        with psycopg.connect(**params, autocommit=True) as other:
            other.execute("SELECT pg_terminate_backend(%s)", [pid])

    post_save.connect(cut_the_connection, sender=Meeting, dispatch_uid="cut")
    try:
        response = client.post(url, data)
    finally:
        post_save.disconnect(dispatch_uid="cut", sender=Meeting)
    assert response.status_code == 503
    connection.close()
    meeting = Meeting.objects.get(pk=meeting.pk)
    assert meeting.title_en == "Before"
    assert (meeting.version, list(meeting.topics.values_list("slug", flat=True))) == before
    assert meeting.participations.count() == 1


def test_a_connection_lost_while_rules_are_checked_is_an_outage_not_a_broken_rule(
    reference_data,
):
    """Django checks a rule with a condition (a source's address is unique unless empty) by
    a query whose database errors it takes for "the rule is broken": while the database
    restarted, an editor's save was shown again, saying its article was already another
    meeting's source. The lost connection is raised instead: the editor gets the 503 page."""
    source = SourceFactory()
    with pytest.raises(OperationalError), transaction.atomic():
        pid = connection.connection.info.backend_pid
        with psycopg.connect(**connection.get_connection_params(), autocommit=True) as other:
            other.execute("SELECT pg_terminate_backend(%s)", [pid])
        source.validate_constraints()
    connection.close()
    assert Source.objects.filter(pk=source.pk).exists()


@pytest.mark.parametrize(
    "path", ["/en/meetings/export.csv?country=MA", "/en/meetings/export.json?country=MA"]
)
def test_an_export_whose_first_rows_cannot_be_read_is_the_503_page(
    reference_data, monkeypatch, path
):
    """The database goes away as an export begins, before its first rows: the reader gets
    the friendly 503, not a response begun and then gunicorn's own bare 500 (the fault
    test's CI run saw one)."""
    MeetingFactory(status=Meeting.Status.PUBLISHED)
    taken = heavy_outputs.take_slot

    def take_then_lose_the_connection():
        slot = taken()
        pid = connection.connection.info.backend_pid
        with psycopg.connect(**connection.get_connection_params(), autocommit=True) as other:
            other.execute("SELECT pg_terminate_backend(%s)", [pid])
        return slot

    monkeypatch.setattr(heavy_outputs, "take_slot", take_then_lose_the_connection)
    response = Client(raise_request_exception=False).get(path)
    monkeypatch.undo()
    assert response.status_code == 503
    assert UNAVAILABLE in response.content.decode()
    connection.close()
    again = Client().get(path)  # once the database is back, the export is made
    assert again.status_code == 200 and b"".join(again.streaming_content).strip()
    again.close()


def test_rules_are_still_checked_on_a_live_database(reference_data):
    source = SourceFactory()
    copy = Source(meeting=source.meeting, url=source.url, language="en")
    with pytest.raises(ValidationError, match="already the source of a meeting"):
        copy.validate_constraints()
    Source(meeting=source.meeting, url="", language="en").validate_constraints()
    assert connection.errors_occurred is False


@pytest.mark.django_db
def test_every_response_carries_a_request_id_and_is_logged_with_it(client, caplog):
    with caplog.at_level(logging.INFO, logger="meetings.requests"):
        response = client.get("/en/meetings/?year=2024")
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    record = next(r for r in caplog.records if r.name == "meetings.requests")
    assert (record.request_id, record.status, record.path, record.query) == (
        request_id,
        200,
        "/en/meetings/",
        "year=2024",
    )
    assert record.duration_ms > 0
    # The proxy's id is kept, so one id follows a request through every layer.
    assert client.get("/en/", HTTP_X_REQUEST_ID="edge-1234abcd")["X-Request-ID"] == "edge-1234abcd"
    assert client.get("/en/", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"] != "<script>"


def json_line(record: logging.LogRecord) -> dict:
    options = settings.LOGGING["formatters"]["json"]
    formatter = JsonFormatter(options["fmt"], rename_fields=options["rename_fields"])
    RequestContextFilter().filter(record)
    return json.loads(formatter.format(record))


@pytest.mark.django_db
def test_errors_are_logged_as_json_with_what_is_needed_to_reproduce_them(rf):
    request = rf.get("/en/meetings/?country=MA")
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Boom", (), None)
    record.request = request
    record.status_code = 500
    line = json_line(record)
    assert line["level"] == "ERROR" and line["logger"] == "django.request"
    assert (line["method"], line["path"], line["query"]) == ("GET", "/en/meetings/", "country=MA")
    assert line["status_code"] == 500 and line["request_id"] == "-"
    assert "request" not in line


def test_public_reads_go_to_the_replica_and_everything_else_to_the_primary():
    router, factory = ReplicaRouter(), RequestFactory()
    seen = []
    middleware = ReplicaReadsMiddleware(lambda request: seen.append(router.db_for_read(Meeting)))
    middleware(factory.get("/en/meetings/"))
    middleware(factory.post("/en/corrections/new/"))
    middleware(factory.get(f"/en/{settings.ADMIN_URL}meetings/meeting/"))
    signed_in = factory.get("/en/meetings/")
    signed_in.COOKIES[settings.SESSION_COOKIE_NAME] = "a-session"
    middleware(signed_in)
    assert seen == ["replica", "default", "default", "default"]
    assert router.db_for_write(Meeting) == "default"
    assert read_from_replica.get() is False  # nothing leaks to the next request


@pytest.mark.django_db
def test_django_s_own_lines_about_a_refused_request_carry_its_id(client, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/en/meetings/?date_from=yesterday")
    assert response.status_code == 400
    record = next(r for r in caplog.records if r.name == "django.request")
    assert record.request_id == response["X-Request-ID"]


@pytest.mark.django_db(transaction=True)
def test_the_master_warms_up_before_forking_and_a_database_outage_does_not_stop_it(
    reference_data, caplog, unreachable_database
):
    MeetingFactory.create_batch(3)
    counting.forget()
    with caplog.at_level(logging.INFO):
        warm_up(application)
    assert connection.connection is None  # closed: never shared with the forked workers
    done = [r.getMessage() for r in caplog.records if r.getMessage().startswith("warmed up")]
    assert done and done[0].endswith(", ".join(["200"] * len(PAGES) * len(settings.LANGUAGES)))
    assert len(counting._bitmaps["default"].published) == Meeting.objects.published().count()
    # Without a database the server still starts: the workers read and serve later.
    counting.forget()
    caplog.clear()
    unreachable_database.start()
    try:
        with caplog.at_level(logging.INFO):
            warm_up(application)
    finally:
        unreachable_database.end()
    messages = [r.getMessage() for r in caplog.records]
    assert "counting bitmaps of default not read before forking" in messages
    assert any(message.startswith("warmed up") for message in messages)
    assert "default" not in counting._bitmaps
