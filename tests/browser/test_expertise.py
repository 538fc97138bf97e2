"""The réalisations' and ressources' pages in a real browser, on a phone and a laptop,
with and without JavaScript: no script error, nothing scrolling sideways, no axe violation,
and the filters work as a plain form."""

import pytest
from playwright.sync_api import expect

from expertise.demo import load_demo_expertise
from expertise.models import Realisation, Ressource


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("size", ["phone", "laptop"])
def test_lists_and_a_page_read_well_at_each_size(tab, demo_tx, size):
    load_demo_expertise()
    realisation = Realisation.objects.published().order_by("slug").first()
    ressource = Ressource.objects.published().order_by("slug").first()
    pages = [realisation.get_absolute_url(), "/eu" + ressource.get_absolute_url()[3:]]
    for path in ["/fr/realisations/", "/eu/ressources/", *pages]:
        response = tab.goto(path)
        assert response.status == 200, path
        assert no_sideways_scroll(tab.page), path
        assert tab.axe_violations() == [], path
    page = tab.page
    tab.goto("/fr/realisations/")
    page.get_by_label("État").select_option("in_progress")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_load_state()
    assert "progress=in_progress" in page.url
    expect(page.locator("#results")).to_contain_text("résultat")
    first = page.locator(".results-list h3 a").first
    expect(first).to_be_visible()
    first.click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_be_visible()
    assert "/fr/realisations/demo-realisation-" in page.url
    assert tab.foreign == []
    assert tab.errors == []
