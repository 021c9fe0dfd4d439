"""What the scripts of bench/ start for themselves: a PostgreSQL of their own, Redis,
gunicorn instances, and the project's manage.py against them. Loopback only."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
RESULTS = ROOT / "bench" / "results"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Database:
    """A PostgreSQL of our own, which the fault part stops and starts again."""

    def __init__(self, folder: Path):
        import pgserver
        from pgserver import _commands

        self.commands = _commands
        self.folder = folder
        self.server = pgserver.get_server(folder, cleanup_mode="delete")
        self.socket_dir = self.server.get_postmaster_info().socket_dir
        self.user = self.server.system_user  # "pgserver" when running as root

    @property
    def url(self) -> str:
        return f"postgres://postgres@{urllib.parse.quote(str(self.socket_dir), safe='')}/postgres"

    def stop(self) -> None:
        self.commands.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.folder, user=self.user)

    def start(self) -> None:
        self.commands.pg_ctl(
            ["-w", "-o", '-h ""', "-o", f"-k {self.socket_dir}", "-l", str(self.folder / "log"),
             "start"],
            pgdata=self.folder, user=self.user, timeout=30,
        )  # fmt: skip


def start_redis(folder: Path) -> tuple[str, subprocess.Popen | None]:
    if os.environ.get("REDIS_URL"):
        return os.environ["REDIS_URL"], None
    binary = shutil.which("redis-server")
    if not binary:
        sys.exit("redis-server is needed (apt-get install redis-server), or set REDIS_URL")
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return f"redis://127.0.0.1:{port}/0", process


def manage(env: dict, *arguments: str) -> str:
    result = subprocess.run(
        [str(PYTHON), "manage.py", *arguments], cwd=ROOT, env=env, check=True,
        capture_output=True, text=True,
    )  # fmt: skip
    return result.stdout


class Instance:
    """gunicorn serving the archive with ``env``, on a port of its own."""

    def __init__(self, name: str, env: dict, folder: Path):
        self.name, self.port = name, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = folder / f"gunicorn-{name}.log"
        self.process = subprocess.Popen(
            [str(GUNICORN), "config.wsgi", "--config", "config/gunicorn.py",
             "--bind", f"127.0.0.1:{self.port}"],
            cwd=ROOT, env=env, stdout=self.log_path.open("w"), stderr=subprocess.STDOUT,
        )  # fmt: skip

    def wait(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        sys.exit(f"gunicorn {self.name} did not start; see {self.log_path}")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def workers(self) -> list[int]:
        """The process ids of its workers (the master's children)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]


def resident_mb(pid: int) -> float:
    """A process's resident memory, in MB (VmRSS)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1) if ordered else 0.0
