"""Turning what a citizen types in "near" (a commune, a postcode, an address) into a point."""

import re
from dataclasses import dataclass, replace

from django.contrib.gis.geos import Point

from actors.geocoding import GeocoderUnavailable, geocode
from actors.models import Commune, LocationPrecision
from actors.text import normalise

POSTCODE = re.compile(r"\b(64\d{3})\b")
# Words in the longest commune name written with spaces ("Saint Jean Pied de Port").
LONGEST_NAME_WORDS = 6


@dataclass(frozen=True)
class Place:
    label: str
    point: Point
    # "commune" when only the commune is known, "address" for a geocoded address.
    precision: str
    # True when the address could not be looked up and its commune stands in for it.
    degraded: bool = False


def commune_place(commune):
    return Place(label=commune.label, point=commune.centroid, precision="commune")


def resolve_near(text):
    """A commune name or postcode is resolved offline; anything else goes to the address
    geocoder, and to the commune it names when the geocoder is down (a degraded place). None
    when unknown; GeocoderUnavailable when the geocoder is down and no commune is named."""
    text = (text or "").strip()[:200]
    if not text:
        return None
    commune = Commune.objects.matching(text).first()
    if commune:
        return commune_place(commune)
    try:
        address = geocode(text)
    except GeocoderUnavailable:
        place = commune_in_address(text)
        if place is None:
            raise
        return replace(place, degraded=True)
    if address:
        return Place(label=address.label, point=address.point, precision="address")
    return None


def commune_in_address(text):
    """The commune an address names, read from its postcode or its last parts."""
    postcode = POSTCODE.search(text)
    if postcode:
        candidates = list(Commune.objects.matching(postcode.group(1)))
        named = [c for c in candidates if c.search_name in normalise(text)]
        if named or candidates:
            return commune_place((named or candidates)[0])
    for part in reversed(re.split(r"[,\n]", text)):
        # People often leave the comma out ("12 rue Pannecau Bayonne"): the commune is then
        # the part's last words, at most as many as the longest name has (Saint-Martin-d'Arberoue).
        words = POSTCODE.sub("", part).split()
        for count in range(1, min(len(words), LONGEST_NAME_WORDS) + 1):
            commune = Commune.objects.matching(" ".join(words[-count:])).first()
            if commune:
                return commune_place(commune)
    return None


@dataclass(frozen=True)
class Located:
    """Where an address puts an actor or an event, and how far to trust it."""

    point: Point
    precision: str  # a LocationPrecision
    # The geocoder did not answer (down, slow, or this client's look-ups used up): the
    # address may well exist.
    unanswered: bool = False

    @property
    def approximate(self):
        return self.precision == LocationPrecision.APPROXIMATE


def rounded(point):
    """[lon, lat] to the micro-degree (about 10 cm), as a stored location keeps it."""
    return [round(point.x, 6), round(point.y, 6)]


def locate_address(street_address, commune):
    """The geocoded address when the geocoder finds it inside the commune; else the commune's
    centre, marked approximate: no address, or the geocoder did not answer, found nothing, or
    found the street elsewhere (a typo, another town's street). An approximate actor's
    address is asked again every day (opendata.relocate). The point is checked as it will be
    kept, to the micro-degree: a point a few centimetres inside the commune's edge could
    otherwise be stored just outside it."""
    if not street_address.strip():
        return Located(commune.centroid, LocationPrecision.APPROXIMATE)
    try:
        address = geocode(f"{street_address}, {commune.postcodes[0]} {commune.name}")
    except GeocoderUnavailable:
        return Located(commune.centroid, LocationPrecision.APPROXIMATE, unanswered=True)
    point = address and Point(*rounded(address.point), srid=address.point.srid)
    if point and commune.boundary.intersects(point):
        return Located(point, LocationPrecision.PRECISE)
    return Located(commune.centroid, LocationPrecision.APPROXIMATE)
