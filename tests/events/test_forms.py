"""The event form's messages: one a field, the one that says what is wrong."""

import pytest

from events.forms import EventForm
from events.models import Event, PlaceKind

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("place", "field", "message"),
    [
        ({"place_kind": PlaceKind.ONLINE, "online_url": "pas un lien"},
         "online_url", "Saisissez une URL valide."),
        ({"place_kind": PlaceKind.ACTOR, "place_actor": "/fr/acteurs/inconnu/"},
         "place_actor", "Aucun acteur publié de l'annuaire à cette adresse : /fr/acteurs/inconnu/"),
    ],
)  # fmt: skip
def test_a_refused_place_is_not_also_called_missing(actor, place, field, message):
    data = {"title": "Repair café", "start": "2030-03-05T10:00", "end": "2030-03-05T12:00",
            "price": "free", **place}  # fmt: skip
    form = EventForm(data, instance=Event(actor=actor))
    assert not form.is_valid()
    assert form.errors[field] == [message]
