"""Backups: a pg_dump archive restores every row as it was, and nothing else is accepted.

pg_dump and pg_restore run in other processes, so the round trip must see
committed rows: it is a transactional test, which pytest-django runs after the
others and which ends by emptying the database, hence its own reference data.
"""

import datetime
import io
import os
import stat
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connections

from meetings.models import Country, Meeting, Minister, Participation, Source
from meetings.operations import backup as backup_module
from meetings.operations.backup import BackupError, backup, restore
from tests.factories import (
    MandateFactory,
    MeetingFactory,
    ParticipationFactory,
    SourceFactory,
    UserFactory,
)


def all_models():
    """Every model of the meetings app (many-to-many tables too), users and groups."""
    models = list(apps.get_app_config("meetings").get_models(include_auto_created=True))
    User = get_user_model()
    return [*models, User, User.groups.through, Group, Group.permissions.through]


def snapshot():
    """Every row of every table, field by field, in primary-key order."""
    return {
        model._meta.label: serializers.serialize("python", model._base_manager.order_by("pk"))
        for model in all_models()
    }


@pytest.fixture(scope="session")
def archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """A real archive of the test database (as committed at session start)."""
    with django_db_blocker.unblock():
        return backup(tmp_path_factory.mktemp("backups") / "session.dump")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("route", ["pg_restore", "psql"])
def test_round_trip_restores_every_row_as_it_was(route, tmp_path, monkeypatch):
    """Directly with pg_restore (PostgreSQL 17+), or its script through psql (older servers)."""
    server_version = connections["default"].pg_version
    scripted = []
    if route == "pg_restore" and server_version < 170000:
        pytest.skip("pg_restore 18 cannot restore directly into a server before PostgreSQL 17")
    if route == "psql":
        real = backup_module._restore_through_psql
        monkeypatch.setattr(connections["default"], "pg_version", min(server_version, 160000))
        monkeypatch.setattr(
            backup_module,
            "_restore_through_psql",
            lambda *args: scripted.append(args) or real(*args),
        )
    call_command("load_reference_data", verbosity=0)
    morocco_spain = MeetingFactory(topics=["security", "migration"])
    lead = ParticipationFactory(meeting=morocco_spain)
    ParticipationFactory(
        meeting=morocco_spain,
        country=Country.objects.get(code="ES"),
        role=Participation.Role.LEAD,
    )
    SourceFactory(meeting=morocco_spain)
    kept = MeetingFactory(
        date=datetime.date(2023, 9, 1), title_en="Kept meeting", topics=["cybersecurity"]
    )
    SourceFactory(meeting=kept, language="fr")
    MandateFactory(minister=lead.minister)
    MandateFactory()
    group = Group.objects.create(name="Reviewers")
    group.permissions.add(Permission.objects.get(codename="change_meeting"))
    user = UserFactory(username="reviewer", email="reviewer@example.org")
    user.groups.add(group)
    UserFactory(username="reader")

    before = snapshot()
    assert len(before["meetings.Meeting"]) >= 2
    assert before["meetings.Participation"] and before["meetings.Source"]
    assert before["meetings.Mandate"] and before["auth.User"] and before["auth.Group"]

    path = backup(tmp_path / "archive.dump")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    # Everything a mistaken edit could do: delete, rename, add.
    morocco_spain.delete()
    Minister.objects.filter(pk=lead.minister_id).update(name_latin="Someone Else")
    MeetingFactory(date=datetime.date(2024, 1, 2), title_en="Added after the backup")
    Group.objects.filter(name="Reviewers").delete()
    get_user_model().objects.filter(username="reader").update(email="changed@example.org")
    changed = snapshot()
    assert changed != before

    # A damaged archive fails part-way through, with pg_restore's message, and changes nothing.
    damaged = tmp_path / "damaged.dump"
    data = path.read_bytes()
    damaged.write_bytes(data[: len(data) * 3 // 4])
    with pytest.raises(BackupError, match=r"pg_restore failed|psql \(restoring\) failed"):
        restore(damaged)
    assert snapshot() == changed

    restore(path)

    assert len(scripted) == (2 if route == "psql" else 0)
    after = snapshot()
    for label, rows in before.items():
        assert after[label] == rows, f"{label} differs after the restore"
    assert after == before
    # The sequences came back too: a new row does not collide with a restored one.
    new = MeetingFactory(date=datetime.date(2024, 2, 3), title_en="After the restore")
    assert new.pk > max(row["pk"] for row in before["meetings.Meeting"])
    assert Source.objects.filter(meeting__title_en="Kept meeting").exists()


@pytest.mark.django_db
def test_restore_refuses_a_file_that_is_not_an_archive(tmp_path):
    meeting = MeetingFactory(title_en="Still here")
    before = snapshot()
    not_an_archive = tmp_path / "notes.dump"
    not_an_archive.write_text("-- a plain SQL dump is not accepted\nDROP TABLE meetings_meeting;\n")

    with pytest.raises(BackupError, match="is not a pg_dump archive"):
        restore(not_an_archive)
    with pytest.raises(CommandError, match="is not a pg_dump archive"):
        call_command("restore", str(not_an_archive), "--no-input")
    with pytest.raises(CommandError, match="No backup file at"):
        call_command("restore", str(tmp_path / "missing.dump"), "--no-input")

    assert snapshot() == before
    assert Meeting.objects.filter(pk=meeting.pk).exists()


@pytest.mark.django_db
def test_backup_command_writes_a_private_file_and_prints_its_path(tmp_path):
    out = io.StringIO()
    target = tmp_path / "nested" / "archive.dump"

    call_command("backup", "--output", str(target), stdout=out)

    assert target.read_bytes().startswith(b"PGDMP")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert str(target) in out.getvalue()
    assert "kB" in out.getvalue() or "MB" in out.getvalue()
    assert [p.name for p in target.parent.iterdir()] == ["archive.dump"]  # no temporary left


@pytest.mark.django_db
def test_backup_command_default_path_is_under_data_backups(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    out = io.StringIO()

    call_command("backup", stdout=out)

    folder = tmp_path / ".data" / "backups"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    (written,) = folder.iterdir()
    assert written.name.startswith("archive-") and written.suffix == ".dump"
    assert len(written.stem) == len("archive-2024-06-11T093000")
    assert str(written) in out.getvalue()


@pytest.mark.django_db
def test_restore_command_answered_no_changes_nothing(archive, monkeypatch):
    meeting = MeetingFactory(title_en="Made after the backup")
    before = snapshot()
    prompts = []

    def answer_no(prompt):
        prompts.append(prompt)
        return "no"

    monkeypatch.setattr("builtins.input", answer_no)
    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)

    name = connections["default"].settings_dict["NAME"]
    (prompt,) = prompts
    assert prompt.startswith(f'This replaces every row of the database "{name}" on ')
    assert prompt.endswith(" with the backup's. Type yes: ")
    assert "cancelled" in out.getvalue()
    assert snapshot() == before
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_password_goes_through_the_environment_and_failures_say_why(tmp_path, monkeypatch):
    calls = []

    def failing_run(command, env, **kwargs):
        calls.append((command, env))
        return backup_module.subprocess.CompletedProcess(
            command, 1, "", 'pg_dump: error: connection to server failed: FATAL:  role "x"'
        )

    monkeypatch.setattr(backup_module.subprocess, "run", failing_run)
    monkeypatch.setitem(connections["default"].settings_dict, "PASSWORD", "s3cret-pass")
    target = tmp_path / "archive.dump"

    with pytest.raises(BackupError, match=r"pg_dump failed \(exit status 1\):\n.*FATAL"):
        backup(target)

    ((command, env),) = calls
    assert Path(command[0]).name == "pg_dump"
    assert not any("s3cret-pass" in part for part in command)
    assert env["PGPASSWORD"] == "s3cret-pass"
    assert "--no-owner" in command and "--no-privileges" in command
    assert "--format=custom" in command
    assert list(tmp_path.iterdir()) == []  # neither the archive nor its temporary


def test_uses_pgservers_programs():
    import pgserver

    expected = Path(pgserver._commands.POSTGRES_BIN_PATH) / "pg_restore"
    assert backup_module._program("pg_restore") == str(expected)
    assert os.access(expected, os.X_OK)
