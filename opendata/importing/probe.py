"""The model's checks on a would-be actor, without a query or a model instance per row: the
validators of each field the row gives, then the rules the database would enforce, read from
memory (the commune's boundary, the summary in some language)."""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.utils.translation import gettext as _

from actors.models import Actor
from actors.models.actor import SUMMARY_REQUIRED

# Checked by the importer itself (slugs, the commune, the position, taxonomies).
CHECKED_ELSEWHERE = {"kind", "commune", "location", "location_precision", "themes", "services",
                     "publics", "languages"}  # fmt: skip
SUMMARIES = ("summary", "summary_eu", "summary_es")


def field_errors(values):
    errors = {}
    for name, value in values.items():
        if name in CHECKED_ELSEWHERE:
            continue
        try:
            field = Actor._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        try:
            values[name] = field.clean(value, None)
        except ValidationError as error:
            errors[name] = error.messages
    return errors


def probe_errors(values, actor, communes):
    """A ValidationError naming the refused fields, or None."""
    errors = field_errors(values)
    if not any(values.get(name, getattr(actor, name, "")) for name in SUMMARIES):
        errors.setdefault("__all__", []).append(str(SUMMARY_REQUIRED))
    if not communes.holds(values["commune"], *values["location"]):
        errors.setdefault("location", []).append(
            _("La position doit se trouver dans la commune choisie.")
        )
    return ValidationError(errors) if errors else None
