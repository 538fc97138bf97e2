import pytest

from actors.models import Actor
from actors.views.directory import PAGE_SIZE


@pytest.mark.parametrize("fixture", ["visit", "visit_without_js"])
def test_home_is_accessible_and_asks_nothing_of_third_parties(request, demo_tx, fixture):
    visit = request.getfixturevalue(fixture)
    response = visit.goto("/fr/")
    assert response.status == 200
    assert visit.page.locator("html").get_attribute("lang") == "fr"
    assert visit.page.locator(".results-list .actor-card").count() == PAGE_SIZE
    assert visit.axe_violations() == []
    assert visit.foreign == []
    assert visit.errors == []


def test_actor_page_is_accessible(visit, demo_tx):
    actor = Actor.objects.published().order_by("name").first()
    assert visit.goto(actor.get_absolute_url()).status == 200
    assert visit.page.locator("h1").inner_text() == actor.name
    assert visit.axe_violations() == []
    assert visit.foreign == []


def test_error_pages_are_accessible(visit):
    assert visit.goto("/fr/acteurs/personne/").status == 404
    assert visit.axe_violations() == []
    # A form's address opened as a page: the site's page, not Django's blank one.
    assert visit.goto("/eu/alertes/thematique/reemploi-reparation/").status == 405
    assert visit.axe_violations() == []


def test_skip_link_moves_focus_to_the_content(visit, demo_tx):
    visit.goto("/fr/plan-du-site/")  # the directory's skip links lead to its results instead
    visit.page.keyboard.press("Tab")
    assert visit.page.evaluate("document.activeElement.className") == "skip-link"
    visit.page.keyboard.press("Enter")
    assert visit.page.evaluate("document.activeElement.id") == "contenu"


def test_home_is_usable_on_a_narrow_phone(browser, live_server, demo_tx):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(live_server.url + "/fr/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
