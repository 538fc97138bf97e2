from django.db.models.signals import post_save
from django.dispatch import receiver

from expertise import search

from .models import Event

TEXTS = ("summary", "description")


@receiver(post_save, sender=Event)
def index_text(sender, instance, raw=False, **kwargs):
    if not raw:
        search.refresh(instance, TEXTS)
