"""An invitation link works once: accepted, revoked or replaced, it is dead, and a member
removed later cannot come back with it. Each refusal is a clear message and changes nothing."""

import pytest
from django.core import signing

from contributions import services
from contributions.models import Invitation, Membership, Role
from contributions.services.members import INVITATION_SALT, invitation_token
from tests.contributions.conftest import make_user
from tests.contributions.helpers import fingerprint

pytestmark = pytest.mark.django_db

USED = "déjà été utilisée"
REVOKED = "a été annulée"
INVALID = "pas valide ou a expiré"


@pytest.fixture
def newcomer(people):
    return make_user("nouvelle@example.org")


@pytest.fixture
def link(actor, people):
    invitation = services.invite(actor, people["owner"], "Nouvelle@example.org")
    return f"/fr/invitations/{invitation_token(invitation)}/"


def refused(client, link, message):
    """Opening and accepting the link are both refused with `message`, changing nothing."""
    before = fingerprint()
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 400
        page = response.content.decode()
        assert message in page and "Accepter l'invitation" not in page
    assert fingerprint() == before


def test_a_link_works_once(client, actor, newcomer, link):
    client.force_login(newcomer)
    page = client.get(link)
    assert page.status_code == 200 and "Accepter l'invitation" in page.content.decode()
    response = client.post(link)
    assert response.status_code == 302 and response["Location"].endswith("/modifier/")
    assert Membership.objects.get(actor=actor, user=newcomer).role == Role.EDITOR
    assert Invitation.objects.get().accepted_at is not None
    refused(client, link, USED)


def test_a_removed_member_cannot_come_back_with_the_old_link(client, actor, people, newcomer, link):
    client.force_login(newcomer)
    assert client.post(link).status_code == 302
    services.remove_member(Membership.objects.get(user=newcomer), people["owner"])
    refused(client, link, USED)
    assert not Membership.objects.filter(user=newcomer).exists()


def test_a_revoked_invitation_is_refused(client, actor, people, newcomer, link):
    client.force_login(people["owner"])
    members = client.get(f"/fr/acteurs/{actor.slug}/membres/").content.decode()
    assert "nouvelle@example.org" in members and "Annuler l'invitation" in members
    invitation = Invitation.objects.get()
    response = client.post(f"/fr/acteurs/{actor.slug}/membres/invitations/{invitation.pk}/annuler/")
    assert response.status_code == 302
    assert "nouvelle@example.org" not in client.get(response["Location"]).content.decode()
    client.force_login(newcomer)
    refused(client, link, REVOKED)
    assert not Membership.objects.filter(user=newcomer).exists()


def test_a_new_invitation_to_the_same_address_replaces_the_pending_one(
    client, actor, people, newcomer, link
):
    second = services.invite(actor, people["owner"], "nouvelle@example.org")
    client.force_login(newcomer)
    refused(client, link, REVOKED)
    assert client.post(f"/fr/invitations/{invitation_token(second)}/").status_code == 302


def test_an_invitation_for_another_address_changes_nothing(client, people, link):
    client.force_login(people["other"])
    before = fingerprint()
    response = client.post(link)
    assert response.status_code == 400
    assert "une autre adresse" in response.content.decode()
    assert fingerprint() == before and Invitation.objects.get().accepted_at is None


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        # The unstored links of earlier versions named the actor and the address only.
        signing.dumps({"actor": 1, "email": "nouvelle@example.org"}, salt=INVITATION_SALT),
        signing.dumps({"invitation": "1"}, salt=INVITATION_SALT),
        signing.dumps(["invitation"], salt=INVITATION_SALT),
    ],
    # Signed tokens hold the time: stable ids, so that every test process collects the same.
    ids=["forged", "actor-and-address", "invitation-as-text", "not-a-mapping"],
)
def test_forged_or_unstored_links_are_refused(client, newcomer, link, token):
    client.force_login(newcomer)
    refused(client, f"/fr/invitations/{token}/", INVALID)


def test_only_a_pending_invitation_can_be_revoked(actor, people, newcomer, link):
    invitation = Invitation.objects.get()
    with pytest.raises(services.ContributionError):
        services.revoke_invitation(invitation, people["editor"])
    services.accept_invitation(link.split("/")[-2], newcomer)
    with pytest.raises(services.ContributionError):
        services.revoke_invitation(invitation, people["owner"])
    invitation.refresh_from_db()
    assert invitation.revoked_at is None and invitation.accepted_at is not None


def test_the_accept_page_asks_to_log_in_first(client, link):
    before = fingerprint()
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 302 and "/fr/compte/login/" in response["Location"]
    assert fingerprint() == before


@pytest.mark.parametrize("address", ["Proprio@example.org", "editrice@example.org"])
def test_a_members_address_is_not_invited(client, actor, people, address):
    """An owner inviting themselves or an editor: the form says why, and nothing is sent."""
    client.force_login(people["owner"])
    before = fingerprint()
    response = client.post(f"/fr/acteurs/{actor.slug}/membres/", {"email": address})
    assert response.status_code == 400
    assert "Cette adresse est celle d&#x27;un membre de la fiche." in response.content.decode()
    assert f'value="{address}"' in response.content.decode()
    assert fingerprint() == before and not Invitation.objects.exists()
