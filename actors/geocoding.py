"""The French national address geocoder (BAN, served by the IGN Géoplateforme), through
geopy's BANFrance. Answers are cached; when the service is slow or down, callers get None
and fall back on what they can resolve offline (see actors.places)."""

import hashlib
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.gis.geos import Point
from django.core.cache import cache
from geopy.exc import GeopyError
from geopy.geocoders import BANFrance

from actors.text import normalise

logger = logging.getLogger(__name__)

# Below this BAN score the match is a guess; better fall back on the commune.
MIN_SCORE = 0.5
FOUND_TTL = 60 * 60 * 24 * 30
NOT_FOUND_TTL = 60 * 60 * 24


@dataclass(frozen=True)
class GeocodedAddress:
    label: str
    point: Point
    citycode: str


class GeocoderUnavailable(Exception):
    """The service did not answer in time, or answered with an error."""


def geocoder():
    parts = urlsplit(settings.GEOCODER_URL)
    return BANFrance(
        domain=parts.netloc + parts.path.rstrip("/"),
        scheme=parts.scheme,
        timeout=settings.GEOCODER_TIMEOUT,
        user_agent="neonum-carto",
    )


def _cache_key(text):
    return "geocode:" + hashlib.sha256(normalise(text).encode()).hexdigest()


def geocode(text):
    """The best address match for `text`, None when there is none.

    Raises GeocoderUnavailable when the service cannot answer (not cached: it may be back)."""
    key = _cache_key(text)
    cached = cache.get(key)
    if cached is not None:
        return cached or None
    try:
        location = geocoder().geocode(text, limit=1, exactly_one=True)
    except GeopyError as error:
        logger.warning("address geocoder unavailable: %s", error)
        raise GeocoderUnavailable(str(error)) from error
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
