import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from moderation.contract import Proposal, ProposalKind, ProposalStatus

from .language import ExchangeLanguage

# The workflow's names in this app's words: members and moderators speak of change requests.
ChangeRequestKind = ProposalKind
RequestStatus = ProposalStatus


def proposed_logo_path(instance, filename):
    # The uploaded name is never used: it is attacker-controlled.
    return f"proposals/{uuid.uuid4().hex}.webp"


class ChangeRequest(ExchangeLanguage, Proposal):
    """Values a member proposes for an actor, waiting for a moderator (see Proposal);
    `proposed` holds the whole profile as JSON (see contributions.profile)."""

    SUBJECT = "actor"

    actor = models.ForeignKey(
        "actors.Actor",
        on_delete=models.CASCADE,
        related_name="change_requests",
        verbose_name=_("acteur"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="change_requests",
        verbose_name=_("auteur"),
    )
    proposed_logo = models.ImageField(_("logo proposé"), upload_to=proposed_logo_path, blank=True)

    class Meta:
        verbose_name = _("demande de modification")
        verbose_name_plural = _("demandes de modification")
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["status", "actor"], name="changerequest_status_actor")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=RequestStatus.values),
                name="changerequest_status_known",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=ChangeRequestKind.values),
                name="changerequest_kind_known",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.actor}"
