"""The staff-managed lists' first terms; staff add and rename them in the admin."""

from django.db import migrations

TYPES = [
    ("guide", "Guide", "Gida", "Guía"),
    ("boite-a-outils", "Boîte à outils", "Tresna-kutxa", "Caja de herramientas"),
    ("module-de-formation", "Module de formation", "Prestakuntza modulua", "Módulo de formación"),
    ("video", "Vidéo", "Bideoa", "Vídeo"),
    ("jeu-de-donnees", "Jeu de données", "Datu multzoa", "Conjunto de datos"),
    ("logiciel", "Logiciel", "Softwarea", "Software"),
    ("etude", "Étude", "Azterketa", "Estudio"),
]
PROGRAMMES = [
    (
        "capb-strategie-nr",
        "Stratégie numérique responsable de la CAPB",
        "EAEren kudeaketa digital arduratsuaren estrategia",
        "Estrategia digital responsable de la CAPB",
    ),
    ("france-num", "France Num", "France Num", "France Num"),
    ("feder", "FEDER", "EGEF", "FEDER"),
    ("autofinancement", "Autofinancement", "Autofinantzaketa", "Autofinanciación"),
]


def create(apps, schema_editor):
    for model, rows in (("RessourceType", TYPES), ("FundingProgramme", PROGRAMMES)):
        manager = apps.get_model("expertise", model).objects
        for position, (slug, name, name_eu, name_es) in enumerate(rows):
            manager.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "name_eu": name_eu,
                    "name_es": name_es,
                    "position": position,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("expertise", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
