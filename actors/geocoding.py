"""The French national address geocoder (BAN, served by the IGN Géoplateforme), through
geopy's BANFrance. Answers are cached, misses for a day and failures briefly; the guards of
actors.geoguards bound the time and the calls. When the service cannot answer, callers get
GeocoderUnavailable and fall back on what they can resolve offline (see actors.places)."""

import hashlib
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.gis.geos import Point
from django.core.cache import cache
from geopy.adapters import URLLibAdapter
from geopy.exc import GeopyError
from geopy.geocoders import BANFrance

from actors.geoguards import Breaker, client_may_geocode, time_left
from actors.text import normalise

logger = logging.getLogger(__name__)

# Below this BAN score the match is a guess; better fall back on the commune.
MIN_SCORE = 0.5
FOUND_TTL = 60 * 60 * 24 * 30
NOT_FOUND_TTL = 60 * 60 * 24
# Marks a text the service failed on in the cache (GEOCODER_FAILURE_TTL seconds).
FAILED = "failed"
# Below this many seconds left in the request's budget, the service is not asked.
MIN_WAIT = 0.1
breaker = Breaker("geocoder")


@dataclass(frozen=True)
class GeocodedAddress:
    label: str
    point: Point
    citycode: str


class GeocoderUnavailable(Exception):
    """The service did not answer in time, answered with an error, or was not asked (failing
    recently, the request's time budget spent, or the client's look-ups used up)."""


def geocoder(timeout):
    parts = urlsplit(settings.GEOCODER_URL)
    return BANFrance(
        domain=parts.netloc + parts.path.rstrip("/"),
        scheme=parts.scheme,
        timeout=timeout,
        user_agent="neonum-carto",
        # The standard library's client never retries within a call (geopy's requests adapter
        # would, multiplying the wait); the breaker decides when the service is asked again.
        adapter_factory=URLLibAdapter,
    )


def _cache_key(text):
    return "geocode:" + hashlib.sha256(normalise(text).encode()).hexdigest()


def geocode(text):
    """The best address match for `text`, None when there is none.

    Raises GeocoderUnavailable when the service cannot answer or may not be asked."""
    key = _cache_key(text)
    cached = cache.get(key)
    if cached == FAILED:
        raise GeocoderUnavailable("failed recently on this text")
    if cached is not None:
        return cached or None
    timeout = _timeout()
    if not client_may_geocode():
        raise GeocoderUnavailable("this client's look-ups are used up")
    if not breaker.allow():
        raise GeocoderUnavailable("failing: circuit open")
    try:
        location = geocoder(timeout).geocode(text, limit=1, exactly_one=True)
    except GeopyError as error:
        logger.warning("address geocoder unavailable: %s", error)
        breaker.failure()
        cache.set(key, FAILED, settings.GEOCODER_FAILURE_TTL)
        raise GeocoderUnavailable(str(error)) from error
    breaker.success()
    result = None
    if location is not None:
        props = location.raw.get("properties", {})
        if props.get("score", 0) >= MIN_SCORE:
            result = GeocodedAddress(
                label=props.get("label", location.address),
                point=Point(location.longitude, location.latitude, srid=4326),
                citycode=props.get("citycode", ""),
            )
    # False marks a known miss in the cache (None means "not cached").
    cache.set(key, result or False, FOUND_TTL if result else NOT_FOUND_TTL)
    return result


def _timeout():
    """The wait allowed for one call: the per-call timeout, within what is left of the
    request's budget (a request may geocode several texts)."""
    left = time_left()
    if left is None:
        return settings.GEOCODER_TIMEOUT
    if left < MIN_WAIT:
        raise GeocoderUnavailable("this request's geocoding time is spent")
    return min(settings.GEOCODER_TIMEOUT, left)
