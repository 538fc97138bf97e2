"""The API's OpenAPI 3.0 description. The filter parameters are read from ActorFilterSet
itself, so the documentation cannot drift from what the API accepts; a test validates the
whole document and calls every path it lists."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actors.facets import FACETS
from actors.filters import RADIUS_CHOICES, ActorFilterSet, OpenChoices, SortChoices
from actors.models import Fees, LocationPrecision

from .models import ActorRemoval

VERSION = "1.1.0"

STRING = {"type": "string"}
STRINGS = {"type": "array", "items": STRING}
BOOLEAN = {"type": "boolean"}
NUMBER = {"type": "number"}
NULLABLE_BOOLEAN = {"type": "boolean", "nullable": True}
DATE_TIME = {"type": "string", "example": "2026-01-31T14:00:00+01:00"}
UPDATED_SINCE_DESCRIPTION = gettext_lazy(
    "Seulement les acteurs modifiés depuis cet instant (ISO 8601 : date, ou date et heure ; "
    "heure de Paris sans décalage), pour une synchronisation incrémentale."
)


def _filter_parameters():
    descriptions = {
        "q": _("Recherche plein texte (tolérante aux fautes de frappe)."),
        "theme": _("Slug d'une thématique (répétable : l'un ou l'autre)."),
        "service": _("Slug d'un service (répétable)."),
        "public": _("Slug d'un public (répétable)."),
        "language": _("Slug d'une langue d'accueil (répétable)."),
        "kind": _("Slug d'un type d'acteur (répétable)."),
        "commune": _("Code INSEE d'une commune (répétable)."),
        "near": _("Commune, code postal, adresse, ou « latitude,longitude »."),
        "radius": _("Rayon autour de « near », en kilomètres."),
        "bbox": _("Zone ouest,sud,est,nord en degrés (WGS84)."),
        "sort": _("Ordre des résultats."),
        "open": _(
            "Ouvert maintenant (« now ») ou à un moment du prochain jour donné "
            "(mo, tu, we, th, fr, sa, su ; aujourd'hui compris), heure de Paris."
        ),
        "updated_since": UPDATED_SINCE_DESCRIPTION,
    }
    schemas = {
        "radius": {"type": "integer", "enum": [km for km, _label in RADIUS_CHOICES]},
        "sort": {"type": "string", "enum": SortChoices.values},
        "bbox": {"type": "string", "example": "-1.6,43.4,-1.4,43.55"},
        "open": {"type": "string", "enum": OpenChoices.values},
        "updated_since": DATE_TIME,
    }
    repeatable = set(FACETS)
    parameters = []
    for name in ActorFilterSet.base_filters:
        schema = {"type": "array", "items": STRING} if name in repeatable else STRING
        parameter = {
            "name": name,
            "in": "query",
            "required": False,
            "description": str(descriptions.get(name, "")),
            "schema": schemas.get(name, schema),
        }
        if name in repeatable:
            parameter.update(style="form", explode=True)
        parameters.append(parameter)
    return parameters


def _actor_schema():
    def field(schema, description):
        return {**schema, "description": str(description)}

    properties = {
        "slug": field(STRING, _("Identifiant stable de l'acteur (dans son adresse web).")),
        "name": field(STRING, _("Nom.")),
        "url": field({**STRING, "format": "uri"}, _("Sa fiche sur Néo Num Carto.")),
        "kind": field(STRING, _("Type d'acteur (slug, voir /api/v1/kinds/).")),
        "summary": field(STRING, _("Résumé en français, 280 caractères au plus.")),
        "summary_eu": field(STRING, _("Résumé en basque (euskara), 280 caractères au plus.")),
        "summary_es": field(STRING, _("Résumé en espagnol, 280 caractères au plus.")),
        "description": field(STRING, _("Description en français, en Markdown.")),
        "description_eu": field(STRING, _("Description en basque (euskara), en Markdown.")),
        "description_es": field(STRING, _("Description en espagnol, en Markdown.")),
        "themes": field(STRINGS, _("Thématiques (slugs, voir /api/v1/themes/).")),
        "services": field(STRINGS, _("Services proposés (slugs, voir /api/v1/services/).")),
        "publics": field(STRINGS, _("Publics (slugs, voir /api/v1/publics/).")),
        "languages": field(STRINGS, _("Langues d'accueil (slugs, voir /api/v1/languages/).")),
        "website": field(STRING, _("Site web.")),
        "email": field(STRING, _("Courriel public de contact.")),
        "phone": field(STRING, _("Téléphone.")),
        "street_address": field(STRING, _("Adresse (voie).")),
        "postcode": field(STRING, _("Code postal.")),
        "commune": field(STRING, _("Commune.")),
        "commune_insee": field(STRING, _("Code INSEE de la commune.")),
        "latitude": field(NUMBER, _("Latitude WGS84.")),
        "longitude": field(NUMBER, _("Longitude WGS84.")),
        "location_precision": field(
            {**STRING, "enum": LocationPrecision.values},
            _("Précision de la position : « approximate » au centre de la commune."),
        ),
        "welcomes_public": field(BOOLEAN, _("Accueille le public à cette adresse.")),
        "works_remotely": field(BOOLEAN, _("Intervient à distance.")),
        "travels": field(BOOLEAN, _("Se déplace.")),
        "opening_hours": field(STRING, _("Horaires, syntaxe OpenStreetMap opening_hours.")),
        "acceslibre_url": field(STRING, _("Page du lieu sur acceslibre.beta.gouv.fr.")),
        "step_free_access": field(
            NULLABLE_BOOLEAN, _("Entrée de plain-pied ou rampe (null : inconnu).")
        ),
        "accessible_toilets": field(NULLABLE_BOOLEAN, _("Toilettes accessibles (null : inconnu).")),
        "hearing_loop": field(NULLABLE_BOOLEAN, _("Boucle magnétique (null : inconnu).")),
        "appointment_url": field(STRING, _("Prise de rendez-vous en ligne.")),
        "fees": field(
            {**STRING, "enum": ["", *Fees.values]}, _("Frais à charge (vide : non renseigné).")
        ),
        "siret": field(STRING, _("Numéro SIRET.")),
        "rna": field(STRING, _("Numéro RNA (associations).")),
        "is_demo": field(BOOLEAN, _("Donnée fictive de démonstration.")),
        "updated_at": field({**STRING, "format": "date-time"}, _("Dernière mise à jour.")),
        "distance_km": field(NUMBER, _("Distance au lieu « near », seulement avec ce filtre.")),
    }
    return {"type": "object", "properties": properties}


def _json(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _results(item):
    return {"type": "object", "properties": {"results": {"type": "array", "items": item}}}


def _download(summary, operation_id, media_type, parameters):
    return {
        "get": {
            "summary": summary,
            "operationId": operation_id,
            "tags": [_("Téléchargements")],
            "parameters": parameters,
            "responses": {
                "200": {
                    "description": _("Succès"),
                    "content": {media_type: {"schema": {"type": "string", "format": "binary"}}},
                },
                "400": _json(_ref("Errors"), _("Paramètres invalides")),
            },
        }
    }


def _conditional(paths):
    """Every path answers conditional requests: the validators, and 304 when unchanged."""
    headers = {
        "ETag": {"schema": STRING, "description": _("Version de cette réponse.")},
        "Last-Modified": {"schema": STRING, "description": _("Dernière modification.")},
    }
    for methods in paths.values():
        responses = methods["get"]["responses"]
        responses["200"] = {**responses["200"], "headers": headers}
        responses["304"] = {
            "description": _(
                "Inchangé depuis la version donnée par If-None-Match ou If-Modified-Since."
            ),
            "headers": headers,
        }
        responses.setdefault("400", _json(_ref("Errors"), _("Paramètre inconnu")))
        responses["500"] = _json(_ref("Errors"), _("Erreur du serveur"))
    return paths


def spec(server_url):
    ok = _("Succès")
    invalid = _json(_ref("Errors"), _("Paramètres invalides"))
    filters = [{"$ref": f"#/components/parameters/{p['name']}"} for p in _filter_parameters()]
    updated_since = {"$ref": "#/components/parameters/updated_since"}
    csv, geojson, json = "text/csv", "application/geo+json", "application/json"
    term_paths = {
        f"/api/v1/{name}/": {
            "get": {
                "summary": label,
                "operationId": f"list_{name}",
                "tags": [_("Référentiels")],
                "responses": {"200": _json(_results(_ref("Term")), ok)},
            }
        }
        for name, label in [
            ("themes", _("Thématiques")),
            ("kinds", _("Types d'acteurs")),
            ("services", _("Services")),
            ("publics", _("Publics")),
            ("languages", _("Langues d'accueil")),
        ]
    }
    document = {
        "openapi": "3.0.3",
        "info": {
            "title": _("API de Néo Num Carto"),
            "version": VERSION,
            "description": _(
                "Les acteurs publiés du numérique responsable du Pays Basque, en lecture "
                "seule. Données sous Licence Ouverte 2.0. Chaque adresse répond aux requêtes "
                "conditionnelles (ETag, Last-Modified, 304) ; un paramètre inconnu est refusé "
                "(400) ; les erreurs sont en JSON."
            ),
            "license": {
                "name": "Licence Ouverte 2.0",
                "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
            },
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/api/v1/": {
                "get": {
                    "summary": _("Liens vers les ressources de l'API"),
                    "operationId": "index",
                    "responses": {"200": _json({"type": "object"}, ok)},
                }
            },
            "/api/v1/actors/": {
                "get": {
                    "summary": _("Acteurs publiés, filtrés et paginés"),
                    "operationId": "list_actors",
                    "tags": [_("Acteurs")],
                    "parameters": [
                        *filters,
                        {
                            "name": "page",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "integer", "minimum": 1, "default": 1},
                        },
                        {
                            "name": "page_size",
                            "in": "query",
                            "required": False,
                            "schema": {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": settings.API_MAX_PAGE_SIZE,
                                "default": settings.API_PAGE_SIZE,
                            },
                        },
                    ],
                    "responses": {
                        "200": _json(_ref("ActorPage"), ok),
                        "400": invalid,
                        "404": _json(_ref("Errors"), _("Page hors limites")),
                    },
                }
            },
            "/api/v1/actors.geojson": {
                "get": {
                    "summary": _("Acteurs publiés filtrés, en GeoJSON (sans pagination)"),
                    "operationId": "actors_geojson",
                    "tags": [_("Acteurs")],
                    "parameters": filters,
                    "responses": {
                        "200": {
                            "description": ok,
                            "content": {"application/geo+json": {"schema": {"type": "object"}}},
                        },
                        "400": invalid,
                    },
                }
            },
            "/api/v1/actors/{slug}/": {
                "get": {
                    "summary": _("Un acteur publié"),
                    "operationId": "get_actor",
                    "tags": [_("Acteurs")],
                    "parameters": [
                        {"name": "slug", "in": "path", "required": True, "schema": STRING}
                    ],
                    "responses": {
                        "200": _json(_ref("Actor"), ok),
                        "404": _json(_ref("Errors"), _("Introuvable")),
                    },
                }
            },
            **term_paths,
            "/api/v1/communes/": {
                "get": {
                    "summary": _("Les 158 communes de la Communauté d'Agglomération Pays Basque"),
                    "operationId": "list_communes",
                    "tags": [_("Référentiels")],
                    "responses": {"200": _json(_results(_ref("Commune")), ok)},
                }
            },
            "/api/v1/openapi.json": {
                "get": {
                    "summary": _("Cette description OpenAPI"),
                    "operationId": "openapi",
                    "responses": {"200": _json({"type": "object"}, ok)},
                }
            },
            "/api/v1/actors/removed/": {
                "get": {
                    "summary": _("Acteurs retirés de l'annuaire (archivés, dépubliés, supprimés)"),
                    "description": _(
                        "Pour chaque acteur sorti des données publiées : son ancien slug, le motif "
                        "(archived, unpublished, deleted, renamed : publié sous un autre slug) et "
                        "la date. Un acteur publié de nouveau n'y figure plus."
                    ),
                    "operationId": "list_removed_actors",
                    "tags": [_("Acteurs")],
                    "parameters": [
                        {
                            "name": "since",
                            "in": "query",
                            "required": False,
                            "description": _(
                                "Seulement les retraits depuis cet instant (ISO 8601)."
                            ),
                            "schema": DATE_TIME,
                        }
                    ],
                    "responses": {
                        "200": _json(_results(_ref("Removal")), ok),
                        "400": invalid,
                    },
                }
            },
            "/export/actors.csv": _download(_("Acteurs filtrés, CSV"), "export_csv", csv, filters),
            "/export/actors.geojson": _download(
                _("Acteurs filtrés, GeoJSON"), "export_geojson", geojson, filters
            ),
            "/export/lamednum.csv": _download(
                _("Lieux de médiation numérique, standard LaMednum v1.0.2"),
                "export_lamednum",
                csv,
                [updated_since],
            ),
            "/export/data-inclusion/structures.json": _download(
                _("Structures data·inclusion v1"), "export_structures", json, [updated_since]
            ),
            "/export/data-inclusion/services.json": _download(
                _("Services data·inclusion v1 (un par service de chaque structure)"),
                "export_services",
                json,
                [updated_since],
            ),
        },
        "components": {
            "parameters": {p["name"]: p for p in _filter_parameters()},
            "schemas": {
                "Actor": _actor_schema(),
                "ActorPage": {
                    "type": "object",
                    "properties": {
                        "count": {"type": "integer"},
                        "page": {"type": "integer"},
                        "pages": {"type": "integer"},
                        "next": {**STRING, "nullable": True},
                        "previous": {**STRING, "nullable": True},
                        "results": {"type": "array", "items": _ref("Actor")},
                    },
                },
                "Term": {
                    "type": "object",
                    "properties": {
                        "slug": STRING,
                        "name": STRING,
                        "name_eu": STRING,
                        "name_es": STRING,
                        "description": STRING,
                        "code": STRING,
                    },
                },
                "Commune": {
                    "type": "object",
                    "properties": {
                        "insee": STRING,
                        "name": STRING,
                        "name_eu": STRING,
                        "postcodes": STRINGS,
                        "population": {"type": "integer"},
                        "latitude": NUMBER,
                        "longitude": NUMBER,
                    },
                },
                "Removal": {
                    "type": "object",
                    "properties": {
                        "slug": STRING,
                        "reason": {
                            **STRING,
                            "enum": ActorRemoval.Reason.values,
                        },
                        "removed_at": {**STRING, "format": "date-time"},
                    },
                },
                "Errors": {
                    "type": "object",
                    "description": _("Pour chaque paramètre invalide, ses messages d'erreur."),
                    "properties": {"errors": {"type": "object"}},
                },
            },
        },
    }
    # The agenda's paths and schemas, in a block of their own (events.openapi).
    from events.openapi import extend

    extend(document)
    _conditional(document["paths"])
    return document
