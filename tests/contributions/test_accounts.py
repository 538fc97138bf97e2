import json
import re

import pytest
from django.contrib.auth import get_user_model

from actors.models import Actor
from contributions import profile
from contributions.models import ChangeRequest, Membership, RequestStatus
from moderation import workflow
from tests.contributions.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_export_holds_my_account_memberships_and_requests(client, actor, people):
    workflow.propose_change(
        actor, people["editor"], {**profile.snapshot(actor), "name": "X"}, actor.updated_at
    )
    client.force_login(people["editor"])
    response = client.get("/fr/mon-espace/mes-donnees.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == "editrice@example.org"
    assert data["memberships"][0]["slug"] == actor.slug
    assert data["change_requests"][0]["proposed"]["name"] == "X"


def test_deleting_my_account_keeps_the_organisation(client, actor, people):
    cr = workflow.propose_change(actor, people["editor"], profile.snapshot(actor), actor.updated_at)
    client.force_login(people["editor"])
    response = client.post("/fr/mon-espace/supprimer/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(email="editrice@example.org").exists()
    assert Actor.objects.filter(pk=actor.pk).exists()
    cr.refresh_from_db()
    assert cr.author is None and cr.status == RequestStatus.WITHDRAWN
    assert "_auth_user_id" not in client.session


def test_deleting_needs_the_password(client, actor, people):
    client.force_login(people["editor"])
    response = client.post("/fr/mon-espace/supprimer/", {"password": "pas le bon"})
    assert response.status_code == 400
    assert get_user_model().objects.filter(email="editrice@example.org").exists()


def test_the_only_owner_of_an_actor_with_editors_hands_over_first(client, actor, people):
    client.force_login(people["owner"])
    response = client.post("/fr/mon-espace/supprimer/", {"password": PASSWORD})
    assert response.status_code == 400
    assert Membership.objects.filter(user=people["owner"]).exists()


def test_the_only_member_may_leave_the_actor_unclaimed(client, actor, people):
    Membership.objects.filter(user=people["editor"]).delete()
    client.force_login(people["owner"])
    assert client.post("/fr/mon-espace/supprimer/", {"password": PASSWORD}).status_code == 302
    assert not Membership.objects.filter(actor=actor).exists()
    assert Actor.objects.published().filter(pk=actor.pk).exists()


def test_open_requests_of_others_are_not_touched(client, actor, people):
    Membership.objects.filter(user=people["editor"]).delete()
    mine = ChangeRequest.objects.create(
        actor=actor, author=people["other"], kind="change", proposed={}
    )
    client.force_login(people["owner"])
    client.post("/fr/mon-espace/supprimer/", {"password": PASSWORD})
    mine.refresh_from_db()
    assert mine.status == RequestStatus.PENDING


def test_the_password_s_rules_are_announced_with_its_field(client):
    html = client.get("/fr/compte/signup/").content.decode()
    described = re.search(r'name="password1"[^>]*aria-describedby="([^"]+)"', html).group(1)
    # A list inside a paragraph is invalid HTML: the browser would close the paragraph before
    # it and leave the described element empty.
    rules = re.search(rf'<div class="helptext" id="{described}">(.*?)</div>', html, re.S)
    assert rules and "<ul>" in rules.group(1) and "12 caractères" in rules.group(1)
    assert not re.search(r"<p>(?:(?!</p>).)*<ul>", html, re.S)
