from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history import register

from actors.models import Actor
from actors.models.actor import OPEN_DAYS, TERM_ARRAYS, TERM_MASKS
from actors.taxonomies import MANY_MODELS

from .history import AttributedHistory

# Versions of every actor, with their taxonomies, in this app's tables (actors' migrations
# stay untouched). The index columns are derived data, rebuilt from the rest.
register(
    Actor,
    app="moderation",
    records_class=AttributedHistory,
    m2m_fields=list(MANY_MODELS),
    excluded_fields=[
        "search_vector",
        "search_text",
        *TERM_ARRAYS,
        *TERM_MASKS,
        "lon",
        "lat",
        "indexed_at",
        "open_intervals",
        "open_hours",
        "open_part_hours",
        *OPEN_DAYS,
    ],
    history_change_reason_field=models.TextField(null=True),
)


class ItemType(models.TextChoices):
    NEW = "new", _("Nouvelle organisation")
    CHANGE = "change", _("Modification")
    CLAIM = "claim", _("Revendication")
    SUGGESTION = "suggestion", _("Suggestion")
    ACTOR = "actor", _("Fiche")


class Action(models.TextChoices):
    APPROVE = "approve", _("Acceptée")
    PARTIAL = "partial", _("Acceptée en partie")
    REJECT = "reject", _("Refusée")
    CHANGES = "changes", _("Modifications demandées")
    PUBLISH = "publish", _("Publiée")
    ARCHIVE = "archive", _("Archivée")
    UNARCHIVE = "unarchive", _("Désarchivée")
    RESTORE = "restore", _("Version restaurée")


class DecisionQuerySet(models.QuerySet):
    def about(self, item_type, object_id):
        return self.filter(item_type=item_type, object_id=object_id)


class Decision(models.Model):
    """What a moderator decided, on what, and why: the console's journal. Never edited."""

    item_type = models.CharField(_("objet"), max_length=12, choices=ItemType.choices)
    object_id = models.BigIntegerField(_("identifiant de l'objet"))
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("acteur")
    )
    action = models.CharField(_("décision"), max_length=12, choices=Action.choices)
    fields = models.JSONField(_("champs appliqués"), default=list, blank=True)
    reason = models.TextField(_("motif"), blank=True)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="moderation_decisions",
        verbose_name=_("modérateur"),
    )
    created_at = models.DateTimeField(_("décidée le"), auto_now_add=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("décision de modération")
        verbose_name_plural = _("décisions de modération")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["item_type", "object_id"], name="decision_item")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(item_type__in=ItemType.values), name="decision_type_known"
            ),
            models.CheckConstraint(
                condition=models.Q(action__in=Action.values), name="decision_action_known"
            ),
        ]

    def __str__(self):
        return f"{self.get_item_type_display()} {self.object_id} – {self.get_action_display()}"


class FreshnessReminder(models.Model):
    """When an actor's owners were last asked to confirm their profile, so that the daily
    command does not ask again every day."""

    actor = models.OneToOneField(
        Actor, on_delete=models.CASCADE, related_name="freshness_reminder", verbose_name=_("acteur")
    )
    sent_at = models.DateTimeField(_("envoyé le"))

    class Meta:
        verbose_name = _("rappel de mise à jour")
        verbose_name_plural = _("rappels de mise à jour")

    def __str__(self):
        return f"{self.actor} – {self.sent_at:%Y-%m-%d}"
