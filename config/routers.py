"""Reads of public pages from a PostgreSQL replica, when DATABASE_REPLICA_URL is set.

meetings.operations.middleware.ReplicaReadsMiddleware marks the requests that may read from
the replica: GET and HEAD without a session (the public, not editors) outside
the admin. Everything else, and every write, goes to the primary. A replica
lags by a moment; a reader cannot tell, an editor checking their own save could,
hence the rule.
"""

from contextvars import ContextVar

read_from_replica: ContextVar[bool] = ContextVar("read_from_replica", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return "replica" if read_from_replica.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
