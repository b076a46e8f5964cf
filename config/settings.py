"""Settings of the archive. The only module that reads the environment.

Local runs (`make run`, `make test`) set DEBUG=1 and need nothing else: with no DATABASE_URL the
embedded PostgreSQL starts under var/, and a SECRET_KEY is generated once into var/. With DEBUG off,
SECRET_KEY and ALLOWED_HOSTS must be given and the security settings are strict.
"""

import datetime
import os
import re
import secrets
import sys
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def _fail(message):
    # SystemExit prints one line and no traceback, whichever command is starting up.
    sys.exit(f"error: {message}")


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    _fail(f"{name}={value!r} is not a boolean; use 1/0, true/false, yes/no or on/off")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")


def _local_secret_key():
    key_file = VAR_DIR / "secret_key"
    try:
        if not key_file.exists():
            VAR_DIR.mkdir(parents=True, exist_ok=True)
            key_file.write_text(secrets.token_urlsafe(50))
            key_file.chmod(0o600)
        return key_file.read_text().strip()
    except OSError as error:
        _fail(f"cannot keep the local secret key in {key_file} ({error.strerror}); set SECRET_KEY")


SECRET_KEY = os.environ.get("SECRET_KEY") or (_local_secret_key() if DEBUG else None)
if not SECRET_KEY:
    _fail("SECRET_KEY is not set. Set it in the environment (or DEBUG=1 for a local run).")
# Django's own check only warns, and only under --deploy; a guessable key signs sessions all the same.
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure-"):
    _fail(
        "SECRET_KEY is too weak: give at least 50 characters with at least 5 different ones, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not ALLOWED_HOSTS:
    _fail("ALLOWED_HOSTS is not set. Give the host names this site answers to, comma-separated.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "simple_history",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "reports",
]

# Background jobs (admin imports) wait in PostgreSQL itself and run in `manage.py run_jobs`: no other server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    *(["reports.routing.ReplicaRoutingMiddleware"] if os.environ.get("DATABASE_REPLICA_URL") else []),
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "reports.middleware.RequestGuardMiddleware",
    "reports.ratelimit.RateLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last: it turns a locked sign-in into the lockout page
]

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords, the account is locked from
# every address, and the address for every account, until the cool-off passes or an administrator
# unlocks them (README, "Throttling"). Each failure and lockout is kept in the database and logged.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_MINUTES = int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=AXES_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "reports.admin.lockout.locked_out"
AXES_CLIENT_IP_CALLABLE = "reports.client.client_address"

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
            ],
        },
    },
]

# Database: DATABASE_URL, or the embedded PostgreSQL under var/.
if os.environ.get("DATABASE_URL"):
    try:
        _database = dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60, conn_health_checks=True)
    except ValueError:
        _fail("DATABASE_URL is malformed; expected postgres://user:password@host:5432/name")
    if _database.get("ENGINE") != "django.db.backends.postgresql" or not _database.get("NAME"):
        _fail("DATABASE_URL must point to a PostgreSQL database: postgres://user:password@host:5432/name")
else:
    from config.embedded import database_settings

    _database = database_settings(VAR_DIR)
# The archive's own connections name themselves, and PostgreSQL records their changes to texts and quotes
# in the hash chain (migration 0012). A change made in SQL by anyone else is left out of it, and shows.
# JIT is off: PostgreSQL compiles a statement's expressions once its estimated cost passes jit_above_cost, and
# the archive's statements are short. At 1,000,000 claims a server with JIT on (Debian's default) spends 1.0 s
# compiling a 0.14 s facet count.
NO_JIT = "-c jit=off"
_options = _database.setdefault("OPTIONS", {})
_options["options"] = f"{_options.get('options', '')} -c archive.writer=archive {NO_JIT}".strip()
DATABASES = {"default": _database}

# A streaming replica of that database for the public reads (see reports/routing.py); optional.
if os.environ.get("DATABASE_REPLICA_URL"):
    try:
        _replica = dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"], conn_max_age=60, conn_health_checks=True)
    except ValueError:
        _fail("DATABASE_REPLICA_URL is malformed; expected postgres://user:password@host:5432/name")
    if _replica.get("ENGINE") != "django.db.backends.postgresql" or not _replica.get("NAME"):
        _fail("DATABASE_REPLICA_URL must point to a PostgreSQL database: postgres://user:password@host:5432/name")
    # A replica that stopped answering must cost a reader seconds, not the operating system's TCP timeout.
    _replica.setdefault("OPTIONS", {})["connect_timeout"] = int(os.environ.get("REPLICA_CONNECT_TIMEOUT", "2"))
    _replica["OPTIONS"]["options"] = f"{_replica['OPTIONS'].get('options', '')} {NO_JIT}".strip()
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES["replica"] = _replica
    DATABASE_ROUTERS = ["reports.routing.ReplicaRouter"]
# Seconds a client that wrote reads from the primary (read your writes); how often a process that saw the
# replica fail tries it again; the paths that always use the primary.
REPLICA_PIN_SECONDS = int(os.environ.get("REPLICA_PIN_SECONDS", "15"))
REPLICA_RETRY_SECONDS = int(os.environ.get("REPLICA_RETRY_SECONDS", "5"))
REPLICA_PRIMARY_PATHS = ("/admin/", "/uk/admin/")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# COUNTS_CACHE=0 counts every page afresh (the benchmark measures both ways; reports/caching.py).
COUNTS_CACHE = os.environ.get("COUNTS_CACHE", "1") != "0"
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL:
    # Shared cache (e.g. redis://host:6379/0) so that several app hosts see the same cache.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["CACHE_URL"]}}
else:
    # Each process its own: the counts of the lists most asked for and the archive totals (reports/caching.py).
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 2000}}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("uk", _("Ukrainian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed names in production; plain files while developing and testing.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

if DEBUG:
    import warnings

    # While developing, static files come from the finders; there is no collected folder to warn about.
    warnings.filterwarnings("ignore", message="No directory at", module="whitenoise.base")

# Security. Behind a proxy that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the proxy's health check speaks plain HTTP
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # axes announces itself at every start; its failures (INFO) and lockouts (WARNING) are kept.
    "loggers": {"pgserver": {"level": "WARNING"}, "axes.apps": {"level": "WARNING"}},
}

NUM_PROXIES = int(os.environ.get("NUM_PROXIES", "0"))
# Seconds a send to a client may make no progress before the connection is dropped (config/wsgi.py).
SEND_TIMEOUT = float(os.environ.get("SEND_TIMEOUT", "60"))

# Requests per client address, counted for all workers and hosts together (reports/ratelimit.py): the API,
# the feeds and the exports each have their own budget; pages and the admin are not limited.
_RATE_DEFAULTS = {
    "api": ("API_RATE_LIMIT", "120/minute"),
    "feeds": ("FEED_RATE_LIMIT", "60/minute"),
    "exports": ("EXPORT_RATE_LIMIT", "20/minute"),
}
RATE_LIMITS = {}
for _scope, (_variable, _default) in _RATE_DEFAULTS.items():
    RATE_LIMITS[_scope] = os.environ.get(_variable) or _default
    if not re.match(r"^\d+/(second|minute|hour|day)$", RATE_LIMITS[_scope]):
        _fail(f"{_variable}={RATE_LIMITS[_scope]!r} is not a rate; write it as 120/minute (or /second, /hour, /day)")

# The read-only API (/api/) and the feeds: anonymous, rate-limited per client address, readable from any
# site. Behind a proxy, NUM_PROXIES says how many set X-Forwarded-For, so that the limit counts the client's
# address rather than the proxy's (0: the connecting address is the client's).
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_CLASSES": [],  # the site-wide limit (reports.ratelimit) covers the API
    "NUM_PROXIES": NUM_PROXIES,
    "URL_FORMAT_OVERRIDE": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Conflict-report archive API",
    "DESCRIPTION": "Read-only access to the archive's articles, claims, regions and sources, with the same filters as "
    "the lists on the site. Cursor pagination; anonymous; rate-limited per address. See docs/api.md.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "RegionKindEnum": "reports.models.regions.RegionKind",
        "SourceKindEnum": "reports.models.sources.SourceKind",
    },
}
CORS_URLS_REGEX = r"^/(api/|feeds/|[a-z]{2}/feeds/)"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
# Where the archive is published, for the permalinks of files written by `manage.py export`.
SITE_URL = os.environ.get("SITE_URL", "")

# The name the archive cites itself by.
ARCHIVE_NAME = os.environ.get("ARCHIVE_NAME", "Conflict-report archive")
