import json

import pytest

from actors import mapdata
from tests.factories import BAYONNE, MAULEON, ActorFactory, at, commune

pytestmark = pytest.mark.django_db
TERRITORY = "-1.9,42.9,-0.7,43.7"


@pytest.fixture
def actors():
    near = [ActorFactory(name=f"Bayonne {n}", location=at(BAYONNE, 0.001 * n)) for n in range(5)]
    far = ActorFactory(name="Mauléon", commune=commune(MAULEON), location=at(MAULEON))
    ActorFactory(name="Caché", draft=True, location=at(BAYONNE, 0.002))
    return near, far


def get(client, query):
    response = client.get("/fr/carte/donnees.geojson?" + query)
    return response, json.loads(response.content)


def test_few_actors_come_as_points_with_what_the_popup_needs(client, actors):
    response, data = get(client, f"zoom=9&bbox={TERRITORY}")
    assert response["Content-Type"] == "application/geo+json"
    assert data["type"] == "FeatureCollection" and data["clustered"] is False
    assert data["total"] == 6
    names = sorted(f["properties"]["name"] for f in data["features"])
    assert names == ["Bayonne 0", "Bayonne 1", "Bayonne 2", "Bayonne 3", "Bayonne 4", "Mauléon"]
    mauleon = next(f for f in data["features"] if f["properties"]["name"] == "Mauléon")
    centre = commune(MAULEON).centroid
    assert mauleon["geometry"]["coordinates"] == [round(centre.x, 5), round(centre.y, 5)]
    assert set(mauleon["properties"]) == {"id", "name", "slug", "theme"}
    assert mauleon["properties"]["theme"] == "reemploi-reparation"


def test_a_marker_shows_the_first_theme_in_the_taxonomy_order(client, reference):
    # Listed in the reverse order: the taxonomy's position decides, not the list given.
    ActorFactory(name="Deux thèmes", themes=["low-tech", "sobriete-ecoconception"])
    _, data = get(client, f"zoom=9&bbox={TERRITORY}")
    assert [f["properties"]["theme"] for f in data["features"]] == ["sobriete-ecoconception"]


def test_many_actors_come_as_clusters_with_counts(client, actors, monkeypatch):
    monkeypatch.setattr(mapdata, "MAX_POINTS", 3)
    response, data = get(client, f"zoom=9&bbox={TERRITORY}")
    assert data["clustered"] is True
    counts = sorted(f["properties"].get("count", 1) for f in data["features"])
    assert counts == [1, 5]
    single = next(f for f in data["features"] if "count" not in f["properties"])
    assert single["properties"]["name"] == "Mauléon"
    assert single["properties"]["theme"] == "reemploi-reparation"


def test_zooming_in_splits_clusters(client, actors, monkeypatch):
    monkeypatch.setattr(mapdata, "MAX_POINTS", 3)
    _, far = get(client, f"zoom=9&bbox={TERRITORY}")
    _, close = get(client, f"zoom=18&bbox={TERRITORY}")
    assert len(close["features"]) > len(far["features"])


def test_the_map_takes_the_directory_filters_and_the_view(client, actors):
    _, data = get(client, f"zoom=9&bbox={TERRITORY}&commune={MAULEON}")
    assert [f["properties"]["name"] for f in data["features"]] == ["Mauléon"]
    centre = commune(MAULEON).centroid
    view = f"{centre.x - 0.01},{centre.y - 0.01},{centre.x + 0.01},{centre.y + 0.01}"
    _, data = get(client, f"zoom=14&bbox={view}")
    assert data["total"] == 1


def test_fit_gives_the_extent_of_the_results(client, actors):
    _, data = get(client, f"fit=1&commune={MAULEON}")
    centre = commune(MAULEON).centroid
    assert data["bounds"] == pytest.approx([centre.x, centre.y, centre.x, centre.y])
    _, data = get(client, "fit=1&q=zzqxwv")
    assert data["bounds"] is None


@pytest.mark.parametrize("query", ["zoom=99", "zoom=abc", "zoom=9&bbox=1,2", "zoom=9&theme=nope"])
def test_bad_parameters_are_a_400_with_reasons(client, actors, query):
    response, data = get(client, query)
    assert response.status_code == 400
    assert data["errors"]


def test_the_payload_stays_small_whatever_the_number_of_actors(client, actors, monkeypatch):
    monkeypatch.setattr(mapdata, "MAX_POINTS", 3)
    for n in range(60):
        ActorFactory(name=f"Autre {n}", location=at(BAYONNE, 0.0005 * n, 0.0003 * n))
    response, data = get(client, f"zoom=9&bbox={TERRITORY}")
    assert data["total"] == 66
    assert len(response.content) < 1000


def test_cached_map_data_follows_changes(client, actors):
    _, before = get(client, f"zoom=9&bbox={TERRITORY}")
    ActorFactory(name="Nouveau", location=at(BAYONNE, 0.01))
    _, after = get(client, f"zoom=9&bbox={TERRITORY}")
    assert after["total"] == before["total"] + 1


@pytest.mark.parametrize("q", ["zz", "?!", "a b", "…"])
def test_a_search_without_a_usable_word_is_an_empty_collection(client, actors, q):
    response, data = get(client, f"zoom=9&q={q}")
    assert response.status_code == 200
    assert data == {"type": "FeatureCollection", "clustered": False, "total": 0, "features": []}
