"""The directory page: filters, facets, search, proximity, bbox, sorting, errors."""

import pytest

from actors.models import Actor
from actors.templatetags.directory_title import near_phrase
from tests.factories import BAYONNE, MAULEON, ActorFactory, at, commune, kind

pytestmark = pytest.mark.django_db

ANGLET = "64024"


@pytest.fixture
def small_world():
    """Five published actors and two hidden ones, with facets easy to count by hand."""
    return {
        "repair": ActorFactory(
            name="Konpon Txoko", commune=commune(BAYONNE), location=at(BAYONNE, 0.002),
            themes=["reemploi-reparation", "low-tech"], services=["reparation"],
            languages=["euskara", "francais"],
        ),
        "mediation": ActorFactory(
            name="Clic Solidaire", commune=commune(BAYONNE), location=at(BAYONNE, -0.003),
            themes=["inclusion-mediation"], services=["initiation-numerique"],
            languages=["francais"], summary="Ateliers pour apprendre le numérique pas à pas.",
        ),
        "anglet": ActorFactory(
            name="Atelier du Vélo et des Octets", commune=commune(ANGLET), location=at(ANGLET),
            themes=["reemploi-reparation"], services=["reparation", "materiel-reconditionne"],
            kind=kind("entreprise-ess"),
        ),
        "mauleon": ActorFactory(
            name="Xiberoa Numérique", commune=commune(MAULEON), location=at(MAULEON),
            themes=["inclusion-mediation", "education-sensibilisation"], languages=["euskara"],
        ),
        "access": ActorFactory(
            name="Accessi Web", commune=commune(BAYONNE), location=at(BAYONNE, 0.004),
            themes=["accessibilite"], summary="Audit RGAA de sites web.",
        ),
        "draft": ActorFactory(name="Brouillon Konpon", draft=True, themes=["reemploi-reparation"]),
        "archived": ActorFactory(
            name="Archive Konpon", archived=True, themes=["reemploi-reparation"]
        ),
    }  # fmt: skip


def facet(response, name):
    for f in response.context["facets"]:
        if f.name == name:
            return {o.value: o.count for o in f.options}
    return {}


def names(response):
    return [a.name for a in response.context["actors"]]


def test_facet_counts_match_a_hand_count(client, small_world):
    response = client.get("/fr/")
    assert response.context["total"] == 5
    assert facet(response, "theme") == {
        "reemploi-reparation": 2, "low-tech": 1, "inclusion-mediation": 2,
        "education-sensibilisation": 1, "accessibilite": 1,
    }  # fmt: skip
    assert facet(response, "service") == {
        "reparation": 2, "initiation-numerique": 1, "materiel-reconditionne": 1,
    }  # fmt: skip
    assert facet(response, "language") == {"euskara": 2, "francais": 2}
    assert facet(response, "commune") == {BAYONNE: 3, ANGLET: 1, MAULEON: 1}
    assert facet(response, "kind") == {"association": 4, "entreprise-ess": 1}


def test_a_facet_selection_narrows_the_others_but_not_itself(client, small_world):
    response = client.get("/fr/?theme=reemploi-reparation")
    assert sorted(names(response)) == ["Atelier du Vélo et des Octets", "Konpon Txoko"]
    # Its own options keep counting the whole set (minus the other filters).
    assert facet(response, "theme")["inclusion-mediation"] == 2
    assert facet(response, "commune") == {BAYONNE: 1, ANGLET: 1}
    assert facet(response, "language") == {"euskara": 1, "francais": 1}


def test_options_of_one_facet_combine_with_or_and_facets_with_and(client, small_world):
    response = client.get("/fr/?theme=accessibilite&theme=low-tech")
    assert sorted(names(response)) == ["Accessi Web", "Konpon Txoko"]
    response = client.get("/fr/?theme=accessibilite&theme=low-tech&language=euskara")
    assert names(response) == ["Konpon Txoko"]
    # A selected option stays visible even at 0, so that it can be unticked.
    assert facet(response, "theme") == {
        "reemploi-reparation": 1, "low-tech": 1, "inclusion-mediation": 1,
        "education-sensibilisation": 1, "accessibilite": 0,
    }  # fmt: skip


def test_options_without_results_are_not_offered(client, small_world):
    response = client.get("/fr/?commune=" + MAULEON)
    html = response.content.decode()
    assert 'value="accessibilite"' not in html
    assert 'value="inclusion-mediation"' in html


def test_active_filters_are_removable_chips(client, small_world):
    response = client.get("/fr/?theme=low-tech&commune=" + BAYONNE)
    html = response.content.decode()
    assert f'href="?commune={BAYONNE}"' in html  # removing low-tech keeps Bayonne
    assert 'href="?theme=low-tech"' in html
    assert "retirer ce filtre" in html


def test_result_count_is_a_heading_announced_by_a_region_the_script_does_not_replace(
    client, small_world
):
    html = client.get("/fr/?theme=low-tech").content.decode()
    assert '<h2 id="results" class="results-count" tabindex="-1">1 acteur trouvé</h2>' in html
    assert '<p id="results-status" class="visually-hidden" role="status"' in html
    fragment = client.get("/fr/?theme=low-tech", headers={"X-Fragment": "results"})
    assert "1 acteur trouvé" in fragment.content.decode()
    assert "results-status" not in fragment.content.decode()


@pytest.mark.parametrize(
    "path, title",
    [
        ("/fr/", "Annuaire"),
        ("/fr/?q=réparation+vélo", "Réparation vélo"),
        ("/fr/?near=Bayonne&radius=50", "Acteurs près de Bayonne"),
        ("/fr/?q=konpon&near=Bayonne&page=1", "Konpon près de Bayonne"),
        ("/eu/?q=konpon&near=Bayonne", "Konpon, Baiona inguruan"),
        ("/es/?q=konpon&near=Bayonne", "Konpon cerca de Bayonne"),
        ("/es/?q=arreglar&near=Bayona", "Arreglar cerca de Bayonne"),
    ],
)
def test_the_title_names_the_search_and_the_place(client, small_world, path, title):
    html = client.get(path).content.decode()
    assert f"<title>{title} — " in html.replace("&#x27;", "'")


def test_the_title_names_the_page_and_elides_in_french(client, small_world):
    for index in range(20):
        ActorFactory(name=f"Acteur {index:02}", commune=commune(BAYONNE), location=at(BAYONNE))
    html = client.get("/fr/?near=Bayonne&page=2").content.decode()
    assert "<title>Acteurs près de Bayonne — page 2 — Néo Num Carto</title>" in html
    assert near_phrase("Réparation", "Anglet") == "Réparation près d'Anglet"
    assert near_phrase("Réparation", "Bayonne") == "Réparation près de Bayonne"


def test_full_text_search_ranks_the_name_first(client, small_world):
    ActorFactory(name="Ordi Pour Tous", summary="Konpon signifie réparer en basque.")
    response = client.get("/fr/?q=konpon")
    # "konpon" (repair) also finds, after the name, the other repairer (actors.lexicon).
    assert names(response) == ["Konpon Txoko", "Atelier du Vélo et des Octets", "Ordi Pour Tous"]


def test_search_ignores_accents_and_finds_theme_names(client, small_world):
    assert "Accessi Web" in names(client.get("/fr/?q=accessibilité"))
    assert "Accessi Web" in names(client.get("/fr/?q=ACCESSIBILITE"))
    assert "Clic Solidaire" in names(client.get("/fr/?q=médiation"))


@pytest.mark.parametrize(
    "typo, expected",
    [("numerik", "Xiberoa Numérique"), ("bayone", "Konpon Txoko"), ("solidair", "Clic Solidaire")],
)
def test_typos_still_find(client, small_world, typo, expected):
    assert expected in names(client.get("/fr/?q=" + typo))


def test_search_finds_nothing_for_gibberish(client, small_world):
    response = client.get("/fr/?q=zzqxwv")
    assert response.status_code == 200 and names(response) == []
    assert "Aucun acteur ne correspond" in response.content.decode()


def test_near_a_commune_sorts_by_distance_within_the_radius(client, small_world, ban):
    response = client.get("/fr/?near=Bayonne&radius=5")
    assert names(response) == [
        "Konpon Txoko", "Clic Solidaire", "Accessi Web", "Atelier du Vélo et des Octets",
    ]  # fmt: skip
    assert "Xiberoa Numérique" not in names(response)
    assert "km" in response.content.decode()
    assert ban.queries == []


@pytest.mark.parametrize("language", ["fr", "eu", "es"])
@pytest.mark.parametrize("place", ["Mauléon-Licharre", "Maule-Lextarre", "maule lextarre"])
def test_near_a_commune_by_either_of_its_names_in_any_language(
    client, small_world, ban, language, place
):
    response = client.get(f"/{language}/?near={place}&radius=2")
    assert names(response) == ["Xiberoa Numérique"]
    assert ban.queries == []


def test_near_a_postcode_or_an_address(client, small_world, ban):
    assert names(client.get("/fr/?near=64130&radius=2")) == ["Xiberoa Numérique"]
    response = client.get("/fr/?near=12 rue Pannecau, Bayonne&radius=2")
    assert "Konpon Txoko" in names(response)
    assert ban.queries == ["12 rue Pannecau, Bayonne"]


def test_near_falls_back_on_the_commune_when_the_geocoder_is_down(client, small_world, ban):
    ban.mode = "down"
    response = client.get("/fr/?near=8 avenue Inconnue, 64130 Mauléon&radius=2")
    assert names(response) == ["Xiberoa Numérique"]


def test_bbox_keeps_what_is_inside(client, small_world):
    mauleon = commune(MAULEON).centroid
    bbox = f"{mauleon.x - 0.01},{mauleon.y - 0.01},{mauleon.x + 0.01},{mauleon.y + 0.01}"
    assert names(client.get("/fr/?bbox=" + bbox)) == ["Xiberoa Numérique"]


def test_sorting(client, small_world):
    Actor.objects.filter(pk=small_world["access"].pk).update(updated_at="2030-01-01T00:00Z")
    assert names(client.get("/fr/?sort=updated"))[0] == "Accessi Web"
    assert names(client.get("/fr/?sort=name"))[0] == "Accessi Web"
    assert names(client.get("/fr/"))[-1] == "Xiberoa Numérique"


@pytest.mark.parametrize(
    "query, field",
    [
        ("theme=nope", "theme"),
        ("commune=99999", "commune"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=3,2,1,4", "bbox"),
        ("bbox=nan,nan,nan,nan", "bbox"),
        ("bbox=-1,43,1e999,44", "bbox"),
        ("radius=7", "radius"),
        ("sort=random", "sort"),
        ("near=Atlantis%20sous%20la%20mer", "near"),
        ("q=" + "a" * 201, "q"),
        ("q=%00", "q"),
    ],
)
def test_bad_parameters_get_a_clear_400(client, small_world, ban, query, field):
    response = client.get("/fr/?" + query)
    assert response.status_code == 400
    assert field in response.context["filterset"].form.errors
    assert "Certains critères ne sont pas valides" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "page=abc", "page=-1", "page=99999", "q=%27%3B%20DROP%20TABLE%20actors_actor%3B--",
        "q=%26%7C%21%3A%2A%28%29", "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "theme=",
        "commune=%27", "theme[]=x", "radius=", "near=%20", "q=a%20b", "bbox=", "page=1e10",
    ],
)  # fmt: skip
def test_hostile_query_strings_never_fail(client, small_world, ban, query):
    response = client.get("/fr/?" + query)
    assert response.status_code in (200, 400)
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_hidden_actors_appear_nowhere(client, small_world):
    response = client.get("/fr/?q=konpon")
    assert names(response) == ["Konpon Txoko", "Atelier du Vélo et des Octets"]
    html = client.get("/fr/").content.decode()
    assert "Brouillon" not in html and "Archive" not in html
    assert facet(client.get("/fr/"), "theme")["reemploi-reparation"] == 2


def test_a_long_facet_shows_its_selected_and_most_frequent_options(client, small_world):
    from actors.models import Commune

    # Seven more communes: 3 actors in the first, 2 in the second, 1 in each of the others.
    extra = list(Commune.objects.exclude(insee__in=[BAYONNE, ANGLET, MAULEON])[:7])
    for index, place in enumerate(extra):
        for _ in range({0: 3, 1: 2}.get(index, 1)):
            ActorFactory(commune=place, location=at(place.insee))

    def communes(url):
        response = client.get(url)
        shown = next(f for f in response.context["facets"] if f.name == "commune")
        return [(o.value, o.count, o.selected) for o in shown.options], shown.hidden

    every, hidden = communes("/fr/?tout=commune")
    assert hidden == 0 and len(every) == 10
    by_label = [value for value, _count, _selected in every]  # the options' order
    # The five most frequent (ties in the options' order), then shown in that order.
    counts = {value: count for value, count, _selected in every}
    ranked = sorted(by_label, key=lambda value: -counts[value])[:5]
    shown, hidden = communes("/fr/")
    assert [value for value, _count, _selected in shown] == [v for v in by_label if v in ranked]
    assert hidden == 5
    assert {BAYONNE, extra[0].insee, extra[1].insee} <= {value for value, _c, _s in shown}
    # A selected commune with a single actor comes first in the choice of five.
    rare = extra[-1].insee
    assert rare not in {value for value, _c, _s in shown}
    shown, hidden = communes(f"/fr/?commune={rare}")
    assert (rare, 1, True) in shown
    assert len(shown) == 5 and hidden == 5
    assert [value for value, _c, _s in shown] == [v for v in by_label if v in ranked[:4] + [rare]]
    html = client.get("/fr/").content.decode()
    assert "Afficher tous les choix (10)" in html


def test_the_page_runs_a_bounded_number_of_queries(client, small_world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.snapshots.sql import page_queries

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/fr/?theme=low-tech&language=euskara").status_code == 200
        return len(page_queries(queries.captured_queries))

    few = count()
    for n in range(25):
        ActorFactory(name=f"Extra {n}", themes=["low-tech"], languages=["euskara"])
    # No query per result: the same number for 1 result as for 20 (themes and services of
    # the page's cards are one query each; the map's legend reads the themes once; the map's
    # frame is one aggregate, which saves the browser a request).
    assert count() == few <= 17


def test_the_fragment_is_the_dynamic_part_only(client, small_world):
    response = client.get("/fr/?theme=low-tech", headers={"X-Fragment": "results"})
    html = response.content.decode()
    assert "Konpon Txoko" in html and "<html" not in html
    assert "X-Fragment" in response["Vary"]


def test_cached_counts_follow_every_change_at_once(client, small_world):
    assert client.get("/fr/").context["total"] == 5
    assert client.get("/fr/").context["total"] == 5  # answered from the cache
    ActorFactory(name="Nouveau", themes=["low-tech"])
    response = client.get("/fr/")
    assert response.context["total"] == 6
    assert facet(response, "theme")["low-tech"] == 2
    small_world["access"].status = "archived"
    small_world["access"].save()
    assert client.get("/fr/").context["total"] == 5
