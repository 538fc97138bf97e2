import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .language import ExchangeLanguage


class ChangeRequestKind(models.TextChoices):
    NEW = "new", _("Nouvelle organisation")
    CHANGE = "change", _("Modification")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("En attente de modération")
    CHANGES_REQUESTED = "changes_requested", _("Modifications demandées")
    APPROVED = "approved", _("Acceptée")
    REJECTED = "rejected", _("Refusée")
    WITHDRAWN = "withdrawn", _("Retirée")


OPEN_STATUSES = [RequestStatus.PENDING, RequestStatus.CHANGES_REQUESTED]


class ChangeRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=RequestStatus.PENDING)

    def open(self):
        """Still in the hands of its author or of the moderators."""
        return self.filter(status__in=OPEN_STATUSES)

    def for_actor(self, actor):
        return self.filter(actor=actor)

    def by(self, user):
        return self.filter(author=user)

    def changes(self):
        return self.filter(kind=ChangeRequestKind.CHANGE)


def proposed_logo_path(instance, filename):
    # The uploaded name is never used: it is attacker-controlled.
    return f"proposals/{uuid.uuid4().hex}.webp"


class ChangeRequest(ExchangeLanguage):
    """Values a member proposes for an actor, waiting for a moderator.

    `proposed` holds the whole profile as JSON (see contributions.profile); `base` and
    `base_updated_at` are the published version it was written against, so that a change
    published meanwhile shows as a conflict instead of being overwritten."""

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
    kind = models.CharField(_("nature"), max_length=10, choices=ChangeRequestKind.choices)
    status = models.CharField(
        _("statut"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    proposed = models.JSONField(_("valeurs proposées"), default=dict)
    proposed_logo = models.ImageField(_("logo proposé"), upload_to=proposed_logo_path, blank=True)
    base = models.JSONField(_("version de départ"), default=dict)
    base_updated_at = models.DateTimeField(_("date de la version de départ"), null=True)
    moderator_note = models.TextField(_("note de modération"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("décidée par"),
    )
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("mise à jour le"), auto_now=True)

    objects = ChangeRequestQuerySet.as_manager()

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

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def is_stale(self):
        """The actor was changed since the version this request was written against."""
        return (
            self.kind == ChangeRequestKind.CHANGE
            and self.base_updated_at is not None
            and self.actor.updated_at != self.base_updated_at
        )
