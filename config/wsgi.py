"""WSGI entry point, served by gunicorn."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

application = get_wsgi_application()

# The hundreds of thousands of objects loaded at start-up (modules, URL patterns,
# templates, translations) live as long as the worker: keep them out of the
# garbage collector's full passes, which otherwise add 40-50 ms to one request in
# thirty. See docs/decisions/0008.
gc.freeze()
