"""The "Modérateurs" group, LaNum's team in the admin, writes the selections; it already sees
the actors, réalisations, ressources and events the items' autocompletes search."""

from importlib import import_module

from django.db import migrations

CODENAMES = [
    f"{action}_{model}"
    for action in ("view", "add", "change", "delete")
    for model in ("selection", "selectionitem")
]


def grant(apps, schema_editor):
    expertise = import_module("expertise.migrations.0003_moderators_permissions")
    expertise.grant_permissions(apps, "selections", CODENAMES)


class Migration(migrations.Migration):
    dependencies = [
        ("selections", "0001_initial"),
        ("events", "0002_moderators_permissions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
