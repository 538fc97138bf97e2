import itertools

import pytest
from django.contrib.gis.geos import Point

from actors.geocoding import geocode
from actors.models import LocationPrecision
from actors.places import locate_address, resolve_near, rounded
from actors.text import normalise
from tests.factories import commune
from tests.stubs import ban as stub

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("text", ["Bayonne", "baiona", "Bayona", "64100"])
def test_communes_and_postcodes_resolve_offline(ban, text):
    place = resolve_near(text)
    assert (place.label, place.precision) == ("Bayonne", "commune")
    assert ban.queries == []


@pytest.mark.parametrize(
    ("text", "insee"),
    [("San Juan de Luz", "64483"), ("hendaya", "64260"), ("San Juan Pie de Puerto", "64485"),
     ("Mauléon", "64371"), ("Mauleón", "64371")],
)  # fmt: skip
def test_the_spanish_and_short_names_in_use_resolve_offline(ban, text, insee):
    place = resolve_near(text)
    assert place.precision == "commune" and place.point == commune(insee).centroid
    assert ban.queries == []


def test_an_address_goes_to_the_geocoder_and_is_cached(ban):
    place = resolve_near("12 rue Pannecau, Bayonne")
    assert place.precision == "address"
    assert place.label == "12 Rue Pannecau 64100 Bayonne"
    assert (round(place.point.x, 4), round(place.point.y, 4)) == (-1.4736, 43.4898)
    resolve_near("12 rue  Pannecau, bayonne")


@pytest.mark.parametrize("mode", ["down", "slow"])
def test_when_the_geocoder_fails_the_commune_named_is_used(ban, mode):
    ban.mode = mode
    place = resolve_near("3 rue inconnue, 64130 Mauléon")
    assert (place.label, place.precision) == ("Mauléon-Licharre", "commune")
    place = resolve_near("3 rue inconnue, Saint-Jean-de-Luz")
    assert place.label == "Saint-Jean-de-Luz"
    # Without a comma, the last words name the commune.
    assert resolve_near("12 rue Pannecau Bayonne").label == "Bayonne"
    assert resolve_near("5 place du fronton Saint-Jean-de-Luz").label == "Saint-Jean-de-Luz"


def test_unknown_or_weak_matches_give_nothing(ban):
    assert resolve_near("nulle part du tout") is None
    assert resolve_near("chemin improbable") is None
    assert resolve_near("   ") is None


def test_an_actor_is_placed_at_its_address_else_at_its_commune_centre(ban):
    bayonne = commune("64102")
    found = locate_address("12 rue Pannecau", bayonne)
    assert found.point != bayonne.centroid and not found.approximate
    assert found.precision == LocationPrecision.PRECISE
    # Nothing found, another town's street, no address, the geocoder down: the centre.
    for street in ["1 rue Ailleurs", "Place des Halles", "  "]:
        located = locate_address(street, bayonne)
        assert located.point == bayonne.centroid and located.approximate, street
    assert len(ban.queries) == 3  # no address, no question
    assert not any(locate_address(street, bayonne).unanswered for street in ["1 rue Ailleurs"])
    ban.mode = "down"
    unanswered = locate_address("14 rue Pannecau", bayonne)  # not in the cache
    assert unanswered.approximate and unanswered.unanswered


def just_inside(boundary):
    """A point inside `boundary` that, to the micro-degree, is outside it."""
    near = (-4.9e-7, 0, 4.9e-7)
    for x, y in boundary.convex_hull.coords[0]:
        for dx, dy in itertools.product(range(-2, 3), repeat=2):
            grid = Point(round(x, 6) + dx * 1e-6, round(y, 6) + dy * 1e-6, srid=4326)
            if boundary.intersects(grid):
                continue
            for ex, ey in itertools.product(near, repeat=2):
                point = Point(grid.x + ex, grid.y + ey, srid=4326)
                if boundary.intersects(point) and rounded(point) == rounded(grid):
                    return point
    raise AssertionError("no such point on the boundary")


def test_an_address_is_checked_as_it_is_kept_to_the_micro_degree(ban, monkeypatch):
    bayonne = commune("64102")
    point = just_inside(bayonne.boundary)
    monkeypatch.setitem(
        stub.KNOWN,
        normalise("1 chemin du Bord, 64100 Bayonne"),
        stub.feature("1 Chemin du Bord 64100 Bayonne", point.x, point.y, "64102"),
    )
    # The geocoder finds the point: the address is refused for where the point is kept.
    assert geocode("1 chemin du Bord, 64100 Bayonne").point.equals_exact(point, 1e-12)
    located = locate_address("1 chemin du Bord", bayonne)
    # Stored at the rounded point, the actor would be outside its commune.
    assert located.approximate and located.point == bayonne.centroid
    assert len(ban.queries) == 1
    inside = locate_address("12 rue Pannecau", bayonne)
    assert inside.precision == LocationPrecision.PRECISE
    assert rounded(inside.point) == [inside.point.x, inside.point.y]
