"""What a moderator sees of an item before deciding: the field-level diff, the location
before and after (two small maps and the distance), the logos."""

from types import SimpleNamespace

from django.contrib.gis.geos import Point
from django.utils.translation import gettext as _

from actors.distance import distance_m
from actors.models import Commune
from actors.presentation import minimap
from contributions import profile


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


def rows(before, after, current=None, selectable=True):
    """One row per field changed by the request, and, when the base is stale (`current`
    given), per field someone else changed since: the moderator sees both sides."""
    mine = profile.changed_fields(before, after)
    theirs = profile.changed_fields(before, current) if current is not None else []
    return [
        {
            "name": name,
            "label": profile.label(name),
            # The language of the values, when the field is a text in one language; the
            # after column may say "(inchangé)", in the page's language.
            "lang": profile.text_language(name),
            "after_lang": profile.text_language(name) if name in mine else None,
            "before": profile.display(name, before.get(name)),
            "after": profile.display(name, after.get(name)) if name in mine else _("(inchangé)"),
            "current": profile.display(name, current.get(name)) if current is not None else None,
            "conflict": name in theirs,
            "selectable": selectable and name in mine,
        }
        for name in profile.FIELDS
        if name in mine or name in theirs
    ]
