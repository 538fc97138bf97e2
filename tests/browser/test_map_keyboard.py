"""The directory's map with a keyboard and a screen reader, on a phone and a laptop: one tab
stop, clusters and popups opened with Enter and Space, Escape back to the marker, markers big
enough to touch and apart from each other, the territory's outline, no axe violation."""

import pytest
from django.core.cache import cache

from actors import mapdata
from tests.browser.conftest import SIZES, Visit

FOCUSED_MARKER = "document.activeElement.matches('#map .map-marker')"
TILE_ZOOM = """() => Math.max(...[...document.querySelectorAll('#map .leaflet-tile-loaded')]
    .map(img => Number(new URL(img.src).search.slice(1).split('/')[0])))"""


@pytest.fixture(params=list(SIZES))
def sized(request, browser, live_server, demo_tx):
    width, height = SIZES[request.param]
    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": height})
    visit = Visit(context.new_page(), live_server.url)
    yield visit
    context.close()


@pytest.fixture
def clustered(monkeypatch):
    """Few enough points allowed that the demo data is drawn as clusters."""
    monkeypatch.setattr(mapdata, "MAX_POINTS", 10)
    cache.clear()


def open_map(visit, path="/fr/"):
    visit.goto(path)
    switch = visit.page.locator("#view-switch")
    if switch.is_visible():  # phones show the list first: the switch shows the map
        switch.click()
    visit.page.wait_for_selector("#map .map-marker")
    visit.page.wait_for_selector("#map path.territory-outline")
    return visit.page


IN_MAP = "document.getElementById('map').contains(document.activeElement)"


def single_markers(page):
    """On a phone the demo actors of the whole territory are near enough on screen to be
    grouped: opens clusters, as a keyboard user would, until single actors' markers show."""
    for _ in range(5):
        points = page.locator("#map .marker-point")
        if points.count():
            return points
        cluster = page.locator("#map .marker-cluster").first
        cluster.focus()
        handle = cluster.element_handle()
        page.keyboard.press("Enter")
        page.wait_for_function(f"el => !el.isConnected && {FOCUSED_MARKER}", arg=handle)
    raise AssertionError("no single actor's marker after opening five clusters")


def enter_map_from_after(page):
    """Shift+Tab from the first element after the map: the map's single stop."""
    page.locator("#map-credit a, #search-area").first.focus()
    page.keyboard.press("Shift+Tab")


def test_the_map_is_one_tab_stop(sized):
    page = open_map(sized)
    assert page.locator('#map [tabindex="0"]').count() == 1
    assert page.locator("#map .map-marker").count() > 1
    enter_map_from_after(page)
    assert page.evaluate(FOCUSED_MARKER)
    # Out with the next Tab, either way; in again with one.
    page.keyboard.press("Tab")
    assert not page.evaluate(IN_MAP)
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(FOCUSED_MARKER)
    page.keyboard.press("Shift+Tab")
    assert not page.evaluate(IN_MAP)
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_MARKER)
    assert sized.errors == [] and sized.foreign == []


def test_arrow_keys_move_between_markers_and_keep_one_tab_stop(sized):
    page = open_map(sized)
    enter_map_from_after(page)
    start = page.evaluate("document.activeElement.getAttribute('aria-label')")
    visited = {start}
    for key in ["ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp"] * 2:
        page.keyboard.press(key)
        assert page.evaluate(FOCUSED_MARKER)
        visited.add(page.evaluate("document.activeElement.getAttribute('aria-label')"))
    assert len(visited) > 1
    assert page.locator('#map [tabindex="0"]').count() == 1
    assert page.evaluate("document.activeElement.tabIndex") == 0


@pytest.mark.parametrize("key", ["Enter", " "])
def test_a_cluster_opens_with_enter_and_space(sized, clustered, key):
    page = open_map(sized)
    zoom = page.evaluate(TILE_ZOOM)
    cluster = page.locator("#map .marker-cluster").first
    cluster.focus()
    handle = cluster.element_handle()
    page.keyboard.press(key)
    # Zoomed in, the cluster replaced by what it held, the focus on the nearest of them.
    page.wait_for_function(f"el => !el.isConnected && {FOCUSED_MARKER}", arg=handle)
    page.wait_for_function(f"() => ({TILE_ZOOM})() > {zoom}")
    assert page.locator('#map [tabindex="0"]').count() == 1
    assert sized.axe_violations() == []
    assert sized.errors == []


def test_a_popup_takes_the_focus_and_escape_gives_it_back(sized):
    page = open_map(sized)
    marker = single_markers(page).first
    marker.focus()
    actor_id = marker.get_attribute("data-actor-id")
    page.keyboard.press("Enter")
    link = page.locator(".leaflet-popup-content a")
    page.wait_for_function("() => document.activeElement.matches('.leaflet-popup-content a')")
    assert link.get_attribute("href").startswith("/fr/acteurs/")
    assert page.evaluate(IN_MAP)
    assert sized.axe_violations() == []
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('.leaflet-popup')")
    assert page.evaluate("document.activeElement.dataset.actorId") == actor_id
    assert sized.errors == []


def test_markers_are_touch_targets_that_do_not_hide_each_other(sized, clustered):
    page = open_map(sized)
    boxes = [m.bounding_box() for m in page.locator("#map .map-marker").all()]
    assert boxes
    assert all(b["width"] >= 44 and b["height"] >= 44 for b in boxes)
    centres = [(b["x"] + b["width"] / 2, b["y"] + b["height"] / 2) for b in boxes]
    for i, (x1, y1) in enumerate(centres):
        for x2, y2 in centres[i + 1 :]:
            assert ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 >= 43, (x1, y1, x2, y2)


def test_markers_show_their_theme_and_the_legend_explains_it(sized):
    page = open_map(sized)
    legend = page.locator(".map-legend")
    assert legend.is_visible()
    assert "Réemploi, reconditionnement et réparation" in legend.inner_text()
    points = single_markers(page)
    icons = set(points.locator(".marker-pin").evaluate_all(
        "pins => pins.map(p => p.getAttribute('class').replace('marker-pin', '').trim())"
    ))  # fmt: skip
    legend_icons = set(
        legend.locator("[data-icon]").evaluate_all("l => l.map(i => i.dataset.icon)")
    )
    assert icons and icons <= legend_icons and "theme-other" not in icons, icons
    use = points.locator("use").first.get_attribute("href")
    assert use.split("#")[1] in icons
    label = points.first.get_attribute("aria-label")
    assert label.endswith(")"), label
    assert sized.axe_violations() == []
