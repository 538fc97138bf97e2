import pytest
from django.core import mail

from actors.models import Actor, ActorStatus
from contributions import profile, services
from contributions.models import ChangeRequest, ChangeRequestKind, RequestStatus
from moderation import workflow

pytestmark = pytest.mark.django_db


def proposal(actor, **changes):
    return {**profile.snapshot(actor), **changes}


def test_proposing_a_change_leaves_the_published_actor_untouched(actor, people):
    before = Actor.objects.get(pk=actor.pk).updated_at
    cr = workflow.propose_change(
        actor, people["editor"], proposal(actor, name="Nouveau nom"), actor.updated_at
    )
    actor.refresh_from_db()
    assert actor.name == "Repair Café Bayonne" and actor.updated_at == before
    assert cr.status == RequestStatus.PENDING and cr.kind == ChangeRequestKind.CHANGE
    assert cr.base["name"] == "Repair Café Bayonne" and cr.base_updated_at == before
    assert ChangeRequest.objects.pending().for_subject(actor).count() == 1


def test_a_second_proposal_by_the_same_member_amends_the_first(actor, people):
    first = workflow.propose_change(
        actor, people["editor"], proposal(actor, name="A"), actor.updated_at
    )
    second = workflow.propose_change(
        actor, people["editor"], proposal(actor, name="B"), actor.updated_at
    )
    assert first.pk == second.pk
    assert ChangeRequest.objects.get().proposed["name"] == "B"


def test_applying_writes_every_value_and_taxonomies(
    actor, people, django_capture_on_commit_callbacks
):
    values = proposal(actor, name="Nouveau nom", themes=["accessibilite"], phone="05 59 00 00 00")
    cr = workflow.propose_change(actor, people["editor"], values, actor.updated_at)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply_change_request(cr, people["staff"])
    actor.refresh_from_db()
    assert actor.name == "Nouveau nom" and actor.phone == "05 59 00 00 00"
    assert list(actor.themes.values_list("slug", flat=True)) == ["accessibilite"]
    cr.refresh_from_db()
    assert cr.status == RequestStatus.APPROVED and cr.decided_by == people["staff"]
    assert [m.to for m in mail.outbox] == [["editrice@example.org"]]


def test_a_stale_request_is_refused_and_shown_as_a_conflict(actor, people):
    mine = workflow.propose_change(
        actor, people["editor"], proposal(actor, summary="Ma version"), actor.updated_at
    )
    theirs = workflow.propose_change(
        actor, people["owner"], proposal(actor, summary="Leur version"), actor.updated_at
    )
    workflow.apply_change_request(theirs, people["staff"])
    mine.refresh_from_db()
    assert mine.is_stale
    with pytest.raises(workflow.StaleBase):
        workflow.apply_change_request(mine, people["staff"])
    actor.refresh_from_db()
    assert actor.summary == "Leur version"
    rows = profile.conflicts(mine.base, profile.snapshot(actor), mine.proposed)
    assert [(r["name"], r["current"], r["proposed"]) for r in rows] == [
        ("summary", "Leur version", "Ma version")
    ]


def test_amending_needs_the_current_version(actor, people):
    cr = workflow.propose_change(actor, people["editor"], proposal(actor), actor.updated_at)
    old_base = actor.updated_at
    actor.name = "Changé par l'équipe"
    actor.save()
    with pytest.raises(workflow.StaleBase):
        workflow.amend(cr, people["editor"], proposal(actor), old_base)
    workflow.amend(cr, people["editor"], proposal(actor, website=""), actor.updated_at)
    cr.refresh_from_db()
    assert not cr.is_stale and cr.base["name"] == "Changé par l'équipe"


def test_proposing_from_a_stale_form_is_refused(actor, people):
    old = actor.updated_at
    actor.save()
    with pytest.raises(workflow.StaleBase):
        workflow.propose_change(actor, people["editor"], proposal(actor), old)
    assert not ChangeRequest.objects.exists()


def test_only_the_author_withdraws(actor, people):
    cr = workflow.propose_change(actor, people["editor"], proposal(actor), actor.updated_at)
    with pytest.raises(services.ContributionError):
        workflow.withdraw(cr, people["owner"])
    workflow.withdraw(cr, people["editor"])
    cr.refresh_from_db()
    assert cr.status == RequestStatus.WITHDRAWN
    with pytest.raises(services.ContributionError):
        workflow.apply_change_request(cr, people["staff"])


def test_a_new_organisation_goes_from_draft_to_pending_to_published(draft, people):
    cr = workflow.submit_for_review(draft, people["owner"])
    draft.refresh_from_db()
    assert draft.status == ActorStatus.PENDING and cr.kind == ChangeRequestKind.NEW
    assert not Actor.objects.published().filter(pk=draft.pk).exists()
    with pytest.raises(services.ContributionError):
        workflow.update_draft(draft, {})
    workflow.apply_change_request(cr, people["staff"])
    draft.refresh_from_db()
    assert draft.status == ActorStatus.PUBLISHED


def test_withdrawing_a_new_organisation_makes_it_a_draft_again(draft, people):
    cr = workflow.submit_for_review(draft, people["owner"])
    workflow.withdraw(cr, people["owner"])
    draft.refresh_from_db()
    assert draft.status == ActorStatus.DRAFT
    again = workflow.submit_for_review(draft, people["owner"])
    assert again.status == RequestStatus.PENDING
    assert ChangeRequest.objects.open().for_subject(draft).count() == 1


def test_changes_requested_send_a_new_organisation_back_to_its_author(draft, people):
    cr = workflow.submit_for_review(draft, people["owner"])
    workflow.request_changes(cr, people["staff"], "Ajoutez une adresse.")
    draft.refresh_from_db()
    assert draft.status == ActorStatus.DRAFT
    workflow.reject_change_request(cr, people["staff"])
    cr.refresh_from_db()
    assert cr.status == RequestStatus.REJECTED


def test_only_published_actors_receive_change_requests(draft, people):
    with pytest.raises(services.ContributionError):
        workflow.propose_change(draft, people["owner"], proposal(draft), draft.updated_at)


def test_applying_a_profile_reindexes_the_actor_once(actor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from actors.models import Actor
    from contributions import profile

    values = {
        **profile.snapshot(actor),
        "summary_eu": "Konponketa tailerra.",
        "themes": ["low-tech"],
    }
    values["services"] = ["reparation"]
    with CaptureQueriesContext(connection) as queries:
        profile.apply(actor, values)
    refreshes = [q for q in queries.captured_queries if "WITH terms AS" in q["sql"]]
    assert len(refreshes) == 1
    found = Actor.objects.filter(search_vector="konponketa").values_list("pk", flat=True)
    assert list(found) == [actor.pk]
    assert Actor.objects.get(pk=actor.pk).theme_ids == [actor.themes.get().pk]
