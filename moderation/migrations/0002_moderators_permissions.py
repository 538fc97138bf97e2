"""The "Modérateurs" group (contributions 0002) also reads the actors' history and the
decisions journal, and writes decisions; nothing in this app can be deleted by them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Modérateurs"
CODENAMES = ["view_historicalactor", "view_decision", "add_decision", "view_freshnessreminder"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="moderation", codename__in=CODENAMES)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("contributions", "0002_moderators_group"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
