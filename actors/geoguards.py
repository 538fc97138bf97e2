"""What keeps a slow, failing or over-used address geocoder from stalling the site: a total
time budget per request, a per-client limit on uncached look-ups and a circuit breaker. Their
state is shared by every process and machine: the counters are exact rate limits
(neonum.ratelimit), the breaker's state is in Django's cache."""

import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache

from neonum import ratelimit

# (deadline on the monotonic clock, a function giving the client's address) of the request
# being served; None outside a request (management commands: no budget, no client limit).
_scope = ContextVar("geocoding_scope", default=None)


@contextmanager
def request_scope(client):
    token = _scope.set((time.monotonic() + settings.GEOCODER_BUDGET, client))
    try:
        yield
    finally:
        _scope.reset(token)


def time_left():
    """Seconds the current request may still wait for the geocoder; None outside a request."""
    scope = _scope.get()
    return None if scope is None else scope[0] - time.monotonic()


def client_may_geocode():
    """True unless the current request's client used up its uncached look-ups this hour."""
    scope = _scope.get()
    if scope is None:
        return True
    return ratelimit.hit(
        f"geocoder:client:{scope[1]()}", settings.GEOCODER_PER_CLIENT_PER_HOUR, 3600
    )


class Breaker:
    """Closed, calls go through and failures are counted; `GEOCODER_BREAKER_FAILURES` of them
    within `GEOCODER_BREAKER_WINDOW` seconds open it: no call for `GEOCODER_BREAKER_COOLDOWN`
    seconds. Then half-open: one caller at a time probes the service; a success closes the
    breaker, a failure opens it again."""

    def __init__(self, name):
        self.key = f"breaker:{name}:"

    def allow(self):
        if cache.get(self.key + "open"):
            return False
        if not cache.get(self.key + "tripped"):
            return True
        return cache.add(self.key + "probe", 1, settings.GEOCODER_TIMEOUT + 1)

    def success(self):
        if cache.get(self.key + "tripped"):
            cache.delete_many([self.key + "tripped", self.key + "probe"])
            ratelimit.clear(self.key + "failures")

    def failure(self):
        if cache.get(self.key + "tripped"):  # the half-open probe failed
            self.trip()
            return
        allowed = settings.GEOCODER_BREAKER_FAILURES - 1
        if not ratelimit.hit(self.key + "failures", allowed, settings.GEOCODER_BREAKER_WINDOW):
            self.trip()

    def trip(self):
        cooldown = settings.GEOCODER_BREAKER_COOLDOWN
        cache.set(self.key + "open", True, cooldown)
        # Outlives the cool-down: the next call after it is a probe.
        cache.set(self.key + "tripped", True, cooldown + 24 * 3600)
        cache.delete(self.key + "probe")
        ratelimit.clear(self.key + "failures")

    def is_open(self):
        return bool(cache.get(self.key + "open"))
