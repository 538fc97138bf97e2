import re

import pytest
from django.core import mail

from contributions import services
from contributions.models import Claim, ClaimStatus, Membership, Role
from contributions.services.claims import evidence_token
from moderation import workflow
from tests.contributions.conftest import make_user

pytestmark = pytest.mark.django_db


def test_the_last_owner_cannot_leave_or_be_demoted(actor, people):
    owner = Membership.objects.get(actor=actor, user=people["owner"])
    with pytest.raises(services.ContributionError):
        services.remove_member(owner, people["owner"])
    with pytest.raises(services.ContributionError):
        services.set_role(owner, people["owner"], Role.EDITOR)
    editor = Membership.objects.get(actor=actor, user=people["editor"])
    services.set_role(editor, people["owner"], Role.OWNER)
    services.remove_member(owner, people["owner"])
    assert list(Membership.objects.owners().filter(actor=actor)) == [editor]


def test_editors_do_not_manage_members(actor, people):
    owner = Membership.objects.get(actor=actor, user=people["owner"])
    with pytest.raises(services.ContributionError):
        services.remove_member(owner, people["editor"])
    with pytest.raises(services.ContributionError):
        services.invite(actor, people["editor"], "x@example.org")


def test_an_invitation_makes_its_addressee_an_editor(
    actor, people, django_capture_on_commit_callbacks
):
    services.invite(actor, people["owner"], "nouvelle@example.org")
    token = re.search(r"/fr/invitations/([^/]+)/", mail.outbox[0].body).group(1)
    with pytest.raises(services.ContributionError):
        services.accept_invitation(token, people["other"])
    newcomer = make_user("nouvelle@example.org")
    membership = services.accept_invitation(token, newcomer)
    assert membership.actor == actor and membership.role == Role.EDITOR
    with pytest.raises(services.ContributionError):
        services.accept_invitation(token + "x", newcomer)


def test_a_claim_with_a_verified_domain_address_is_strong_evidence(
    actor, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        claim = services.claim(
            actor, people["other"], "Je préside l'association.",
            evidence_email="presidente@repair.example.org",
        )  # fmt: skip
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["equipe@example.org", "presidente@repair.example.org"]
    assert not claim.has_strong_evidence
    services.verify_claim_email(evidence_token(claim))
    claim.refresh_from_db()
    assert claim.has_strong_evidence
    workflow.approve_claim(claim, people["staff"])
    assert Membership.objects.get(actor=actor, user=people["other"]).role == Role.OWNER


def test_one_pending_claim_per_person_and_none_from_members(actor, people):
    services.claim(actor, people["other"], "Moi.")
    with pytest.raises(services.ContributionError):
        services.claim(actor, people["other"], "Encore moi.")
    with pytest.raises(services.ContributionError):
        services.claim(actor, people["editor"], "Déjà membre.")
    assert Claim.objects.count() == 1


def test_a_rejected_claim_gives_nothing(actor, people):
    claim = services.claim(actor, people["other"], "Moi.")
    workflow.reject_claim(claim, people["staff"])
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.REJECTED
    assert not Membership.objects.filter(user=people["other"]).exists()


def test_a_forged_evidence_token_is_refused(actor, people):
    with pytest.raises(services.ContributionError):
        services.verify_claim_email("forged:token")
