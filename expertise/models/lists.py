"""The closed sets (TextChoices, checked by the database) and the staff-managed lists
(terms with French, Basque and Spanish names, like the actors' taxonomies)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from actors.models.taxonomy import Term


class Progress(models.TextChoices):
    IN_PROGRESS = "in_progress", _("En cours")
    COMPLETED = "completed", _("Terminée")


class Licence(models.TextChoices):
    ETALAB = "etalab-2.0", _("Licence Ouverte / Etalab 2.0")
    CC_BY = "cc-by-4.0", _("CC BY 4.0")
    CC_BY_SA = "cc-by-sa-4.0", _("CC BY-SA 4.0")
    CC_BY_NC_SA = "cc-by-nc-sa-4.0", _("CC BY-NC-SA 4.0")
    RESERVED = "all-rights-reserved", _("Tous droits réservés")


# The licences' canonical addresses, for schema.org's `license`.
LICENCE_URLS = {
    Licence.ETALAB: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC_SA: "https://creativecommons.org/licenses/by-nc-sa/4.0/",
}


class ContentLanguage(models.TextChoices):
    FR = "fr", _("Français")
    EU = "eu", _("Euskara")
    ES = "es", _("Español")
    EN = "en", _("Anglais")
    SEVERAL = "mul", _("Plusieurs langues")


class PartnerRole(models.TextChoices):
    CARRIER = "porteur", _("Porteur")
    PARTNER = "partenaire", _("Partenaire")
    FUNDER = "financeur", _("Financeur")


class PartnerAnswer(models.TextChoices):
    """A directory actor's answer to being named a réalisation's partner."""

    PENDING = "pending", _("Non confirmé")
    CONFIRMED = "confirmed", _("Confirmé")
    DECLINED = "declined", _("Refusé")


class FundingProgramme(Term):
    class Meta(Term.Meta):
        verbose_name = _("programme de financement")
        verbose_name_plural = _("programmes de financement")


class RessourceType(Term):
    class Meta(Term.Meta):
        verbose_name = _("type de ressource")
        verbose_name_plural = _("types de ressources")
