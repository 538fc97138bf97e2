"""The admin's events importer in a browser: the form and its refusal of an address that
does not answer, said on its field with what was typed kept, both with 0 axe violations."""

from tests.factories import ActorFactory

from .test_admin_map import as_superuser


def test_the_import_form_and_its_error_are_accessible(visit, live_server):
    actor = ActorFactory(name="Atelier Xiberoa")
    as_superuser(visit, live_server)
    visit.goto("/admin/events/eventimport/")
    page = visit.page
    assert visit.axe_violations() == []
    page.fill("#id_actor", actor.slug)
    page.select_option("#id_format", "ical")
    gone = "http://127.0.0.1:9/agenda.ics"
    page.fill("#id_url", gone)
    page.click("input[type=submit]")
    page.wait_for_selector(".errorlist")
    assert "illisible" in page.inner_text(".errorlist")
    assert page.input_value("#id_url") == gone and page.input_value("#id_actor") == actor.slug
    assert visit.axe_violations() == []
    # The refused form is answered with a 400, which the browser reports; nothing else.
    assert [e for e in visit.errors if "status of 400" not in e] == []


def test_the_requests_lists_are_accessible(visit, live_server):
    """Every admin page underlines its breadcrumbs' links (templates/admin/base_site.html):
    the moderators' lists of requests, not only the importers' pages."""
    as_superuser(visit, live_server)
    for path in (
        "/admin/events/eventrequest/",
        "/admin/expertise/realisationrequest/",
        "/admin/expertise/ressourcerequest/",
    ):
        visit.goto(path)
        assert visit.page.locator(".breadcrumbs a").first.is_visible(), path
        assert visit.axe_violations() == [], path
