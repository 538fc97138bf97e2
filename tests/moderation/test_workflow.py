"""The workflow rules of moderation.workflow: who decides, reasons, field-by-field
approval, stale bases, and the journal and history every decision leaves."""

import pytest
from django.core import mail

from actors.models import Actor, ActorStatus
from contributions.models import ChangeRequest, Membership, RequestStatus, Role
from contributions.services import ContributionError
from moderation import workflow as services
from moderation.models import Action, Decision
from tests.contributions.helpers import fingerprint
from tests.moderation.conftest import propose

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["other", "editor", "owner"])
def test_only_moderators_decide(people, change, role):
    before = fingerprint()
    with pytest.raises(services.ModerationError):
        services.decide_change_request(change, people[role], Action.APPROVE)
    assert fingerprint() == before and Decision.objects.count() == 0


def test_staff_and_group_members_both_decide(people, change, claim):
    services.decide_change_request(change, people["staff"], Action.APPROVE)
    services.decide_claim(claim, people["moderator"], Action.APPROVE)
    assert Decision.objects.count() == 2


def test_nobody_decides_on_their_own_request(people, actor):
    Membership.objects.create(user=people["moderator"], actor=actor, role=Role.EDITOR)
    own = propose(actor, people["moderator"], name="Mon propre nom")
    before = fingerprint()
    for action in [Action.APPROVE, Action.REJECT, Action.CHANGES]:
        with pytest.raises(services.ModerationError, match="propre demande"):
            services.decide_change_request(own, people["moderator"], action, "motif")
    assert fingerprint() == before
    services.decide_change_request(own, people["staff"], Action.APPROVE)
    assert Actor.objects.get(pk=actor.pk).name == "Mon propre nom"


def test_nor_on_their_own_claim_or_suggestion(people, actor, suggestion):
    from contributions.models import Claim

    claim = Claim.objects.create(actor=actor, user=people["moderator"], message="À moi.")
    suggestion.contact_email = "Moderatrice@example.org"
    suggestion.save()
    with pytest.raises(services.ModerationError):
        services.decide_claim(claim, people["moderator"], Action.APPROVE)
    with pytest.raises(services.ModerationError):
        services.decide_suggestion(suggestion, people["moderator"], Action.APPROVE)
    assert not Membership.objects.filter(user=people["moderator"]).exists()


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_reason_is_required_to_refuse_or_send_back(people, change, claim, suggestion, reason):
    before = fingerprint()
    for call in [
        lambda: services.decide_change_request(change, people["moderator"], Action.REJECT, reason),
        lambda: services.decide_change_request(change, people["moderator"], Action.CHANGES, reason),
        lambda: services.decide_claim(claim, people["moderator"], Action.REJECT, reason),
        lambda: services.decide_suggestion(suggestion, people["moderator"], Action.REJECT, reason),
        lambda: services.archive(change.actor, people["moderator"], reason),
    ]:
        with pytest.raises(services.ModerationError, match="motif"):
            call()
    assert fingerprint() == before and Decision.objects.count() == 0 and mail.outbox == []


def test_approving_writes_the_change_one_version_and_one_decision(people, change, actor):
    versions_before = actor.history.count()
    services.decide_change_request(change, people["moderator"], Action.APPROVE, "Vérifié.")
    actor.refresh_from_db()
    assert (actor.name, actor.phone) == ("Repair Café Pays Basque", "05 59 00 00 00")
    assert ChangeRequest.objects.get(pk=change.pk).status == RequestStatus.APPROVED
    assert actor.history.count() == versions_before + 1
    version = actor.history.latest()
    assert version.history_user == people["moderator"]
    assert f"Demande n° {change.pk} acceptée" in version.history_change_reason
    assert "Vérifié." in version.history_change_reason
    decision = Decision.objects.get()
    assert (decision.action, decision.moderator, decision.reason) == (
        Action.APPROVE,
        people["moderator"],
        "Vérifié.",
    )


def test_approving_field_by_field_applies_only_the_chosen_fields(people, change, actor):
    services.decide_change_request(
        change, people["moderator"], Action.APPROVE, "Le téléphone seulement.", fields=["phone"]
    )
    actor.refresh_from_db()
    assert actor.phone == "05 59 00 00 00"
    assert actor.name == "Repair Café Bayonne"
    decision = Decision.objects.get()
    assert decision.action == Action.PARTIAL and decision.fields == ["phone"]
    assert "en partie" in actor.history.latest().history_change_reason


def test_approving_with_no_field_chosen_is_refused(people, change):
    before = fingerprint()
    with pytest.raises(services.ModerationError, match="au moins un champ"):
        services.decide_change_request(change, people["moderator"], Action.APPROVE, fields=[])
    assert fingerprint() == before


def test_taxonomies_are_diffed_and_applied(people, actor):
    cr = propose(actor, people["editor"], themes=["accessibilite", "reemploi-reparation"])
    assert "themes" in services.changed_fields(cr)
    services.decide_change_request(cr, people["moderator"], Action.APPROVE)
    assert set(actor.themes.values_list("slug", flat=True)) == {
        "accessibilite",
        "reemploi-reparation",
    }
    version = actor.history.latest()
    assert set(version.themes.values_list("theme__slug", flat=True)) == {
        "accessibilite",
        "reemploi-reparation",
    }


def test_a_stale_request_is_not_approved_blindly(people, actor):
    theirs = propose(actor, people["owner"], phone="05 59 99 99 99")
    mine = propose(actor, people["editor"], name="Nom de l'éditrice")
    services.decide_change_request(theirs, people["moderator"], Action.APPROVE)
    actor.refresh_from_db()
    before = fingerprint()
    with pytest.raises(services.StaleBase):
        services.decide_change_request(mine, people["moderator"], Action.APPROVE)
    # A re-check against an older version than the current one is not a re-check.
    with pytest.raises(services.StaleBase):
        services.decide_change_request(
            mine, people["moderator"], Action.APPROVE, seen_updated_at=theirs.base_updated_at
        )
    assert fingerprint() == before
    # Re-checked against the current version: only its own change goes on top.
    services.decide_change_request(
        mine, people["moderator"], Action.APPROVE, seen_updated_at=actor.updated_at
    )
    actor.refresh_from_db()
    assert (actor.name, actor.phone) == ("Nom de l'éditrice", "05 59 99 99 99")


def test_rejecting_emails_the_reason_to_the_author_once(
    people, change, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_change_request(
            change, people["moderator"], Action.REJECT, "Le nom <b>officiel</b> est différent."
        )
    assert ChangeRequest.objects.get(pk=change.pk).status == RequestStatus.REJECTED
    to_author = [m for m in mail.outbox if m.to == ["editrice@example.org"]]
    assert len(to_author) == 1
    assert "Le nom <b>officiel</b> est différent." in to_author[0].body
    assert "n'a pas été acceptée" in to_author[0].body


def test_asking_for_changes_keeps_the_request_open(
    people, change, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_change_request(change, people["moderator"], Action.CHANGES, "Précisez.")
    cr = ChangeRequest.objects.get(pk=change.pk)
    assert cr.status == RequestStatus.CHANGES_REQUESTED and cr.is_open
    assert "Précisez." in mail.outbox[-1].body


def test_a_new_organisation_is_published_or_sent_back_to_draft(people, new_org, reference):
    services.decide_change_request(new_org, people["moderator"], Action.APPROVE)
    assert Actor.objects.get(pk=new_org.actor_id).status == ActorStatus.PUBLISHED


def test_rejecting_a_new_organisation_makes_it_a_draft_again(people, new_org):
    services.decide_change_request(new_org, people["moderator"], Action.REJECT, "Hors CAPB.")
    assert Actor.objects.get(pk=new_org.actor_id).status == ActorStatus.DRAFT


def test_a_decided_request_cannot_be_decided_again(people, change):
    services.decide_change_request(change, people["moderator"], Action.APPROVE)
    with pytest.raises(ContributionError, match="plus en attente|plus en cours"):
        services.decide_change_request(change, people["staff"], Action.REJECT, "Non.")
    assert Decision.objects.count() == 1


def test_claims_make_an_owner_and_tell_the_claimant(
    people, claim, actor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_claim(claim, people["moderator"], Action.APPROVE)
    assert Membership.objects.get(actor=actor, user=people["other"]).role == Role.OWNER
    assert [m.to for m in mail.outbox] == [["autre@example.org"]]
    assert "acceptée" in mail.outbox[0].body


def test_a_rejected_claim_tells_why(people, claim, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_claim(claim, people["moderator"], Action.REJECT, "Aucune preuve.")
    assert [m.to for m in mail.outbox] == [["autre@example.org"]]
    assert "Aucune preuve." in mail.outbox[0].body and "refusée" in mail.outbox[0].body


def test_a_suggestion_applied_tells_the_visitor_and_the_owners(
    people, suggestion, actor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_suggestion(suggestion, people["moderator"], Action.APPROVE, "", ["phone"])
    actor.refresh_from_db()
    assert actor.phone == "05 59 11 22 33" and actor.website == "https://repair.example.org"
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["proprio@example.org", "visiteur@example.org"]
    owners_mail = next(m for m in mail.outbox if m.to == ["proprio@example.org"])
    assert "Champs corrigés : téléphone" in owners_mail.body


def test_a_dismissed_suggestion_tells_the_visitor_only(
    people, suggestion, actor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_suggestion(suggestion, people["moderator"], Action.REJECT, "Déjà à jour.")
    assert [m.to for m in mail.outbox] == [["visiteur@example.org"]]
    assert "Déjà à jour." in mail.outbox[0].body
    assert Actor.objects.get(pk=actor.pk).phone == actor.phone


def test_archiving_and_unarchiving_keep_everything(people, actor):
    services.archive(actor, people["moderator"], "Structure fermée.")
    assert Actor.objects.get(pk=actor.pk).status == ActorStatus.ARCHIVED
    services.unarchive(actor, people["moderator"], "Réouverte.")
    assert Actor.objects.get(pk=actor.pk).status == ActorStatus.PUBLISHED
    reasons = list(actor.history.values_list("history_change_reason", flat=True)[:2])
    assert reasons == ["Désarchivée : Réouverte.", "Archivée : Structure fermée."]


def test_an_archived_draft_comes_back_a_draft(people, reference):
    from tests.factories import ActorFactory

    draft = ActorFactory(draft=True)
    services.archive(draft, people["moderator"], "Doublon.")
    services.unarchive(draft, people["moderator"], "Pas un doublon.")
    assert Actor.objects.get(pk=draft.pk).status == ActorStatus.DRAFT


def test_publishing_a_pending_actor_closes_its_request(
    people, new_org, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.publish(new_org.actor, people["staff"], "Vu.")
    assert Actor.objects.get(pk=new_org.actor_id).status == ActorStatus.PUBLISHED
    assert ChangeRequest.objects.get(pk=new_org.pk).status == RequestStatus.APPROVED
    assert any(m.to == ["editrice@example.org"] for m in mail.outbox)


def test_publishing_ones_own_new_organisation_is_refused(people, new_org):
    people["editor"].groups.add(*people["moderator"].groups.all())
    with pytest.raises(services.ModerationError):
        services.publish(new_org.actor, people["editor"])
    assert Actor.objects.get(pk=new_org.actor_id).status == ActorStatus.PENDING
