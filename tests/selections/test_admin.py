"""Staff write the selections in the admin, with Django's permissions: anonymous visitors
and members are sent to the login, staff without the permission refused, staff with it (the
"Modérateurs" group has it) and superusers write, an item inline included."""

import pytest
from django.contrib.auth.models import Permission

from selections.models import Selection

pytestmark = pytest.mark.django_db

ADD = "/admin/selections/selection/add/"


def form(contents, **extra):
    data = {
        "title": "Pour débuter", "title_eu": "", "title_es": "", "slug": "pour-debuter",
        "introduction": "", "introduction_eu": "", "introduction_es": "", "published": "on",
        "items-TOTAL_FORMS": "1", "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0", "items-MAX_NUM_FORMS": "1000",
        "items-0-position": "1", "items-0-actor": str(contents["actor"].pk),
        "items-0-realisation": "", "items-0-ressource": "", "items-0-event": "",
        "items-0-note": "Un lieu accueillant", "items-0-note_eu": "", "items-0-note_es": "",
    }  # fmt: skip
    data.update(extra)
    return data


@pytest.fixture
def lanum(people, django_user_model):
    user = django_user_model.objects.create_user("lanum", "lanum@example.org", "x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="selections"))
    return user


@pytest.mark.parametrize(
    ("who", "status"), [("anonymous", 302), ("other", 302), ("editor", 302), ("staff", 403)]
)
def test_who_may_not_write(client, people, contents, who, status):
    if who != "anonymous":
        client.force_login(people[who])
    assert client.get(ADD).status_code == status
    response = client.post(ADD, form(contents))
    assert response.status_code == status
    if status == 302:
        assert "/admin/login/" in response["Location"]
    assert not Selection.objects.exists()


@pytest.mark.parametrize("who", ["lanum", "moderator", "superuser"])
def test_staff_with_the_permission_write(client, people, contents, lanum, admin_user, who):
    client.force_login({"lanum": lanum, "superuser": admin_user}.get(who) or people[who])
    assert client.get(ADD).status_code == 200
    response = client.post(ADD, form(contents))
    assert response.status_code == 302
    selection = Selection.objects.get()
    assert [item.content for item in selection.items.all()] == [contents["actor"]]


def test_an_item_with_two_contents_is_refused_clearly(client, contents, admin_user):
    client.force_login(admin_user)
    response = client.post(ADD, form(contents, **{"items-0-event": str(contents["event"].pk)}))
    assert response.status_code == 200
    assert "exactement un contenu" in response.content.decode()
    assert not Selection.objects.exists()


def test_a_second_featured_selection_is_refused_clearly(client, contents, admin_user):
    Selection.objects.create(slug="une", title="Une", published=True, featured=True)
    client.force_login(admin_user)
    response = client.post(ADD, form(contents, featured="on"))
    assert response.status_code == 200
    assert "déjà à la une" in response.content.decode()
    assert Selection.objects.count() == 1


def test_a_moderator_searches_the_contents_to_add(client, people, contents):
    client.force_login(people["moderator"])
    response = client.get(
        "/admin/autocomplete/",
        {"term": "Repair", "app_label": "selections", "model_name": "selectionitem",
         "field_name": "event"},
    )  # fmt: skip
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Repair café"]
