"""Large files: GeoJSON read one feature at a time, and a report that stays small when every
row has something to say."""

import codecs
import json
import tracemalloc

import pytest

from opendata.importing import readers
from opendata.importing.importer import KEPT_DETAILED, Report, RowResult
from opendata.importing.reporting import as_data, as_text

FEATURES = 20_000


def collection(count):
    point = {"type": "Point", "coordinates": [-1.47, 43.49]}
    properties = {"name": "Lieu", "summary": "x" * 200, "themes": ["a", "b"]}
    feature = {"type": "Feature", "geometry": point, "properties": properties}
    return {"type": "FeatureCollection", "features": [feature] * count}


def test_a_geojson_file_is_read_one_feature_at_a_time(tmp_path):
    path = tmp_path / "grand.geojson"
    path.write_text(json.dumps(collection(FEATURES)))
    size = path.stat().st_size
    tracemalloc.start()
    reading = readers.read(path, "geojson")
    count = sum(1 for _number, row in reading if row["name"] == "Lieu")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == FEATURES
    # json.load would hold every feature at once: about four times the file's size.
    assert size > 5 * peak, (size, peak)


def test_a_geojson_file_keeps_its_record_numbers_and_columns(tmp_path):
    path = tmp_path / "f.geojson"
    data = collection(3)
    data["features"][1] = {"type": "Feature", "geometry": None,
                           "properties": {"name": "Autre", "couleur": "bleu"}}  # fmt: skip
    path.write_bytes(codecs.BOM_UTF8 + json.dumps(data).encode())
    reading = readers.read(path, "geojson")
    assert [(number, row["name"]) for number, row in reading] == [
        (1, "Lieu"), (2, "Autre"), (3, "Lieu"),
    ]  # fmt: skip
    assert reading.notes == ["Colonnes du fichier ignorées : couleur"]
    # Each iteration reads the file afresh.
    assert len(list(reading)) == 3


@pytest.mark.parametrize(
    ("body", "message"),
    [(b'{"features": [], "type": "Feature"}', "FeatureCollection"),
     (b'[{"type": "FeatureCollection"}]', "FeatureCollection"),
     (b'{"type": "FeatureCollection", "features": {}}', "liste"),
     (b'{"type": "FeatureCollection", "features": [{"a": 1}', "GeoJSON illisible"),
     (b'{"type": "Feature\xff"}', "UTF-8"),
     (bytes(range(256)), "UTF-8"),
     (b"\x00\x01 binaire", "GeoJSON illisible : lexical error")],
)  # fmt: skip
def test_a_bad_geojson_file_is_a_clear_error(body, message):
    with pytest.raises(readers.UnreadableFile, match=message):
        list(readers.read(body, "geojson"))


def test_a_report_keeps_a_bounded_number_of_detailed_rows():
    report = Report()
    extra = 7
    for line in range(2, KEPT_DETAILED + extra + 2):
        report.add(RowResult(line, "created", "Lieu", warnings=["site web complété"]))
    assert report.count("created") == KEPT_DETAILED + extra
    assert len(report.rows) == KEPT_DETAILED
    assert "7 autres lignes avec un problème ou un avertissement" in as_text(report)
    assert as_data(report)["unlisted"].startswith("7 autres lignes")


def traced_peak(path):
    """Peak of the Python heap during a dry run of the file."""
    from opendata.importing.importer import import_rows

    tracemalloc.start()
    try:
        report = import_rows(readers.read(path, "csv"), "flat", apply=False)
        return tracemalloc.get_traced_memory()[1], report
    finally:
        tracemalloc.stop()


def test_a_dry_run_s_memory_is_flat_in_the_file_size(reference, tmp_path, monkeypatch):
    """The places a run knows and creates (to see two rows of one file meaning the same
    place) are kept outside the Python heap: a file three times as long needs no more."""
    from opendata.importing import importer
    from opendata.management.commands.bench_import import write_file

    # The report's own bounded detail (tested above) would fill up during the larger run.
    monkeypatch.setattr(importer, "KEPT_PLAIN", 50)
    monkeypatch.setattr(importer, "KEPT_DETAILED", 50)
    peaks = {}
    for count in (200, 1000, 3000):  # the first warms the caches up (communes, translations)
        path = tmp_path / f"{count}.csv"
        write_file(path, count)
        peak, report = traced_peak(path)
        assert report.count("created") == count
        peaks[count] = peak
    # Held in Python objects, the index grew by about 0.7 KB a row: 1.4 MB here.
    assert peaks[3000] - peaks[1000] < 2000 * 100, peaks
