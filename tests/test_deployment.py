"""The deployment files cannot be run here (no Docker), so they are checked by reading."""

import re
from pathlib import Path

import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def variables_read_by_settings():
    names = set()
    for path in (ROOT / "config").rglob("*.py"):
        source = path.read_text()
        names |= set(re.findall(r"os\.environ(?:\.get)?\(\s*\"([A-Z_]+)\"", source))
        names |= set(re.findall(r"os\.environ\[\"([A-Z_]+)\"\]", source))
        names |= set(re.findall(r"env_(?:bool|list)\(\s*\"([A-Z_]+)\"", source))
    return names


def test_compose_has_the_database_the_migration_step_and_the_web_service():
    services = compose()["services"]
    assert {"db", "migrate", "web"} <= set(services)
    assert services["web"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["web"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert "migrate" in " ".join(services["migrate"]["command"])
    assert "load_reference_data" in " ".join(services["migrate"]["command"])


def test_the_web_service_gets_every_variable_production_needs():
    environment = compose()["services"]["web"]["environment"]
    assert environment["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    for name in ("DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS"):
        assert environment.get(name), name
    assert (
        environment["DATABASE_URL"].startswith("postgres://")
        and "@db:5432/" in environment["DATABASE_URL"]
    )


def test_every_variable_the_compose_file_sets_is_read_by_the_settings():
    read = variables_read_by_settings() | {"DJANGO_SETTINGS_MODULE"}
    environment = compose()["services"]["web"]["environment"]
    assert set(environment) <= read, set(environment) - read


def test_the_example_env_file_documents_every_variable_compose_interpolates():
    text = (ROOT / "docker-compose.yml").read_text()
    interpolated = set(re.findall(r"\$\{([A-Z_]+)", text))
    documented = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))
    assert interpolated <= documented, interpolated - documented


def test_the_image_runs_gunicorn_as_a_non_root_user():
    dockerfile = (ROOT / "Dockerfile").read_text()
    users = re.findall(r"^USER (\S+)", dockerfile, re.MULTILINE)
    assert users and users[-1] not in ("root", "0")
    assert "gunicorn config.wsgi" in dockerfile
    assert "config.settings.production" in dockerfile


def test_the_web_service_shares_redis_and_is_checked_through_healthz():
    services = compose()["services"]
    web = services["web"]
    assert web["environment"]["REDIS_URL"] == "redis://redis:6379/0"
    assert web["depends_on"]["redis"]["condition"] == "service_healthy"
    assert "redis-cli" in services["redis"]["healthcheck"]["test"]
    probe = " ".join(web["healthcheck"]["test"])
    assert "http://127.0.0.1:8000/healthz" in probe


def test_local_state_and_secrets_stay_out_of_the_image():
    ignored = (ROOT / ".dockerignore").read_text().split()
    for path in (".venv", ".data", ".env", "node_modules", "bench/data", ".git"):
        assert path in ignored, path


def test_the_worker_is_a_service_with_the_web_services_settings():
    services = compose()["services"]
    worker = services["worker"]
    assert worker["command"] == ["python", "manage.py", "run_worker"]
    assert worker["environment"] == services["web"]["environment"]
    assert worker["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


def test_make_run_starts_the_worker_beside_gunicorn():
    recipe = (ROOT / "Makefile").read_text().split("\nrun: ", 1)[1].split("\n\n", 1)[0]
    assert "manage.py run_worker &" in recipe and "gunicorn config.wsgi" in recipe
    assert "kill $$worker" in recipe  # it stops with gunicorn
