"""The weight budget of issue #11 measured as users get it: the production stack (gunicorn,
production settings, collected static files compressed by whitenoise, gzipped HTML), a real
Chromium with an empty cache, the demo data; EcoIndex from DOM elements, requests and bytes."""

import pytest

from expertise.demo import load_demo_expertise
from tests.support import weightbudget

# In one process with the smoke tests (test_smoke.py): the static files collected once.
pytestmark = pytest.mark.xdist_group("production-static")


@pytest.fixture
def figures(demo_tx, static_root, playwright):
    # Function-scoped: the demo data is written to the test database (and emptied after).
    load_demo_expertise()
    results = weightbudget.measure_pages({"STATIC_ROOT": str(static_root)}, playwright)
    for result in results.values():
        print(result.line())
    return results


def test_home_under_150_kb_actor_page_grade_a_and_nothing_from_elsewhere(figures):
    home = figures["home", True]
    assert home.requests > 3  # the page, its styles and scripts, the map's data: all counted
    assert home.kb <= weightbudget.HOME_JS_MAX_KB, sorted(home.by_url.items(), key=lambda i: -i[1])
    assert figures["actor", True].grade == "A", figures["actor", True].line()
    assert figures["actor", False].grade == "A", figures["actor", False].line()
    assert [url for f in figures.values() for url in f.foreign] == []


def test_the_home_page_ecoindex_without_javascript(figures):
    assert figures["home", False].ecoindex >= weightbudget.HOME_NO_JS_MIN_ECOINDEX


def test_the_home_page_ecoindex_with_javascript(figures):
    assert figures["home", True].ecoindex >= weightbudget.HOME_JS_MIN_ECOINDEX, figures[
        "home", True
    ].line()


def test_a_realisation_and_a_ressource_page_under_40_kb_grade_a(figures):
    for page in weightbudget.EXPERTISE_PAGES:
        for javascript in (True, False):
            result = figures[page, javascript]
            assert "/realisations/" in result.url or "/ressources/" in result.url
            assert result.kb <= weightbudget.EXPERTISE_MAX_KB, result.line()
            assert result.grade == "A", result.line()
            assert result.dom > 20  # the page itself was measured, not an error
