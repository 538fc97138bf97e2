from datetime import datetime

import pytest

from actors.models import Public, Theme
from events.models import Event, PlaceKind
from events.recurrence import PARIS
from moderation.contract import Status
from tests.expertise.conftest import people  # noqa: F401  (the roles, shared)


def paris(*args):
    return datetime(*args, tzinfo=PARIS)


def make_event(actor, status=Status.PUBLISHED, **values):
    values.setdefault("title", "Repair café")
    values.setdefault("start", paris(2030, 3, 5, 10))
    values.setdefault("end", paris(2030, 3, 5, 12))
    values.setdefault("place_kind", PlaceKind.ACTOR)
    if values["place_kind"] == PlaceKind.ACTOR:
        values.setdefault("place_actor", actor)
    event = Event.objects.create(actor=actor, status=status, **values)
    event.themes.set(Theme.objects.order_by("slug")[:1])
    event.publics.set(Public.objects.order_by("slug")[:1])
    return event


@pytest.fixture
def actor(people):  # noqa: F811
    return people["actor"]
