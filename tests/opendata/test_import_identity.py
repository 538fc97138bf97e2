"""Identity: a row is a known actor only on evidence; re-imports, in any order, change
nothing; two rows of one file meaning one place are duplicates, not applied in turn."""

import pytest

from actors.models import Actor
from tests.factories import BAYONNE, at
from tests.opendata.conftest import siret
from tests.opendata.importing import csv_bytes, row, run, state

pytestmark = pytest.mark.django_db

NETWORK = siret("7777777777777")


@pytest.fixture(autouse=True)
def geocoder(ban):
    return ban


def network_file(reverse=False):
    """One head-office SIRET written on two sites of the network."""
    rows = [
        row(name="Réseau Num – Petit Bayonne", siret=NETWORK, street_address="12 rue Pannecau",
            longitude=at(BAYONNE).x, latitude=at(BAYONNE).y),
        row(name="Réseau Num – Saint-Esprit", siret=NETWORK, street_address="3 place de la Gare",
            longitude=at(BAYONNE, 0.004).x, latitude=at(BAYONNE, 0.004).y),
    ]  # fmt: skip
    return csv_bytes(rows[::-1] if reverse else rows)


def versions():
    return sum(actor.history.count() for actor in Actor.objects.all())


def test_a_shared_siret_at_two_addresses_makes_two_actors_and_says_so(reference):
    report = run(network_file(), apply=True)
    assert [r.outcome for r in report.rows] == ["created", "created"]
    assert Actor.objects.filter(siret=NETWORK).count() == 2
    assert "SIRET ou RNA partagé" in " ".join(report.rows[1].warnings)


def test_a_shared_siret_does_not_flip_on_re_runs_in_any_order(reference):
    run(network_file(), apply=True)
    before, history = state(), versions()
    for reverse in (False, True, False):
        report = run(network_file(reverse), apply=True)
        assert [r.outcome for r in report.rows] == ["unchanged", "unchanged"]
    assert state() == before and versions() == history


def test_same_siret_and_same_address_is_the_same_actor_under_a_new_name(reference):
    run(network_file(), apply=True)
    renamed = csv_bytes([row(name="Réseau Numérique Pays Basque", siret=NETWORK,
                             street_address="12 rue Pannecau", **_point(0))])  # fmt: skip
    report = run(renamed)
    assert [r.outcome for r in report.rows] == ["updated"]
    assert report.rows[0].slug == Actor.objects.get(street_address="12 rue Pannecau").slug


def _point(dx):
    point = at(BAYONNE, dx)
    return {"longitude": point.x, "latitude": point.y}


def near_duplicates():
    return csv_bytes([
        row(name="Atelier Txiki", summary="Première version.", **_point(0.001)),
        row(name="Atelier-TXIKI", summary="Seconde version.", **_point(0.0012)),
    ])  # fmt: skip


def test_two_rows_of_one_file_for_one_place_are_reported_as_duplicates(reference):
    report = run(near_duplicates(), apply=True)
    assert [r.outcome for r in report.rows] == ["created", "duplicate"]
    assert "ligne 2" in report.rows[1].reason
    assert Actor.objects.get().summary == "Première version."


def test_a_dry_run_sees_the_duplicate_too(reference):
    report = run(near_duplicates())
    assert [r.outcome for r in report.rows] == ["created", "duplicate"]
    assert not Actor.objects.exists()


def test_importing_a_file_with_near_duplicates_twice_is_idempotent(reference):
    run(near_duplicates(), apply=True)
    before, history = state(), versions()
    report = run(near_duplicates(), apply=True)
    assert [r.outcome for r in report.rows] == ["unchanged", "duplicate"]
    assert report.counts["updated"] == 0
    assert state() == before and versions() == history
