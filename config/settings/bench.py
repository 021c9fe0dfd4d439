"""Settings for the benchmarks: production's behaviour on loopback, without HTTPS."""

from .base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
SECURE_SSL_REDIRECT = False
# Requests come from one address: no throttling or lockout while measuring.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}  # noqa: F405
AXES_ENABLED = False
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}  # noqa: F405
