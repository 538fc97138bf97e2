"""An event of the agenda: a moderated kind sharing the réalisations' and ressources' base
(texts in three languages, publishing actor, themes, publics, slug, search vector), with its
dates in Europe/Paris, an optional RFC 5545 rule and exception dates (events.recurrence), a
place (an actor's address, another address in the CAPB, or online) checked by the database,
its organisers, registration, price, accessibility and capacity."""

from django.contrib.gis.db import models as gis
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actors.models import Actor, Commune
from expertise.models import ExpertiseContent

from .. import recurrence
from .lists import PlaceKind, Price

PLACE_RULES = {
    PlaceKind.ACTOR: Q(place_actor__isnull=False),
    PlaceKind.ADDRESS: Q(commune__isnull=False, location__isnull=False) & ~Q(street_address=""),
    PlaceKind.ONLINE: ~Q(online_url=""),
}


class Event(ExpertiseContent):
    moderation = "events.declaration.EventDeclaration"
    URL_NAME = "events:event"

    description = models.TextField(_("description (français)"), blank=True)
    description_eu = models.TextField(_("description (euskara)"), blank=True)
    description_es = models.TextField(_("description (español)"), blank=True)
    start = models.DateTimeField(_("début"))
    end = models.DateTimeField(_("fin"))
    all_day = models.BooleanField(_("toute la journée"), default=False)
    rrule = models.CharField(
        _("règle de récurrence"),
        max_length=300,
        blank=True,
        validators=[recurrence.validate_rule],
        help_text=_("Au format RFC 5545, par exemple FREQ=WEEKLY;BYDAY=TU;COUNT=10."),
    )
    exdates = ArrayField(
        models.DateField(), default=list, blank=True, verbose_name=_("dates d'exception")
    )
    # The end of the last occurrence (None: a rule without end), for the database's filters.
    last_end = models.DateTimeField(null=True, editable=False)
    place_kind = models.CharField(_("lieu"), max_length=8, choices=PlaceKind.choices)
    place_actor = models.ForeignKey(
        Actor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_events",
        verbose_name=_("chez l'acteur"),
    )
    street_address = models.CharField(_("adresse"), max_length=255, blank=True)
    commune = models.ForeignKey(
        Commune,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("commune"),
    )
    location = gis.PointField(_("position"), srid=4326, null=True, blank=True)
    online_url = models.URLField(_("lien de l'événement en ligne"), max_length=300, blank=True)
    organisers = models.ManyToManyField(
        Actor, related_name="organised_events", blank=True, verbose_name=_("co-organisateurs")
    )
    registration_url = models.URLField(_("lien d'inscription"), max_length=300, blank=True)
    price = models.CharField(_("tarif"), max_length=4, choices=Price.choices, default=Price.FREE)
    accessibility = models.CharField(
        _("accessibilité du lieu"),
        max_length=300,
        blank=True,
        help_text=_("Par exemple : plain-pied, boucle magnétique, interprétation en LSF."),
    )
    capacity = models.PositiveIntegerField(_("nombre de places"), null=True, blank=True)
    # Where an imported event comes from ("ical", "openagenda") and its identifier there (the
    # iCalendar UID, the OpenAgenda uid): a second import finds it again.
    source = models.CharField(_("source"), max_length=20, blank=True, editable=False)
    source_id = models.CharField(
        _("identifiant à la source"), max_length=255, blank=True, editable=False
    )

    class Meta(ExpertiseContent.Meta):
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        ordering = ["start"]
        indexes = [
            *ExpertiseContent.Meta.indexes,
            models.Index(fields=["status", "start", "last_end"], name="event_dates"),
        ]
        constraints = [
            *ExpertiseContent.Meta.constraints,
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")),
                name="event_end_after_start",
                violation_error_message=_("La fin doit suivre le début."),
            ),  # fmt: skip
            models.CheckConstraint(
                condition=Q(place_kind__in=PlaceKind.values), name="event_place_kind_known"
            ),
            models.CheckConstraint(condition=Q(price__in=Price.values), name="event_price_known"),
            models.UniqueConstraint(
                fields=["source", "source_id"],
                condition=~Q(source_id=""),
                name="event_source_identity",
            ),
            *[
                models.CheckConstraint(
                    condition=~Q(place_kind=kind) | rule, name=f"event_place_{kind}_complete"
                )
                for kind, rule in PLACE_RULES.items()
            ],
        ]

    def clean(self):
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("La fin doit suivre le début.")
        if self.place_kind == PlaceKind.ACTOR and not self.place_actor_id:
            errors["place_actor"] = _("Choisissez l'acteur qui accueille l'événement.")
        if self.place_kind == PlaceKind.ONLINE and not self.online_url:
            errors["online_url"] = _("Indiquez le lien de l'événement en ligne.")
        if self.place_kind == PlaceKind.ADDRESS:
            if not self.street_address or not self.commune_id:
                errors["street_address"] = _("Indiquez l'adresse et la commune.")
            elif (
                self.location
                and not Commune.objects.filter(pk=self.commune_id)
                .containing(self.location)
                .exists()
            ):
                errors["location"] = _("La position doit se trouver dans la commune choisie.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.last_end = recurrence.last_end(self) if self.start and self.end else None
        super().save(*args, **kwargs)

    def occurrences(self, since=None, until=None):
        return recurrence.occurrences(self, since, until)

    @property
    def venue(self):
        """(street address, commune, point) of a physical place, else None."""
        if self.place_kind == PlaceKind.ACTOR and self.place_actor_id:
            actor = self.place_actor
            return actor.street_address, actor.commune, actor.location
        if self.place_kind == PlaceKind.ADDRESS:
            return self.street_address, self.commune, self.location
        return None
