"""Partners' answers (confirmed, declined, pending), and the actors' search vectors rewritten
for those that publish réalisations or ressources: the vector now reads their texts
(actors.indexing)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def reindex(apps, schema_editor):
    from actors import indexing

    ids = set()
    for name in ("Realisation", "Ressource"):
        model = apps.get_model("expertise", name)
        ids.update(model.objects.values_list("actor_id", flat=True).distinct())
    indexing.refresh(ids)


class Migration(migrations.Migration):
    dependencies = [
        ("actors", "0010_term_masks"),
        ("expertise", "0004_media"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="partner",
            name="answer",
            field=models.CharField(
                choices=[
                    ("pending", "Non confirmé"),
                    ("confirmed", "Confirmé"),
                    ("declined", "Refusé"),
                ],
                default="pending",
                max_length=12,
                verbose_name="réponse du partenaire",
            ),
        ),
        migrations.AddField(
            model_name="partner",
            name="answered_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="répondu le"),
        ),
        migrations.AddField(
            model_name="partner",
            name="answered_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="répondu par",
            ),
        ),
        migrations.AddConstraint(
            model_name="partner",
            constraint=models.CheckConstraint(
                condition=models.Q(("answer__in", ["pending", "confirmed", "declined"])),
                name="partner_answer_known",
            ),
        ),
        migrations.RunPython(reindex, migrations.RunPython.noop),
    ]
