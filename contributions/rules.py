"""The profile form's rules applied to values that did not come through it: a past version
being restored, or a profile saved before a rule existed. The form is the one place the
rules are written; this only turns JSON values (contributions.profile) into its input."""

from django.contrib.gis.geos import Point
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from actors.models import ActorKind, Commune

from . import profile
from .forms import ActorProfileForm

# Inputs the form has that are not part of a profile's values.
NOT_VALUES = {"base", "logo_file"}


def as_form_data(values):
    """The profile form's input for `values`, as a browser would post it."""
    data = {}
    for name in profile.SCALARS:
        value = values.get(name)
        if name in profile.NULLABLE_FLAGS:
            data[name] = "" if value is None else str(value)
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = value or ""
    kind = ActorKind.objects.filter(slug=values.get("kind")).first()
    commune = Commune.objects.filter(insee=values.get("commune")).first()
    data["kind"] = kind.pk if kind else ""
    data["commune"] = commune.pk if commune else ""
    if values.get("location"):
        data["location"] = Point(*values["location"], srid=4326).geojson
    for name, model in profile.TAXONOMIES.items():
        data[name] = [term.pk for term in model.objects.by_slugs(values.get(name) or [])]
    return data


def checked_form(values):
    """The profile form bound to `values` and validated."""
    form = ActorProfileForm(as_form_data(values))
    form.is_valid()
    for name in NOT_VALUES & set(form.errors):
        del form.errors[name]
    return form


def problems(values):
    """What `values` break, one sentence per field: "label : message"."""
    form = checked_form(values)
    lines = []
    for name, errors in form.errors.items():
        label = profile.label(name) if name in profile.FIELDS else None
        for message in errors:
            if label:
                message = _("%(label)s : %(message)s") % {
                    "label": capfirst(label),
                    "message": message,
                }
            lines.append(message)
    return lines
