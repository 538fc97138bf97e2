"""The profile form's sections, and how far each one is filled in.

A section is "complete" when each of its `needs` (a list of fields, any one of which will do)
has a value, "to complete" otherwise, and "error" when one of its fields was refused. Computed
from the form alone, so the summary at the top of the form needs no JavaScript."""

from django.utils.translation import gettext_lazy as _

from actors.texts import columns

SECTIONS = [
    {
        "id": "identity",
        "title": _("Identité"),
        "fields": ["name", "kind", "logo_file", "siret", "rna"],
        "needs": [["name"], ["kind"]],
    },
    {
        "id": "offer",
        "title": _("Ce que vous proposez"),
        "fields": ["themes", "services", "publics", "languages", "fees"],
        "needs": [["themes"]],
    },
    {
        "id": "place",
        "title": _("Lieu et horaires d'ouverture"),
        "fields": [
            "welcomes_public",
            "works_remotely",
            "travels",
            "street_address",
            "commune",
            "location",
            "opening_hours",
            "acceslibre_url",
            "step_free_access",
            "accessible_toilets",
            "hearing_loop",
        ],
        "needs": [["commune"]],
    },
    {
        "id": "contact",
        "title": _("Contact"),
        "fields": ["website", "email", "phone", "appointment_url"],
        "needs": [["website", "email", "phone"]],
    },
    {
        "id": "texts",
        "title": _("Textes en trois langues"),
        "fields": [*columns("summary"), *columns("description")],
        "needs": [columns("summary")],
    },
]

STATES = {"complete": _("complet"), "todo": _("à compléter"), "error": _("erreur")}


def filled(bound):
    value = bound.value()
    if isinstance(value, str):
        return bool(value.strip())
    return value not in (None, False, [], ())


def state(form, section, names):
    if form.is_bound and any(form[name].errors for name in names):
        return "error"
    for group in section["needs"]:
        present = [name for name in group if name in form.fields]
        if present and not any(filled(form[name]) for name in present):
            return "todo"
    return "complete"


def split(form, items):
    """[{id, title, state, state_label, items}] for the sections holding some of `items`
    (the form's layout, see ActorProfileForm.layout), then the items of no section."""
    placed = {name: section["id"] for section in SECTIONS for name in section["fields"]}

    def names(item):
        return [bound.name for bound in item.get("fields", [item.get("field")])]

    result = []
    for section in SECTIONS:
        mine = [item for item in items if placed.get(names(item)[0]) == section["id"]]
        if not mine:
            continue
        mine.sort(key=lambda item: section["fields"].index(names(item)[0]))
        fields = [name for item in mine for name in names(item)]
        key = state(form, section, fields)
        result.append({**section, "items": mine, "state": key, "state_label": STATES[key]})
    rest = [item for item in items if names(item)[0] not in placed]
    return result, rest
