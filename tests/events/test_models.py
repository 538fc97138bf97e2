"""The database keeps every event whole: a known place kind with what it needs, an end
after the start, a title in some language; a position outside its commune is refused."""

import pytest
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from actors.models import Commune
from events.models import Event, PlaceKind

from .conftest import make_event, paris

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "values",
    [
        {"place_kind": PlaceKind.ACTOR, "place_actor": None},
        {"place_kind": PlaceKind.ONLINE, "online_url": ""},
        {"place_kind": PlaceKind.ADDRESS, "street_address": "1 rue", "commune": None},
        {"place_kind": "boat"},
        {"end": paris(2030, 3, 5, 9)},
        {"title": "", "title_eu": "", "title_es": ""},
        {"price": "gift"},
    ],
)
def test_the_database_refuses_an_incomplete_event(actor, values):
    event = make_event(actor, place_kind=PlaceKind.ONLINE, online_url="https://visio.example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(**values)


def test_another_address_must_lie_in_its_commune(actor):
    bayonne = Commune.objects.get(name="Bayonne")
    event = make_event(actor, place_kind=PlaceKind.ADDRESS, street_address="1 rue d'Espagne",
                       commune=bayonne, location=Point(-1.0, 43.0, srid=4326))  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        event.full_clean()
    assert "location" in refused.value.message_dict
    event.location = bayonne.centroid
    event.full_clean()


def test_the_slug_and_last_end_are_set_on_save(actor):
    event = make_event(actor, title="Café vélo", rrule="FREQ=WEEKLY;COUNT=2")
    assert event.slug == "cafe-velo"
    assert event.last_end == paris(2030, 3, 12, 12)
    event.rrule = "FREQ=WEEKLY"
    event.save()
    assert event.last_end is None
