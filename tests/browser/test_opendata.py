"""The open-data pages in a real browser: accessible, with and without JavaScript, asking
nothing of third parties; the embed's map draws the same actors as its list."""

import pytest


@pytest.mark.parametrize("fixture", ["visit", "visit_without_js"])
@pytest.mark.parametrize(
    "path", ["/fr/api/", "/fr/donnees/", "/fr/embed/?theme=inclusion-mediation"]
)
def test_open_data_pages_are_accessible(request, demo_tx, fixture, path):
    visit = request.getfixturevalue(fixture)
    response = visit.goto(path)
    assert response.status == 200
    assert visit.page.locator("h1").count() == 1
    assert visit.axe_violations() == []
    assert visit.foreign == []
    assert visit.errors == []


def test_embed_works_without_javascript_as_a_list(visit_without_js, demo_tx):
    visit_without_js.goto("/fr/embed/?theme=inclusion-mediation")
    assert visit_without_js.page.locator(".embed-list article").count() > 0
    assert visit_without_js.page.locator(".map-panel").is_hidden()


def test_embed_map_shows_the_results_inside_a_frame(browser, live_server, demo_tx):
    """A page frames the embed and the map draws; the directory itself refuses to be framed
    (X-Frame-Options DENY blocks even its own origin, so a page served at the live server's
    origin tells both apart; Chromium keeps other local origins from framing it at all)."""
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    host = f"{live_server.url}/partenaire.html"

    def partner(path):
        return lambda route: route.fulfill(
            content_type="text/html",
            body=f'<!DOCTYPE html><title>Partenaire</title><iframe title="carte" width="800" '
            f'height="700" src="{live_server.url}{path}"></iframe>',
        )

    page.route(host, partner("/fr/embed/?service=reparation"))
    page.goto(host)
    frame = page.frame_locator("iframe")
    frame.locator(".leaflet-marker-icon").first.wait_for()
    assert frame.locator(".embed-list article").count() > 0

    page.unroute(host)
    page.route(host, partner("/fr/"))
    page.goto(host)  # the load event waits for the frame, its error page included
    # Refused: the frame shows the browser's error page instead of the directory.
    assert page.frames[1].url != f"{live_server.url}/fr/"
    context.close()
