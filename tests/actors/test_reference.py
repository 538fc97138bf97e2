import pytest
from django.db import connection

from actors.models import ActorKind, Commune, Language, Public, Service, Theme
from actors.reference import load_reference_data

pytestmark = pytest.mark.django_db


TAXONOMIES = (Theme, ActorKind, Service, Public, Language)


def snapshot():
    communes = Commune.objects.order_by("insee")
    return {
        "communes": list(communes.values_list("insee", "name", "name_eu", "population")),
        **{
            m.__name__: list(m.objects.order_by("slug").values_list("slug", "name"))
            for m in TAXONOMIES
        },
    }


def test_the_158_communes_of_the_capb_are_loaded():
    assert Commune.objects.count() == 158
    bayonne = Commune.objects.get(insee="64102")
    assert (bayonne.name, bayonne.name_eu, bayonne.postcodes) == ("Bayonne", "Baiona", ["64100"])
    assert bayonne.name_eu_source


def test_loading_twice_changes_nothing():
    before = snapshot()
    report = load_reference_data()
    assert (report.communes, report.terms) == (0, 0)
    assert snapshot() == before


def test_loading_again_keeps_what_staff_corrected():
    Theme.objects.filter(slug="low-tech").update(name="Basses technologies")
    Commune.objects.filter(insee="64102").update(name_eu="Baiona (zuzendua)")
    load_reference_data()
    assert Theme.objects.get(slug="low-tech").name == "Basses technologies"
    assert Commune.objects.get(insee="64102").name_eu == "Baiona (zuzendua)"


def test_loading_recreates_a_missing_term():
    Theme.objects.filter(slug="low-tech").delete()
    assert load_reference_data().terms == 1
    assert Theme.objects.filter(slug="low-tech").exists()


def test_every_centroid_lies_inside_its_commune_and_boundaries_are_valid():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM actors_commune "
            "WHERE NOT ST_Contains(boundary, centroid) OR NOT ST_IsValid(boundary)"
        )
        assert cursor.fetchone()[0] == 0


def test_taxonomies_cover_the_themes_citizens_filter_by():
    assert Theme.objects.count() == 10
    assert ActorKind.objects.count() == 7
    assert set(Language.objects.values_list("code", flat=True)) >= {"eu", "fr", "es"}
    for model in TAXONOMIES:
        assert not model.objects.filter(name_eu="").exists(), model
        assert not model.objects.filter(name_es="").exists(), model
