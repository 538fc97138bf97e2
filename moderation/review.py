"""What a moderator sees of an item before deciding: the field-level diff, the location
before and after (two small maps and the distance), the logos."""

import math
from types import SimpleNamespace

from django.contrib.gis.geos import Point
from django.utils.translation import gettext as _

from actors.models import Commune
from actors.presentation import minimap

EARTH_RADIUS_M = 6_371_000


def distance_m(a, b):
    """Great-circle distance in metres between two [lon, lat] pairs (haversine: well within
    a metre of the geodesic at the scale of a commune)."""
    lon1, lat1, lon2, lat2 = map(math.radians, [*a, *b])
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return round(2 * EARTH_RADIUS_M * math.asin(math.sqrt(h)))


def _map(values):
    commune = Commune.objects.filter(insee=values.get("commune")).first()
    if commune is None or not values.get("location"):
        return None
    place = SimpleNamespace(commune_id=commune.pk, location=Point(*values["location"], srid=4326))
    return {**minimap(place), "commune": commune.label, "lat": values["location"][1],
            "lon": values["location"][0]}  # fmt: skip


def location_change(before, after):
    """Both places with their maps, when the location moves; None otherwise."""
    if not before.get("location") or before.get("location") == after.get("location"):
        return None
    if not after.get("location"):
        return None
    return {
        "pairs": [(_("Avant"), _map(before)), (_("Après"), _map(after))],
        "distance": distance_m(before["location"], after["location"]),
    }


def location(before, after):
    """A new organisation's place on its map; a move as `location_change`; else None."""
    if not before.get("location") and after.get("location"):
        return {"pairs": [(_("Position proposée"), _map(after))], "distance": None}
    return location_change(before, after)
