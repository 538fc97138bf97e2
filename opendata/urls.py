"""Two URL lists, included by neonum.urls: `urlpatterns` (API, exports, namespace "opendata")
keep unprefixed paths; `page_urlpatterns` (namespace "opendata_pages") are pages, under the
language prefix like every other page. A namespace cannot span both, hence two."""

from django.urls import path

from actors.taxonomies import ALL_MODELS

from .views import api, embed, expertise, exports, pages

app_name = "opendata"

urlpatterns = [
    path("api/v1/", api.index, name="api-index"),
    path("api/v1/openapi.json", api.openapi_json, name="api-openapi"),
    path("api/v1/actors/", api.ActorListView.as_view(), name="api-actors"),
    path("api/v1/actors.geojson", api.actors_geojson, name="api-actors-geojson"),
    # Before the actors' slugs, which it would match.
    path("api/v1/actors/removed/", api.removed, name="api-actors-removed"),
    path("api/v1/actors/<slug:slug>/", api.actor_detail, name="api-actor"),
    *[path(f"api/v1/{name}/", api.term_list(model), name=f"api-{name}")
      for name, model in ALL_MODELS.items()],
    path("api/v1/communes/", api.communes, name="api-communes"),
    path("export/actors.csv", exports.actors_csv, name="export-csv"),
    path("export/actors.geojson", exports.actors_geojson, name="export-geojson"),
    path("export/lamednum.csv", exports.lamednum_csv, name="export-lamednum"),
    path(
        "export/data-inclusion/structures.json",
        exports.data_inclusion_structures,
        name="export-data-inclusion",
    ),
    path(
        "export/data-inclusion/services.json",
        exports.data_inclusion_services,
        name="export-data-inclusion-services",
    ),
]  # fmt: skip

# Réalisations and ressources (issue 17): the API and downloads of expertise.
urlpatterns += [
    path("api/v1/realisations/", expertise.realisations, name="api-realisations"),
    path("api/v1/realisations.geojson", expertise.realisations_geojson,
         name="api-realisations-geojson"),
    path("api/v1/realisations/<slug:slug>/", expertise.realisation_detail,
         name="api-realisation"),
    path("api/v1/ressources/", expertise.ressources, name="api-ressources"),
    path("api/v1/ressources/<slug:slug>/", expertise.ressource_detail, name="api-ressource"),
    path("export/realisations.csv", expertise.realisations_csv, name="export-realisations-csv"),
    path("export/realisations.geojson", expertise.realisations_geojson_file,
         name="export-realisations-geojson"),
    path("export/ressources.csv", expertise.ressources_csv, name="export-ressources-csv"),
    path("export/ressources.geojson", expertise.ressources_geojson_file,
         name="export-ressources-geojson"),
]  # fmt: skip

page_urlpatterns = [
    path("api/", pages.api_docs, name="api-docs"),
    path("donnees/", pages.data_page, name="data"),
    path("embed/", embed.embed, name="embed"),
]
