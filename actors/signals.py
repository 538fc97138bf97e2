"""Index upkeep after single writes (admin, forms, domain functions). Bulk loaders call
actors.indexing themselves and do not go through these."""

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from actors import indexing
from actors.models import Actor, ActorKind, Commune
from actors.taxonomies import MANY


@receiver(post_save, sender=Actor)
def actor_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.refresh([instance.pk])


def _m2m_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:  # a term's actors changed: those actors' index
        indexing.refresh(pk_set or [])
    else:
        indexing.refresh([instance.pk])


for _taxonomy in MANY:
    m2m_changed.connect(_m2m_changed, sender=_taxonomy.through)


@receiver(post_save, sender=Commune)
def commune_saved(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        indexing.refresh_where("commune_id", instance.pk)


@receiver(post_save, sender=ActorKind)
def kind_saved(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        indexing.refresh_where("kind_id", instance.pk)


def _term_saved(sender, instance, created, raw=False, **kwargs):
    if created or raw:
        return
    taxonomy = BY_MODEL[sender]
    ids = taxonomy.through.objects.filter(**{taxonomy.term_column: instance.pk}).values_list(
        "actor_id", flat=True
    )
    indexing.refresh(ids)


BY_MODEL = {taxonomy.model: taxonomy for taxonomy in MANY}
for _model in BY_MODEL:
    post_save.connect(_term_saved, sender=_model)
