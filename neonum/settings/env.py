"""Small readers for settings taken from the environment."""

import ipaddress
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


def networks(name):
    """Comma-separated IP addresses or networks (CIDR); a clear error names a bad entry."""
    parsed = []
    for value in csv(name):
        try:
            parsed.append(ipaddress.ip_network(value, strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"{name}: {value!r} is neither an IP address nor a network such as 10.0.0.0/8."
            ) from None
    return tuple(parsed)


def retired(name, instead):
    """Refuses a variable that no longer has any effect rather than ignoring it silently."""
    if os.environ.get(name, "").strip():
        raise ImproperlyConfigured(f"The environment variable {name} is replaced by {instead}.")
