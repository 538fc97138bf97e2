import pytest
from django.db import connection

from actors.models import Actor
from actors.synthetic import create_synthetic_actors, remove_synthetic_actors
from tests.actors.test_search_rows import assert_in_step
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


def test_synthetic_actors_are_created_inside_their_commune_and_removed():
    kept = ActorFactory()
    assert create_synthetic_actors(300, seed=3) == 300
    assert Actor.objects.synthetic().published().count() == 300
    assert Actor.objects.synthetic().filter(themes__isnull=True).count() == 0
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM actors_actor a JOIN actors_commune c ON c.id = a.commune_id "
            "WHERE a.source = 'synthetic' AND NOT ST_Intersects(c.boundary, a.location)"
        )
        assert cursor.fetchone()[0] == 0
    # The bulk load's COPY and re-index reach both search copies through their triggers.
    assert_in_step(301)

    assert create_synthetic_actors(10, seed=4) == 10
    assert remove_synthetic_actors() == 310
    assert list(Actor.objects.all()) == [kept]
    assert_in_step(1)
    for through in (Actor.themes.through, Actor.services.through, Actor.languages.through):
        assert set(through.objects.values_list("actor_id", flat=True)) <= {kept.pk}
    assert Actor.themes.through.objects.filter(actor=kept).exists()
