"""Where an imported event takes place, as the declaration's values: an address the
geocoder finds in a commune of the CAPB, else an online event when the place is a link;
an address outside the CAPB is refused (Outside), and so is a place neither found nor a
link (RowError)."""

from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from actors.geocoding import GeocoderUnavailable, geocode
from actors.models import Commune
from opendata.importing.values import RowError

from ..models import PlaceKind

FIELDS = ("place_kind", "place_actor", "street_address", "commune", "location", "online_url")


class Outside(RowError):
    pass


def _is_link(text):
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError:
        return False
    return True


def _address(text, point, commune):
    return {
        "place_kind": PlaceKind.ADDRESS,
        "place_actor": None,
        # The address as written up to the commune, which the page shows on its own.
        "street_address": text.split(",")[0].strip()[:255],
        "commune": commune.insee,
        "location": [round(point.x, 6), round(point.y, 6)],
        "online_url": "",
    }


def online(url):
    return {"place_kind": PlaceKind.ONLINE, "place_actor": None, "street_address": "",
            "commune": None, "location": None, "online_url": url}  # fmt: skip


def place(text, point=None, link=""):
    """The place values of `text` (an address or a link), `point` (lon, lat) when the source
    gives one, `link` an online address given besides."""
    text = (text or "").strip()
    if point is not None:
        where = Point(*point, srid=4326)
        commune = Commune.objects.containing(where).first()
        if commune is None:
            raise Outside(_("Lieu hors du territoire de la CAPB : « %s ».") % (text or where))
        return _address(text or commune.name, where, commune)
    if text and not _is_link(text):
        try:
            found = geocode(text)
        except GeocoderUnavailable:
            raise RowError(_("Géocodeur indisponible : lieu « %s » non vérifié.") % text) from None
        if found is not None:
            commune = Commune.objects.containing(found.point).first()
            if commune is None:
                raise Outside(_("Lieu hors du territoire de la CAPB : « %s ».") % text)
            return _address(text, found.point, commune)
    for candidate in (text, link):
        if candidate and _is_link(candidate):
            return online(candidate)
    if text:
        raise RowError(_("Lieu introuvable et sans lien en ligne : « %s ».") % text)
    raise RowError(_("Ni lieu ni lien en ligne."))
