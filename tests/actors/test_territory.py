import json

import pytest
from django.contrib.gis.geos import GEOSGeometry
from django.core.management import CommandError, call_command

from actors import territory
from actors.management.commands import build_territory_outline
from actors.models import Commune
from tests.factories import BAYONNE, MAULEON, commune

pytestmark = pytest.mark.django_db


def test_the_outline_holds_every_commune_in_a_few_kilobytes(reference):
    text = territory.outline_geojson()
    assert len(text.encode()) < 12_000
    outline = GEOSGeometry(json.dumps(json.loads(text)["geometry"]), srid=4326)
    assert outline.geom_type in {"Polygon", "MultiPolygon"}
    for insee in (BAYONNE, MAULEON):
        assert outline.contains(commune(insee).centroid)
    # Simplified, yet within about the tolerance of the real territory.
    union = Commune.objects.all()[0].boundary
    for c in Commune.objects.all()[1:]:
        union = union.union(c.boundary)
    assert abs(outline.area - union.area) / union.area < 0.01


def test_the_served_outline_is_the_one_the_communes_give(reference):
    """static/geo/territory.geojson is rebuilt with `build_territory_outline` when the
    communes change; this catches a forgotten rebuild."""
    assert territory.OUTLINE_PATH.read_text(encoding="utf-8") == territory.outline_geojson()


def test_the_command_writes_the_outline_and_refuses_without_communes(
    reference, tmp_path, monkeypatch
):
    monkeypatch.setattr(territory, "OUTLINE_PATH", tmp_path / "geo" / "outline.geojson")
    monkeypatch.setattr(build_territory_outline, "OUTLINE_PATH", territory.OUTLINE_PATH)
    call_command("build_territory_outline")
    assert territory.OUTLINE_PATH.read_text(encoding="utf-8") == territory.outline_geojson()
    Commune.objects.all().delete()
    with pytest.raises(CommandError, match="load_reference"):
        call_command("build_territory_outline")
