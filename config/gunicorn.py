"""gunicorn settings shared by `make run`, the Dockerfile and the load tests."""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# The archive logs each request itself, with its request id (meetings.operations.middleware);
# GUNICORN_ACCESS_LOG=- adds gunicorn's own access lines.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"

# The application is loaded once, in the master, which reads the counting bitmaps and
# serves itself a few pages (meetings/operations/warm_up.py) before it forks the workers:
# each starts with all that, shared copy-on-write, and no first request waits for it.
preload_app = True


def when_ready(server):
    import gc

    from config.wsgi import application
    from meetings.operations.warm_up import warm_up

    warm_up(application)
    gc.freeze()  # what was read lives as long as the workers (config/wsgi.py says why)
