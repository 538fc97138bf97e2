"""What a person follows: a saved search of one of the public lists, an actor or a theme,
each with how often its news is e-mailed."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actors.models import Actor, Theme
from contributions.models import ExchangeLanguage


class Frequency(models.TextChoices):
    NEVER = "never", _("Jamais")
    WEEKLY = "weekly", _("Chaque semaine")
    MONTHLY = "monthly", _("Chaque mois")


class Target(models.TextChoices):
    SEARCH = "search", _("Recherche")
    ACTOR = "actor", _("Acteur")
    THEME = "theme", _("Thématique")


class SearchKind(models.TextChoices):
    ACTORS = "actors", _("Annuaire")
    EVENTS = "events", _("Agenda")
    RESSOURCES = "ressources", _("Ressources")
    REALISATIONS = "realisations", _("Réalisations")


class SubscriptionQuerySet(models.QuerySet):
    def of(self, user):
        return self.filter(user=user)


class Subscription(ExchangeLanguage):
    """`language` (the page's when it was saved) is the language of its e-mails.
    `last_sent_at` is the end of the period the last e-mail covered: the next one lists
    what was published after it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    target = models.CharField(_("objet"), max_length=10, choices=Target.choices)
    search_kind = models.CharField(
        _("liste"), max_length=15, choices=SearchKind.choices, blank=True
    )
    # The list's parameters, normalised by alerts.searches (the same search, the same text).
    query = models.TextField(_("critères"), blank=True)
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, null=True, blank=True)
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, null=True, blank=True)
    label = models.CharField(_("intitulé"), max_length=200)
    frequency = models.CharField(
        _("fréquence"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    last_sent_at = models.DateTimeField(_("nouveautés envoyées jusqu'au"), default=timezone.now)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnements")
        ordering = ["target", "label", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(frequency__in=Frequency.values), name="subscription_frequency_known"
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        target=Target.SEARCH,
                        search_kind__in=SearchKind.values,
                        actor__isnull=True,
                        theme__isnull=True,
                    )
                    | Q(
                        target=Target.ACTOR,
                        actor__isnull=False,
                        theme__isnull=True,
                        search_kind="",
                        query="",
                    )
                    | Q(
                        target=Target.THEME,
                        theme__isnull=False,
                        actor__isnull=True,
                        search_kind="",
                        query="",
                    )
                ),  # fmt: skip
                name="subscription_target_shape",
            ),
            models.UniqueConstraint(
                fields=["user", "search_kind", "query"],
                condition=Q(target=Target.SEARCH),
                name="subscription_unique_search",
            ),
            *(
                models.UniqueConstraint(
                    fields=["user", field],
                    condition=Q(target=target),
                    name=f"subscription_unique_{field}",
                )
                for field, target in (("actor", Target.ACTOR), ("theme", Target.THEME))
            ),
        ]
        indexes = [models.Index(fields=["frequency", "last_sent_at"], name="subscription_due")]

    def __str__(self):
        return self.label
