"""The "Modérateurs" group, with what the moderation console needs on contributions and
actors. Issue 5 (the console) relies on it; get_or_create keeps this idempotent."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Modérateurs"
PERMISSIONS = {
    "contributions": [
        "view_changerequest",
        "change_changerequest",
        "view_claim",
        "change_claim",
        "view_suggestion",
        "change_suggestion",
        "view_membership",
        "add_membership",
        "change_membership",
        "delete_membership",
    ],
    "actors": ["view_actor", "change_actor"],
}


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, codenames in PERMISSIONS.items():
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0001_initial"),
        ("actors", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
