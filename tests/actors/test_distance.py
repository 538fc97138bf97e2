import pytest
from django.contrib.gis.geos import Point

from actors.distance import distance_m
from actors.models import Actor
from tests.factories import BAYONNE, ActorFactory, commune

pytestmark = pytest.mark.django_db


def test_distance_between_two_points_in_metres():
    # Bayonne's town hall to Biarritz's: about 6.4 km as the crow flies.
    assert 6200 < distance_m([-1.4747, 43.4922], [-1.5586, 43.4832]) < 6900
    assert distance_m([-1.47, 43.49], [-1.47, 43.49]) == 0


def test_the_actors_distances_use_the_same_formula():
    bayonne = commune(BAYONNE)
    centre = bayonne.centroid
    actor = ActorFactory(location=Point(centre.x + 0.06, centre.y, srid=4326))
    found = Actor.objects.within(centre, 10).get(pk=actor.pk)
    assert 4.6 < found.distance_km < 5.0
    between = distance_m([centre.x, centre.y], [centre.x + 0.06, centre.y])
    assert between == round(found.distance_km * 1000)
