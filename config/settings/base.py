"""Settings shared by every environment. Values come from the environment only.

Variables read here: DATABASE_URL, EMBEDDED_POSTGRES_DIR, SECRET_KEY, DEBUG,
ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS, SEEDS_DIR, CONN_MAX_AGE, SITE_URL,
DATASET_DIR, API_ANON_RATE, ADMIN_URL, AXES_FAILURE_LIMIT, LOG_LEVEL, LOG_FORMAT,
REDIS_URL, PAGE_CACHE_SECONDS, PAGE_CACHE_ENTRIES, PAGE_CACHE_MAX_BYTES,
FRAGMENT_CACHE_SECONDS, HEAVY_OUTPUTS_AT_ONCE, PREPARED_DIR,
DATABASE_REPLICA_URL, TRUSTED_PROXY_COUNT, RELEASE_EVERY_DAYS.
"""

import os
from pathlib import Path

from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from config.database import database_settings, replica_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django.contrib.sitemaps",  # /sitemap.xml (meetings/public/sitemaps.py)
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "reversion",
    "reversion_compare",
    "axes",
    # Django's tasks framework stored in the database; `manage.py db_worker` runs them.
    "django_tasks_db",
    "meetings",
]

MIDDLEWARE = [
    # First: every response, the health check's included, carries a request id.
    "meetings.operations.middleware.RequestIdMiddleware",
    # Before the host check and the HTTPS redirect (probes use the container's address).
    "meetings.operations.middleware.HealthCheckMiddleware",
    "meetings.operations.middleware.ReplicaReadsMiddleware",
    # One reading of the archive's and the reference version per request (meetings.versions).
    "meetings.versions.RequestVersionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "meetings.operations.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Once the language is known, before anything reads the path or the parameters.
    "meetings.operations.middleware.RejectControlCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After the language is known; answers anonymous GETs of public pages from the cache.
    "meetings.caching.page_cache.PublicPageCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five failed logins for one user name from one address lock them out for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_CLIENT_IP_CALLABLE = "meetings.operations.clients.client_address"

# How many proxies of ours stand in front of gunicorn, each appending the address it saw
# to X-Forwarded-For (meetings/operations/clients.py). 0: the header is ignored, as anyone can write
# it; the client is the connection's address. Rate limits and lockouts count by client.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# A strict Content Security Policy: nothing from other hosts, no inline script
# or style. JSON-LD data blocks are not scripts and need no exception.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
# Swagger UI and DRF's browsable API set styles inline (never scripts): their pages only.
API_PAGES_CSP = {**SECURE_CSP, "style-src": [CSP.SELF, CSP.UNSAFE_INLINE]}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
# The admin's address; change it to keep casual scanners away.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "meetings.public.context_processors.languages",
            ],
        },
    },
]

CONN_MAX_AGE = int(os.environ.get("CONN_MAX_AGE", "60"))

# Redis when REDIS_URL is set (shared by every worker and machine), else each
# process's memory. Cached: reference tables, throttling and rate-limit counters.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # Rendered meeting cards (meetings/caching/fragments.py), about 1 kB each: the same Redis,
    # or a store of their own in each process's memory, larger than Django's default of
    # 300 entries so that they do not push the pages and reference tables out.
    "fragments": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "fragments",
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "fragments",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    ),
}
# Whole public pages (meetings/caching/page_cache.py): the same Redis, or each process's memory,
# at most PAGE_CACHE_ENTRIES pages of at most PAGE_CACHE_MAX_BYTES each.
PAGE_CACHE_ENTRIES = int(os.environ.get("PAGE_CACHE_ENTRIES", "300"))
PAGE_CACHE_MAX_BYTES = int(os.environ.get("PAGE_CACHE_MAX_BYTES", str(512 * 1024)))
CACHES["pages"] = (
    {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
     "KEY_PREFIX": "pages"}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages",
          "OPTIONS": {"MAX_ENTRIES": PAGE_CACHE_ENTRIES}}
)  # fmt: skip
DATABASES = {"default": database_settings(BASE_DIR, conn_max_age=CONN_MAX_AGE)}
# A read replica for public pages (config/routers.py); the primary does everything else.
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "").strip()
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = replica_settings(DATABASE_REPLICA_URL, conn_max_age=CONN_MAX_AGE)
    DATABASE_ROUTERS = ["config.routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("fr", _("French")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGIN_URL = "admin:login"
# Pasted articles are sent as form data (Arabic text percent-encodes to six
# bytes a letter): allow 10 MB; larger requests get a 400 saying so.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000_000

# The articles the project started from. Tests and the seed loader read them
# from here; the repository never holds their text.
SEEDS_DIR = Path(os.environ.get("SEEDS_DIR") or BASE_DIR.parent / "shared" / "seeds")

# The public address of the site, for links in files that leave it (dataset releases).
SITE_URL = (os.environ.get("SITE_URL") or "http://127.0.0.1:8000").rstrip("/")
# Where dataset releases are written and served from.
DATASET_DIR = Path(os.environ.get("DATASET_DIR") or BASE_DIR / ".data" / "datasets")
# Heavy outputs (exports, dyad-years, Popolo, releases) at once, across every worker and
# instance; beyond, a 429 (meetings/opendata/heavy_outputs.py). Keep it below WEB_CONCURRENCY so
# that pages always have a free worker.
HEAVY_OUTPUTS_AT_ONCE = int(os.environ.get("HEAVY_OUTPUTS_AT_ONCE", "2"))
# Whole-archive downloads prepared once per archive version.
PREPARED_DIR = Path(os.environ.get("PREPARED_DIR") or BASE_DIR / ".data" / "downloads")

# Public lists show this many meetings per page.
MEETINGS_PER_PAGE = 20
# Seconds a rendered public page is kept (0: never); a change to the data retires
# it at once (meetings/caching/page_cache.py), so this only bounds the cache's size.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Seconds a rendered meeting card is kept (0: never). Cards are keyed by their meeting's
# display version and the reference version, so a card stays right until what it shows
# changes: this only bounds the cache's size (docs/decisions/0012, 0015).
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "86400"))

# The read-only API (meetings/opendata/api/): anonymous clients are throttled, with a 429
# that says when to come back.
REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["meetings.opendata.api.throttling.SharedAnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "120/minute")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Ministerial meetings archive API",
    "DESCRIPTION": "Read-only access to the published meetings, with the same filters as the site.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # No badge fetched from validator.swagger.io: nothing loads from another host.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
}

# Plain lines on a developer's terminal, JSON lines in production (LOG_FORMAT).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "meetings.operations.log.RequestContextFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT if LOG_FORMAT in ("plain", "json") else "plain",
            "filters": ["request"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "pgserver": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # Django's own copy of each error goes through the root handler once.
        "django": {"handlers": [], "propagate": True},
    },
}

# Background tasks (decision 0025): Django's tasks framework, kept in PostgreSQL by
# django-tasks-db. Any number of `manage.py db_worker` processes, on any machine, share
# them: each task is claimed by one worker (SELECT ... FOR UPDATE SKIP LOCKED).
# Days between dataset releases made by the background worker (meetings/opendata/tasks.py).
RELEASE_EVERY_DAYS = int(os.environ.get("RELEASE_EVERY_DAYS", "7"))
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "newsroom"],
    }
}

# The newsroom (meetings/newsroom/): how outlets' feeds and articles are fetched.
NEWSROOM_USER_AGENT = os.environ.get(
    "NEWSROOM_USER_AGENT",
    f"MinisterialMeetingsArchive-Newsroom/1.0 (+{SITE_URL}/)",
)
# Seconds between two requests to one host (more if its robots.txt asks for more).
NEWSROOM_HOST_DELAY = float(os.environ.get("NEWSROOM_HOST_DELAY", "2"))
NEWSROOM_TIMEOUT = float(os.environ.get("NEWSROOM_TIMEOUT", "15"))  # seconds, a whole response
NEWSROOM_MAX_FEED_BYTES = 5_000_000
NEWSROOM_MAX_ARTICLE_BYTES = 3_000_000
NEWSROOM_MAX_REDIRECTS = 5
NEWSROOM_MIN_INTERVAL = 300  # a feed is polled at most every 5 minutes...
NEWSROOM_MAX_INTERVAL = 6 * 3600  # ...and at least every 6 hours
NEWSROOM_MAX_BACKOFF = 24 * 3600  # a failing feed is retried at least daily
