import pytest

from tests.factories import ActorFactory
from tests.snapshots.sql import assert_matches_snapshot, queries_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def some_actors():
    ActorFactory(name="Konpon", themes=["low-tech"], languages=["euskara"])
    ActorFactory(name="Clic", themes=["inclusion-mediation"])


# (snapshot, URL, number of queries): the public pages, the API and the exports.
PUBLIC = [
    ("directory", "/fr/", 15),
    ("directory_filtered", "/fr/?theme=low-tech&language=euskara&sort=updated", 17),
    ("directory_search", "/fr/?q=konpon", 20),
    ("map_data", "/fr/carte/donnees.geojson?zoom=9&bbox=-1.9,42.9,-0.7,43.7", 3),
    ("actor_page", "/fr/acteurs/konpon/", 8),
    ("embed", "/fr/embed/?theme=low-tech", 7),
    ("api_actors", "/api/v1/actors/", 8),
    ("api_actors_paged", "/api/v1/actors/?language=euskara&sort=name&page_size=1&page=1", 9),
    ("api_actors_geojson", "/api/v1/actors.geojson?language=euskara", 8),
    ("export_csv", "/export/actors.csv", 7),
    ("export_geojson", "/export/actors.geojson?q=konpon", 13),
    ("export_lamednum", "/export/lamednum.csv", 11),
    ("export_data_inclusion_structures", "/export/data-inclusion/structures.json", 11),
    ("export_data_inclusion_services", "/export/data-inclusion/services.json", 12),
]


@pytest.mark.parametrize("name, url, count", PUBLIC)
def test_sql_of_public_views(client, some_actors, name, url, count):
    response, queries = queries_of(client, url)
    assert response.status_code == 200
    assert_matches_snapshot(name, queries, count)
