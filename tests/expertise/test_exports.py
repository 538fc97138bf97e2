"""Downloads of réalisations and ressources: CSV (UTF-8 with BOM, formula-safe, the list
pages' filters) and GeoJSON (valid RFC 7946 shapes), streamed; linked from the data page and
from the two list pages."""

import jsonschema
import pytest

from actors.models import Commune
from moderation.contract import Status
from tests.opendata.helpers import content, json_body
from tests.opendata.test_exports import csv_rows

from .conftest import make_realisation, make_ressource

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example","clic")'
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'

POSITION = {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}
# The RFC 7946 shapes our files use: a FeatureCollection of Features, each a Point, a
# MultiPoint or no geometry, longitude then latitude.
GEOJSON = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "id", "geometry", "properties"],
                "properties": {
                    "type": {"const": "Feature"},
                    "properties": {"type": "object"},
                    "geometry": {
                        "oneOf": [
                            {"type": "null"},
                            {"type": "object", "required": ["type", "coordinates"],
                             "properties": {"type": {"const": "Point"}, "coordinates": POSITION}},
                            {"type": "object", "required": ["type", "coordinates"],
                             "properties": {"type": {"const": "MultiPoint"},
                                            "coordinates": {"type": "array", "items": POSITION}}},
                        ]
                    },
                },
            },
        },
    },
}  # fmt: skip


@pytest.fixture
def content_items(people):
    actor = people["actor"]
    tricky = make_realisation(
        actor, title=FORMULA, summary=XSS, title_eu="+SUM(A1:A9)", progress="completed"
    )
    tricky.communes.set(Commune.objects.filter(insee__in=["64102", "64024"]))
    plain = make_realisation(actor, title="Atelier vélo", whole_territory=True)
    guide = make_ressource(actor, title="@guide", summary=XSS, realisation=tricky)
    make_realisation(actor, status=Status.DRAFT, title="Brouillon caché")
    make_ressource(actor, status=Status.PENDING, title="Ressource en attente")
    return {"tricky": tricky, "plain": plain, "guide": guide, "actor": actor}


def test_csv_is_formula_safe_utf8_and_holds_the_published_items(client, content_items):
    response = client.get("/export/realisations.csv")
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="neonum-realisations.csv"' in response["Content-Disposition"]
    text = content(response)
    assert text.startswith("\ufeffslug,url,title,title_eu")
    rows = {row["slug"]: row for row in csv_rows(text)}
    assert set(rows) == {content_items["tricky"].slug, content_items["plain"].slug}
    tricky = rows[content_items["tricky"].slug]
    assert tricky["title"] == "'" + FORMULA and tricky["title_eu"] == "'+SUM(A1:A9)"
    assert tricky["summary"] == XSS  # text, unchanged: escaping is the reader's page's job
    assert tricky["communes"] == "64024|64102"
    ressources = csv_rows(content(client.get("/export/ressources.csv")))
    assert [row["title"] for row in ressources] == ["'@guide"]
    assert ressources[0]["realisation"] == content_items["tricky"].slug


def test_csv_follows_the_list_pages_filters_and_refuses_bad_ones(client, content_items):
    rows = csv_rows(content(client.get("/export/realisations.csv?progress=completed")))
    assert [row["slug"] for row in rows] == [content_items["tricky"].slug]
    bad = client.get("/export/ressources.csv?licence=gpl")
    assert bad.status_code == 400 and "licence" in bad.json()["errors"]


@pytest.mark.parametrize("kind", ["realisations", "ressources"])
def test_geojson_files_are_valid(client, content_items, kind):
    response = client.get(f"/export/{kind}.geojson")
    assert response["Content-Type"] == "application/geo+json"
    body = json_body(response)
    jsonschema.validate(body, GEOJSON)
    assert body["features"], kind
    for feature in body["features"]:
        geometry = feature["geometry"]
        points = [] if geometry is None else (
            [geometry["coordinates"]] if geometry["type"] == "Point" else geometry["coordinates"]
        )  # fmt: skip
        for lon, lat in points:  # the Pays Basque, longitude first
            assert -2 < lon < 0 and 42.9 < lat < 43.6


def test_the_geojson_check_can_fail():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"type": "FeatureCollection", "features": [{"type": "Feature"}]},
                            GEOJSON)  # fmt: skip


def test_a_ressource_is_placed_at_its_publisher(client, content_items):
    body = json_body(client.get("/export/ressources.geojson"))
    location = content_items["actor"].location
    assert body["features"][0]["geometry"]["coordinates"] == [
        round(location.x, 6),
        round(location.y, 6),
    ]


def test_the_pages_link_the_downloads(client, content_items):
    data = client.get("/fr/donnees/").content.decode()
    for url in ("/export/realisations.csv", "/export/realisations.geojson",
                "/export/ressources.csv", "/export/ressources.geojson"):  # fmt: skip
        assert f'href="{url}"' in data
    listing = client.get("/fr/realisations/?progress=completed&page=1").content.decode()
    assert 'href="/export/realisations.csv?progress=completed"' in listing
    assert 'href="/api/v1/realisations/?progress=completed"' in listing
    assert 'href="/export/ressources.geojson"' in client.get("/eu/ressources/").content.decode()
