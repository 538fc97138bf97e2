"""Production: refuses to start without SECRET_KEY and ALLOWED_HOSTS.

`make run` (bin/serve) runs these same settings over plain HTTP on the machine itself: it
turns off the HTTPS-only parts with SECURE_SSL_REDIRECT, SECURE_COOKIES, EMAIL_BACKEND and
SERVE_MEDIA; everything else (DEBUG off, manifest storage, middleware) stays as deployed."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = False
SECRET_KEY = env.required("SECRET_KEY")
ALLOWED_HOSTS = env.required("ALLOWED_HOSTS").split(",")
CSRF_TRUSTED_ORIGINS = env.csv("CSRF_TRUSTED_ORIGINS")

SECURE_SSL_REDIRECT = env.boolean("SECURE_SSL_REDIRECT", True)
# Load balancers ask the application servers directly, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The preload directive alone enrols nothing: submitting the domain is a separate step.
SECURE_HSTS_PRELOAD = env.boolean("SECURE_HSTS_PRELOAD", True)
# Off only where the site is reached over plain HTTP (make run): browsers drop secure
# cookies sent over http, and logging in would then be impossible.
SESSION_COOKIE_SECURE = env.boolean("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# A user action never waits on SMTP: messages become jobs, the worker sends them with
# NEONUM_EMAIL_DELIVERY_BACKEND (SMTP unless EMAIL_BACKEND names another, e.g. make run's files).
EMAIL_BACKEND = "neonum.mail.QueuedEmailBackend"
NEONUM_EMAIL_DELIVERY_BACKEND = env.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_FILE_PATH = env.get("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
EMAIL_HOST = env.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("EMAIL_PORT", 587)
EMAIL_HOST_USER = env.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.boolean("EMAIL_USE_TLS", True)
# The worker, not a request, waits on the mail server; a failed attempt is retried later.
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "Néo Num Carto <ne-pas-repondre@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
