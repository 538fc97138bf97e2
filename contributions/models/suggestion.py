from django.db import models
from django.utils.translation import gettext_lazy as _

from .language import ExchangeLanguage


class SuggestionStatus(models.TextChoices):
    NEW = "new", _("Nouvelle")
    HANDLED = "handled", _("Traitée")
    DISMISSED = "dismissed", _("Écartée")


class SuggestionQuerySet(models.QuerySet):
    def new(self):
        return self.filter(status=SuggestionStatus.NEW)


class Suggestion(ExchangeLanguage):
    """A correction anyone can send about a published actor, without an account."""

    actor = models.ForeignKey(
        "actors.Actor",
        on_delete=models.CASCADE,
        related_name="suggestions",
        verbose_name=_("acteur"),
    )
    # A suggestion about one of the actor's réalisations or ressources names it too; the
    # actor stays the one whose members are told and who edits it.
    realisation = models.ForeignKey(
        "expertise.Realisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="suggestions",
        verbose_name=_("réalisation"),
    )
    ressource = models.ForeignKey(
        "expertise.Ressource",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="suggestions",
        verbose_name=_("ressource"),
    )
    text = models.TextField(_("correction proposée"), max_length=3000)
    proposed = models.JSONField(_("valeurs proposées"), default=dict, blank=True)
    contact_email = models.EmailField(_("adresse de contact"), blank=True)
    # A keyed hash, never the address itself: enough to spot a flood, useless to identify.
    ip_hash = models.CharField(_("empreinte de l'adresse IP"), max_length=64, blank=True)
    status = models.CharField(
        _("statut"), max_length=12, choices=SuggestionStatus.choices, default=SuggestionStatus.NEW
    )
    created_at = models.DateTimeField(_("reçue le"), auto_now_add=True)

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("suggestion de correction")
        verbose_name_plural = _("suggestions de correction")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=SuggestionStatus.values),
                name="suggestion_status_known",
            ),
            models.CheckConstraint(
                condition=models.Q(realisation__isnull=True) | models.Q(ressource__isnull=True),
                name="suggestion_one_subject",
            ),
        ]

    def __str__(self):
        return f"{self.subject} – {self.created_at:%Y-%m-%d}"

    @property
    def subject(self):
        """What the suggestion is about: a réalisation, a ressource or the actor itself."""
        return self.realisation or self.ressource or self.actor
