"""The JSON API: the directory's filters, pagination, errors, public fields only."""

import pytest

from tests.opendata.conftest import HIDDEN
from tests.opendata.helpers import json_body

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "theme=inclusion-mediation&near=Bayonne&radius=10",
    "theme=inclusion-mediation&theme=accessibilite",
    "q=konpon",
    "service=initiation-numerique&sort=updated",
    "commune=64102&kind=association",
    "near=43.49,-1.47&radius=5&sort=distance",
]


@pytest.mark.parametrize("query", QUERIES)
def test_api_and_directory_return_the_same_actors_in_the_same_order(client, world, query):
    page = client.get("/fr/?" + query)
    api = client.get("/api/v1/actors/?page_size=20&" + query)
    assert page.status_code == api.status_code == 200
    assert api.json()["count"] == page.context["total"]
    assert [r["slug"] for r in api.json()["results"]] == [a.slug for a in page.context["actors"]]


def test_near_filter_gives_distances(client, world):
    results = client.get("/api/v1/actors/?near=Bayonne&radius=5").json()["results"]
    assert results and all("distance_km" in r for r in results)
    assert [r["distance_km"] for r in results] == sorted(r["distance_km"] for r in results)


def test_invalid_filters_are_a_400_with_the_form_errors(client, world):
    response = client.get("/api/v1/actors/?theme=nope&bbox=1,2")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"theme", "bbox"}
    assert client.get("/api/v1/actors.geojson?near=Nulle-part-du-tout").status_code == 400


@pytest.mark.parametrize(
    ("query", "status"),
    [("page_size=101", 400), ("page_size=0", 400), ("page=abc", 400), ("page=99", 404)],
)
def test_bad_paging_is_refused_clearly(client, world, query, status):
    response = client.get("/api/v1/actors/?" + query)
    assert response.status_code == status
    assert "errors" in response.json()


def test_pagination_links_walk_every_published_actor_once(client, world):
    seen, url = [], "/api/v1/actors/?page_size=2"
    while url:
        body = client.get(url).json()
        seen += [r["slug"] for r in body["results"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == 5
    last = client.get("/api/v1/actors/?page_size=2&page=3").json()
    assert last["next"] is None and last["previous"].endswith("page_size=2&page=2")


def test_only_published_actors_and_public_fields(client, world):
    results = client.get("/api/v1/actors/?page_size=100").json()["results"]
    slugs = {r["slug"] for r in results}
    assert not slugs & {world[name].slug for name in HIDDEN}
    for record in results:
        assert not {"id", "status", "source", "source_id", "search_text", "created_at"} & set(
            record
        )
    features = json_body(client.get("/api/v1/actors.geojson"))["features"]
    assert {f["id"] for f in features} == slugs


def test_detail_of_a_published_actor_and_404_for_the_others(client, world):
    clic = client.get(f"/api/v1/actors/{world['clic'].slug}/").json()
    assert clic["name"] == "Clic Solidaire"
    assert clic["themes"] == ["inclusion-mediation"]
    assert clic["languages"] == ["anglais"]
    assert clic["commune_insee"] == "64102" and clic["postcode"] == "64100"
    assert clic["url"].endswith(f"/fr/acteurs/{world['clic'].slug}/")
    for name in HIDDEN:
        response = client.get(f"/api/v1/actors/{world[name].slug}/")
        assert response.status_code == 404


def test_geojson_features_put_longitude_first(client, world):
    feature = json_body(client.get("/api/v1/actors.geojson?q=clic"))["features"][0]
    lon, lat = feature["geometry"]["coordinates"]
    assert lon == pytest.approx(world["clic"].location.x, abs=1e-6)
    assert lat == pytest.approx(world["clic"].location.y, abs=1e-6)


def test_reference_lists(client, reference):
    themes = client.get("/api/v1/themes/").json()["results"]
    assert "inclusion-mediation" in [t["slug"] for t in themes]
    languages = client.get("/api/v1/languages/").json()["results"]
    assert {"slug": "euskara", "code": "eu"} in [
        {"slug": lang["slug"], "code": lang["code"]} for lang in languages
    ]
    communes = client.get("/api/v1/communes/").json()["results"]
    assert len(communes) == 158
    assert not any("boundary" in c for c in communes)


def test_the_api_does_not_accept_writes(client, world):
    assert client.post("/api/v1/actors/").status_code == 405
