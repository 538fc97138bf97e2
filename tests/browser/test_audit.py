"""The audit the browser tests rely on finds what it is there to find, with JavaScript and
on the scripted copy of a page without it (tests/browser/conftest.py)."""

import pytest

BAD_PAGE = """<!doctype html><html lang="fr"><head><title>Essai</title></head><body><main>
<h1>Essai</h1><img src="/static/img/none.png"><form><input name="q"></form>
</main></body></html>"""


@pytest.mark.parametrize("fixture", ["visit", "visit_without_js"])
def test_the_audit_reports_an_image_without_text_and_an_unlabelled_field(request, fixture):
    visit = request.getfixturevalue(fixture)
    visit.page.route(
        f"{visit.base}/essai/", lambda route: route.fulfill(body=BAD_PAGE, content_type="text/html")
    )
    visit.goto("/essai/")
    found = dict(visit.axe_violations())
    assert {"image-alt", "label"} <= set(found)
    assert found["image-alt"] == [["img"]]
    # Asked again on the same page (axe is then already there), the same answer.
    assert dict(visit.axe_violations()) == found


FOREIGN_PAGE = """<!doctype html><html lang="fr"><head><title>Essai</title>
<link rel="stylesheet" href="/static/css/site.css"></head><body><main><h1>Essai</h1>
<img alt="" src="https://tiles.example.org/1/2/3.png">
<img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<img alt="" src="{other}/x.png"></main></body></html>"""


def test_a_tab_records_and_refuses_what_is_asked_of_another_origin_and_nothing_else(visit):
    # The same host on the next port is another origin.
    host, port = visit.base.rsplit(":", 1)
    other = f"{host}:{int(port) + 1}"
    page = FOREIGN_PAGE.format(other=other)
    visit.page.route(
        f"{visit.base}/essai/", lambda route: route.fulfill(body=page, content_type="text/html")
    )
    with visit.page.expect_response(f"{visit.base}/static/css/site.css") as stylesheet:
        visit.goto("/essai/")
    assert stylesheet.value.ok  # the site's own request went through
    assert sorted(visit.foreign) == [
        f"{other}/x.png",
        "https://tiles.example.org/1/2/3.png",
    ]
