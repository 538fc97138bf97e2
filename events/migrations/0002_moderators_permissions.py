"""The "Modérateurs" group decides events' requests in the admin, as réalisations' and
ressources' (expertise 0003); it deletes nothing."""

from importlib import import_module

from django.db import migrations

CODENAMES = ["view_event", "view_historicalevent", "view_eventrequest", "change_eventrequest"]


def grant(apps, schema_editor):
    expertise = import_module("expertise.migrations.0003_moderators_permissions")
    expertise.grant_permissions(apps, "events", CODENAMES)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("expertise", "0003_moderators_permissions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
