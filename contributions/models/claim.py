from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from actors import validators
from moderation.contract import Decided

from .language import ExchangeLanguage


class ClaimStatus(models.TextChoices):
    PENDING = "pending", _("En attente de décision")
    APPROVED = "approved", _("Acceptée")
    REJECTED = "rejected", _("Refusée")
    WITHDRAWN = "withdrawn", _("Retirée")


class ClaimQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ClaimStatus.PENDING)

    def for_actor(self, actor):
        return self.filter(actor=actor)

    def by(self, user):
        return self.filter(user=user)


class Claim(ExchangeLanguage, Decided):
    """Someone says they run a published actor and asks to become its owner; staff decide."""

    actor = models.ForeignKey(
        "actors.Actor", on_delete=models.CASCADE, related_name="claims", verbose_name=_("acteur")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="claims",
        verbose_name=_("demandeur"),
    )
    message = models.TextField(_("message"), max_length=2000)
    siret = models.CharField(
        _("SIRET"), max_length=14, blank=True, validators=[validators.validate_siret]
    )
    rna = models.CharField(
        _("numéro RNA"), max_length=10, blank=True, validators=[validators.validate_rna]
    )
    evidence_email = models.EmailField(_("adresse sur le domaine de l'acteur"), blank=True)
    evidence_email_verified_at = models.DateTimeField(
        _("adresse vérifiée le"), null=True, blank=True
    )
    status = models.CharField(
        _("statut"), max_length=12, choices=ClaimStatus.choices, default=ClaimStatus.PENDING
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        verbose_name = _("revendication")
        verbose_name_plural = _("revendications")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ClaimStatus.values), name="claim_status_known"
            ),
            models.UniqueConstraint(
                fields=["actor", "user"],
                condition=models.Q(status=ClaimStatus.PENDING),
                name="claim_one_pending_per_user",
            ),
        ]

    def __str__(self):
        return f"{self.user.email} → {self.actor}"

    @property
    def has_strong_evidence(self):
        return self.evidence_email_verified_at is not None
