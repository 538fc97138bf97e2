"""The maps that draw Leaflet's own markers (the agenda, the profile form's location), as
production serves their images: collected with hashed names, which Leaflet cannot guess."""

import pytest

from events.demo import load_demo_events
from tests.support.gunicorn import start_gunicorn
from tests.support.pageweight import launch
from tests.support.weightbudget import SERVER_ENV

# In one process with the other production tests: the static files collected once.
pytestmark = pytest.mark.xdist_group("production-static")


def test_the_agendas_markers_are_drawn_with_their_images(static_root, playwright, demo_content_tx):
    # Committed: the server reads the events from its own connections.
    demo_content_tx(load_demo_events)
    env = {**SERVER_ENV, "STATIC_ROOT": str(static_root)}
    with start_gunicorn(workers=1, env=env) as server:
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport={"width": 360, "height": 800})
            failed = []

            def record(response):
                if response.status >= 400:
                    failed.append(response.url)

            page.on("response", record)
            page.goto(server.url + "/fr/agenda/")
            markers = page.locator("#agenda-map img.leaflet-marker-icon")
            markers.first.wait_for(state="attached")
            # Loaded or failed: a missing image ends in `complete` too, with no width.
            page.wait_for_function(
                "() => document.querySelector('#agenda-map img.leaflet-marker-icon').complete"
            )
            loaded = markers.first.evaluate("image => image.complete && image.naturalWidth > 0")
            src = markers.first.get_attribute("src")
        finally:
            browser.close()
    assert failed == []
    assert loaded, src
    assert "/static/vendor/leaflet/images/marker-icon." in src
