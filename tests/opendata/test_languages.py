"""Open data carries the texts of every language; the French national formats keep French,
or another language when French is empty."""

import pytest

from actors.models import Actor
from opendata.openapi import spec
from tests.opendata.helpers import content, json_body
from tests.opendata.test_exports import csv_rows

pytestmark = pytest.mark.django_db

TEXTS = ["summary_eu", "summary_es", "description_eu", "description_es"]


@pytest.fixture
def basque_clic(world):
    """Clic Solidaire (a place of digital mediation in every national file) written in
    Basque and Spanish, its French summary and description removed."""
    Actor.objects.filter(pk=world["clic"].pk).update(
        summary="",
        description="",
        summary_eu="Ordenagailua erabiltzen ikasteko tailerrak.",
        summary_es="Talleres para aprender a usar el ordenador.",
        description_eu="Astelehenetik ostiralera irekita.",
    )
    return world


def test_the_api_and_exports_carry_every_language(client, basque_clic):
    slug = basque_clic["clic"].slug
    record = client.get(f"/api/v1/actors/{slug}/").json()
    assert record["summary"] == "" and record["summary_eu"].startswith("Ordenagailua")
    assert record["summary_es"].startswith("Talleres")
    assert record["description_eu"] == "Astelehenetik ostiralera irekita."
    assert record["description_es"] == ""
    feature = next(
        f for f in json_body(client.get("/export/actors.geojson"))["features"] if f["id"] == slug
    )
    assert {name: feature["properties"][name] for name in TEXTS} == {
        name: record[name] for name in TEXTS
    }
    row = next(r for r in csv_rows(content(client.get("/export/actors.csv"))) if r["slug"] == slug)
    assert row["summary_eu"] == record["summary_eu"] and row["description_es"] == ""


def test_the_openapi_document_describes_every_language():
    properties = spec("http://testserver")["components"]["schemas"]["Actor"]["properties"]
    for name in TEXTS:
        assert properties[name]["type"] == "string" and properties[name]["description"]


def test_national_formats_fall_back_on_another_language(client, basque_clic):
    rows = csv_rows(content(client.get("/export/lamednum.csv")))
    clic = next(r for r in rows if r["nom"] == "Clic Solidaire")
    assert clic["presentation_resume"] == "Ordenagailua erabiltzen ikasteko tailerrak."
    assert clic["presentation_detail"] == "Astelehenetik ostiralera irekita."
    other = next(r for r in rows if r["nom"] == "Xiberoa Numérique")
    assert other["presentation_resume"] == basque_clic["xiberoa"].summary
    structures = json_body(client.get("/export/data-inclusion/structures.json"))
    clic = next(s for s in structures if s["nom"] == "Clic Solidaire")
    assert clic["description"] == "Astelehenetik ostiralera irekita."
