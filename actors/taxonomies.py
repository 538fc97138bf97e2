"""The actors' vocabularies, declared once: each taxonomy's name in profiles, records, the
reference file and the API (`key`), its query parameter, its model, the column of
actors_actor the directory filters and counts on, and its label. Everything that walks the
taxonomies (filters, facets, indexing, demo, synthetic and reference data, profile forms,
importer, exports, API) reads them from here."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from actors.models import ActorKind, Language, Public, Service, Theme


@dataclass(frozen=True)
class Taxonomy:
    # Actor's field for the many-to-many ones ("themes"); the reference file's and the API's
    # list name for all ("kinds").
    key: str
    parameter: str
    model: type
    # A denormalised id array (`many`) or the foreign key's column.
    column: str
    label: str | Promise
    many: bool = True

    @property
    def through(self):
        """The many-to-many table's model (many-to-many taxonomies only)."""
        from actors.models import Actor

        return getattr(Actor, self.key).through

    @property
    def term_column(self):
        """The through table's column naming the term: `theme_id`."""
        return f"{self.model._meta.model_name}_id"


THEMES = Taxonomy("themes", "theme", Theme, "theme_ids", _("Thématiques"))
SERVICES = Taxonomy("services", "service", Service, "service_ids", _("Services"))
PUBLICS = Taxonomy("publics", "public", Public, "public_ids", _("Publics"))
WELCOME_LANGUAGES = Taxonomy(
    "languages", "language", Language, "language_ids", _("Langues d'accueil")
)
KINDS = Taxonomy("kinds", "kind", ActorKind, "kind_id", _("Types d'acteurs"), many=False)

# In the directory's order (filters, facets, chips).
TAXONOMIES = (THEMES, SERVICES, PUBLICS, WELCOME_LANGUAGES, KINDS)
# An actor has any number of terms of each of these (many-to-many, id arrays).
MANY = tuple(taxonomy for taxonomy in TAXONOMIES if taxonomy.many)
# Actor field -> term model, for profiles, records and loaders.
MANY_MODELS = {taxonomy.key: taxonomy.model for taxonomy in MANY}
# List name -> term model, every taxonomy (the reference file, the API's lists).
ALL_MODELS = {taxonomy.key: taxonomy.model for taxonomy in TAXONOMIES}
