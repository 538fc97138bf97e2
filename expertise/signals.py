from django.db.models.signals import post_save
from django.dispatch import receiver

from . import search
from .models import Realisation, Ressource


@receiver(post_save, sender=Realisation)
@receiver(post_save, sender=Ressource)
def index_text(sender, instance, raw=False, **kwargs):
    if not raw:
        search.refresh(instance)
