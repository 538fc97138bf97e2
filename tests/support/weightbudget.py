"""The weight budget (issue #11, item 8) and the pages it is measured on, shared by
`manage.py bench_weight` and tests/production/test_weight.py: the production stack
(gunicorn, production settings, whitenoise's compressed static files, gzipped HTML) on the
local blank tile, so that the figures hold no third-party tile bytes."""

from playwright.sync_api import sync_playwright

from actors.models import Actor
from expertise.models import Realisation, Ressource
from tests.support.gunicorn import start_gunicorn
from tests.support.pageweight import launch, measure

HOME_JS_MAX_KB = 150
HOME_JS_MIN_ECOINDEX = 75
HOME_NO_JS_MIN_ECOINDEX = 80
ACTOR_MIN_ECOINDEX = 80
# A réalisation's and a ressource's page (issue #17): grade A too, and light.
EXPERTISE_MAX_KB = 40
EXPERTISE_PAGES = ("realisation", "ressource")
# As `make run` serves, with the tiles of the tests instead of the IGN's.
SERVER_ENV = {
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_COOKIES": "false",
    "SERVE_MEDIA": "true",
    "MAP_TILES_URL": "/static/img/blank-tile.png?{z}/{x}/{y}",
}


def measure_pages(env=None, playwright=None):
    """{(page, javascript): Figures} for the home page, the first actor page and the first
    réalisation and ressource pages (the demo's have every field filled).

    `playwright`: a running sync driver (tests share the session's); started here if None."""
    actor = Actor.objects.published().order_by("name").first()
    pages = {"home": "/fr/", "actor": actor.get_absolute_url()}
    for name, model in zip(EXPERTISE_PAGES, (Realisation, Ressource), strict=True):
        item = model.objects.published().order_by("-is_demo", "slug").first()
        if item is not None:
            pages[name] = item.get_absolute_url()
    server_env = {**SERVER_ENV, **(env or {})}
    with start_gunicorn(workers=2, env=server_env) as server:
        if playwright is None:
            with sync_playwright() as driver:
                return _measure_all(driver, server.url, pages)
        return _measure_all(playwright, server.url, pages)


def _measure_all(playwright, base_url, pages):
    results = {}
    browser = launch(playwright)
    try:
        for name, path in pages.items():
            for javascript in (True, False):
                results[name, javascript] = measure(browser, base_url + path, javascript)
    finally:
        browser.close()
    return results


def over_budget(results):
    """What breaks the budget, in words; empty when all is well."""
    home, home_no_js = results["home", True], results["home", False]
    problems = []
    if home.kb > HOME_JS_MAX_KB:
        problems.append(f"home page with JS: {home.kb:.1f} KB > {HOME_JS_MAX_KB} KB")
    if home.ecoindex < HOME_JS_MIN_ECOINDEX:
        problems.append(f"home page with JS: EcoIndex {home.ecoindex} < {HOME_JS_MIN_ECOINDEX}")
    if home_no_js.ecoindex < HOME_NO_JS_MIN_ECOINDEX:
        problems.append(f"home page without JS: EcoIndex {home_no_js.ecoindex} < 80")
    for javascript in (True, False):
        if results["actor", javascript].grade != "A":
            problems.append(f"actor page: grade {results['actor', javascript].grade}")
        for name in EXPERTISE_PAGES:
            figures = results.get((name, javascript))
            if figures is None:
                problems.append(f"{name} page: none published to measure")
            elif figures.kb > EXPERTISE_MAX_KB or figures.grade != "A":
                problems.append(f"{name} page: {figures.line()}")
    for figures in results.values():
        problems += [f"third-party request: {url}" for url in figures.foreign]
    return problems
