"""Tests: real PostGIS, local blank tiles, fast password hashing, outbox email."""

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, INSTALLED_APPS, LEAFLET_CONFIG, content_security_policy

DEBUG = False
# A moderated kind that only the tests have (tests/moderated_kind): the workflow's contract.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.moderated_kind"]
# The tests' commits do not wait for the disk: a test database is thrown away after the run.
# Set per connection, the cluster's other databases (`make run`'s) keep waiting; a crash can
# lose the last commits of a test session, never corrupt anything.
DATABASES["default"]["OPTIONS"] = {
    **DATABASES["default"].get("OPTIONS", {}),
    "options": "-c synchronous_commit=off",
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
# Static files straight from the source folders, no collectstatic needed.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
# Each file looked up when asked for, as in development: otherwise every test client's first
# request lists and stats every static file (its middleware is built anew for each client),
# some 15 % of the time of the requests tests make through Django's client.
WHITENOISE_AUTOREFRESH = True
# Nothing leaves the machine in tests: a blank tile served by the site itself.
MAP_TILES_URL = "/static/img/blank-tile.png?{z}/{x}/{y}"
LEAFLET_CONFIG = {**LEAFLET_CONFIG, "TILES": [("Blank", MAP_TILES_URL, {"attribution": ""})]}
CONTENT_SECURITY_POLICY = content_security_policy(MAP_TILES_URL)
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
