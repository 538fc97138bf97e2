"""Formats, mappings, record numbers, lenient optional fields and files that must not end in
a traceback."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from actors.models import Actor
from opendata.importing import readers
from tests.factories import BAYONNE, at
from tests.opendata.importing import bayonne, csv_bytes, row, run

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def geocoder(ban):
    return ban


def rows_file(separator):
    point = at(BAYONNE)
    header = ["name", "kind", "summary", "themes", "latitude", "longitude"]
    line = ["Atelier Sépa", "association", "Un atelier; des ordis", "inclusion-mediation",
            str(point.y), str(point.x)]  # fmt: skip
    quoted = [f'"{cell}"' if separator in cell else cell for cell in line]
    return (separator.join(header) + "\n" + separator.join(quoted) + "\n").encode()


@pytest.mark.parametrize(("separator", "word"), [(";", "point-virgule"), ("\t", "tabulation"),
                                                 (",", "virgule")])  # fmt: skip
def test_the_separator_is_sniffed_and_reported(reference, tmp_path, separator, word):
    path = tmp_path / "liste.csv"
    path.write_bytes(rows_file(separator))
    out = io.StringIO()
    call_command("import_actors", str(path), stdout=out)
    text = out.getvalue()
    assert f"Format lu : csv (séparateur : {word})" in text
    assert "créés : 1" in text and "Nom manquant" not in text


def lamednum_file(tmp_path):
    point = at(BAYONNE)
    columns = ["id", "pivot", "nom", "commune", "code_postal", "adresse", "latitude",
               "longitude", "date_maj", "courriel", "presentation_resume"]  # fmt: skip
    line = {"id": "l1", "pivot": "", "nom": "Lieu Courriel", "commune": "Bayonne",
            "code_postal": "64100", "adresse": "1 rue X", "latitude": point.y,
            "longitude": point.x, "date_maj": "2024-01-01", "courriel": "lieu@example.org",
            "presentation_resume": "Un lieu."}  # fmt: skip
    path = tmp_path / "lieux.csv"
    path.write_bytes(csv_bytes([line], columns=columns))
    return path


def test_a_mapping_applies_to_a_lamednum_file_and_missing_columns_are_named(reference, tmp_path):
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"columns": {"courriel": "email", "Téléphone": "phone"}}))
    out = io.StringIO()
    call_command("import_actors", str(lamednum_file(tmp_path)), "--mapping", str(mapping),
                 "--apply", stdout=out)  # fmt: skip
    text = out.getvalue()
    assert Actor.objects.filter(name="Lieu Courriel", email="lieu@example.org").exists(), text
    assert "Format lu : lamednum" in text
    assert "Colonnes de la correspondance absentes du fichier : Téléphone" in text


def test_unmapped_and_ignored_columns_are_listed(reference):
    data = csv_bytes([row(name="A", **bayonne())], columns=["name", "Remarques", "kind", "summary",
                     "themes", "commune_insee", "latitude", "longitude"])  # fmt: skip
    reading = readers.read(data, "csv", {"columns": {"Nom": "name"}})
    assert reading.notes == [
        "Colonnes de la correspondance absentes du fichier : Nom",
        "Colonnes du fichier ignorées : Remarques",
    ]


def test_record_numbers_are_spreadsheet_rows_whatever_the_lines(reference):
    data = csv_bytes([
        row(name="Sur deux lignes", summary="Ligne un\nligne deux", **bayonne()),
        row(name="", **bayonne()),
    ])  # fmt: skip
    report = run(data)
    assert [(r.line, r.outcome) for r in report.rows] == [(2, "created"), (3, "rejected")]


def test_a_website_without_scheme_is_fixed_and_bad_optional_values_dropped(reference):
    data = csv_bytes([row(name="Atelier Souple", website="www.example.eu", phone="3949",
                          email="pas-un-courriel", **bayonne())],
                     columns=["name", "kind", "summary", "themes", "commune_insee", "latitude",
                              "longitude", "website", "phone", "email"])  # fmt: skip
    result = run(data, apply=True).rows[0]
    assert result.outcome == "created"
    actor = Actor.objects.get(name="Atelier Souple")
    assert (actor.website, actor.phone, actor.email) == ("https://www.example.eu", "", "")
    warnings = " ".join(result.warnings)
    assert "« www.example.eu »" in warnings and "« 3949 »" in warnings
    assert "« pas-un-courriel »" in warnings


def test_identity_stays_strict_and_quotes_the_value(reference):
    data = csv_bytes([row(name="SIRET faux", siret="12345678901234", **bayonne())])
    result = run(data).rows[0]
    assert result.outcome == "rejected" and "12345678901234" in result.reason


def test_a_nul_character_is_removed_with_a_warning(reference):
    data = csv_bytes([row(name="Atelier\x00Nul", **bayonne())])
    result = run(data, apply=True).rows[0]
    assert result.outcome == "created" and "NUL" in " ".join(result.warnings)
    assert Actor.objects.get(name="AtelierNul")


@pytest.mark.parametrize("geometry", ["POINT(1 2)", [1, 2], 3])
def test_a_geometry_that_is_not_an_object_rejects_its_feature_only(reference, geometry):
    point = at(BAYONNE)
    features = [
        {"type": "Feature", "geometry": geometry, "properties": {"name": "Cassé"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [point.x, point.y]},
         "properties": {"name": "Bon", "kind": "association", "summary": "Un lieu.",
                        "themes": ["inclusion-mediation"]}},
        "pas un objet",
        {"type": "Feature", "geometry": None, "properties": ["liste"]},
    ]  # fmt: skip
    data = json.dumps({"type": "FeatureCollection", "features": features}).encode()
    report = run(data, fmt="geojson")
    assert [r.outcome for r in report.rows] == ["rejected", "created", "rejected", "rejected"]
    assert "geometry" in report.rows[0].reason


@pytest.mark.parametrize(
    ("content", "message"),
    [(bytes(range(256)) * 4, "UTF-8"), (b"name\n" + b"x" * 1_100_000 + b"\n", "illisible"),
     (b"", "vide"), (b"\x00\x00\x00", "vide")],
)  # fmt: skip
def test_binary_huge_or_empty_files_are_a_clear_error(reference, tmp_path, content, message):
    path = tmp_path / "f.csv"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_actors", str(path), stdout=io.StringIO())


def test_a_huge_cell_is_refused_whatever_another_library_set(reference, tmp_path):
    # The csv module's limit is process-wide; frictionless (the exports' tests) raises it.
    csv.field_size_limit(10**9)
    path = tmp_path / "f.csv"
    path.write_bytes(b"name\n" + b"x" * 1_100_000 + b"\n")
    with pytest.raises(CommandError, match="illisible"):
        call_command("import_actors", str(path), stdout=io.StringIO())


@pytest.mark.parametrize(
    ("name", "body"),
    [("nul.csv", b"name,kind\nA\x00B,association\n"),
     ("geo.geojson", b'{"type": "FeatureCollection", "features": [{"geometry": "x"}]}'),
     ("binaire.csv", bytes(range(256)))],
)  # fmt: skip
def test_the_admin_importer_answers_bad_files_without_an_error_page(
    reference_tx, task_queue, client, name, body
):
    """Refused on the form, or previewed by the worker with a report saying why."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.opendata.test_admin_import import URL, make_staff
    from tests.queue import run_worker

    client.force_login(make_staff())
    page = client.post(URL, {"file": SimpleUploadedFile(name, body)})
    if page.status_code == 302:
        run_worker("imports")
        page = client.get(page["Location"])
    assert page.status_code in (200, 400)
    assert "Résultat" in page.content.decode() or "UTF-8" in page.content.decode()


def test_publish_publishes_what_an_earlier_import_left_pending(reference):
    from actors.models import ActorStatus
    from contributions.models import ChangeRequest
    from contributions.models.change_request import RequestStatus

    data = csv_bytes([row(name="En attente", **bayonne())])
    run(data, apply=True)
    actor = Actor.objects.get(name="En attente")
    assert actor.status == ActorStatus.PENDING
    report = run(data, apply=True, publish=True)
    assert [r.outcome for r in report.rows] == ["updated"]
    actor.refresh_from_db()
    assert actor.status == ActorStatus.PUBLISHED
    assert ChangeRequest.objects.get(actor=actor).status == RequestStatus.APPROVED
    assert [r.outcome for r in run(data, apply=True, publish=True).rows] == ["unchanged"]
