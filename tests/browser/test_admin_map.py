"""The admin's map widget (LeafletGeoAdmin) runs under the strict Content-Security-Policy."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from actors.models import Actor


def as_superuser(visit, live_server):
    """The visit's browser logged in as a new superuser (its session cookie set)."""
    admin = get_user_model().objects.create_superuser("root-test", "root@example.org", "x" * 16)
    client = Client()
    client.force_login(admin)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    visit.page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
    )


def test_actor_admin_shows_its_map_without_csp_errors(visit, demo_tx, live_server):
    as_superuser(visit, live_server)
    actor = Actor.objects.published().first()
    visit.goto(f"/admin/actors/actor/{actor.pk}/change/")
    visit.page.wait_for_selector(".leaflet-container .leaflet-marker-icon")
    assert visit.errors == []
    assert visit.foreign == []
