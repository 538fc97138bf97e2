"""The staff importer in the admin: upload, preview (nothing written), confirm."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from actors.models import Actor, ActorStatus
from tests.factories import BAYONNE, at

pytestmark = pytest.mark.django_db

URL = "/admin/opendata/actorimport/"


def upload():
    point = at(BAYONNE)
    body = (
        "slug,name,kind,summary,themes,latitude,longitude\n"
        f"x1,Atelier Admin,association,Un atelier.,inclusion-mediation,{point.y},{point.x}\n"
        "x2,<script>alert(1)</script>,association,Un atelier.,inconnu,,\n"
    )
    return SimpleUploadedFile("liste.csv", body.encode(), content_type="text/csv")


def user(**extra):
    person = get_user_model().objects.create_user(
        username=extra.get("email", "staff@example.org"), password="x" * 16, **extra
    )
    return person


@pytest.fixture
def staff(reference):
    person = user(email="staff@example.org", is_staff=True)
    person.user_permissions.add(Permission.objects.get(codename="add_actor"))
    return person


def test_preview_then_confirm(client, staff, ban):
    client.force_login(staff)
    page = client.get(URL)
    assert page.status_code == 200
    assert "publish" not in page.context["form"].fields  # administrators only
    preview = client.post(URL, {"file": upload(), "publish": "on"})
    assert preview.status_code == 200
    report = preview.context["report"]
    assert report.counts["created"] == 1 and report.counts["rejected"] == 1
    assert not Actor.objects.filter(name="Atelier Admin").exists()
    html = preview.content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    done = client.post(URL, {"token": preview.context["token"]})
    assert done.status_code == 200 and done.context["report"].applied
    actor = Actor.objects.get(name="Atelier Admin")
    # Not a superuser: the "publish" box was not offered and is ignored.
    assert actor.status == ActorStatus.PENDING
    assert actor.source == "import-liste" and actor.source_id == "x1"
    # A token is used once.
    again = client.post(URL, {"token": preview.context["token"]})
    assert again.status_code == 302
    assert Actor.objects.filter(name="Atelier Admin").count() == 1


def test_superusers_may_publish(client, reference, ban):
    admin = user(email="admin@example.org", is_staff=True, is_superuser=True)
    client.force_login(admin)
    preview = client.post(URL, {"file": upload(), "publish": "on"})
    client.post(URL, {"token": preview.context["token"]})
    assert Actor.objects.get(name="Atelier Admin").status == ActorStatus.PUBLISHED


def test_only_staff_with_the_permission(client, reference):
    assert client.get(URL).status_code == 302  # to the admin login
    client.force_login(user(email="plain@example.org", is_staff=True))
    assert client.get(URL).status_code == 403


def test_forms_are_protected_against_csrf(staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    assert client.post(URL, {"file": upload()}).status_code == 403


def test_unreadable_upload_is_a_400(client, staff):
    client.force_login(staff)
    bad = SimpleUploadedFile("x.geojson", b"{not json", content_type="application/json")
    response = client.post(URL, {"file": bad})
    assert response.status_code == 400
    assert "GeoJSON illisible" in response.content.decode()
