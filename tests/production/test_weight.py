"""The weight budget of issue #11 measured as users get it: the production stack (gunicorn,
production settings, collected static files compressed by whitenoise, gzipped HTML), a real
Chromium with an empty cache, the demo data; EcoIndex from DOM elements, requests and bytes."""

import pytest

from expertise.demo import load_demo_expertise
from tests.support import weightbudget

# In one process with the smoke tests (test_smoke.py): the static files collected once.
# django_db although the tests only read the module's figures: pytest-django creates the test
# database only for a run that has tests asking for it, and this file may run alone.
pytestmark = [pytest.mark.xdist_group("production-static"), pytest.mark.django_db]


@pytest.fixture(scope="module")
def figures(static_root, playwright, committed_demo):
    """Measured once for the module's tests, which only read the figures: a production server
    and eight pages in Chromium, some 15 s each time. The demo data is committed for the
    measurement and emptied after it. Playwright is started first: started after the set-up
    had opened its database connection, it left that connection orphaned (the code after it
    got a new one), and the test database could not be dropped at the end."""
    with committed_demo():
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
