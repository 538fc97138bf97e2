import pytest

from actors.models import Actor
from actors.validators import luhn_ok
from tests.factories import BAYONNE, MAULEON, ActorFactory, at, commune, kind
from tests.support.moduledb import written_once

ANGLET = "64024"


def siret(prefix):
    """A SIRET with a valid Luhn key, from 13 digits."""
    for last in "0123456789":
        if luhn_ok(prefix + last):
            return prefix + last
    raise AssertionError("unreachable")


@pytest.fixture(scope="module")
def world_rows(django_db_setup, django_db_blocker):
    """The world's actors, written once for the module's tests (0.4 s a test, some 250 tests)."""
    with written_once(django_db_blocker):
        yield {name: actor.pk for name, actor in build_world().items()}


@pytest.fixture
def world(db, world_rows):
    """Published actors (two places of digital mediation with a SIRET or an RNA, one without,
    others) and hidden ones that would otherwise appear everywhere. Read afresh for each test:
    an instance an earlier test changed in memory would carry its changes over."""
    actors = Actor.objects.in_bulk(world_rows.values())
    return {name: actors[pk] for name, pk in world_rows.items()}


def build_world():
    mediation = {"themes": ["inclusion-mediation"], "services": ["initiation-numerique"]}
    return {
        "clic": ActorFactory(
            name="Clic Solidaire", commune=commune(BAYONNE), location=at(BAYONNE, -0.003),
            street_address="12 rue Pannecau", phone="05 59 00 00 01", email="clic@example.org",
            siret=siret("4349331230002"), publics=["seniors"], languages=["anglais"],
            opening_hours="Mo-Fr 09:00-12:00", **mediation,
        ),
        "xiberoa": ActorFactory(
            name="Xiberoa Numérique", commune=commune(MAULEON), location=at(MAULEON),
            street_address="Place des Halles", rna="W641000123", kind=kind("tiers-lieu-fablab"),
            themes=["inclusion-mediation", "donnees-ethique-cybersecurite"],
            services=["accompagnement-demarches"],
        ),
        "sans_siret": ActorFactory(
            name="Médiathèque sans SIRET", commune=commune(ANGLET), location=at(ANGLET),
            street_address="1 avenue de Bayonne", **mediation,
        ),
        "repair": ActorFactory(
            name="Konpon Txoko", commune=commune(BAYONNE), location=at(BAYONNE, 0.002),
            themes=["reemploi-reparation"], services=["reparation", "materiel-reconditionne"],
            siret=siret("5555555555555"),
        ),
        "access": ActorFactory(
            name="Accessi Web", commune=commune(BAYONNE), location=at(BAYONNE, 0.004),
            themes=["accessibilite"], summary="Audit RGAA de sites web.",
        ),
        "draft": ActorFactory(
            name="Brouillon Caché", draft=True, siret=siret("1111111111111"),
            street_address="1 rue Cachée", **mediation,
        ),
        "pending": ActorFactory(
            name="En Attente Cachée", pending=True, rna="W641000999",
            street_address="2 rue Cachée", **mediation,
        ),
        "archived": ActorFactory(
            name="Archive Cachée", archived=True, siret=siret("2222222222222"),
            street_address="3 rue Cachée", **mediation,
        ),
    }  # fmt: skip


HIDDEN = ("draft", "pending", "archived")
HIDDEN_NAMES = ("Brouillon Caché", "En Attente Cachée", "Archive Cachée")
