"""A row's values, checked: strict on what identifies and places an actor (name, SIRET, RNA,
kind, themes, commune, coordinates: the row is rejected with the reason), lenient on the
optional fields (a fixable value is fixed, another dropped; either way a warning quoting
it, and the row is kept)."""

import math

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from actors.models import Actor
from actors.texts import COLUMNS as TEXT_COLUMNS
from actors.validators import validate_rna, validate_siret
from contributions import profile

TEXTS = ["name", *TEXT_COLUMNS, "website", "email", "phone", "street_address",
         "opening_hours", "acceslibre_url", "appointment_url", "fees", "siret", "rna"]  # fmt: skip
FLAGS = {"welcomes_public": True, "works_remotely": False, "travels": False, "is_demo": False}
TRUE = {"true", "1", "oui", "yes", "vrai", "x"}
FALSE = {"false", "0", "non", "no", "faux", ""}
# Dropped with a warning rather than rejecting the row.
OPTIONAL = {*TEXT_COLUMNS, "website", "email", "phone", "opening_hours", "acceslibre_url",
            "appointment_url", "fees", "street_address", *profile.NULLABLE_FLAGS,
            "welcomes_public", "works_remotely", "travels", "is_demo",
            "services", "publics", "languages"}  # fmt: skip
URL_FIELDS = ("website", "acceslibre_url", "appointment_url")


class RowError(Exception):
    """The row is rejected; the message says why."""


class OutsideTerritory(RowError):
    pass


def text(row, name, limit=None):
    value = row.get(name)
    value = "" if value is None else str(value).strip()
    return value[:limit] if limit else value


def flag(row, name):
    value = row.get(name)
    if isinstance(value, bool):
        return value
    word = "" if value is None else str(value).strip().lower()
    if word in TRUE:
        return True
    if word in FALSE:
        return FLAGS.get(name) if word == "" else False
    raise ValueError(
        _("%(field)s : « %(value)s » n'est ni oui ni non.") % {"field": name, "value": value}
    )


def number(value):
    if value in (None, ""):
        return None
    try:
        result = float(str(value).replace(",", "."))
    except ValueError:
        raise RowError(_("Coordonnée invalide : « %s ».") % value) from None
    if not math.isfinite(result):
        raise RowError(_("Coordonnée invalide : « %s ».") % value)
    return result


def point(row):
    """(lon, lat) rounded as stored (about 10 cm), or None."""
    lat, lon = number(row.get("latitude")), number(row.get("longitude"))
    if (lat is None) != (lon is None):
        raise RowError(_("Latitude et longitude vont ensemble."))
    if lat is None:
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise RowError(
            _("Coordonnées hors du monde : %(lat)s, %(lon)s.") % {"lat": lat, "lon": lon}
        )
    return round(lon, 6), round(lat, 6)


def identifiers(values):
    for key, validator in (("siret", validate_siret), ("rna", validate_rna)):
        if values.get(key):
            values[key] = values[key].replace(" ", "")
            try:
                validator(values[key])
            except ValidationError as error:
                raise RowError(
                    f"{' '.join(error.messages)} (« {values[key]} »)".replace("..", ".")
                ) from None


def terms(values, row, known, warnings):
    for key, slugs_known in known.items():
        if key not in row:
            continue
        slugs = row[key] if isinstance(row[key], list) else [row[key]]
        slugs = [str(s).strip() for s in slugs if str(s).strip()]
        unknown = [s for s in slugs if s not in slugs_known]
        if unknown:
            message = _("Valeurs inconnues pour « %(field)s » : %(values)s.") % {
                "field": Actor._meta.get_field(key).verbose_name,
                "values": ", ".join(unknown),
            }
            if key not in OPTIONAL:
                raise RowError(message)
            warnings.append(message)
        values[key] = sorted(set(slugs) - set(unknown))


def fix(values, warnings):
    """The optional values that can be fixed: a website without its scheme."""
    for key in URL_FIELDS:
        value = values.get(key, "")
        if value and "://" not in value and "." in value and " " not in value:
            values[key] = "https://" + value
            warnings.append(_("%(field)s : « %(value)s » complété en « %(fixed)s ».") % {
                "field": Actor._meta.get_field(key).verbose_name, "value": value,
                "fixed": values[key],
            })  # fmt: skip


def drop_invalid(values, error, warnings):
    """Drops the optional values the model refused, with a warning quoting each; raises
    RowError when a refused value is not optional."""
    strict = []
    for name, errors in error.message_dict.items():
        if name in OPTIONAL and name in values:
            warnings.append(
                _("%(field)s : « %(value)s » ignoré (%(reason)s)")
                % {
                    "field": Actor._meta.get_field(name).verbose_name,
                    "value": str(values.pop(name))[:200],
                    "reason": " ".join(errors),
                }
            )
        else:
            label = f"{name}: " if name != "__all__" else ""
            strict.append(label + " ".join(errors))
    if strict:
        raise RowError(" ".join(strict))
