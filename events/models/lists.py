from django.db import models
from django.utils.translation import gettext_lazy as _


class PlaceKind(models.TextChoices):
    ACTOR = "actor", _("À l'adresse d'un acteur")
    ADDRESS = "address", _("À une autre adresse de la CAPB")
    ONLINE = "online", _("En ligne")


class Price(models.TextChoices):
    FREE = "free", _("Gratuit")
    PAID = "paid", _("Payant")
