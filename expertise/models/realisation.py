from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from actors.models import Actor, Commune

from .common import ExpertiseContent, version_index
from .lists import FundingProgramme, Licence, PartnerAnswer, PartnerRole, Progress
from .media import add_image_fields

ENDS_BEFORE_START = _("La date de fin précède la date de début.")


class Realisation(ExpertiseContent):
    """A project an actor carried: what was done, where, with whom, what came of it."""

    moderation = "expertise.declaration.RealisationDeclaration"
    URL_NAME = "expertise:realisation"

    description = models.TextField(
        _("description (français)"), blank=True, help_text=_("Markdown.")
    )
    description_eu = models.TextField(_("description (euskara)"), blank=True)
    description_es = models.TextField(_("description (español)"), blank=True)
    results = models.TextField(_("résultats (français)"), blank=True)
    results_eu = models.TextField(_("résultats (euskara)"), blank=True)
    results_es = models.TextField(_("résultats (español)"), blank=True)
    lessons = models.TextField(_("ce que nous avons appris (français)"), blank=True)
    lessons_eu = models.TextField(_("ce que nous avons appris (euskara)"), blank=True)
    lessons_es = models.TextField(_("ce que nous avons appris (español)"), blank=True)
    progress = models.CharField(
        _("état"), max_length=12, choices=Progress.choices, default=Progress.IN_PROGRESS
    )
    start_date = models.DateField(_("date de début"), null=True, blank=True)
    end_date = models.DateField(_("date de fin"), null=True, blank=True)
    whole_territory = models.BooleanField(_("tout le territoire"), default=False)
    communes = models.ManyToManyField(
        Commune, related_name="realisations", blank=True, verbose_name=_("communes concernées")
    )
    funding_programme = models.ForeignKey(
        FundingProgramme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="realisations",
        verbose_name=_("programme de financement"),
    )
    licence = models.CharField(
        _("licence de ce qui a été produit"), max_length=24, choices=Licence.choices, blank=True
    )
    link = models.URLField(_("lien"), max_length=300, blank=True)

    class Meta(ExpertiseContent.Meta):
        verbose_name = _("réalisation")
        verbose_name_plural = _("réalisations")
        indexes = [*ExpertiseContent.Meta.indexes, version_index("realisation")]
        constraints = [
            *ExpertiseContent.Meta.constraints,
            models.CheckConstraint(
                condition=Q(progress__in=Progress.values), name="realisation_progress_known"
            ),
            models.CheckConstraint(
                condition=Q(licence="") | Q(licence__in=Licence.values),
                name="realisation_licence_known",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="realisation_ends_after_start",
                violation_error_message=ENDS_BEFORE_START,
            ),
        ]

    def clean(self):
        super().clean()
        # On the end date, so that a form says it next to that field (and marks it invalid):
        # the constraint above, checked after, would only put it atop the form.
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": ENDS_BEFORE_START})


add_image_fields(Realisation)


class Partner(models.Model):
    """An actor of the directory, or a named outside organisation, taking part in a
    réalisation with a role."""

    realisation = models.ForeignKey(
        Realisation,
        on_delete=models.CASCADE,
        related_name="partners",
        verbose_name=_("réalisation"),
    )
    actor = models.ForeignKey(
        Actor,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="partnerships",
        verbose_name=_("acteur de l'annuaire"),
    )
    name = models.CharField(_("partenaire extérieur"), max_length=200, blank=True)
    role = models.CharField(_("rôle"), max_length=12, choices=PartnerRole.choices)
    # A directory actor's members confirm or decline being named: a declined link is not
    # shown, a pending one is marked so on the réalisation's page and is left off the
    # partner's own page. An outside partner has no one to answer: it stays pending.
    answer = models.CharField(
        _("réponse du partenaire"),
        max_length=12,
        choices=PartnerAnswer.choices,
        default=PartnerAnswer.PENDING,
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("répondu par"),
    )
    answered_at = models.DateTimeField(_("répondu le"), null=True, blank=True)

    class Meta:
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")
        ordering = ["role", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=PartnerRole.values), name="partner_role_known"
            ),
            models.CheckConstraint(
                condition=Q(answer__in=PartnerAnswer.values), name="partner_answer_known"
            ),
            # Either an actor of the directory or a name, never both nor neither.
            models.CheckConstraint(
                condition=(Q(actor__isnull=False) & Q(name=""))
                | (Q(actor__isnull=True) & ~Q(name="")),
                name="partner_actor_or_name",
            ),
            models.UniqueConstraint(
                fields=["realisation", "actor", "role"],
                condition=Q(actor__isnull=False),
                name="partner_unique_actor_role",
            ),
        ]

    def __str__(self):
        return f"{self.actor or self.name} ({self.get_role_display()})"

    @property
    def is_pending(self):
        return self.actor_id is not None and self.answer == PartnerAnswer.PENDING
