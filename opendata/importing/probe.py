"""The model's checks on a would-be actor, without a query per row: its fields' own
validators, then the rules the database would enforce, read from memory (the commune's
boundary, the summary in some language)."""

from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from actors.models import Actor
from actors.models.actor import SUMMARY_REQUIRED
from contributions import profile

# Checked by the importer itself, or not the import's business.
EXCLUDED = ["slug", "logo", "status", "kind", "commune", "location", "search_vector",
            "search_text", "open_intervals", "open_hours"]  # fmt: skip


def probe(values, actor, kinds):
    actor_probe = Actor(pk=actor.pk if actor else None, slug="probe")
    if actor is not None:
        for name in profile.SCALARS:
            setattr(actor_probe, name, getattr(actor, name))
        actor_probe.kind = actor.kind
    for name in profile.SCALARS:
        if name in values:
            setattr(actor_probe, name, values[name])
    if "kind" in values:
        actor_probe.kind = kinds[values["kind"]]
    return actor_probe


def probe_errors(values, actor, kinds, communes):
    """A ValidationError naming the refused fields, or None."""
    candidate = probe(values, actor, kinds)
    errors = {}
    try:
        candidate.clean_fields(exclude=EXCLUDED)
    except ValidationError as error:
        errors.update(error.message_dict)
    if not (candidate.summary or candidate.summary_eu or candidate.summary_es):
        errors.setdefault("__all__", []).append(str(SUMMARY_REQUIRED))
    if not communes.holds(values["commune"], Point(*values["location"], srid=4326)):
        errors.setdefault("location", []).append(
            _("La position doit se trouver dans la commune choisie.")
        )
    return ValidationError(errors) if errors else None
