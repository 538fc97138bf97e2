"""The site in Basque and Spanish in a real browser: accessible, and the language switcher
follows the filters chosen without a reload."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from actors.models import Actor


@pytest.mark.parametrize("fixture", ["visit", "visit_without_js"])
@pytest.mark.parametrize("path", ["/eu/", "/eu/?theme=low-tech&near=Baiona", "/es/donnees/"])
def test_pages_in_basque_and_spanish_are_accessible(request, demo_tx, fixture, path):
    visit = request.getfixturevalue(fixture)
    assert visit.goto(path).status == 200
    assert visit.page.locator("html").get_attribute("lang") == path[1:3]
    assert visit.axe_violations() == []
    assert visit.foreign == []


def test_actor_page_in_basque_is_accessible(visit, demo_tx):
    actor = Actor.objects.published().order_by("name").first()
    with translation.override("eu"):
        path = actor.get_absolute_url()
    assert visit.goto(path).status == 200
    assert visit.axe_violations() == []


def test_the_switcher_follows_filters_applied_without_reload(visit, demo_tx):
    visit.goto("/eu/")
    visit.page.evaluate("window.__sameDocument = true")
    visit.page.locator("details.filters > summary").click()  # the filters' panel is closed
    visit.page.locator("#f-theme-low-tech").check()
    visit.page.wait_for_url("**/eu/?theme=low-tech")
    spanish = visit.page.locator(".language-nav a[hreflang=es][data-language-version]")
    expect(spanish).to_have_attribute("href", "/es/?theme=low-tech")
    # The footer's language links follow too.
    footer_spanish = visit.page.locator(".footer-languages a[hreflang=es]")
    expect(footer_spanish).to_have_attribute("href", "/es/?theme=low-tech")
    assert visit.page.evaluate("window.__sameDocument") is True
    visit.page.locator("details.site-menu > summary").click()  # the header's menu is closed
    spanish.click()
    visit.page.wait_for_url("**/es/?theme=low-tech")
    assert visit.page.locator("html").get_attribute("lang") == "es"
    assert visit.page.locator("#f-theme-low-tech").is_checked()
    visit.page.go_back()
    visit.page.wait_for_url("**/eu/?theme=low-tech")
    visit.page.go_back()
    visit.page.wait_for_url("**/eu/")
    expect(visit.page.locator(".language-nav a[hreflang=fr]")).to_have_attribute("href", "/fr/")
    assert visit.errors == []
