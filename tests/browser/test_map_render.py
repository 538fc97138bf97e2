"""The first map render's measurement (tests/support/maprender.py, `manage.py
bench_map_render`) finds the markers and the milestones it reports; no time is asserted."""

from tests.support.maprender import PAGES, first_render


def test_first_render_is_timed_when_the_markers_are_drawn(browser, live_server, demo_tx):
    for path in PAGES.values():
        render = first_render(browser, live_server.url + path)
        assert 0 < render["html"] <= render["ready"] <= render["markers"], path
        # The markers are drawn from the map data: it arrived before them.
        assert 0 < render["data"] <= render["markers"], path
