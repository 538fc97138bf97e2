"""The réalisations' and ressources' pages in a real browser, on a phone and a laptop,
with and without JavaScript: no script error, nothing scrolling sideways, no axe violation,
and the filters work as a plain form."""

import pytest
from playwright.sync_api import expect

from expertise.demo import load_demo_expertise
from expertise.models import Realisation, Ressource
from tests.browser.conftest import no_sideways_scroll, route_media
from tests.expertise.media import with_image


@pytest.mark.parametrize("size", ["phone", "laptop"])
def test_lists_and_a_page_read_well_at_each_size(tab, demo_content_tx, size):
    demo_content_tx(load_demo_expertise)
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


@pytest.mark.parametrize("size", ["phone", "laptop"])
def test_a_realisation_with_four_images_reads_well(tab, demo_content_tx, size):
    demo_content_tx(load_demo_expertise)
    realisation = Realisation.objects.published().order_by("slug").first()
    shapes = [(800, 200), (300, 800), (800, 600), (40, 30)]
    for slot, shape in enumerate(shapes, 1):
        with_image(realisation, slot, size=shape, alt=f"Photo {slot} de l'atelier")
    route_media(tab.page)
    assert tab.goto(realisation.get_absolute_url()).status == 200
    page = tab.page
    images = page.locator(".gallery img")
    expect(images).to_have_count(4)
    # Lazy: they load once scrolled to.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    # A function, not an expression: Playwright evaluates an expression with eval() in the
    # page, which its CSP refuses once the condition has to be polled.
    page.wait_for_function(
        "() => [...document.querySelectorAll('.gallery img')]"
        ".every(i => i.complete && i.naturalWidth)"
    )
    width = page.evaluate("window.innerWidth")
    for index in range(4):
        box = images.nth(index).bounding_box()
        assert 0 < box["width"] <= width
        natural = images.nth(index).evaluate("i => [i.naturalWidth, i.naturalHeight]")
        # Never stretched: the size set in the page is the image's own.
        assert box["width"] <= natural[0]
        assert abs(box["width"] / box["height"] - natural[0] / natural[1]) < 0.05
    assert no_sideways_scroll(page)
    assert tab.axe_violations() == []
    assert tab.errors == []
