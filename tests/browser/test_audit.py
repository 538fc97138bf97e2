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
