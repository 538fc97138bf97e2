"""Development: DEBUG on, emails to the console."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.boolean("DEBUG", True)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# runserver serves static files from the source folders; no manifest needed.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
