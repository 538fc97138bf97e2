import pytest

from tests.snapshots.sql import assert_matches_snapshot, queries_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(change, new_org, claim, suggestion):
    """One item of each kind in the queue."""


# (snapshot, URL, number of queries).
QUEUE = [
    ("moderation_queue", "/fr/moderation/", 10),
    ("moderation_queue_filtered", "/fr/moderation/?type=change&q=repair", 10),
]


@pytest.mark.parametrize("name, url, count", QUEUE)
def test_sql_of_the_moderation_queue(client, people, waiting, name, url, count):
    client.force_login(people["moderator"])
    response, queries = queries_of(client, url)
    assert response.status_code == 200
    assert_matches_snapshot(name, queries, count)
