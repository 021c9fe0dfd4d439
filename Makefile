# The archive's two everyday commands are `make run` and `make test`.
# Everything else here is a step they depend on, or a tool for developers.

.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Django 6.1 needs Python 3.12 or newer. PYTHON may be given explicitly;
# otherwise the first suitable interpreter on PATH or under pyenv is used.
PYTHON ?= $(shell ./scripts/find-python)

.PHONY: help install run test lint check migrations-check pytest db messages eval bench bench-newsroom load-test hostile-test bench-extraction backup restore release verify-release clean

help:
	@echo "make run     set up and serve the archive on http://127.0.0.1:$(PORT)/ (embedded PostgreSQL, sample data), with its background worker"
	@echo "make test    run every check: ruff, Django checks, migrations check, the test suite"
	@echo "make eval    measure the article extractor, search and the newsroom on their evaluation sets"
	@echo "make bench   run the benchmarks (MEETINGS=N), the newsroom's too (make bench-newsroom alone)"
	@echo "make load-test  load, database-outage and two-instance tests (about 3 minutes)"
	@echo "make hostile-test  2,000+ hostile requests with every role: no 5xx, flat memory"

# The virtualenv is rebuilt only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	@if [ -z "$(PYTHON)" ]; then \
		echo "error: no Python 3.12 or newer found (tried python3.14, python3.13, python3.12, python3 and pyenv)." >&2; \
		echo "Install Python 3.12+ or run: make PYTHON=/path/to/python3.12 ..." >&2; exit 1; fi
	@echo "Using $(PYTHON) ($$($(PYTHON) --version))"
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $@

install: $(VENV)/.installed

# Translations are compiled with Babel's own command, so no system gettext is needed.
messages: install
	$(VENV)/bin/pybabel --quiet compile --directory locale --domain django

# The local database, migrated and holding the reference data.
db: install messages
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_reference_data

run: db
	$(PY) manage.py collectstatic --no-input --verbosity 0
	$(PY) manage.py setup_local_editor
	$(PY) manage.py release_dataset --if-none
	@echo "Serving the archive on http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	@# The background worker (tasks: the newsroom's polling, and any other) runs beside
	@# gunicorn and stops with it.
	export SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)}; \
	$(PY) manage.py run_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/gunicorn config.wsgi --config config/gunicorn.py --bind 127.0.0.1:$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: install messages
	$(PY) manage.py check --fail-level WARNING

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

pytest: install messages
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test: lint check migrations-check pytest

# The article extractor, per class of difficulty and per field, before (main's code
# before issue 17, answers stored in eval/before/) and after; then per-field precision
# and recall. Development sets first, then the held-out ones nobody tunes on.
# Then search (eval/search, issue 16): recall and precision per class of spelling variant,
# before (main's search before issue 16, answers in eval/before/search.json) and after.
# Then the newsroom's classifier and grouping on its labelled set (eval/newsroom/).
eval: db
	$(PY) manage.py evaluate_extraction eval/dev17 eval/corpus $$(ls -d eval/heldout* 2>/dev/null)
	$(PY) manage.py evaluate_search eval/search
	$(PY) manage.py evaluate_newsroom eval/newsroom/articles.json

# A pg_dump archive of the whole database in .data/backups/ (OUTPUT=path to
# choose), and its restore, which replaces every row: make restore FILE=path.
backup: install
	$(PY) manage.py backup $(if $(OUTPUT),--output "$(OUTPUT)")

restore: install
	@if [ -z "$(FILE)" ]; then echo "usage: make restore FILE=.data/backups/archive-YYYY-MM-DDTHHMMSS.dump" >&2; exit 1; fi
	$(PY) manage.py restore "$(FILE)"

# A dataset release now (a Frictionless Data Package, zipped, in .data/datasets/), and its
# check: every checksum and `frictionless validate` (RELEASE=folder, default the latest).
release: install
	$(PY) manage.py release_dataset

verify-release: install
	$(PY) manage.py verify_release $(RELEASE)

bench-extraction: db
	$(PY) bench/extraction.py

# The full benchmark (bench/run.py) on its own data set of MEETINGS demo meetings.
MEETINGS ?= 100000
bench: install messages
	$(PY) manage.py collectstatic --no-input --verbosity 0
	$(PY) bench/run.py --meetings $(MEETINGS)
	$(PY) bench/newsroom.py

# The newsroom alone: one poll of 20 feeds × 50 items, the inbox with 10,000 candidates.
bench-newsroom: install messages
	$(PY) bench/newsroom.py

# 50 clients for 60 s against two gunicorn instances, the database stopped for
# 10 s in the middle, then publish-on-one, read-on-the-other (bench/load_and_faults.py).
load-test: install messages
	$(PY) manage.py collectstatic --no-input --verbosity 0
	$(PY) bench/load_and_faults.py

# At least 2,000 hostile requests over pages, API and admin with every role, against one
# gunicorn of three workers on the embedded defaults (bench/hostile.py): no 5xx, flat memory.
hostile-test: install messages
	$(PY) manage.py collectstatic --no-input --verbosity 0
	$(PY) bench/hostile.py

clean:
	rm -rf $(VENV) staticfiles test-artifacts
