"""The OpenAPI description of the réalisations' and ressources' endpoints and records,
merged into opendata.openapi's document. Their parameters are read from the kinds'
FilterSets (expertise.filters) and their schemas list the records' fields
(opendata.expertise_records), so that a test can hold the two together."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actors.texts import LANGUAGES, column
from expertise.filters import FILTERSETS
from expertise.models import ContentLanguage, Licence, PartnerRole, Progress

from .openapi import STRING, STRINGS, _download, _json, _ref, page_schema, paging_parameters

LANGUAGE_NAMES = {
    "fr": gettext_lazy("en français"),
    "eu": gettext_lazy("en basque (euskara)"),
    "es": gettext_lazy("en espagnol"),
}
ROLES = ", ".join(PartnerRole.values)


def _field(schema, description):
    return {**schema, "description": str(description)}


def _texts(name, label):
    return {
        column(name, lang): _field(STRING, _("%(what)s %(language)s (vide : non écrit).")
                                   % {"what": label, "language": LANGUAGE_NAMES[lang]})
        for lang in LANGUAGES
    }  # fmt: skip


def _common():
    page = _("Sa page sur Néo Num Carto.")
    return {
        "slug": _field(STRING, _("Identifiant stable (dans son adresse web).")),
        "url": _field({**STRING, "format": "uri"}, page),
        **_texts("title", _("Titre")),
        **_texts("summary", _("Résumé")),
    }


def _tail():
    return {
        "themes": _field(STRINGS, _("Thématiques (slugs, voir /api/v1/themes/).")),
        "publics": _field(STRINGS, _("Publics (slugs, voir /api/v1/publics/).")),
        "actor": _field(STRING, _("Slug de l'acteur qui publie (vide s'il n'est pas publié).")),
        "is_demo": _field({"type": "boolean"}, _("Donnée fictive de démonstration.")),
        "updated_at": _field({**STRING, "format": "date-time"}, _("Dernière mise à jour.")),
    }


def _licence(nullable_empty):
    values = ["", *Licence.values] if nullable_empty else Licence.values
    return _field({**STRING, "enum": values}, _("Licence (liste fermée)."))


def realisation_schema():
    date = {**STRING, "format": "date", "nullable": True}
    properties = {
        **_common(),
        **_texts("description", _("Description (Markdown)")),
        **_texts("results", _("Résultats")),
        **_texts("lessons", _("Ce que nous avons appris")),
        "progress": _field({**STRING, "enum": Progress.values}, _("État.")),
        "start_date": _field(date, _("Date de début.")),
        "end_date": _field(date, _("Date de fin.")),
        "whole_territory": _field({"type": "boolean"}, _("Concerne tout le territoire.")),
        "communes": _field(STRINGS, _("Codes INSEE des communes concernées.")),
        "partner_actors": _field(
            STRINGS, _("Acteurs de l'annuaire partenaires, « rôle:slug » (rôles : %s).") % ROLES
        ),
        "partner_names": _field(
            STRINGS, _("Partenaires hors annuaire, « rôle:nom » (rôles : %s).") % ROLES
        ),
        "funding_programme": _field(STRING, _("Programme de financement (slug, ou vide).")),
        "licence": _licence(nullable_empty=True),
        "link": _field(STRING, _("Lien.")),
        **_tail(),
    }
    return {"type": "object", "properties": properties}


def ressource_schema():
    properties = {
        **_common(),
        "type": _field(STRING, _("Type de ressource (slug).")),
        "licence": _licence(nullable_empty=False),
        "content_language": _field(
            {**STRING, "enum": ContentLanguage.values}, _("Langue du contenu (mul : plusieurs).")
        ),
        "link": _field(STRING, _("Lien.")),
        "elsewhere_url": _field(STRING, _("La même ressource ailleurs (par exemple La Base).")),
        "authors": _field(STRINGS, _("Acteurs auteurs (slugs).")),
        "realisation": _field(STRING, _("Slug de la réalisation d'origine, ou vide.")),
        **_tail(),
    }
    return {"type": "object", "properties": properties}


def _parameters(kind):
    descriptions = {
        "q": _("Recherche plein texte, en français, basque et espagnol."),
        "theme": _("Slug d'une thématique."),
        "public": _("Slug d'un public."),
        "licence": _("Licence."),
        "commune": _("Code INSEE d'une commune (les réalisations de tout le territoire y sont)."),
        "progress": _("État."),
        "type": _("Slug d'un type de ressource."),
        "language": _("Langue du contenu."),
    }
    enums = {"licence": Licence.values, "progress": Progress.values,
             "language": ContentLanguage.values}  # fmt: skip
    return [
        {
            "name": name,
            "in": "query",
            "required": False,
            "description": str(descriptions.get(name, "")),
            "schema": {**STRING, "enum": enums[name]} if name in enums else STRING,
        }
        for name in FILTERSETS[kind][1].base_filters
    ]


def _get(summary, operation_id, tag, parameters, ok, **responses):
    return {
        "get": {
            "summary": summary,
            "operationId": operation_id,
            "tags": [tag],
            "parameters": parameters,
            "responses": {"200": ok, **responses},
        }
    }


def paths():
    ok, invalid = _("Succès"), _json(_ref("Errors"), _("Paramètres invalides"))
    missing = _json(_ref("Errors"), _("Introuvable"))
    slug = [{"name": "slug", "in": "path", "required": True, "schema": STRING}]
    geojson = {
        "description": ok,
        "content": {"application/geo+json": {"schema": {"type": "object"}}},
    }
    found = {}
    for kind, plural, schema, tag in [
        ("realisation", "realisations", "Realisation", _("Réalisations")),
        ("ressource", "ressources", "Ressource", _("Ressources")),
    ]:
        filters = _parameters(kind)
        found[f"/api/v1/{plural}/"] = _get(
            _("%s publiées, filtrées et paginées") % tag, f"list_{plural}", tag,
            [*filters, *paging_parameters()], _json(_ref(f"{schema}Page"), ok), **{"400": invalid,
            "404": _json(_ref("Errors"), _("Page hors limites"))},
        )  # fmt: skip
        found[f"/api/v1/{plural}/{{slug}}/"] = _get(
            _("Une publication"), f"get_{kind}", tag, slug, _json(_ref(schema), ok),
            **{"404": missing},
        )  # fmt: skip
        found[f"/export/{plural}.csv"] = _download(
            _("%s filtrées, CSV") % tag, f"export_{plural}_csv", "text/csv", filters
        )
        found[f"/export/{plural}.geojson"] = _download(
            _("%s filtrées, GeoJSON") % tag,
            f"export_{plural}_geojson",
            "application/geo+json",
            filters,
        )
    found["/api/v1/realisations.geojson"] = _get(
        _("Réalisations filtrées, en GeoJSON (sans pagination) : les centres de leurs communes"),
        "realisations_geojson", _("Réalisations"), _parameters("realisation"), geojson,
        **{"400": invalid},
    )  # fmt: skip
    return found


def schemas():
    return {
        "Realisation": realisation_schema(),
        "RealisationPage": page_schema("Realisation"),
        "Ressource": ressource_schema(),
        "RessourcePage": page_schema("Ressource"),
    }
