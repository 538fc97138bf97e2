"""Settings shared by every environment. Values come from the environment (see README)."""

from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy

from neonum import logs

from . import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env.get("SECRET_KEY", "dev-only-insecure-key-never-used-in-production")
DEBUG = False
ALLOWED_HOSTS = env.csv("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.gis",
    "django.contrib.postgres",
    "csp",
    "django_guid",
    "leaflet",
    "django_filters",
    "allauth",
    "allauth.account",
    "corsheaders",
    "neonum",
    "procrastinate.contrib.django",
    "actors",
    "contributions",
    "simple_history",
    "moderation",
    "opendata",
    "expertise",
    "events",
    "selections",
    "alerts",
    "backups",
    "pages",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: every log line of the request, other middleware's included, carries its id.
    "django_guid.middleware.guid_middleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Before anything that may answer (whitenoise, CommonMiddleware's redirects).
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After whitenoise, which serves its own precompressed files; before anything that reads
    # the body. Text responses only (see neonum/compression.py).
    "neonum.compression.TextGZipMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Inside CommonMiddleware, whose trailing-slash redirects it leaves alone.
    "opendata.middleware.error_answers",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Edits made in the admin are attributed to their author in the actors' history.
    "simple_history.middleware.HistoryRequestMiddleware",
    # A time budget and a client for the address geocoder (actors.geoguards).
    "actors.middleware.geocoding_scope",
]

ROOT_URLCONF = "neonum.urls"
WSGI_APPLICATION = "neonum.wsgi.application"

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
                "django.template.context_processors.i18n",
                "csp.context_processors.nonce",
            ],
        },
    },
]


def database(url):
    return dj_database_url.parse(
        url,
        engine="django.contrib.gis.db.backends.postgis",
        conn_max_age=env.integer("DB_CONN_MAX_AGE", 60),
    )


# The project's own cluster (bin/pg) unless DATABASE_URL names another PostGIS.
PG_PORT = env.integer("NEONUM_PG_PORT", 25432)
if env.get("DATABASE_URL"):
    DATABASES = {"default": database(env.get("DATABASE_URL"))}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.contrib.gis.db.backends.postgis",
            "NAME": env.get("NEONUM_PG_DB", "neonum"),
            "USER": env.get("NEONUM_PG_ROLE", "neonum"),
            "HOST": str(BASE_DIR / "var" / "run"),
            "PORT": PG_PORT,
            "CONN_MAX_AGE": env.integer("DB_CONN_MAX_AGE", 60),
        }
    }
# Streaming replicas of that database (comma-separated URLs): requests read from them and
# write to the primary (neonum/replicas.py). None: everything on the primary, as without it.
# In tests a replica alias is the primary's test database (MIRROR).
DATABASES.update(
    {
        f"replica{number}": {**database(url), "TEST": {"MIRROR": "default"}}
        for number, url in enumerate(env.csv("DATABASE_REPLICA_URLS"), start=1)
    }
)
DATABASE_REPLICAS = [alias for alias in DATABASES if alias != "default"]
# After a write, that browser reads from the primary for this long (longer than the lag).
READ_YOUR_WRITES_SECONDS = env.integer("READ_YOUR_WRITES_SECONDS", 5)
if DATABASE_REPLICAS:
    DATABASE_ROUTERS = ["neonum.replicas.PrimaryReplicaRouter"]
    # Early: its response phase sees the writes of every other middleware (session, messages).
    MIDDLEWARE.insert(1, "neonum.replicas.ReadYourWritesMiddleware")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Accounts (django-allauth): the email address is the login and must be verified before
# anything is written; answers never reveal whether an address has an account.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "contributions:my-space"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_REDIRECT_URL = "actors:home"
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Néo Num Carto] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env.get("ACCOUNT_DEFAULT_HTTP_PROTOCOL", "https")
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    # Replaced by contributions.services.logins: per address, and per account and address
    # with a back-off, never per account alone.
    "login_failed": False,
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
ACCOUNT_ADAPTER = "contributions.adapter.AccountAdapter"
# Accounts are email-only: the username auth.User requires is an opaque value the adapter
# stores, and people are shown by their address, never by it.
ACCOUNT_USER_DISPLAY = "contributions.adapter.user_display"
# A changed password or address is told to the account's owner, in case it was not them.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_FORMS = {"signup": "contributions.signup.SignupForm"}
# Proxies in front of the site (addresses or networks): X-Forwarded-For is read only from
# them (neonum.clientip), so that no client chooses the address its rate limits count.
TRUSTED_PROXIES = env.networks("TRUSTED_PROXIES")
env.retired("TRUSTED_PROXY_COUNT", "TRUSTED_PROXIES")
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "Néo Num Carto <ne-pas-repondre@localhost>")

# Absolute links in emails sent outside a request (notifications to moderators, owners).
SITE_URL = env.get("SITE_URL", "http://127.0.0.1:8000")

# Moderation: a published profile its owner has not confirmed for this many days is stale;
# the "still accurate" link in the reminder email is valid for FRESHNESS_LINK_DAYS.
FRESHNESS_DAYS = env.integer("FRESHNESS_DAYS", 365)
FRESHNESS_LINK_DAYS = env.integer("FRESHNESS_LINK_DAYS", 30)
# What a contributor is told to expect: a decision within this many working days.
MODERATION_DELAY_DAYS = env.integer("MODERATION_DELAY_DAYS", 5)

# Anonymous correction suggestions: at most this many per address per hour.
SUGGESTIONS_PER_HOUR = env.integer("SUGGESTIONS_PER_HOUR", 5)

# The legal notice (pages/): who publishes the site and who hosts it. Set them in production.
PUBLISHER_NAME = env.get(
    "PUBLISHER_NAME", "Communauté d'Agglomération Pays Basque – LaNum, l'agence numérique"
)
PUBLISHER_ADDRESS = env.get(
    "PUBLISHER_ADDRESS", "15 avenue du Maréchal Foch, CS 88507, 64185 Bayonne Cedex"
)
PUBLICATION_DIRECTOR = env.get(
    "PUBLICATION_DIRECTOR", "Le président de la Communauté d'Agglomération Pays Basque"
)
HOST_NAME = env.get("HOST_NAME", "Communauté d'Agglomération Pays Basque")
HOST_ADDRESS = env.get("HOST_ADDRESS", PUBLISHER_ADDRESS)
# The contact form's messages go to this address (the staff's), through the task queue;
# at most CONTACT_PER_HOUR messages per client address and hour.
CONTACT_EMAIL = env.get("CONTACT_EMAIL", "contact@localhost")
CONTACT_PER_HOUR = env.integer("CONTACT_PER_HOUR", 5)

# French is the source language.
LANGUAGE_CODE = "fr"
# Each language named in itself (the switcher shows these names untranslated).
LANGUAGES = [("fr", "Français"), ("eu", "Euskara"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# django-filter's empty choice in the lists' selects, rather than "---------", which screen
# readers spell out dash by dash.
FILTERS_EMPTY_CHOICE_LABEL = gettext_lazy("Indifférent")
TIME_ZONE = "Europe/Paris"
USE_I18N = True
# The dates a form reads in a language whose Django locale names none: Basque's has none, and
# Django's default then read 12/03/2030 as 3 December, in the American order. On both sides
# of the border the day comes first; Basque also writes the year first (2030/03/12). French
# and Spanish keep their locales' own formats (day first too). ISO 8601 is always read.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%d/%m/%y"]
DATETIME_INPUT_FORMATS = [
    *(f"{date} {time}" for date in DATE_INPUT_FORMATS for time in ("%H:%M:%S", "%H:%M")),
    *DATE_INPUT_FORMATS,
]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.get("STATIC_ROOT", str(BASE_DIR / "var" / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Uploaded files are the reverse proxy's to serve in production (deploy/nginx.conf): whitenoise
# serves only what collectstatic gathered. A site without a proxy (make run) turns this on and
# Django serves MEDIA_ROOT (neonum/urls.py). DEBUG serves it too.
SERVE_MEDIA = env.boolean("SERVE_MEDIA", False)
# The folder of MEDIA_ROOT holding the ressources' files: never served as media (a draft's
# file is its members' and staff's only), only by expertise.views.files.
PRIVATE_MEDIA_FOLDER = "ressources/"
# The largest file a ressource may have (PDF, ODT or image), in bytes.
RESSOURCE_FILE_MAX_BYTES = env.integer("RESSOURCE_FILE_MAX_BYTES", 10 * 1024 * 1024)
# Compressed (gzip, brotli when installed) and hashed names: whitenoise serves those with a
# one-year immutable Cache-Control; other names keep its short default.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Base map: IGN Géoplateforme, Plan IGN v2 (WMTS, no key).
MAP_TILES_URL = env.get(
    "MAP_TILES_URL",
    "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
    "&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&FORMAT=image/png"
    "&TILEMATRIXSET=PM&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}",
)
MAP_TILES_ATTRIBUTION = env.get(
    "MAP_TILES_ATTRIBUTION",
    '<a href="https://www.ign.fr/">IGN</a> – Plan IGN v2',
)
MAP_MIN_ZOOM = env.integer("MAP_MIN_ZOOM", 8)
MAP_MAX_ZOOM = env.integer("MAP_MAX_ZOOM", 18)
# The territory's view when a map opens.
MAP_DEFAULT_ZOOM = 9
# The zoom levels the map data endpoint answers for (its cluster cells follow the zoom).
MAP_DATA_ZOOMS = (0, 20)

# Results per page. Fifteen cards on the directory: a phone's few screens of reading, and the
# home page's weight (its EcoIndex counts every element, and the cards are a third of them).
DIRECTORY_PAGE_SIZE = 15
EMBED_PAGE_SIZE = 20
API_PAGE_SIZE = 20
API_MAX_PAGE_SIZE = 100
# The directory's radii around a place, in km, and the radius when none is chosen.
SEARCH_RADII_KM = (2, 5, 10, 20, 50)
SEARCH_DEFAULT_RADIUS_KM = 10


def tiles_origin(url):
    """scheme://host of the tile URL, for the Content-Security-Policy."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else SELF


# One LEAFLET_CONFIG for every map: the CAPB territory and the configured tiles.
LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (43.3, -1.25),
    "DEFAULT_ZOOM": MAP_DEFAULT_ZOOM,
    "MIN_ZOOM": MAP_MIN_ZOOM,
    "MAX_ZOOM": MAP_MAX_ZOOM,
    "SPATIAL_EXTENT": (-1.85, 42.9, -0.75, 43.6),
    "TILES": [("Plan IGN", MAP_TILES_URL, {"attribution": MAP_TILES_ATTRIBUTION})],
    "ATTRIBUTION_PREFIX": "Leaflet",
    "RESET_VIEW": False,
}


def content_security_policy(tiles_url):
    """Strict policy with per-request nonces; images may come from the tile server only."""
    return {
        "DIRECTIVES": {
            "default-src": [NONE],
            "script-src": [SELF, NONCE],
            "style-src": [SELF],
            "img-src": [SELF, "data:", tiles_origin(tiles_url)],
            "font-src": [SELF],
            "connect-src": [SELF],
            "manifest-src": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [NONE],
            "base-uri": [NONE],
            "object-src": [NONE],
        },
    }


CONTENT_SECURITY_POLICY = content_security_policy(MAP_TILES_URL)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features the pages may use: only the directory's "use my position" button
# (navigator.geolocation), on the site itself; every other powerful feature is refused.
PERMISSIONS_POLICY = {
    "geolocation": ["self"],
    **{
        feature: []
        for feature in (
            "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media",
            "fullscreen", "gyroscope", "magnetometer", "microphone", "midi", "payment",
            "publickey-credentials-get", "screen-wake-lock", "usb", "xr-spatial-tracking",
        )
    },
}  # fmt: skip
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# One JSON object per line (python-json-logger, neonum/logs.py), each with the id of the
# request it belongs to (django-guid: the client's X-Request-ID when it is a valid UUID, else
# a new one, sent back in the response's X-Request-ID). LOG_FORMAT=text: plain lines.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "neonum.logs.RequestId"}},
    "formatters": logs.formatters(),
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": env.get("LOG_FORMAT", "json"),
        }
    },
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # django-guid says at INFO, on every request, that it made an id.
        "django_guid": {"level": "WARNING"},
        # procrastinate's INFO lines print each job's arguments: whole emails, password-reset
        # links included. Its warnings and errors (failed jobs) still show.
        "procrastinate": {"level": "WARNING"},
    },
}
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    "VALIDATE_GUID": True,
    "RETURN_HEADER": True,
    # It would overwrite django-cors-headers' list: CORS_EXPOSE_HEADERS names it instead.
    "EXPOSE_HEADER": False,
}

# GDAL 3.6 (Debian 12) is older than the version Django 5.2 wants to support in the
# long run: GeoDjango warns with gis.W001 on every command. It works for what we use.
SILENCED_SYSTEM_CHECKS = ["gis.W001"]

# Address geocoder: the BAN on the IGN Géoplateforme (no key). Tests use a local stub.
GEOCODER_URL = env.get("GEOCODER_URL", "https://data.geopf.fr/geocodage")
GEOCODER_TIMEOUT = float(env.get("GEOCODER_TIMEOUT", "2"))
# Guards (actors.geoguards): total wait per request, failures remembered per text, uncached
# look-ups per client address and hour, and the circuit breaker.
GEOCODER_BUDGET = float(env.get("GEOCODER_BUDGET", "2"))
GEOCODER_FAILURE_TTL = env.integer("GEOCODER_FAILURE_TTL", 60)
GEOCODER_PER_CLIENT_PER_HOUR = env.integer("GEOCODER_PER_CLIENT_PER_HOUR", 60)
GEOCODER_BREAKER_FAILURES = env.integer("GEOCODER_BREAKER_FAILURES", 5)
GEOCODER_BREAKER_WINDOW = env.integer("GEOCODER_BREAKER_WINDOW", 60)
GEOCODER_BREAKER_COOLDOWN = env.integer("GEOCODER_BREAKER_COOLDOWN", 30)

# Open data: anyone may read the API and the exports from a browser on another site
# (django-cors-headers, limited to those URLs and to reading; no cookies are honoured).
CORS_URLS_REGEX = r"^/(api/v1|export)/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["Content-Disposition", "X-Request-ID"]
# Origins allowed to frame /embed/ (CSP frame-ancestors); "*" for any site.
EMBED_ALLOWED_ORIGINS = env.csv("EMBED_ALLOWED_ORIGINS", "*")

# Background work (procrastinate, see neonum/queue.py): jobs are rows of the project's
# database. Every email is a job (neonum.mail); the worker sends it with this backend.
NEONUM_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
PROCRASTINATE_IMPORT_PATHS = ["neonum.mail"]
# A sent email's job holds its body (password-reset links included): not kept once done.
# Failed jobs stay, for inspection.
PROCRASTINATE_WORKER_DEFAULTS = {"delete_jobs": "successful"}

# manage.py backup: where backups are written, and how many of the newest are kept.
BACKUP_DIR = Path(env.get("BACKUP_DIR", str(BASE_DIR / "var" / "backups")))
BACKUP_KEEP = env.integer("BACKUP_KEEP", 7)

# One cache for every process and machine, in PostgreSQL: the table is the model
# neonum.CacheEntry, created by `migrate`. Rate limits are not kept here (neonum.ratelimit).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "neonum_cache",
        "OPTIONS": {"MAX_ENTRIES": env.integer("CACHE_MAX_ENTRIES", 20000)},
    }
}
