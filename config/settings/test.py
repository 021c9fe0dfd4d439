"""Settings for the test suite: fast hashing, no manifest for static files."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key-not-used-anywhere-else-0123456789abcdef"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Connections are not reused between tests.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# Not the test client's host: absolute URLs must come from here, never from a request.
SITE_URL = "https://archive.example"
