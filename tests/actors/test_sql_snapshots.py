import pytest

from tests.factories import ActorFactory
from tests.snapshots.sql import assert_matches_snapshot, queries_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def some_actors():
    ActorFactory(name="Konpon", themes=["low-tech"], languages=["euskara"])
    ActorFactory(name="Clic", themes=["inclusion-mediation"])


# (snapshot, URL, number of queries)
PUBLIC_PAGES = [
    ("directory", "/fr/", 13),
    ("directory_filtered", "/fr/?theme=low-tech&language=euskara&sort=updated", 17),
    ("directory_search", "/fr/?q=konpon", 16),
    ("map_data", "/fr/carte/donnees.geojson?zoom=9&bbox=-1.9,42.9,-0.7,43.7", 3),
    ("actor_page", "/fr/acteurs/konpon/", 6),
    ("embed", "/fr/embed/?theme=low-tech", 7),
]


@pytest.mark.parametrize("name, url, count", PUBLIC_PAGES)
def test_sql_of_public_views(client, some_actors, name, url, count):
    response, queries = queries_of(client, url)
    assert response.status_code == 200
    assert_matches_snapshot(name, queries, count)
