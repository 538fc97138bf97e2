import math
import uuid

from django.contrib.gis.db import models
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db.models import Q
from django.db.models.lookups import GreaterThan
from django.db.models.query import ModelIterable
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from actors import validators
from actors.distance import KM_PER_DEGREE, haversine_km
from moderation.contract import Moderated, Status

from .commune import Commune
from .taxonomy import ActorKind, Language, Public, Service, Theme

SUMMARY_REQUIRED = _("Écrivez le résumé dans au moins une langue.")


# An actor goes through the moderation workflow's statuses.
ActorStatus = Status


class Fees(models.TextChoices):
    """LaMednum's `frais_a_charge` closed set."""

    FREE = "gratuit", _("Gratuit")
    FREE_WITH_CONDITIONS = "gratuit_sous_condition", _("Gratuit sous condition")
    PAID = "payant", _("Payant")


class LocationPrecision(models.TextChoices):
    """How far the position can be trusted: an address or coordinates given, or only the
    commune's centre standing in (the geocoder did not answer, or no address was given)."""

    PRECISE = "precise", _("précise")
    APPROXIMATE = "approximate", _("approximative (centre de la commune)")


# The place's accessibility, appointment link and fees, in the order forms and exports use.
ACCESS_FIELDS = [
    "acceslibre_url",
    "step_free_access",
    "accessible_toilets",
    "hearing_loop",
    "appointment_url",
    "fees",
]


# The taxonomies' derived columns (actors.indexing): id arrays, and their bigint masks.
TERM_ARRAYS = ["theme_ids", "service_ids", "public_ids", "language_ids"]
TERM_MASKS = ["theme_mask", "service_mask", "public_mask", "language_mask"]
OPEN_DAYS = ["open_day0", "open_days"]


class OpenIntervalsField(models.Field):
    """PostgreSQL's tstzmultirange: the instants an actor is open in the coming days
    (actors.indexing writes it from `opening_hours`; the `open` filter reads it)."""

    description = "tstzmultirange"

    def db_type(self, connection):
        return "tstzmultirange"


class ActorQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ActorStatus.PUBLISHED)

    def demo(self):
        return self.filter(is_demo=True)

    def synthetic(self):
        return self.filter(source=Actor.SYNTHETIC_SOURCE)

    def within(self, point, km):
        """Actors at most `km` kilometres from `point` (great-circle distance), annotated
        with that distance as `distance_km`.

        A latitude/longitude box, widened at its pole-ward edge so that it holds the whole
        circle, reads the covering index of published actors; the haversine distance, on the
        same plain coordinates, then trims its corners. No geometry is decoded per row."""
        return self.around(point, km).annotate(distance_km=haversine_km(point)).nearer_than(km)

    def around(self, point, km):
        """The latitude/longitude box holding the circle of `km` around `point`."""
        dlat = km / KM_PER_DEGREE
        widest = math.cos(math.radians(min(89.0, abs(point.y) + dlat)))
        dlon = km / (KM_PER_DEGREE * widest)
        return self.filter(
            lat__gte=point.y - dlat,
            lat__lte=point.y + dlat,
            lon__gte=point.x - dlon,
            lon__lte=point.x + dlon,
        )

    def nearer_than(self, km):
        """Of actors annotated by within(), those at most `km` away."""
        return self.filter(distance_km__lte=km)

    def for_listing(self):
        """What a list of actors shows, in a fixed number of queries: with the counts of
        réalisations and ressources that prove their expertise."""
        from expertise.evidence import counts

        listing = (
            self.select_related("kind", "commune")
            .annotate(**counts())
            .defer(
                "description",
                "description_eu",
                "description_es",
                "search_vector",
                "search_text",
                "open_intervals",
                "open_hours",
                "open_part_hours",
                *OPEN_DAYS,
                *TERM_MASKS,
                "commune__boundary",
            )
        )
        listing._iterable_class = CardIterable
        return listing


class CardIterable(ModelIterable):
    """for_listing()'s actors, each with the themes and services its card names
    (`card_themes`, `card_services`, in their taxonomy's order), read from the id arrays its
    row already holds: one query per taxonomy (its few terms), whatever the page holds.
    Prefetching the many-to-many relations (a join per taxonomy, a related manager per card
    and relation) was a tenth of the directory page's time in Python."""

    def __iter__(self):
        # The taxonomies' declarations (model, id array) import this module.
        from actors.taxonomies import SERVICES, THEMES

        actors = list(super().__iter__())
        for attribute, taxonomy in (("card_themes", THEMES), ("card_services", SERVICES)):
            terms = list(taxonomy.model.objects.all()) if actors else []
            for actor in actors:
                held = set(getattr(actor, taxonomy.column) or ())
                setattr(actor, attribute, [term for term in terms if term.pk in held])
        yield from actors


class TermMask(models.Func):
    """An id array's terms as the bits of a bigint (bit n for id n), the sign bit set when
    an id is outside 0-62 (the SQL function of migrations 0010 and 0014). Facet counts group
    by it: hashing a bigint is several times cheaper than hashing an array (actors.facets);
    filters test its bits (has_any_term)."""

    function = "actor_term_mask"
    output_field = models.BigIntegerField(null=True)


MASK_IDS = range(63)


def mask_column(array_column):
    """The bigint twin of an id array's column."""
    return array_column.removesuffix("_ids") + "_mask"


def has_any_term(array_column, ids):
    """The actors whose id array holds any of `ids`, tested on the mask's bits for the ids
    it has a bit for: the facets' index (actor_published_counts) holds the masks and not the
    arrays, and reading it is about half the time of a filtered directory at 100,000
    actors (README "The directory at 100,000 actors")."""
    bits = sum(1 << i for i in ids if i in MASK_IDS)
    others = [i for i in ids if i not in MASK_IDS]
    mask = models.F(mask_column(array_column))
    condition = Q(GreaterThan(mask.bitand(bits), 0)) if bits else Q()
    if others:
        condition |= Q(**{f"{array_column}__overlap": others})
    return condition


def term_mask(array_field):
    return models.GeneratedField(
        expression=TermMask(array_field),
        output_field=models.BigIntegerField(null=True),
        db_persist=True,
        editable=False,
    )


def logo_path(instance, filename):
    # Never trust the uploaded name: a random one, and the re-encoded format's suffix.
    return f"logos/{uuid.uuid4().hex}.webp"


class Actor(Moderated, models.Model):
    SYNTHETIC_SOURCE = "synthetic"
    moderation = "contributions.declaration.ActorDeclaration"

    name = models.CharField(_("nom"), max_length=200, validators=[validators.validate_visible_text])
    slug = models.SlugField(_("identifiant d'URL"), max_length=220, unique=True)
    kind = models.ForeignKey(
        ActorKind, on_delete=models.PROTECT, related_name="actors", verbose_name=_("type")
    )
    # French is `summary` and `description`; Basque and Spanish have their own columns, like
    # the taxonomies' names. Visitors read their language or another (actors.texts).
    summary = models.CharField(
        _("résumé (français)"),
        max_length=280,
        blank=True,
        help_text=_("En une ou deux phrases, 280 caractères au plus."),
    )
    summary_eu = models.CharField(_("résumé (euskara)"), max_length=280, blank=True)
    summary_es = models.CharField(_("résumé (español)"), max_length=280, blank=True)
    description = models.TextField(
        _("description (français)"), blank=True, help_text=_("Markdown.")
    )
    description_eu = models.TextField(_("description (euskara)"), blank=True)
    description_es = models.TextField(_("description (español)"), blank=True)
    themes = models.ManyToManyField(Theme, related_name="actors", verbose_name=_("thématiques"))
    services = models.ManyToManyField(
        Service, related_name="actors", blank=True, verbose_name=_("services proposés")
    )
    publics = models.ManyToManyField(
        Public, related_name="actors", blank=True, verbose_name=_("publics")
    )
    languages = models.ManyToManyField(
        Language, related_name="actors", blank=True, verbose_name=_("langues d'accueil")
    )

    website = models.URLField(_("site web"), max_length=300, blank=True)
    email = models.EmailField(_("courriel public"), blank=True)
    phone = models.CharField(
        _("téléphone"), max_length=20, blank=True, validators=[validators.validate_phone]
    )
    street_address = models.CharField(_("adresse"), max_length=255, blank=True)
    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="actors", verbose_name=_("commune")
    )
    location = models.PointField(_("position"), srid=4326, spatial_index=True)
    location_precision = models.CharField(
        _("précision de la position"),
        max_length=12,
        choices=LocationPrecision.choices,
        default=LocationPrecision.PRECISE,
        db_default=LocationPrecision.PRECISE,
    )
    welcomes_public = models.BooleanField(_("accueille le public à cette adresse"), default=True)
    works_remotely = models.BooleanField(_("intervient à distance"), default=False)
    travels = models.BooleanField(_("se déplace"), default=False)
    opening_hours = models.CharField(
        _("horaires d'ouverture"),
        max_length=255,
        blank=True,
        validators=[validators.validate_opening_hours],
        help_text=_("Syntaxe OpenStreetMap, par exemple « Mo-Fr 09:00-12:00; Sa 10:00-12:00 »."),
    )
    siret = models.CharField(
        _("SIRET"), max_length=14, blank=True, validators=[validators.validate_siret]
    )
    rna = models.CharField(
        _("numéro RNA"), max_length=10, blank=True, validators=[validators.validate_rna]
    )
    logo = models.ImageField(_("logo"), upload_to=logo_path, blank=True)
    # Accessibility of the place: a link to its Acceslibre page and the usual flags, each
    # unknown (empty), yes or no.
    acceslibre_url = models.URLField(
        _("fiche Acceslibre"),
        max_length=300,
        blank=True,
        default="",
        db_default="",
        validators=[validators.validate_acceslibre_url],
        help_text=_("Adresse de la page du lieu sur acceslibre.beta.gouv.fr."),
    )
    step_free_access = models.BooleanField(
        _("entrée de plain-pied ou rampe"), null=True, blank=True
    )
    accessible_toilets = models.BooleanField(_("toilettes accessibles"), null=True, blank=True)
    hearing_loop = models.BooleanField(_("boucle magnétique"), null=True, blank=True)
    appointment_url = models.URLField(
        _("prise de rendez-vous en ligne"), max_length=300, blank=True, default="", db_default=""
    )
    fees = models.CharField(
        _("frais à charge"),
        max_length=30,
        choices=Fees.choices,
        blank=True,
        default="",
        db_default="",
    )

    status = models.CharField(
        _("statut"), max_length=12, choices=ActorStatus.choices, default=ActorStatus.DRAFT
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)
    verified_at = models.DateTimeField(_("vérifié par l'acteur le"), null=True, blank=True)
    is_demo = models.BooleanField(_("donnée de démonstration"), default=False)
    source = models.CharField(_("source"), max_length=60, blank=True)
    source_id = models.CharField(_("identifiant à la source"), max_length=100, blank=True)

    # Search and facet index, derived from the fields above by actors.indexing: the text
    # search document, a normalised text for typo-tolerant matching, and the taxonomy ids
    # as arrays so that facets and filters read one table instead of four joins.
    search_vector = SearchVectorField(null=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)
    theme_ids = ArrayField(models.IntegerField(), default=list, editable=False)
    service_ids = ArrayField(models.IntegerField(), default=list, editable=False)
    public_ids = ArrayField(models.IntegerField(), default=list, editable=False)
    language_ids = ArrayField(models.IntegerField(), default=list, editable=False)
    # The same sets as bits, written by PostgreSQL whenever the arrays change.
    theme_mask = term_mask("theme_ids")
    service_mask = term_mask("service_ids")
    public_mask = term_mask("public_ids")
    language_mask = term_mask("language_ids")
    # Plain coordinates for the map's clustering: grouping 100,000 floats is several times
    # faster than reading as many geometries.
    lon = models.FloatField(null=True, editable=False)
    lat = models.FloatField(null=True, editable=False)
    # The open intervals of the coming days (actors.opening), refreshed nightly, and the hours
    # (numbered from the epoch) they touch: a GIN index finds the actors open in an hour or a
    # day exactly; a GiST index of the multirange would only know its first and last instant.
    open_intervals = OpenIntervalsField(null=True, editable=False)
    open_hours = ArrayField(models.IntegerField(), null=True, blank=True, editable=False)
    # Those of the hours the intervals cover only in part (actors.opening.part_hours), few or
    # none: "open now" reads the intervals, from the TOAST table, for these hours alone.
    open_part_hours = ArrayField(models.IntegerField(), null=True, blank=True, editable=False)
    # The Paris days those hours fall on (actors.opening.open_days): the first day's number
    # and a bit per day from it. Two integers in the narrow index below, so that the counts
    # of "open on Monday" stay an index-only scan instead of reading every row's hours.
    open_day0 = models.IntegerField(null=True, editable=False)
    open_days = models.IntegerField(null=True, editable=False)
    # When the index was last written: the version of the published data, for caches.
    indexed_at = models.DateTimeField(null=True, editable=False)

    objects = ActorQuerySet.as_manager()

    class Meta:
        verbose_name = _("acteur")
        verbose_name_plural = _("acteurs")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["status", "name"], name="actor_status_name"),
            models.Index(fields=["source"], name="actor_source"),
            models.Index(fields=["updated_at"], name="actor_updated"),
            GinIndex(fields=["search_vector"], name="actor_search_vector"),
            GinIndex(fields=["search_text"], opclasses=["gin_trgm_ops"], name="actor_search_trgm"),
            GinIndex(fields=["theme_ids"], name="actor_theme_ids"),
            GinIndex(fields=["service_ids"], name="actor_service_ids"),
            GinIndex(fields=["public_ids"], name="actor_public_ids"),
            GinIndex(fields=["language_ids"], name="actor_language_ids"),
            models.Index(fields=["indexed_at"], name="actor_indexed_at"),
            GinIndex(fields=["open_hours"], name="actor_open_hours"),
            # Facets, map clusters and the nearest-first list (distance, then name) read only
            # these columns of published actors: an index-only scan of this narrow index
            # instead of the wide table.
            models.Index(
                fields=["lat", "lon"],
                include=["id", "name", "commune", "kind", *TERM_ARRAYS, *TERM_MASKS],
                condition=Q(status=ActorStatus.PUBLISHED),
                name="actor_published_facets",
            ),
            # The map's clusters and the facet counts without a filter on the arrays read
            # only these: an index-only scan reads every entry it holds, so narrow entries
            # (a fifth of the one above) are read several times faster.
            models.Index(
                fields=["lat", "lon"],
                include=["id", "commune", "kind", *TERM_MASKS, *OPEN_DAYS],
                condition=Q(status=ActorStatus.PUBLISHED),
                name="actor_published_counts",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(location__isvalid=True), name="actor_location_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ActorStatus.values), name="actor_status_known"
            ),
            models.CheckConstraint(
                condition=Q(siret="") | Q(siret__regex=r"^[0-9]{14}$"), name="actor_siret_format"
            ),
            models.CheckConstraint(
                condition=Q(rna="") | Q(rna__regex=r"^W[0-9][0-9AB][0-9]{7}$"),
                name="actor_rna_format",
            ),
            models.CheckConstraint(
                condition=~Q(summary="", summary_eu="", summary_es=""),
                name="actor_summary_in_some_language",
                violation_error_message=SUMMARY_REQUIRED,
            ),
            models.CheckConstraint(
                condition=Q(fees="") | Q(fees__in=Fees.values), name="actor_fees_known"
            ),
            models.CheckConstraint(
                condition=Q(acceslibre_url="")
                | Q(acceslibre_url__startswith="https://acceslibre.beta.gouv.fr/"),
                name="actor_acceslibre_url_host",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("actors:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self):
        return self.status == ActorStatus.PUBLISHED

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.location and self.commune_id:
            commune = Commune.objects.filter(pk=self.commune_id).containing(self.location)
            if not commune.exists():
                raise ValidationError(
                    {"location": _("La position doit se trouver dans la commune choisie.")}
                )

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self.name, Actor.objects.exclude(pk=self.pk))
        super().save(*args, **kwargs)


def unique_slug(name, queryset, max_length=200):
    base = slugify(name)[:max_length].strip("-") or "acteur"
    slug, n = base, 2
    while queryset.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug
