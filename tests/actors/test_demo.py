import pytest
from django.db import connection

from actors.demo import load_demo_actors
from actors.models import Actor, ActorKind, Theme
from tests.support.moduledb import written_once

# In one test process: the module's rows are written once per process that runs its tests.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-tests")]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loaded once for the module's tests (about 8 s)."""
    with written_once(django_db_blocker):
        yield load_demo_actors()


def test_about_eighty_demo_actors_over_at_least_thirty_communes(demo):
    actors = Actor.objects.demo()
    assert 70 <= demo == actors.count() <= 90
    assert actors.values("commune").distinct().count() >= 30
    assert actors.published().count() == demo


def test_loading_the_demo_twice_changes_nothing(demo):
    before = list(Actor.objects.order_by("slug").values_list("slug", "name", "updated_at"))
    assert load_demo_actors() == 0
    assert list(Actor.objects.order_by("slug").values_list("slug", "name", "updated_at")) == before


def test_every_demo_actor_lies_inside_its_commune(demo):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.slug FROM actors_actor a JOIN actors_commune c ON c.id = a.commune_id "
            "WHERE a.is_demo AND NOT ST_Contains(c.boundary, a.location)"
        )
        assert cursor.fetchall() == []


def test_the_demo_covers_every_theme_and_kind(demo):
    demo_actors = Actor.objects.demo()
    assert set(Theme.objects.filter(actors__in=demo_actors).values_list("slug", flat=True)) == set(
        Theme.objects.values_list("slug", flat=True)
    )
    assert set(
        ActorKind.objects.filter(actors__in=demo_actors).values_list("slug", flat=True)
    ) == set(ActorKind.objects.values_list("slug", flat=True))


def test_demo_actors_say_they_are_fictional_and_are_valid(demo):
    for actor in Actor.objects.demo():
        assert "donnée de démonstration" in actor.description
        actor.full_clean()
