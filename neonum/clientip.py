"""The client's address, the one thing every rate limit counts by.

`X-Forwarded-For` is written by whoever sends the request, so it is read only when the request
comes from a configured proxy (TRUSTED_PROXIES: addresses or networks, e.g. "127.0.0.1,
10.0.0.0/8"). Its entries are then read from the right, skipping the trusted proxies; the first
other address is the client. Without TRUSTED_PROXIES, REMOTE_ADDR is the client."""

import ipaddress

from django.conf import settings


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address, proxies):
    return address is not None and any(address in network for network in proxies)


def client_ip(request):
    """The address of the client, as a string ("" when the request has none)."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXIES
    if not _trusted(_address(remote), proxies):
        return remote
    chain = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for entry in reversed(chain):
        address = _address(entry)
        if address is None:
            # A proxy we trust wrote something that is no address: stop at the proxy.
            return remote
        if not _trusted(address, proxies):
            return str(address)
    return remote
