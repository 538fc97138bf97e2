"""Our own exports read back change nothing: export, wipe, import, export again, diff."""

import json

import pytest

from actors.models import Actor, LocationPrecision
from opendata.importing import readers
from opendata.importing.importer import import_rows
from tests.factories import BAYONNE, MAULEON, ActorFactory, at, commune
from tests.opendata.helpers import content

pytestmark = pytest.mark.django_db


@pytest.fixture
def actors(reference, ban):
    ActorFactory(
        name="-Atelier=Formule", summary="Résumé.", summary_eu="Laburpena.",
        summary_es="Resumen.", description="**Gras**", description_eu="Deskribapena",
        description_es="Descripción", website="https://example.org/", phone="05 59 00 00 01",
        street_address="12 rue Pannecau", siret="43493312300029", languages=["anglais"],
        services=["initiation-numerique"], opening_hours="Mo-Fr 09:00-12:00",
        step_free_access=True, fees="gratuit", location=at(BAYONNE, 0.001),
    )  # fmt: skip
    # Two actors of one name: the second's slug is not the one its name would give.
    ActorFactory(name="Txoko", slug="txoko-2", commune=commune(MAULEON), location=at(MAULEON),
                 rna="W641000123")  # fmt: skip
    ActorFactory(
        name="Txoko", slug="txoko", location=at(BAYONNE, 0.003), is_demo=True,
        location_precision=LocationPrecision.APPROXIMATE,
    )  # fmt: skip


def without_dates(text, fmt):
    if fmt == "csv":
        lines = text.splitlines()
        column = lines[0].split(",").index("updated_at")
        return [line.split(",")[:column] for line in lines]
    features = json.loads(text)["features"]
    for feature in features:
        feature["properties"].pop("updated_at")
    return features


@pytest.mark.parametrize(("url", "fmt"), [("/export/actors.csv", "csv"),
                                          ("/export/actors.geojson", "geojson")])  # fmt: skip
def test_export_wipe_import_export_changes_nothing(actors, client, url, fmt):
    exported = content(client.get(url))
    assert "'-Atelier=Formule" in exported or fmt == "geojson"
    Actor.objects.all().delete()
    data = exported.encode()
    report = import_rows(readers.read(data, fmt), "roundtrip", apply=True, publish=True)
    assert report.counts["created"] == 3, report.rows
    assert [r.warnings for r in report.rows] == [[], [], []]
    assert Actor.objects.get(slug="txoko-2").commune.insee == MAULEON
    assert without_dates(content(client.get(url)), fmt) == without_dates(exported, fmt)
    assert Actor.objects.filter(name="-Atelier=Formule").exists()
    # And once more over what is there: nothing changes.
    again = import_rows(readers.read(data, fmt), "roundtrip", apply=True, publish=True)
    assert again.counts["unchanged"] == 3, again.rows


def test_the_formula_guard_is_undone_on_import(actors, client):
    exported = content(client.get("/export/actors.csv")).encode()
    report = import_rows(readers.read(exported, "csv"), "other-source", apply=True, publish=True)
    assert report.counts["unchanged"] == 3, report.rows
