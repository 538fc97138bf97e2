"""What a moderator sees of an item before deciding: the field-level diff, the location
before and after (two small maps and the distance), the logos."""

from types import SimpleNamespace

from django.contrib.gis.geos import Point
from django.utils.translation import gettext as _

from actors.distance import distance_m, metres
from actors.models import Commune
from actors.presentation import minimap

# Two positions closer than this are the same place: the form and the requests keep a
# position to the micro-degree (about 10 cm), and a point read back through the form, another
# SRID or float formatting may differ in that last digit. Well below what a move means.
SAME_PLACE_M = 0.25
PRECISION = "location_precision"


def moved(before, after):
    """Whether the location really changed between two sets of values: both have one, more
    than SAME_PLACE_M apart."""
    a, b = before.get("location"), after.get("location")
    return bool(a and b) and metres(a, b) >= SAME_PLACE_M


def same_place(before, after):
    """Both locations less than SAME_PLACE_M apart with the same precision: not a change of
    location, however their last digits differ. (The same point found precisely where it
    was approximate, or the reverse, is one.)"""
    if not (before.get("location") and after.get("location")) or moved(before, after):
        return False
    was, now = before.get(PRECISION), after.get(PRECISION)
    return not (was and now and was != now)


def _map(values):
    commune = Commune.objects.filter(insee=values.get("commune")).first()
    if commune is None or not values.get("location"):
        return None
    place = SimpleNamespace(commune_id=commune.pk, location=Point(*values["location"], srid=4326))
    return {**minimap(place), "commune": commune.label, "lat": values["location"][1],
            "lon": values["location"][0]}  # fmt: skip


def location_change(before, after):
    """Both places with their maps, when the location moves; None otherwise."""
    if not moved(before, after):
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
