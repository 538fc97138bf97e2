"""A position's precision follows whoever placed it: a member moving the marker, or a
moderator approving a move, makes it precise; an import's proposal brings its own precision
(the geocoder's answer, or the commune's centre); a restore brings back the version's."""

import pytest
from django.contrib.gis.geos import Point

from actors.models import Actor, LocationPrecision
from contributions.models import ChangeRequest, Membership, Role
from moderation import workflow as services
from moderation.models import Action
from opendata.importing.importer import import_rows
from tests.contributions.helpers import form_data
from tests.factories import ActorFactory
from tests.moderation.conftest import propose

pytestmark = pytest.mark.django_db

PRECISE, APPROXIMATE = LocationPrecision.PRECISE, LocationPrecision.APPROXIMATE


def approximate(actor):
    actor.location_precision = APPROXIMATE
    actor.save()
    return actor


def elsewhere(actor):
    """[lon, lat] about 100 m from the actor, still inside its commune."""
    point = Point(actor.location.x + 0.001, actor.location.y + 0.0005, srid=4326)
    assert actor.commune.boundary.contains(point)
    return [round(point.x, 6), round(point.y, 6)]


def precision(actor):
    return Actor.objects.values_list("location_precision", flat=True).get(pk=actor.pk)


@pytest.fixture
def draft(people, reference):
    draft = approximate(ActorFactory(name="Brouillon Hasparren", draft=True))
    Membership.objects.create(user=people["owner"], actor=draft, role=Role.OWNER)
    Membership.objects.create(user=people["editor"], actor=draft, role=Role.EDITOR)
    return draft


@pytest.mark.parametrize("role", ["owner", "editor"])
def test_a_member_moving_the_marker_of_a_draft_makes_it_precise(client, people, draft, role):
    client.force_login(people[role])
    lon, lat = elsewhere(draft)
    moved = form_data(draft, location=Point(lon, lat, srid=4326).geojson)
    assert client.post(f"/fr/acteurs/{draft.slug}/modifier/", moved).status_code == 302
    assert precision(draft) == PRECISE


def test_a_member_saving_a_draft_without_moving_it_keeps_it_approximate(client, people, draft):
    client.force_login(people["owner"])
    data = form_data(draft, summary="Un autre résumé de l'atelier.")
    assert client.post(f"/fr/acteurs/{draft.slug}/modifier/", data).status_code == 302
    draft.refresh_from_db()
    assert draft.summary == "Un autre résumé de l'atelier."
    assert draft.location_precision == APPROXIMATE


@pytest.mark.parametrize("moderator", ["moderator", "staff"])
def test_approving_a_members_move_makes_it_precise(people, actor, moderator):
    approximate(actor)
    cr = propose(actor, people["editor"], location=elsewhere(actor))
    services.decide_change_request(cr, people[moderator], Action.APPROVE)
    assert precision(actor) == PRECISE


def test_approving_other_fields_only_leaves_the_precision(people, actor):
    approximate(actor)
    cr = propose(actor, people["editor"], location=elsewhere(actor), name="Autre nom")
    services.decide_change_request(cr, people["moderator"], Action.APPROVE, fields=["name"])
    actor.refresh_from_db()
    assert actor.name == "Autre nom" and actor.location_precision == APPROXIMATE


def import_change(actor, **row):
    row = {"name": actor.name, "commune_insee": actor.commune.insee, **row}
    report = import_rows([(2, row)], "annuaire", apply=True)
    assert report.count("updated") == 1, report.rows
    return ChangeRequest.objects.open().changes().for_subject(actor).get()


@pytest.mark.parametrize("moderator", ["moderator", "staff"])
def test_approving_an_imported_position_applies_its_precision(people, actor, moderator):
    approximate(actor)
    lon, lat = elsewhere(actor)
    cr = import_change(actor, longitude=str(lon), latitude=str(lat))
    assert cr.proposed["location_precision"] == PRECISE
    services.decide_change_request(cr, people[moderator], Action.APPROVE)
    actor.refresh_from_db()
    assert [round(actor.location.x, 6), round(actor.location.y, 6)] == [lon, lat]
    assert actor.location_precision == PRECISE


def test_an_imported_approximate_position_stays_approximate_once_approved(people, actor):
    lon, lat = elsewhere(actor)
    cr = import_change(actor, longitude=str(lon), latitude=str(lat), location_precision=APPROXIMATE)
    services.decide_change_request(cr, people["moderator"], Action.APPROVE)
    assert precision(actor) == APPROXIMATE


def test_the_same_point_found_precisely_is_a_change_of_the_location(people, actor):
    approximate(actor)
    lon, lat = [round(actor.location.x, 6), round(actor.location.y, 6)]
    cr = import_change(actor, longitude=str(lon), latitude=str(lat))
    assert services.changed_fields(cr) == ["location"]
    services.decide_change_request(cr, people["moderator"], Action.APPROVE)
    assert precision(actor) == PRECISE


def test_a_restore_brings_back_the_versions_precision(people, actor):
    approximate(actor)
    cr = propose(actor, people["editor"], location=elsewhere(actor))
    services.decide_change_request(cr, people["moderator"], Action.APPROVE)
    assert precision(actor) == PRECISE
    actor.refresh_from_db()
    original = actor.history.filter(location_precision=APPROXIMATE).earliest("history_date")
    services.restore_version(
        actor, original.history_id, people["staff"], "Mauvais déplacement.", actor.updated_at
    )
    assert precision(actor) == APPROXIMATE
