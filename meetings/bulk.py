"""Loading many meetings at once: the demo generator and the importer share this.

In one transaction, for this session only: per-row triggers are off (the
loaders check the rules themselves, and facet totals are recounted after);
and when the load is at least as large as what the tables already hold, their
secondary indexes are dropped and built again at the end, which is several
times faster than updating them row by row. See docs/decisions/0009.
"""

import time
from contextlib import contextmanager

from django.db import DatabaseError, connection, transaction

# Both versions (migration 0016): a load may add people, posts and mandates too.
BUMP_ARCHIVE_VERSION = (
    "SELECT meetings_bump_archive_version_now(), meetings_bump_reference_version_now()"
)

# The word postings are written by the meetings' own triggers (migration 0021).
BULK_TABLES = ["meetings_meeting", "meetings_meeting_topics", "meetings_participation",
               "meetings_source", "meetings_wordposting"]  # fmt: skip


def skip_row_triggers(cursor) -> bool:
    """No per-row triggers for the rest of this transaction (needs a superuser)."""
    try:
        with transaction.atomic():
            cursor.execute("SET LOCAL session_replication_role = replica")
    except DatabaseError:
        return False
    return True


def secondary_indexes(cursor) -> list[tuple[str, str]]:
    """(name, definition) of the bulk tables' indexes that back no constraint."""
    cursor.execute(
        """
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s)
          AND NOT EXISTS (
              SELECT 1 FROM pg_constraint c WHERE c.conindid = to_regclass(quote_ident(i.indexname))
          )
        """,
        [BULK_TABLES],
    )
    return cursor.fetchall()


class Steps:
    """Seconds spent in each named step of a load, for reports: ``with steps("index"): ...``."""

    def __init__(self):
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, name: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0) + time.perf_counter() - started


@contextmanager
def bulk_load(rows: int, steps: Steps | None = None):
    """A transaction for loading ``rows`` meetings; yields the psycopg connection for COPY.

    ``steps``, when given, is told how long the index builds, ANALYZE and VACUUM took."""
    steps = steps or Steps()
    with transaction.atomic(), connection.cursor() as cursor:
        # Checks still queued by earlier statements of this transaction run now: a table
        # with pending trigger events cannot have its indexes dropped or built.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        # Without the right to skip them, the triggers run row by row: slower, as correct.
        skip_row_triggers(cursor)
        cursor.execute("SELECT count(*) FROM meetings_meeting")
        rebuild = rows >= cursor.fetchone()[0]
        dropped = secondary_indexes(cursor) if rebuild else []
        for name, _definition in dropped:
            cursor.execute(f'DROP INDEX "{name}"')
        yield cursor.connection
        if dropped:
            cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            for name, definition in dropped:
                with steps(f"index {name}"):
                    cursor.execute(definition)
        with steps("analyze"):
            for table in BULK_TABLES:
                cursor.execute(f"ANALYZE {table}")
        # The triggers that retire cached pages were off too.
        cursor.execute(BUMP_ARCHIVE_VERSION)
        # SET LOCAL lasts until the outermost transaction ends: a load inside a larger one
        # (a test, an import within a transaction) must not leave the triggers off for
        # what comes after it.
        cursor.execute("SET LOCAL session_replication_role = DEFAULT")
    if not connection.in_atomic_block:
        # Fresh rows are not marked all-visible until a vacuum: until then index-only
        # scans (facets, counts) read the table too, at half speed. VACUUM cannot run
        # in a transaction, so a load inside one (tests) leaves it to autovacuum.
        with connection.cursor() as cursor, steps("vacuum"):
            for table in BULK_TABLES:
                cursor.execute(f"VACUUM {table}")
