"""gunicorn settings shared by `make run`, the Dockerfile and the load tests."""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# The archive logs each request itself, with its request id (meetings.operations.middleware);
# GUNICORN_ACCESS_LOG=- adds gunicorn's own access lines.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
