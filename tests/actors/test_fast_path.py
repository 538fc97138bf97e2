"""The directory's fast path gives what a straightforward reading gives.

The page reads the list in two steps (the page's ids from a narrow query, then their rows:
actors.listing), the total and the map's bounds from the facets' grouping scan, and each
search's match test once per request. Here every page of the list, each card's distance,
every facet count, the total and the bounds are compared with one plain query of all the
results in their order, counted by hand in Python, for filter combinations, searches in the
three languages (full text, everyday words, typos), near a town and open."""

from datetime import datetime

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actors import opening, wordrank
from actors.facets import FACETS, option_value
from actors.filters import ActorFilterSet
from actors.listing import PageRows
from actors.models import Actor, ActorStatus, Theme
from actors.views import directory
from tests.factories import BAYONNE, MAULEON, ActorFactory, at, commune, kind
from tests.support.moduledb import written_once

# In one test process: the module's rows are written once per process that runs its tests.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("fast-path")]

ANGLET = "64024"
PAGE = 4
# A Thursday, 10:00 in Paris.
THURSDAY_MORNING = datetime(2026, 10, 15, 10, 0, tzinfo=opening.PARIS)

CASES = [
    "",
    "theme=reemploi-reparation&language=euskara",
    "theme=reemploi-reparation&theme=low-tech&kind=association&sort=updated",
    "commune=64102&service=reparation",
    "public=seniors&sort=name",
    "bbox=-1.56,43.45,-1.44,43.53",
    "q=reparation",
    "q=ordenagailua",
    "q=reparación",
    "q=arreglar+móvil",
    "q=atelier&sort=name",
    "q=numerik",
    "q=zzzqqq",
    "near=Bayonne&radius=5",
    "near=Bayonne&radius=50&page=2",
    "q=reparation&near=Bayonne&radius=20",
    "q=atelier&near=Bayonne&radius=20&sort=relevance",
    "near=Bayonne&radius=20&sort=name&theme=reemploi-reparation",
    "open=now",
    "open=sa&near=Bayonne&radius=20",
    "open=th&q=atelier",
    "open=mo",
    "open=fr&kind=association&theme=low-tech",
    # Several facets with a selection: every count comes from one scan of the rows meeting
    # all but one of their conditions.
    "q=reparation&theme=reemploi-reparation&language=euskara",
    "q=numerik&kind=association",
    "theme=low-tech&service=reparation&kind=entreprise-ess&commune=64102",
    "near=Bayonne&radius=20&public=seniors&language=francais&language=euskara",
    # A ranked list's page is read in the counts' scan (actors.listing.PageRequest): other
    # pages, a page past the last and a page that is no number.
    "q=reparation&page=2",
    "q=reparation&page=99",
    "q=reparation&page=abc",
    "q=atelier&theme=reemploi-reparation&language=euskara&page=2",
    "q=numerik&page=2",
    # Text searches read from the actors' narrow copy (actors.searchrows), with every
    # filter it holds, and with one it does not (the actors' table then).
    "q=ordi+lent&kind=association&bbox=-1.56,43.45,-1.44,43.53",
    "q=reparation&commune=64102&public=seniors&service=reparation",
    "q=konponketa&language=euskara&sort=name",
    "q=atelier&updated_since=2020-01-01",
    # Everyday words that few rows hold, read from the copy without vectors: with a facet
    # selected, with a phrase, and with a word nobody holds (its other words held, no match).
    "q=ordi+lent&theme=reemploi-reparation",
    'q="atelier konpon"+reparation',
    "q=ordi+lent+zzzqqq&page=2",
]

TEXTS = [
    ("Atelier Konpon", "Réparation d'ordinateurs et de téléphones.", ["reparation"]),
    ("Atelier Konpon", "Ordenagailuen konponketa.", ["reparation"]),
    ("Atelier", "Reparación de móviles y ordenadores.", []),
    ("Clic Solidaire", "Ateliers pour apprendre le numérique.", ["initiation-numerique"]),
    ("Xiberoa Numérique", "Numérique solidaire en Soule.", []),
    ("Accessi Web", "Audit RGAA de sites web.", ["accompagnement-demarches"]),
]
THEMES = [["reemploi-reparation", "low-tech"], ["inclusion-mediation"], ["reemploi-reparation"]]
LANGUAGES = [["euskara", "francais"], ["francais"], ["euskara"], []]
HOURS = ["Mo-Fr 09:00-12:00", "Sa 10:00-12:00", "", "Th 09:00-18:00"]
PLACES = [(BAYONNE, 0.0, 0.0), (BAYONNE, 0.01, 0.0), (ANGLET, 0.0, 0.0), (MAULEON, 0.0, 0.0)]


@pytest.fixture(scope="module")
def world_rows(django_db_setup, django_db_blocker):
    """The actors, written once for the module's tests: each is slow to write (validated,
    indexed, historised)."""
    with written_once(django_db_blocker):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(timezone, "now", lambda: THURSDAY_MORNING)
            actors = build_world()
        yield actors


@pytest.fixture
def world(world_rows, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: THURSDAY_MORNING)
    monkeypatch.setattr(directory, "PAGE_SIZE", PAGE)
    return world_rows


def build_world():
    actors = []
    for i in range(26):
        name, summary, services = TEXTS[i % len(TEXTS)]
        insee, dx, dy = PLACES[i % len(PLACES)]
        actors.append(
            ActorFactory(
                # Same names at the same places: the order's tie-breaks are compared too.
                name=name, summary=summary, services=services,
                commune=commune(insee), location=at(insee, dx, dy),
                themes=THEMES[i % len(THEMES)], languages=LANGUAGES[i % len(LANGUAGES)],
                publics=["seniors"] if i % 5 == 0 else [],
                kind=kind("association" if i % 2 else "entreprise-ess"),
                opening_hours=HOURS[i % len(HOURS)],
            )
        )  # fmt: skip
    ActorFactory(name="Atelier Konpon caché", draft=True, services=["reparation"])
    return actors


def reference(query):
    """All the results in one plain query, in the directory's order, and their facet
    counts, total and bounds counted in Python."""
    filterset = ActorFilterSet(QueryDict(query), queryset=Actor.objects.published())
    assert filterset.is_valid(), filterset.form.errors
    results = list(filterset.sorted(filterset.qs))
    data = filterset.form.cleaned_data
    counts = {}
    for name, (_model, column, is_array) in FACETS.items():
        own = data.get(name)
        rows = filterset.filter_queryset(filterset.queryset, skip=name) if own else results
        tally = {}
        for actor in rows:
            for value in getattr(actor, column) if is_array else [getattr(actor, column)]:
                tally[value] = tally.get(value, 0) + 1
        counts[name] = tally
    bounds = ""
    if results:
        box = (
            min(a.lon for a in results), min(a.lat for a in results),
            max(a.lon for a in results), max(a.lat for a in results),
        )  # fmt: skip
        bounds = ",".join(f"{n:.5f}" for n in box)
    return results, counts, bounds


@pytest.mark.parametrize("query", CASES)
def test_the_page_matches_the_plain_query(client, world, query):
    results, counts, bounds = reference(query)
    response = client.get(f"/fr/?{query}&tout=commune")
    assert response.status_code == 200
    context = response.context
    assert context["total"] == len(results)
    assert context["map_bounds"] == bounds

    number = context["page_obj"].number if results else 1
    expected = results[(number - 1) * PAGE : number * PAGE]
    shown = context["actors"]
    assert [a.pk for a in shown] == [a.pk for a in expected]
    assert [getattr(a, "distance_km", None) for a in shown] == [
        getattr(a, "distance_km", None) for a in expected
    ]

    assert_same_counts(context["facets"], counts)


def assert_same_counts(facets, counts):
    for facet in facets:
        if facet.hidden:
            continue
        model = FACETS[facet.name][0]
        pks = {option_value(obj): obj.pk for obj in model.objects.all()}
        got = {pks[o.value]: o.count for o in facet.options if o.count}
        assert got == counts[facet.name], facet.name


def test_a_term_beyond_the_masks_bits_is_counted_from_its_array(client, world):
    """Facets group id arrays by their bigint masks and filters test their bits; an id past
    62 has no bit (the mask's sign bit says so), its rows are counted and filtered from the
    array itself, their other terms still from their bits."""
    far = Theme.objects.create(pk=70, slug="au-dela", name="Au-delà", position=99)
    for actor in world[:9]:
        actor.themes.add(far)
    assert Actor.objects.filter(theme_mask__lt=0).count() == 9
    beyond = ("", "theme=au-dela", "theme=au-dela&theme=low-tech&language=euskara")
    for query in (*beyond, "theme=low-tech", "q=reparation&theme=low-tech&theme=au-dela"):
        results, counts, _bounds = reference(query)
        response = client.get(f"/fr/?{query}")
        assert response.context["total"] == len(results)
        themes = next(f for f in response.context["facets"] if f.name == "theme")
        got = {Theme.objects.get(slug=o.value).pk: o.count for o in themes.options if o.count}
        assert got == counts["theme"]
        if query in beyond:
            assert got.get(far.pk)
        if not query:
            assert got[far.pk] == 9


def test_the_cases_cover_several_pages_and_every_kind_of_order(world):
    """The comparison above would prove little on empty or one-page lists."""
    sizes = {query: len(reference(query)[0]) for query in CASES}
    assert sizes["near=Bayonne&radius=50&page=2"] > 2 * PAGE
    assert sizes["q=reparation"] > PAGE
    assert sizes["q=zzzqqq"] == 0
    assert all(sizes[q] for q in ("q=ordenagailua", "q=reparación", "q=numerik"))
    opened = ("open=now", "open=sa&near=Bayonne&radius=20", "open=th&q=atelier")
    assert all(sizes[q] for q in opened)


def shown_ids(client, query):
    return [a.pk for a in client.get(f"/fr/?{query}").context["actors"]]


def test_a_cached_page_is_the_plain_query_s_until_the_data_changes(client, world):
    """The page's ids are cached (actors.listing): the next request ranks nothing, and a
    change to an actor gives the new order at once."""
    query = "q=reparation"
    first = shown_ids(client, query)
    assert first == [a.pk for a in reference(query)[0][:PAGE]]
    with CaptureQueriesContext(connection) as queries:
        assert shown_ids(client, query) == first
    assert not [q for q in queries if "ts_rank" in q["sql"]]

    actor = Actor.objects.get(pk=first[0])
    actor.status = ActorStatus.DRAFT
    actor.save()
    after = shown_ids(client, query)
    assert first[0] not in after
    assert after == [a.pk for a in reference(query)[0][:PAGE]]


def test_a_ranked_page_is_read_in_the_counts_scan(client, world, monkeypatch):
    """One read of a search's matches: the rank is computed in the facet counts' scan only,
    when many rows hold the words (here: all, when none may be few)."""
    monkeypatch.setattr(wordrank, "FEW", 0)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/fr/?q=reparation&page=2").status_code == 200
    ranking = [q["sql"] for q in queries if "ts_rank" in q["sql"]]
    assert len(ranking) == 1
    assert "GROUPING SETS" in ranking[0]
    assert 'FROM "actors_search"' in ranking[0]


def test_words_few_rows_hold_are_ranked_in_those_rows_alone(client, world):
    """Everyday words that few rows hold: their rows ranked by id, once, and the matches
    read and counted in the copy without the vectors (actors_search_lean)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/fr/?q=reparation&page=2").status_code == 200
    ranking = [q["sql"] for q in queries if "ts_rank" in q["sql"]]
    assert len(ranking) == 1
    assert "FROM actors_search WHERE id = ANY(" in ranking[0]
    counts = [q["sql"] for q in queries if "GROUPING SETS" in q["sql"]]
    assert len(counts) == 1
    assert 'FROM "actors_search_lean"' in counts[0]


def grouped_by(queries):
    """The grouping sets of each facet counts' scan among `queries`."""
    return [q["sql"].rsplit("GROUPING SETS ", 1)[1] for q in queries if "GROUPING SETS" in q["sql"]]


def test_a_selected_facet_s_options_come_from_the_query_without_it(client, world):
    """With one or two selections, a selected facet's options are counted as the query
    without its selection counts them: read from that query's counts when a visitor saw it,
    else counted once for every query adding a selection to it."""
    language = "language=euskara"
    client.get(f"/fr/?{language}")
    scans = []
    for theme in ("reemploi-reparation", "low-tech"):
        query = f"theme={theme}&{language}"
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/fr/?{query}&tout=commune")
        scans.append(grouped_by(queries))
        _results, counts, bounds = reference(query)
        assert_same_counts(response.context["facets"], counts)
        assert response.context["map_bounds"] == bounds
    # The themes' options: the counts of the query seen first; the languages' counted over
    # each theme's rows; the other facets, the total and the bounds over the results.
    assert scans == 2 * [
        ["((service_mask), (public_mask), (kind_id), (commune_id), ())", "((language_mask))"]
    ]

    # Unseen, the options of a selection are counted once for the queries that share them.
    kinds = ("theme=low-tech&kind=association", "theme=low-tech&kind=entreprise-ess")
    with CaptureQueriesContext(connection) as queries:
        pages = [client.get(f"/fr/?{query}&tout=commune") for query in kinds]
    for query, page in zip(kinds, pages, strict=True):
        assert_same_counts(page.context["facets"], reference(query)[1])
    assert grouped_by(queries) == [
        "((service_mask), (public_mask), (language_mask), (commune_id), ())",
        "((theme_mask))",
        "((kind_id))",
        "((service_mask), (public_mask), (language_mask), (commune_id), ())",
        "((theme_mask))",  # the kinds' options over theme=low-tech: counted already
    ]


@pytest.mark.parametrize("total", [1, 26, 10_000, 100_000_000])
@pytest.mark.parametrize("start", [0, PAGE, 2 * PAGE])
def test_the_nearest_page_read_within_a_smaller_radius_is_the_plain_query_s(world, total, start):
    """PageRows.nearest reads the page within a radius guessed from the number of results
    (`total`, wrong on purpose here): too small or too large, the page is the same."""
    query = "near=Bayonne&radius=50"
    results = reference(query)[0]
    filterset = ActorFilterSet(QueryDict(query), queryset=Actor.objects.published())
    assert filterset.is_valid()
    rows = PageRows(filterset.sorted(filterset.qs), filterset.place, nearest=(50, total))
    window = slice(start, min(start + PAGE, len(results)))
    assert rows.page_ids(window) == [a.pk for a in results[window]]
