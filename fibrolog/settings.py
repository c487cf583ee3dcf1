"""Django settings for fibrolog: one module, driven by environment variables.

FIBROLOG_DATA_DIR   where the SQLite file and the secret key live (default: the user data dir)
DATABASE_URL        sqlite:////abs/path.sqlite3 or postgres://user:pass@host/db (overrides the file)
FIBROLOG_SECRET_KEY the secret key (default: generated once into the data dir, mode 0600)
FIBROLOG_DEBUG      1 to turn on Django's debug pages (never on a server)
FIBROLOG_ALLOWED_HOSTS  comma-separated host names (default: loopback names only)
FIBROLOG_MAX_UPLOAD_MB  the largest file the upload page takes (default 1024)
FIBROLOG_BASE_URL   the address people open, e.g. https://diary.example.org (links in reminders)
FIBROLOG_PUSH_CONTACT   mailto: or https: contact sent with Web Push (VAPID "sub")
FIBROLOG_EMAIL_HOST, _PORT, _USER, _PASSWORD, _TLS, _FROM   e-mail reminders (SMTP)
FIBROLOG_WORKER_TIMEOUT seconds a silent worker is trusted before its jobs go to another (60)

Server mode (docs/server.md) is on when FIBROLOG_PUBLIC_URL is set:
FIBROLOG_PUBLIC_URL       https://diary.example.org: hosts, CSRF origin, secure __Host- cookies
FIBROLOG_HSTS_SECONDS     Strict-Transport-Security max-age (server mode default: one year)
FIBROLOG_HSTS_SUBDOMAINS  1 to add includeSubDomains (off: other hosts may not speak HTTPS)
FIBROLOG_BEHIND_PROXY     1 to trust the reverse proxy's X-Forwarded-Proto header
FIBROLOG_SECRET_KEY_FILE  a file (mode 0600) holding the secret key
FIBROLOG_WEB_PROCESSES    how many web processes share the database (check --deploy reads it)
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from fibrolog.lib.dburl import parse_database_url, require_driver, sqlite_database
from fibrolog.lib.env import env_bool, env_float, env_int, env_list, env_str, public_url
from fibrolog.lib.paths import data_dir, make_private, read_or_create_secret, read_secret_file

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir()

DEBUG = env_bool("FIBROLOG_DEBUG")
SECRET_KEY_FILE = env_str("FIBROLOG_SECRET_KEY_FILE") or str(DATA_DIR / "secret_key")
SECRET_KEY = env_str("FIBROLOG_SECRET_KEY") or (
    read_secret_file(Path(SECRET_KEY_FILE))
    if env_str("FIBROLOG_SECRET_KEY_FILE")
    else read_or_create_secret(Path(SECRET_KEY_FILE))
)
PUBLIC_URL = public_url("FIBROLOG_PUBLIC_URL")  # "" on a laptop; "https://host[:port]" on a server
SERVER_MODE = bool(PUBLIC_URL)  # the same test as lib.env.server_mode()
WEB_PROCESSES = env_int("FIBROLOG_WEB_PROCESSES", 1)
# Set even locally: a loopback-only host list stops DNS-rebinding attacks on the local server.
ALLOWED_HOSTS = env_list("FIBROLOG_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
if SERVER_MODE:
    from urllib.parse import urlsplit

    ALLOWED_HOSTS = env_list("FIBROLOG_ALLOWED_HOSTS", [urlsplit(PUBLIC_URL).hostname or ""])
    CSRF_TRUSTED_ORIGINS = [PUBLIC_URL]
    # __Host- cookies are only accepted over HTTPS, for path /, with no Domain: no sibling host
    # or plain-HTTP page can set or overwrite them (OWASP ASVS 5.0, session management).
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_PATH = CSRF_COOKIE_PATH = "/"
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = env_int("FIBROLOG_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("FIBROLOG_HSTS_SUBDOMAINS")
    if env_bool("FIBROLOG_BEHIND_PROXY"):
        # Only behind a proxy that sets this header itself: a client could forge it otherwise.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = False
# HSTS for subdomains and browser preload lists bind every host of the domain, for months: the
# domain's owner opts in (FIBROLOG_HSTS_SUBDOMAINS), so their absence is no deploy warning.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
if not env_bool("FIBROLOG_HSTS_SUBDOMAINS"):
    SILENCED_SYSTEM_CHECKS.append("security.W005")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "fibrolog.jobs",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "fibrolog.accounts",
    "fibrolog.audit",
    "fibrolog.sharing",
    "fibrolog.diary",
    "fibrolog.treatments",
    "fibrolog.phone",
    "fibrolog.reminders",
    "fibrolog.questionnaires",
    "fibrolog.imports",
    "fibrolog.insights",
    "fibrolog.archive",
    "fibrolog.fhirapi",
    "fibrolog.reports",
    "fibrolog.experiments",
    "fibrolog.clinic",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "fibrolog.web.middleware.private_pages",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "fibrolog.accounts.middleware.first_run",
    "fibrolog.accounts.middleware.account_guard",
    "fibrolog.web.errors.DatabaseTrouble",
    "axes.middleware.AxesMiddleware",  # turns a lockout into the calm page below
]

ROOT_URLCONF = "fibrolog.web.urls"
WSGI_APPLICATION = "fibrolog.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "fibrolog.accounts.context.preferences",
                "fibrolog.web.nav.navigation",
            ],
        },
    },
]

_url = env_str("DATABASE_URL")
DATABASES = {
    "default": require_driver(parse_database_url(_url))
    if _url
    else sqlite_database(str(DATA_DIR / "fibrolog.sqlite3"))
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    _db = Path(DATABASES["default"]["NAME"])
    _sqlite_files = (_db, _db.with_name(_db.name + "-wal"), _db.with_name(_db.name + "-shm"))
else:
    _sqlite_files = ()
# Health data is for its owner only: 0700 folders, 0600 files, re-applied at every start.
make_private(DATA_DIR, _sqlite_files)
# Reuse connections across requests (checked before reuse, so a restarted database is no error).
DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background jobs wait in the database (no broker) for `fibrolog worker`, or the worker that
# `fibrolog serve` runs beside the web; any machine that reaches the database can run one.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
FIBROLOG_WORKER_TIMEOUT = env_float("FIBROLOG_WORKER_TIMEOUT", 60.0)

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "fibrolog.accounts.passwords.NameInsideValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login protection (docs/security.md): django-axes refuses an account name, even with the right
# passphrase, for 15 minutes after 10 failed logins from any address; the per-address rule
# (50 failures across all names in 15 minutes) is in fibrolog.accounts.services.lockout.
AUTHENTICATION_BACKENDS = [
    "fibrolog.accounts.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # locked for 15 minutes, not forever
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_CLIENT_IP_CALLABLE = "fibrolog.accounts.services.lockout.client_ip"
AXES_USERNAME_CALLABLE = "fibrolog.accounts.services.lockout.username_of"
AXES_DISABLE_ACCESS_LOG = True  # successful logins are kept as sessions, not in a second log
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # counts failures per address
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]  # masked in axes' records
# axes.W006 asks for the address among the lockout parameters: fibrolog counts addresses with
# a separate, higher limit instead, so one address cannot lock everyone out of a clinic.
SILENCED_SYSTEM_CHECKS.append("axes.W006")
OTP_TOTP_ISSUER = "fibrolog"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "today"
LOGOUT_REDIRECT_URL = "login"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Serve straight from the package (no collectstatic step for a laptop install).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_path": {"()": "fibrolog.web.logs.WithoutPath"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    # Warnings and errors only, and never a request line: paths carry dates and ids of health
    # data, so a 404 or 500 is logged as its status (a 500 keeps its traceback).
    "loggers": {
        "django.request": {"filters": ["without_path"]},
        "django.server": {"filters": ["without_path"]},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Uploads: past FIBROLOG_MAX_UPLOAD_MB a file is counted, not stored, and the form says so.
# Small ones stay in memory; larger ones stream to a temporary file, never whole into memory.
FIBROLOG_MAX_UPLOAD_MB = env_float("FIBROLOG_MAX_UPLOAD_MB", 1024.0)
FILE_UPLOAD_HANDLERS = [
    "fibrolog.imports.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024  # form fields other than files
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

# Where weather comes from: a factory returning a fetcher (url -> bytes). Tests point it at
# recorded replies; nothing is fetched unless a person asks for weather for a place.
WEATHER_FETCHER = "fibrolog.ingest.weather.urllib_fetcher"

# Reminders (docs/using.md). HTTP to ntfy and push services goes through this poster
# (url, body, headers) -> status; tests pass a recorder instead. Nothing is sent unless a person
# picks a channel and `fibrolog reminders send` (or a periodic task calling send_due) runs.
REMINDER_POSTER = "fibrolog.reminders.services.channels.urllib_poster"
FIBROLOG_REMINDER_WINDOW_MINUTES = 15  # a sender that missed a minute still sends within this
FIBROLOG_BASE_URL = env_str("FIBROLOG_BASE_URL")
FIBROLOG_PUSH_CONTACT = env_str("FIBROLOG_PUSH_CONTACT", "mailto:webmaster@localhost")
EMAIL_HOST = env_str("FIBROLOG_EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_float("FIBROLOG_EMAIL_PORT", 25))
EMAIL_HOST_USER = env_str("FIBROLOG_EMAIL_USER")
EMAIL_HOST_PASSWORD = env_str("FIBROLOG_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("FIBROLOG_EMAIL_TLS")
DEFAULT_FROM_EMAIL = env_str("FIBROLOG_EMAIL_FROM", "fibrolog@localhost")
