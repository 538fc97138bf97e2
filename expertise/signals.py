from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from actors import indexing

from . import search
from .models import Realisation, Ressource


@receiver(post_save, sender=Realisation)
@receiver(post_save, sender=Ressource)
def index_text(sender, instance, raw=False, **kwargs):
    if not raw:
        search.refresh(instance)
        # The actor's own vector reads its published items' texts (actors.indexing): any
        # save may publish, change or archive one.
        indexing.refresh([instance.actor_id])


@receiver(post_delete, sender=Realisation)
@receiver(post_delete, sender=Ressource)
def forget_text(sender, instance, **kwargs):
    indexing.refresh([instance.actor_id])
