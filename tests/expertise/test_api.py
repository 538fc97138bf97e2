"""The API of réalisations and ressources: the public lists' filters, pagination, errors,
conditional requests, CORS, only published items and public fields, and the OpenAPI
document describing them, each answer validated against it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openapi_schema_validator import OAS30Validator, validate
from openapi_spec_validator import validate as validate_spec

from actors.models import Commune
from expertise.models import Partner
from moderation.contract import Status
from opendata.openapi import spec
from tests.factories import ActorFactory
from tests.opendata.helpers import json_body

from .conftest import make_realisation, make_ressource

pytestmark = pytest.mark.django_db

BAYONNE, MAULEON = "64102", "64371"


@pytest.fixture
def content(people):
    actor = people["actor"]
    bayonne = Commune.objects.get(insee=BAYONNE)
    repair = make_realisation(
        actor, title="Atelier vélo", title_eu="Bizikleta tailerra", summary="Réparer ensemble",
        licence="cc-by-sa-4.0", progress="completed", start_date="2025-01-10",
    )  # fmt: skip
    repair.communes.set([bayonne])
    funder = ActorFactory(name="Fonds local")
    hidden = ActorFactory(name="Acteur en brouillon", draft=True)
    Partner.objects.create(realisation=repair, actor=funder, role="financeur")
    Partner.objects.create(realisation=repair, actor=hidden, role="partenaire")
    Partner.objects.create(realisation=repair, name="Mairie d'Ustaritz", role="partenaire")
    everywhere = make_realisation(actor, title="Sobriété partout", whole_territory=True)
    guide = make_ressource(actor, title="Guide du réemploi", realisation=repair)
    guide.authors.set([actor, funder, hidden])
    make_realisation(actor, status=Status.DRAFT, title="Brouillon caché")
    make_realisation(actor, status=Status.PENDING, title="En attente cachée")
    make_realisation(actor, status=Status.ARCHIVED, title="Archive cachée")
    make_ressource(actor, status=Status.DRAFT, title="Ressource brouillon")
    return {"repair": repair, "everywhere": everywhere, "guide": guide, "funder": funder,
            "hidden": hidden, "actor": actor}  # fmt: skip


def titles(body):
    return {item["title"] for item in body["results"]}


def test_lists_hold_published_items_only(client, content):
    body = client.get("/api/v1/realisations/").json()
    assert titles(body) == {"Atelier vélo", "Sobriété partout"}
    assert body["count"] == 2 and body["next"] is None
    ressources = client.get("/api/v1/ressources/").json()
    assert titles(ressources) == {"Guide du réemploi"}
    for slug_of in ("Brouillon caché", "En attente cachée", "Archive cachée"):
        assert slug_of not in str(body)


def test_a_record_has_public_fields_and_published_actors_only(client, content):
    record = client.get(f"/api/v1/realisations/{content['repair'].slug}/").json()
    assert record["title_eu"] == "Bizikleta tailerra"
    assert record["communes"] == [BAYONNE]
    assert record["start_date"] == "2025-01-10" and record["end_date"] is None
    assert record["partner_actors"] == [f"financeur:{content['funder'].slug}"]
    assert record["partner_names"] == ["partenaire:Mairie d'Ustaritz"]
    assert record["actor"] == content["actor"].slug
    assert record["url"].endswith(f"/realisations/{content['repair'].slug}/")
    text = str(record)
    for private in ("status", "search_vector", "requests", "created_at", content["hidden"].slug):
        assert private not in text
    guide = client.get(f"/api/v1/ressources/{content['guide'].slug}/").json()
    assert guide["authors"] == sorted([content["actor"].slug, content["funder"].slug])
    assert guide["realisation"] == content["repair"].slug
    assert guide["type"] == "guide" and guide["licence"] == "cc-by-4.0"


def test_unpublished_items_are_not_found(client, content):
    draft = content["repair"].__class__.objects.get(title="Brouillon caché")
    response = client.get(f"/api/v1/realisations/{draft.slug}/")
    assert response.status_code == 404
    assert response.json()["errors"]["detail"][0]["code"] == "not_found"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("progress=completed", {"Atelier vélo"}),
        (f"commune={MAULEON}", {"Sobriété partout"}),  # the whole territory is everywhere
        (f"commune={BAYONNE}", {"Atelier vélo", "Sobriété partout"}),
        ("licence=cc-by-sa-4.0", {"Atelier vélo"}),
        ("q=bizikleta", {"Atelier vélo"}),
    ],
)
def test_the_list_pages_filters_apply(client, content, query, expected):
    assert titles(client.get(f"/api/v1/realisations/?{query}").json()) == expected


def test_ressource_filters(client, content):
    assert titles(client.get("/api/v1/ressources/?type=guide&language=fr").json()) == {
        "Guide du réemploi"
    }
    assert client.get("/api/v1/ressources/?language=eu").json()["count"] == 0


def test_pagination_walks_every_item_once(client, content):
    for n in range(5):
        make_realisation(content["actor"], title=f"Série {n}")
    seen, url, pages = [], "/api/v1/realisations/?page_size=3", 0
    while url:
        body = client.get(url).json()
        seen += [item["slug"] for item in body["results"]]
        url, pages = body["next"], pages + 1
    assert pages == 3 and len(seen) == len(set(seen)) == 7


@pytest.mark.parametrize(
    ("query", "name"),
    [("progress=fini", "progress"), ("commune=99999", "commune"), ("theme=nope", "theme"),
     ("page_size=1000", "page_size"), ("page=0", "page"), ("themes=x", "themes"),
     ("type=guide", "type")],
)  # fmt: skip
def test_a_bad_parameter_is_a_400_naming_it(client, content, query, name):
    response = client.get(f"/api/v1/realisations/?{query}")
    assert response.status_code == 400
    assert name in response.json()["errors"]


def test_a_page_past_the_last_is_a_404(client, content):
    assert client.get("/api/v1/ressources/?page=9").status_code == 404


def test_geojson_places_realisations_at_their_communes(client, content):
    body = json_body(client.get("/api/v1/realisations.geojson"))
    assert body["type"] == "FeatureCollection"
    by_id = {feature["id"]: feature for feature in body["features"]}
    bayonne = Commune.objects.get(insee=BAYONNE).centroid
    repair = by_id[content["repair"].slug]
    assert repair["geometry"] == {
        "type": "MultiPoint",
        "coordinates": [[round(bayonne.x, 6), round(bayonne.y, 6)]],
    }
    assert by_id[content["everywhere"].slug]["geometry"] is None
    assert by_id[content["everywhere"].slug]["properties"]["whole_territory"] is True


def test_conditional_requests_and_cors(client, content):
    first = client.get("/api/v1/realisations/", headers={"Origin": "https://x.example"})
    assert first["Access-Control-Allow-Origin"] == "*"
    again = client.get("/api/v1/realisations/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    content["repair"].title_es = "Taller de bicis"
    content["repair"].save()
    changed = client.get("/api/v1/realisations/", headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200


def test_the_api_index_links_the_new_lists(client, content):
    index = client.get("/api/v1/").json()
    assert index["realisations"].endswith("/api/v1/realisations/")
    assert index["ressources"].endswith("/api/v1/ressources/")


# The OpenAPI document ---------------------------------------------------------------


def _schema(document, name):
    """A component schema, standalone (its references resolvable) for the validator."""
    return {**document["components"]["schemas"][name], "components": document["components"]}


@pytest.mark.parametrize(
    ("path", "schema"),
    [("/api/v1/realisations/", "RealisationPage"), ("/api/v1/ressources/", "RessourcePage"),
     ("/api/v1/realisations/{slug}/", "Realisation"), ("/api/v1/ressources/{slug}/", "Ressource")],
)  # fmt: skip
def test_the_answers_follow_the_openapi_document(client, content, path, schema):
    document = client.get("/api/v1/openapi.json").json()
    validate_spec(document)
    assert path in document["paths"]
    slug = content["repair" if "realisations" in path else "guide"].slug
    body = client.get(path.replace("{slug}", slug)).json()
    validate(body, _schema(document, schema), cls=OAS30Validator)
    item = body["results"][0] if schema.endswith("Page") else body
    # Every field of a record is described, and nothing else.
    assert set(item) == set(
        document["components"]["schemas"][schema.removesuffix("Page")]["properties"]
    )


def test_the_validation_can_fail(content):
    document = spec("http://testserver")
    with pytest.raises(Exception, match="not of type"):
        validate({"slug": 3}, _schema(document, "Realisation"), cls=OAS30Validator)


def test_every_documented_expertise_path_answers(client, content):
    document = spec("http://testserver")
    paths = [p for p in document["paths"] if "realisations" in p or "ressources" in p]
    assert len(paths) == 9
    for path in paths:
        slug = content["repair" if "realisations" in path else "guide"].slug
        response = client.get(path.replace("{slug}", slug))
        assert response.status_code == 200, path
        parameters = {p["name"] for p in document["paths"][path]["get"]["parameters"]}
        if "{slug}" not in path:
            assert {"q", "theme", "public", "licence"} <= parameters, path


def test_the_number_of_queries_does_not_grow_with_the_page(client, content):
    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    few = queries("/api/v1/realisations/"), queries("/api/v1/ressources/")
    for n in range(6):
        make_realisation(content["actor"], title=f"Série {n}", whole_territory=True)
        make_ressource(content["actor"], title=f"Guide {n}", realisation=content["repair"])
    assert (queries("/api/v1/realisations/"), queries("/api/v1/ressources/")) == few


def test_the_api_page_documents_the_new_endpoints(client, content):
    page = client.get("/es/api/").content.decode()
    for path in ("/api/v1/realisations/", "/api/v1/realisations/{slug}/",
                 "/api/v1/realisations.geojson", "/api/v1/ressources/",
                 "/export/ressources.csv"):  # fmt: skip
        assert f"<code>GET {path}</code>" in page, path
    assert 'href="/api/v1/realisations/?progress=completed&amp;commune=64102"' in page
