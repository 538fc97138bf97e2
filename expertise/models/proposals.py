"""The change requests of réalisations and ressources (moderation.contract.Proposal)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contributions.models import ExchangeLanguage
from moderation.contract import Proposal, ProposalKind, ProposalStatus, kind_field

from .media import IMAGE_SLOTS, image_name, proposed_file_path, proposed_image_path
from .realisation import Realisation
from .ressource import Ressource


def _author():
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("auteur"),
    )


def _constraints(prefix):
    return [
        models.CheckConstraint(
            condition=Q(status__in=ProposalStatus.values), name=f"{prefix}_status_known"
        ),
        models.CheckConstraint(
            condition=Q(kind__in=ProposalKind.values), name=f"{prefix}_kind_known"
        ),
    ]


class RealisationRequest(ExchangeLanguage, Proposal):
    SUBJECT = "realisation"

    realisation = models.ForeignKey(
        Realisation,
        on_delete=models.CASCADE,
        related_name="requests",
        verbose_name=_("réalisation"),
    )
    author = _author()
    kind = kind_field(_("Nouvelle réalisation"))

    class Meta:
        verbose_name = _("demande sur une réalisation")
        verbose_name_plural = _("demandes sur des réalisations")
        ordering = ["-updated_at"]
        constraints = _constraints("realisationrequest")

    def __str__(self):
        return f"{self.get_kind_display()} – {self.realisation}"


for slot in range(1, IMAGE_SLOTS + 1):
    RealisationRequest.add_to_class(
        f"proposed_{image_name(slot)}",
        models.ImageField(
            format_lazy(_("image {slot} proposée"), slot=slot),
            upload_to=proposed_image_path,
            blank=True,
        ),
    )


class RessourceRequest(ExchangeLanguage, Proposal):
    SUBJECT = "ressource"

    ressource = models.ForeignKey(
        Ressource, on_delete=models.CASCADE, related_name="requests", verbose_name=_("ressource")
    )
    author = _author()
    kind = kind_field(_("Nouvelle ressource"))
    proposed_file = models.FileField(_("fichier proposé"), upload_to=proposed_file_path, blank=True)

    class Meta:
        verbose_name = _("demande sur une ressource")
        verbose_name_plural = _("demandes sur des ressources")
        ordering = ["-updated_at"]
        constraints = _constraints("ressourcerequest")

    def __str__(self):
        return f"{self.get_kind_display()} – {self.ressource}"
