"""Downloads: our CSV and GeoJSON, the two national formats against their schemas."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from frictionless import Resource, Schema
from jsonschema import Draft202012Validator

from opendata import lamednum
from opendata.csvsafe import neutralise
from tests.factories import ActorFactory, at, commune
from tests.opendata.conftest import HIDDEN_NAMES
from tests.opendata.helpers import OPEN_DATA_URLS, content, json_body

pytestmark = pytest.mark.django_db

SCHEMAS = Path(settings.BASE_DIR) / "opendata" / "schemas"
HENDAYE = "64260"


def lamednum_report(path):
    """frictionless's validation of a file against the copied national schema (frictionless
    reads only below a base path it is given)."""
    path = Path(path)
    schema = Schema.from_descriptor(
        json.loads((SCHEMAS / "lamednum" / "schema.json").read_text("utf-8"))
    )
    return Resource(path=path.name, basepath=str(path.parent), schema=schema).validate()


def csv_rows(text):
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def checked_lamednum(client, tmp_path):
    """The LaMednum export's rows, once frictionless has found it valid."""
    text = content(client.get("/export/lamednum.csv"))
    path = tmp_path / "lamednum.csv"
    path.write_text(text, encoding="utf-8")
    report = lamednum_report(path)
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    return csv_rows(text)


def test_csv_has_a_bom_for_excel_a_header_and_one_row_per_published_actor(client, world):
    response = client.get("/export/actors.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = content(response)
    assert text.startswith("\ufeffslug,name,url,")
    rows = csv_rows(text)
    assert sorted(r["name"] for r in rows) == sorted(
        ["Clic Solidaire", "Xiberoa Numérique", "Médiathèque sans SIRET", "Konpon Txoko",
         "Accessi Web"]
    )  # fmt: skip
    clic = next(r for r in rows if r["name"] == "Clic Solidaire")
    assert clic["themes"] == "inclusion-mediation"
    assert clic["welcomes_public"] == "true"
    assert float(clic["longitude"]) < 0  # a negative number, not neutralised text


def test_csv_and_geojson_exports_follow_the_filters(client, world):
    rows = csv_rows(content(client.get("/export/actors.csv?theme=reemploi-reparation")))
    assert [r["name"] for r in rows] == ["Konpon Txoko"]
    geo = json_body(client.get("/export/actors.geojson?commune=64371"))
    assert [f["properties"]["name"] for f in geo["features"]] == ["Xiberoa Numérique"]
    assert client.get("/export/actors.csv?radius=7&near=Bayonne").status_code == 400


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1,2)", "'@SUM(1,2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("+33 5 59 00 00 00", "+33 5 59 00 00 00"),
        ("-1.4736", "-1.4736"),
        ("Atelier = réparation", "Atelier = réparation"),
        (-1.47, -1.47),
    ],
)
def test_cells_that_spreadsheets_would_run_are_neutralised(value, expected):
    assert neutralise(value) == expected


def test_csv_export_neutralises_formulas_typed_by_actors(client, reference):
    ActorFactory(name="=HYPERLINK(\"http://evil\",\"clic\")", summary="@SUM(A1:A9)",
                 opening_hours="", street_address="-2+3+cmd|' /C calc'!A0")  # fmt: skip
    row = csv_rows(content(client.get("/export/actors.csv")))[0]
    assert row["name"].startswith("'=")
    assert row["summary"].startswith("'@")
    assert row["street_address"].startswith("'-")


def test_lamednum_file_passes_frictionless_against_the_national_schema(client, world, tmp_path):
    rows = checked_lamednum(client, tmp_path)
    # Only places of digital mediation with a SIRET or RNA and an address.
    assert [r["nom"] for r in rows] == ["Clic Solidaire", "Xiberoa Numérique"]
    clic, xiberoa = rows
    assert clic["pivot"] == world["clic"].siret
    assert clic["telephone"] == "+33559000001"
    assert clic["services"] == "Maîtrise des outils numériques du quotidien"
    assert clic["publics_specifiquement_adresses"] == "Seniors"
    assert clic["prise_en_charge_specifique"] == "Langues étrangères (anglais)"
    assert xiberoa["pivot"] == "W641000123"
    assert xiberoa["typologie"] == "TIERS_LIEUX"
    assert xiberoa["services"] == (
        "Aide aux démarches administratives|Utilisation sécurisée du numérique"
    )


def test_the_frictionless_check_can_fail(tmp_path):
    """The validation above is not vacuous: a row without pivot is an error."""
    row = dict.fromkeys(lamednum.COLUMNS, "")
    row.update(id="x", nom="Nom", commune="Bayonne", code_postal="64100", adresse="1 rue",
               date_maj="2024-01-01")  # fmt: skip
    bad = tmp_path / "bad.csv"
    with open(bad, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, lamednum.COLUMNS)
        writer.writeheader()
        writer.writerow(row)
    report = lamednum_report(bad)
    assert not report.valid
    assert [e.type for e in report.tasks[0].errors] == ["constraint-error"]


def test_the_copied_lamednum_example_is_valid():
    assert lamednum_report(SCHEMAS / "lamednum" / "exemple-valide.csv").valid


def test_data_inclusion_structures_are_valid_against_their_json_schema(client, world):
    structures = json_body(client.get("/export/data-inclusion/structures.json"))
    schema = json.loads((SCHEMAS / "data-inclusion" / "structure.json").read_text("utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for structure in structures:
        errors = [e.message for e in validator.iter_errors(structure)]
        assert errors == [], (structure["id"], errors)
    # Places of digital mediation, with or without SIRET.
    assert sorted(s["nom"] for s in structures) == [
        "Clic Solidaire", "Médiathèque sans SIRET", "Xiberoa Numérique"
    ]  # fmt: skip
    assert not validator.is_valid({"id": "x", "source": "y", "nom": "ab", "date_maj": "2024"})


def validator_for(name):
    schema = json.loads((SCHEMAS / "data-inclusion" / name).read_text("utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_data_inclusion_services_are_valid_one_per_service_of_each_structure(client, world):
    ActorFactory(
        name="Point Numérique Hendaye", commune=commune(HENDAYE), location=at(HENDAYE),
        themes=["inclusion-mediation"], publics=["tout-public", "seniors"],
        services=["initiation-numerique", "accompagnement-demarches", "reparation"],
        fees="gratuit_sous_condition", appointment_url="https://rdv.example.org/pn",
        works_remotely=True, email="pn@example.org",
    )  # fmt: skip
    response = client.get("/export/data-inclusion/services.json")
    assert response.streaming
    services = json_body(response)
    validator = validator_for("service.json")
    for service in services:
        errors = [e.message for e in validator.iter_errors(service)]
        assert errors == [], (service["id"], errors)
    structures = {
        s["id"]: s for s in json_body(client.get("/export/data-inclusion/structures.json"))
    }
    # Every service belongs to an exported structure, and every service of it is there.
    assert {s["structure_id"] for s in services} == set(structures)
    hendaye = {s["id"]: s for s in services if "hendaye" in s["id"]}
    base = "neonum-carto--point-numerique-hendaye"
    assert sorted(hendaye) == [
        f"{base}--accompagnement-demarches", f"{base}--initiation-numerique", f"{base}--reparation"
    ]  # fmt: skip
    workshop = hendaye[f"{base}--initiation-numerique"]
    assert workshop["type"] == "atelier"
    assert workshop["thematiques"] == ["numerique--maitriser-les-fondamentaux-du-numerique"]
    assert workshop["publics"] == ["tous-publics"]  # which excludes every other value
    assert (workshop["frais"], workshop["frais_precisions"]) == (
        "gratuit",
        "Gratuit sous condition",
    )
    assert workshop["modes_accueil"] == ["en-presentiel", "a-distance"]
    assert workshop["lien_mobilisation"] == "https://rdv.example.org/pn"
    assert hendaye[f"{base}--reparation"]["type"] is None  # no national equivalent
    # The validator can fail.
    assert not validator.is_valid({**workshop, "publics": ["tout-public"]})


def test_data_inclusion_exports_stream(client, world):
    for url in ("/export/data-inclusion/structures.json", "/export/data-inclusion/services.json"):
        response = client.get(url)
        assert response.streaming, url
        assert response["Content-Disposition"].startswith("attachment")


def test_unpublished_actors_are_in_no_output(client, world):
    outputs = [
        content(client.get(url))
        for url in (
            "/api/v1/actors/?page_size=100",
            *OPEN_DATA_URLS[1:],
            "/fr/embed/",
            "/fr/embed/?theme=inclusion-mediation",
        )
    ]
    for text in outputs:
        for name in HIDDEN_NAMES:
            assert name not in text


def test_data_page_says_how_many_are_left_out_of_lamednum_and_why(client, world):
    response = client.get("/fr/donnees/")
    assert response.status_code == 200
    assert response.context["coverage"] == {
        "mediation": 3, "exported": 2, "without_pivot": 1, "without_address": 0,
    }  # fmt: skip
    text = response.content.decode()
    assert "1 en est absent faute de numéro SIRET ou RNA" in text
    assert "Licence Ouverte 2.0" in text
    assert "decoupage-administratif" in text and "Admin Express" in text


def test_export_opendata_writes_every_format(world, tmp_path):
    from django.core.management import call_command

    call_command("export_opendata", str(tmp_path / "out"), stdout=io.StringIO())
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == [
        "actors.csv", "actors.geojson", "data-inclusion-services.json",
        "data-inclusion-structures.json", "lamednum.csv", "realisations.csv",
        "realisations.geojson", "ressources.csv", "ressources.geojson",
    ]  # fmt: skip
    services = json.loads((tmp_path / "out" / "data-inclusion-services.json").read_text("utf-8"))
    assert len(services) == 3  # the three places of digital mediation offer one each
    assert len(csv_rows((tmp_path / "out" / "actors.csv").read_text("utf-8"))) == 5
    geo = json.loads((tmp_path / "out" / "actors.geojson").read_text("utf-8"))
    assert len(geo["features"]) == 5
    assert lamednum_report(tmp_path / "out" / "lamednum.csv").valid
