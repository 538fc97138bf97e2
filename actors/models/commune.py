from django.contrib.gis.db import models
from django.contrib.postgres.fields import ArrayField
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, Collate, Lower, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from actors.text import normalise


def reads_basque():
    return (get_language() or "").startswith("eu")


# Names people type for a commune beside its French and Basque ones (the reference data has
# those two only), normalised: the Spanish names in common use (a Spanish reader looks for
# Bayona, not Bayonne; the demo actors' Spanish texts say so too), and the short name of
# Mauléon-Licharre, in French and Spanish alike.
OTHER_NAMES = {
    "bayona": "64102",
    "hendaya": "64260",
    "mauleon": "64371",
    "san juan de luz": "64483",
    "san juan de pie de puerto": "64485",
    "san juan pie de puerto": "64485",
}


class CommuneQuerySet(models.QuerySet):
    def by_label(self):
        """In the order of `Commune.label`, the name in the reader's language: Basque names
        on Basque pages, the French name standing in where no Basque one is known. In the
        language's alphabetical order (ICU's collations, which Debian's PostgreSQL has), not
        the database's, which may be by code point (C.UTF-8): Aïcirits then after Ayherre,
        Saint-Étienne-de-Baïgorry after Saint-Pierre-d'Irube."""
        if reads_basque():
            label = Coalesce(NullIf("name_eu", Value("")), F("name"))
            return self.order_by(Collate(label, "eu-x-icu"), "name")
        return self.order_by(Collate("name", "fr-x-icu"), "name")

    def containing(self, point):
        return self.filter(boundary__intersects=point)

    def matching(self, text):
        """Communes named `text` (French, Basque or another name in OTHER_NAMES, case and
        accents ignored) or with that postcode. Digits are read as a postcode only: INSEE
        codes and postcodes overlap (64100 is Bayonne's postcode and Bassussarry's INSEE
        code)."""
        text = (text or "").strip()
        if not text:
            return self.none()
        if text.isdigit():
            # A postcode often serves several communes: the most populous first.
            return self.filter(postcodes__contains=[text]).order_by("-population")
        key = normalise(text)
        named = Q(search_name=key) | Q(search_name_eu=key)
        if key in OTHER_NAMES:
            named |= Q(insee=OTHER_NAMES[key])
        return self.filter(named)


class Commune(models.Model):
    insee = models.CharField(_("code INSEE"), max_length=5, unique=True)
    name = models.CharField(_("nom"), max_length=100)
    name_eu = models.CharField(_("nom en basque"), max_length=100, blank=True)
    name_eu_source = models.CharField(_("source du nom en basque"), max_length=255, blank=True)
    # Lower-cased, unaccented names, for matching what people type.
    search_name = models.CharField(max_length=100, editable=False, db_index=True)
    search_name_eu = models.CharField(max_length=100, editable=False, blank=True, db_index=True)
    postcodes = ArrayField(models.CharField(max_length=5), verbose_name=_("codes postaux"))
    population = models.PositiveIntegerField(_("population"))
    boundary = models.MultiPolygonField(_("limites"), srid=4326, spatial_index=True)
    # Inside the boundary even for concave communes (see load_reference).
    centroid = models.PointField(_("centre"), srid=4326)

    objects = CommuneQuerySet.as_manager()

    class Meta:
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        ordering = ["name"]
        indexes = [models.Index(Lower("name"), name="commune_lower_name")]
        constraints = [
            models.CheckConstraint(
                condition=Q(boundary__isvalid=True), name="commune_boundary_valid"
            ),
            models.CheckConstraint(
                condition=Q(insee__regex=r"^[0-9]{5}$"), name="commune_insee_format"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def label(self):
        """The name in the reader's language: the Basque one in euskara, when known."""
        if reads_basque() and self.name_eu:
            return self.name_eu
        return self.name

    def save(self, *args, **kwargs):
        self.search_name = normalise(self.name)
        self.search_name_eu = normalise(self.name_eu)
        super().save(*args, **kwargs)
