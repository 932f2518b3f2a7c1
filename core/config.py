"""Configuration classes, picked by ZILA_ENV; secrets come from the environment
or are generated once into instance/ so that a fresh clone runs without setup."""

import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTANCE = Path(os.environ.get("ZILA_INSTANCE", ROOT / "instance"))


def _secret_key() -> str:
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    INSTANCE.mkdir(parents=True, exist_ok=True)
    path = INSTANCE / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


class Config:
    SECRET_KEY = None  # filled lazily in create_app, so importing never writes files
    DATABASE_URL = os.environ.get("DATABASE_URL", "")
    REDIS_URL = os.environ.get("REDIS_URL", "")
    SQLITE_PATH = str(INSTANCE / "zila.db")

    # District identity: the demo district unless a deployment says otherwise.
    DISTRICT_CODE = os.environ.get("ZILA_DISTRICT_CODE", "AUR")
    DEFAULT_LOCALE = os.environ.get("ZILA_DEFAULT_LOCALE", "mr")
    # SMS and e-mail to officers, commands and tasks: the district's language
    # above, unless this names another (core.i18n.message_locale).
    CLI_LOCALE = os.environ.get("ZILA_MESSAGE_LOCALE", "")
    LANGUAGES = ("en", "hi", "mr")
    BABEL_DEFAULT_TIMEZONE = "Asia/Kolkata"
    BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "translations")

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = os.environ.get("ZILA_INSECURE_COOKIES") != "1"
    SESSION_COOKIE_NAME = "zila"
    PERMANENT_SESSION_LIFETIME = 8 * 3600
    # A counter PC is shared: an idle session ends after this many seconds.
    SESSION_IDLE_SECONDS = int(os.environ.get("ZILA_SESSION_IDLE", 30 * 60))
    REMEMBER_COOKIE_DURATION = 0
    # Ended sessions stay listed this long (where and when someone signed in).
    SESSION_KEEP_DAYS = int(os.environ.get("ZILA_SESSION_KEEP_DAYS", 90))

    WTF_CSRF_TIME_LIMIT = 8 * 3600
    MAX_CONTENT_LENGTH = 8 * 1024 * 1024
    MAX_FORM_MEMORY_SIZE = 256 * 1024
    MAX_FORM_PARTS = 200

    RATELIMIT_HEADERS_ENABLED = True
    LOGIN_RATE_LIMIT = "10 per minute"
    # Wrong passwords/codes from one address lock that address out of the
    # account; from all addresses together, a slower brake locks the account.
    LOGIN_MAX_FAILURES = 5
    LOGIN_ACCOUNT_MAX_FAILURES = 20
    LOGIN_LOCK_MINUTES = 15
    # Reverse proxies in front of the portal whose X-Forwarded-For/-Proto are
    # believed; 0 believes no header, so no client can choose its address.
    PROXY_HOPS = int(os.environ.get("ZILA_PROXY_HOPS", 0))
    # Strict-Transport-Security (production only, below).
    HSTS = False

    COMPRESS_ALGORITHM = ["br", "gzip"]
    COMPRESS_MIN_SIZE = 300
    COMPRESS_MIMETYPES = [
        "text/html",
        "text/css",
        "text/javascript",
        "application/javascript",
        "text/csv",
        "image/svg+xml",
    ]

    # Outbound channels. "log" writes messages to the log (a demo); list
    # "smtp" and/or "http" to send email and SMS for real.
    NOTIFY_BACKEND = os.environ.get("NOTIFY_BACKEND", "log")
    SMTP_HOST = os.environ.get("SMTP_HOST", "")
    SMTP_PORT = int(os.environ.get("SMTP_PORT", 25))
    SMTP_USER = os.environ.get("SMTP_USER", "")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
    MAIL_FROM = os.environ.get("MAIL_FROM", "zila@localhost")
    SMS_GATEWAY_URL = os.environ.get("SMS_GATEWAY_URL", "")
    SMS_GATEWAY_TOKEN = os.environ.get("SMS_GATEWAY_TOKEN", "")
    SMS_GATEWAY_BODY = os.environ.get("SMS_GATEWAY_BODY", "to={to}&text={text}")
    # The shared secret of the inbound SMS webhook; unset keeps it closed.
    SMS_INBOUND_SECRET = os.environ.get("SMS_INBOUND_SECRET", "")
    SMS_INBOUND_NUMBER = os.environ.get("SMS_INBOUND_NUMBER", "")
    # A CSC with no application in this many days shows as inactive.
    CSC_INACTIVE_DAYS = int(os.environ.get("ZILA_CSC_INACTIVE_DAYS", 30))
    INSPECTIONS_PER_WEEK = int(os.environ.get("ZILA_INSPECTIONS_PER_WEEK", 2))
    # The district's working week (core/workdays.py), for service levels and
    # attendance alike: the weekly days off ("sun", or "sat,sun" for a
    # five-day week) and whether the second and fourth Saturdays are off
    # (Maharashtra's government offices); holidays are on /alerts/holidays.
    WEEKLY_OFF = os.environ.get("ZILA_WEEKLY_OFF", "sun")
    SECOND_FOURTH_SATURDAYS_OFF = os.environ.get("ZILA_SECOND_FOURTH_SATURDAYS_OFF", "1") != "0"
    TRACK_RATE_LIMIT = os.environ.get("TRACK_RATE_LIMIT", "30 per minute")
    # The address the portal is reached at: every printed or sent link is
    # built on it (core/links.py), and its host is the one a request may name.
    PUBLIC_URL = os.environ.get("PUBLIC_URL", "")
    # Outside production, PUBLIC_URL unset means where `make run` serves.
    FALLBACK_PUBLIC_URL = "http://{}:{}".format(
        os.environ.get("HOST", "127.0.0.1").replace("0.0.0.0", "127.0.0.1"),  # noqa: S104
        os.environ.get("PORT", "5000"),
    )
    # Further host names a request may use (comma-separated), e.g. an internal
    # name the load balancer's health check uses.
    EXTRA_TRUSTED_HOSTS = os.environ.get("ZILA_TRUSTED_HOSTS", "")
    # A file in the upload folder that no row names is removed by the daily
    # sweep once it is this old; younger, its row may still be being written.
    UPLOAD_SWEEP_GRACE_SECONDS = int(os.environ.get("ZILA_UPLOAD_GRACE_SECONDS", 3600))
    # An employee import checked but not run within this time loses its file.
    IMPORT_KEEP_SECONDS = int(os.environ.get("ZILA_IMPORT_KEEP_SECONDS", 24 * 3600))

    TESTING = False
    STRICT_TEMPLATES = False


class DevelopmentConfig(Config):
    SESSION_COOKIE_SECURE = os.environ.get("ZILA_SECURE_COOKIES") == "1"


class ProductionConfig(Config):
    # ZILA_HSTS=0 where the HTTPS proxy in front sets the header itself.
    HSTS = os.environ.get("ZILA_HSTS", "1") != "0"
    REQUIRE_PUBLIC_URL = True


class TestConfig(Config):
    TESTING = True
    STRICT_TEMPLATES = True
    SESSION_COOKIE_SECURE = False
    RATELIMIT_STORAGE_URI = "memory://"
    SECRET_KEY = "test-secret-key-not-for-production"  # noqa: S105 (tests only)
    FALLBACK_PUBLIC_URL = "http://127.0.0.1:5000"
    ARGON2_MEMORY_KIB = 1024


CONFIGS = {
    "development": DevelopmentConfig,
    "production": ProductionConfig,
    "test": TestConfig,
}


def pick_config():
    return CONFIGS[os.environ.get("ZILA_ENV", "development")]


def secret_key() -> str:
    return _secret_key()
