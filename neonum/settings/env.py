"""Small readers for settings taken from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured


def get(name, default=None):
    return os.environ.get(name, default)


def required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value


def boolean(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def integer(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def csv(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]
