"""An actor's public profile as plain JSON values, for change requests and their diffs.

Scalars are stored as they are, the kind and taxonomies by slug, the commune by INSEE code
and the location as [lon, lat]: a request stays readable even if an object is renamed."""

from django.contrib.gis.geos import Point
from django.utils.translation import gettext_lazy as _

from actors import indexing
from actors.models import (
    ACCESS_FIELDS,
    Actor,
    ActorKind,
    Commune,
    Fees,
    LocationPrecision,
)
from actors.places import rounded
from actors.taxonomies import MANY_MODELS
from actors.texts import COLUMNS as TEXT_COLUMNS
from actors.texts import FIELDS as TEXT_FIELDS
from actors.texts import LANGUAGES, column
from moderation.contract import rows

SCALARS = [
    "name",
    *TEXT_COLUMNS,
    "website",
    "email",
    "phone",
    "street_address",
    "opening_hours",
    *ACCESS_FIELDS,
    "siret",
    "rna",
    "welcomes_public",
    "works_remotely",
    "travels",
]
# Yes, no or unknown (None).
NULLABLE_FLAGS = ("step_free_access", "accessible_toilets", "hearing_loop")
# Actor field -> term model, read by the history and the rules as well.
TAXONOMIES = MANY_MODELS
FIELDS = [*SCALARS, "kind", "commune", "location", *TAXONOMIES]
# Not a field of the form: the importer's proposals and history versions carry it.
PRECISION = "location_precision"


def snapshot(actor):
    values = {name: getattr(actor, name) for name in SCALARS}
    values["kind"] = actor.kind.slug
    values["commune"] = actor.commune.insee
    values["location"] = rounded(actor.location)
    for name in TAXONOMIES:
        values[name] = sorted(getattr(actor, name).values_list("slug", flat=True))
    return values


def from_form(cleaned_data):
    """The JSON values of a valid profile form."""
    values = {name: cleaned_data[name] for name in SCALARS}
    values["kind"] = cleaned_data["kind"].slug
    values["commune"] = cleaned_data["commune"].insee
    values["location"] = rounded(cleaned_data["location"])
    # Placed by its address (ActorProfileForm.clean): precise, or the commune's centre.
    if cleaned_data.get(PRECISION):
        values[PRECISION] = cleaned_data[PRECISION]
    for name in TAXONOMIES:
        values[name] = sorted(term.slug for term in cleaned_data[name])
    return values


def to_initial(values):
    """Form initial data from JSON values (unknown slugs are dropped, not guessed)."""
    initial = {name: values.get(name) for name in SCALARS if name in values}
    initial["kind"] = ActorKind.objects.filter(slug=values.get("kind")).first()
    initial["commune"] = Commune.objects.filter(insee=values.get("commune")).first()
    if values.get("location"):
        initial["location"] = Point(*values["location"], srid=4326)
    for name, model in TAXONOMIES.items():
        initial[name] = list(model.objects.by_slugs(values.get(name, [])))
    return initial


def apply(actor, values):
    """Write the values onto the actor and save it. The caller holds the transaction."""
    for name in SCALARS:
        if name in values:
            setattr(actor, name, values[name])
    if "kind" in values:
        actor.kind = ActorKind.objects.get(slug=values["kind"])
    if "commune" in values:
        actor.commune = Commune.objects.get(insee=values["commune"])
    if values.get("location"):
        moved = actor.location is None or rounded(actor.location) != list(values["location"])
        actor.location = Point(*values["location"], srid=4326)
        # A point someone placed (a member's marker, a moderator's choice) is where the
        # actor is; only the importer and the geocoder say a point is approximate.
        if moved and not values.get(PRECISION):
            actor.location_precision = LocationPrecision.PRECISE
    if values.get(PRECISION):
        actor.location_precision = values[PRECISION]
    actor.full_clean(exclude=["slug", "logo"])
    with indexing.deferred():
        actor.save()
        for name, model in TAXONOMIES.items():
            if name in values:
                getattr(actor, name).set(model.objects.by_slugs(values[name]))
    return actor


LABELS = {
    "kind": _("type"),
    "commune": _("commune"),
    "location": _("position"),
    "themes": _("thématiques"),
    "services": _("services proposés"),
    "publics": _("publics"),
    "languages": _("langues d'accueil"),
}


# The language each text field is written in: diffs mark their values with it (`lang`).
TEXT_LANGUAGES = {column(field, lang): lang for field in TEXT_FIELDS for lang in LANGUAGES}


def label(name):
    if name in LABELS:
        return LABELS[name]
    return Actor._meta.get_field(name).verbose_name


def display(name, value):
    """A value as a person reads it: labels instead of slugs and codes."""
    if value in (None, "", []):
        return "—"
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    if name == "fees":
        return Fees(value).label if value in Fees.values else value
    if name == "kind":
        term = ActorKind.objects.filter(slug=value).first()
        return term.label if term else value
    if name == "commune":
        commune = Commune.objects.filter(insee=value).first()
        return commune.label if commune else value
    if name == "location":
        return f"{value[1]:.5f}, {value[0]:.5f}"
    if name in TAXONOMIES:
        terms = {t.slug: t.label for t in TAXONOMIES[name].objects.by_slugs(value)}
        return ", ".join(terms.get(slug, slug) for slug in value)
    return str(value)


def _differs(name, before, after):
    if before.get(name) != after.get(name):
        return True
    if name != "location" or PRECISION not in before or PRECISION not in after:
        return False
    # The same point, found precisely where it was approximate (or the reverse).
    return before[PRECISION] != after[PRECISION]


def changed_fields(before, after):
    return [name for name in FIELDS if name in after and _differs(name, before, after)]


def chosen(proposed, names):
    """The proposed values of `names`; a location comes with its precision when the
    proposal states one (an import's), else applying it marks the point precise."""
    values = {name: proposed[name] for name in names}
    if "location" in values and proposed.get(PRECISION):
        values[PRECISION] = proposed[PRECISION]
    return values


def diff(before, after):
    """The diff's rows for the fields that differ (see moderation.contract.rows)."""
    return rows(Actor.declaration(), before, after)


def conflicts(base, current, proposed):
    """The rows of the fields someone else changed since `base`, with this proposal's
    value of each ("also_mine") when it changes it too."""
    return [
        {**row, "base": row["before"], "proposed": row["after"], "also_mine": row["mine"]}
        for row in rows(Actor.declaration(), base, proposed, current)
        if row["conflict"]
    ]


def rebase(base, current, proposed):
    """The current version with only this proposal's own changes on top."""
    merged = dict(current)
    for name in changed_fields(base, proposed):
        merged[name] = proposed[name]
    return merged
