"""The review lists the location only when it really moved: a point that comes back from
the form, another SRID or float formatting a hair's breadth away is the same place."""

import pytest
from django.contrib.gis.geos import Point
from django.urls import reverse

from actors.models import Actor
from contributions import profile
from moderation import review
from moderation.contract import rows
from tests.moderation.conftest import propose

pytestmark = pytest.mark.django_db


def round_trip(actor):
    """The actor's point as it comes back through Web Mercator (the map's projection)."""
    point = Point(actor.location.x, actor.location.y, srid=4326)
    point.transform(3857)
    point.transform(4326)
    return [point.x, point.y]


def review_page(client, people, cr):
    client.force_login(people["moderator"])
    return client.get(reverse("moderation:change-request", args=[cr.pk]))


def test_the_same_point_after_a_round_trip_is_not_a_change_of_location(client, people, actor):
    same = round_trip(actor)
    assert same != profile.snapshot(actor)["location"]  # not equal as numbers
    cr = propose(actor, people["editor"], name="Autre nom", location=same)
    page = review_page(client, people, cr)
    assert [row["name"] for row in page.context["rows"]] == ["name"]
    assert page.context["location"] is None


def test_a_real_move_is_still_shown(client, people, actor):
    moved = [actor.location.x + 0.0005, actor.location.y]  # about 40 m east
    cr = propose(actor, people["editor"], location=moved)
    page = review_page(client, people, cr)
    assert [row["name"] for row in page.context["rows"]] == ["location"]
    assert page.context["location"]["distance"] == 40


def names(before, after):
    return [row["name"] for row in rows(Actor.declaration(), before, after)]


def test_the_same_point_with_another_precision_is_still_a_change():
    before = {"location": [-1.475, 43.49], "location_precision": "approximate"}
    after = {"location": [-1.4750000001, 43.4900000002], "location_precision": "precise"}
    assert names(before, after) == ["location"]
    # No maps for the same place: only its precision changed.
    assert review.location_change(before, after) is None
    assert names(before, {**after, "location_precision": "approximate"}) == []


def test_a_removed_location_is_still_a_change():
    assert names({"location": [-1.475, 43.49]}, {"location": None}) == ["location"]
