"""The "Modérateurs" group (contributions 0002) decides réalisations' and ressources'
requests in the admin and keeps the staff-managed lists; it deletes nothing."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Modérateurs"
CODENAMES = [
    "view_realisation", "view_ressource", "view_historicalrealisation",
    "view_historicalressource", "view_realisationrequest", "change_realisationrequest",
    "view_ressourcerequest", "change_ressourcerequest", "view_fundingprogramme",
    "add_fundingprogramme", "change_fundingprogramme", "view_ressourcetype",
    "add_ressourcetype", "change_ressourcetype",
]  # fmt: skip


def grant_permissions(apps, app_label, codenames):
    """Gives the group these permissions of `app_label` (other apps' migrations use it too)."""
    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )


def grant(apps, schema_editor):
    grant_permissions(apps, "expertise", CODENAMES)


class Migration(migrations.Migration):
    dependencies = [
        ("expertise", "0002_lists"),
        ("contributions", "0002_moderators_group"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
