"""Places: every commune found from the ways files write it; the commune centre standing in
for an address is marked approximate everywhere and replaced once the geocoder answers."""

import pytest
from django.core.cache import cache

from actors.models import Actor, Commune, LocationPrecision
from actors.text import normalise
from opendata.importing.communes import CommuneIndex
from tests.factories import BAYONNE
from tests.opendata.helpers import content
from tests.opendata.importing import PANNECAU, csv_bytes, row, run

pytestmark = pytest.mark.django_db


def abbreviated(name):
    """'Saint-Jean-de-Luz' -> 'ST JEAN DE LUZ', 'Sainte-Engrâce' -> 'Ste Engrâce'."""
    words = name.replace("-", " ").split()
    short = {"Saint": "St", "Sainte": "Ste"}
    return " ".join(short.get(word, word) for word in words)


def variants(commune):
    names = [commune.name, *([commune.name_eu] if commune.name_eu else [])]
    for name in names:
        yield {"name": name}
        yield {"name": name.upper()}
        yield {"name": normalise(name)}
        yield {"name": name.replace("-", " ")}
        yield {"name": abbreviated(name).upper()}
        yield {"name": abbreviated(name) + " Cedex"}
    yield {"insee": commune.insee}
    yield {"postcode": commune.postcodes[0], "name": commune.name.upper()}


def test_every_commune_is_found_from_each_way_of_writing_it(reference):
    index = CommuneIndex()
    communes = list(Commune.objects.all())
    assert len(communes) == 158
    missed = [
        (commune.name, variant)
        for commune in communes
        for variant in variants(commune)
        if index.find(**variant) != commune
    ]
    assert missed == []


@pytest.mark.parametrize(
    ("written", "insee"),
    [("TARDETS", "64533"), ("MAULEON", "64371"), ("St Jean Pied de Port", "64485"),
     ("ST JEAN DE LUZ", "64483"), ("Donibane Lohizune", "64483"), ("Bayon", None),
     ("Saint", None), ("Pau", None)],
)  # fmt: skip
def test_short_forms_name_one_commune_or_none(reference, written, insee):
    found = CommuneIndex().find(name=written)
    assert (found.insee if found else None) == insee


def test_the_position_used_is_always_inside_its_commune(reference):
    """The commune's centre stands in for an address not placed (actors.places): inside the
    commune however concave (actors.reference), rounded as positions are stored."""
    from django.contrib.gis.geos import Point

    from actors.places import rounded

    outside = [
        commune.name
        for commune in CommuneIndex().by_insee.values()
        if not commune.boundary.intersects(Point(*rounded(commune.centroid), srid=4326))
    ]
    assert outside == []


def pannecau_file():
    return csv_bytes([row(name="Atelier Beta", street_address="12 rue Pannecau")])


def test_the_commune_centre_standing_in_is_approximate_then_replaced(reference, ban, client):
    ban.mode = "down"
    report = run(pannecau_file(), apply=True, publish=True)
    assert [r.outcome for r in report.rows] == ["created"]
    actor = Actor.objects.get(name="Atelier Beta")
    assert actor.location_precision == LocationPrecision.APPROXIMATE
    page = client.get(actor.get_absolute_url()).content.decode()
    assert "approximative" in page
    export = content(client.get("/export/actors.csv"))
    assert "approximate" in export.splitlines()[1]

    ban.mode = "ok"
    cache.clear()  # the failure is remembered for a minute
    report = run(pannecau_file(), apply=True, publish=True)
    assert [r.outcome for r in report.rows] == ["updated"]
    actor.refresh_from_db()
    assert actor.location_precision == LocationPrecision.PRECISE
    assert (round(actor.location.x, 4), round(actor.location.y, 4)) == PANNECAU
    assert "approximative" not in client.get(actor.get_absolute_url()).content.decode()


def test_a_row_without_address_is_placed_at_the_commune_centre_approximately(reference, ban):
    run(csv_bytes([row(name="Atelier sans adresse", commune_insee=BAYONNE)]), apply=True)
    actor = Actor.objects.get(name="Atelier sans adresse")
    assert actor.location_precision == LocationPrecision.APPROXIMATE
    assert actor.commune.boundary.intersects(actor.location)


def test_the_moderation_review_says_the_position_is_approximate(reference, ban, client):
    from contributions.models import ChangeRequest
    from tests.moderation.conftest import make_moderator

    ban.mode = "down"
    run(pannecau_file(), apply=True)
    request = ChangeRequest.objects.get(actor__name="Atelier Beta")
    client.force_login(make_moderator("moderation@example.org"))
    page = client.get(f"/fr/moderation/demandes/{request.pk}/")
    assert page.status_code == 200
    assert "Position approximative" in page.content.decode()


def test_the_daily_job_moves_approximate_actors_once_the_geocoder_answers(reference, ban):
    from opendata.relocate import relocate_approximate

    ban.mode = "down"
    run(pannecau_file(), apply=True, publish=True)
    assert relocate_approximate() == 0
    ban.mode = "ok"
    cache.clear()
    assert relocate_approximate() == 1
    actor = Actor.objects.get(name="Atelier Beta")
    assert actor.location_precision == LocationPrecision.PRECISE
    assert (round(actor.location.x, 4), round(actor.location.y, 4)) == PANNECAU
