"""The admin's events importer in a browser: the form and its refusal of an address that
does not answer, said on its field with what was typed kept, both with 0 axe violations."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from tests.factories import ActorFactory


def test_the_import_form_and_its_error_are_accessible(visit, live_server):
    actor = ActorFactory(name="Atelier Xiberoa")
    admin = get_user_model().objects.create_superuser("root-test", "root@example.org", "x" * 16)
    client = Client()
    client.force_login(admin)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    visit.page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
    )
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
