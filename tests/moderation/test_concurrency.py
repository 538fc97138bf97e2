"""Two moderators deciding the same item at the same moment, each in its own thread with its
own connection to PostGIS: the row locks leave exactly one decision."""

import threading

import pytest
from django.db import connection

from actors.models import Actor
from contributions.models import ChangeRequest, Claim, Membership, RequestStatus, Role
from contributions.services import ContributionError
from moderation import workflow as services
from moderation.models import Action, Decision
from tests.contributions.conftest import make_user
from tests.factories import ActorFactory
from tests.moderation.conftest import make_moderator, propose


def race(*calls):
    """Runs the calls at once; returns what each returned or raised."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait()
            outcomes[i] = call()
        except ContributionError as error:
            outcomes[i] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.fixture
def setting(reference_tx):
    actor = ActorFactory(name="Atelier concurrent")
    editor = make_user("editrice@example.org")
    Membership.objects.create(user=editor, actor=actor, role=Role.OWNER)
    return {
        "actor": actor,
        "editor": editor,
        "first": make_moderator("premiere@example.org"),
        "second": make_user("second@example.org", is_staff=True),
    }


@pytest.mark.parametrize("second_action", [Action.APPROVE, Action.REJECT])
def test_two_moderators_deciding_one_change_request(setting, second_action):
    cr = propose(setting["actor"], setting["editor"], name="Nom décidé une fois")
    versions = setting["actor"].history.count()
    outcomes = race(
        lambda: services.decide_change_request(cr, setting["first"], Action.APPROVE),
        lambda: services.decide_change_request(cr, setting["second"], second_action, "Non."),
    )
    errors = [o for o in outcomes if isinstance(o, ContributionError)]
    assert len(errors) == 1, outcomes
    assert Decision.objects.filter(object_id=cr.pk).count() == 1
    decided = ChangeRequest.objects.get(pk=cr.pk)
    assert decided.status in (RequestStatus.APPROVED, RequestStatus.REJECTED)
    applied = decided.status == RequestStatus.APPROVED
    assert (Actor.objects.get(pk=cr.actor_id).name == "Nom décidé une fois") is applied
    assert setting["actor"].history.count() == versions + (1 if applied else 0)


def test_two_moderators_deciding_one_claim(setting):
    claimant = make_user("claimant@example.org")
    claim = Claim.objects.create(actor=setting["actor"], user=claimant, message="Moi.")
    outcomes = race(
        lambda: services.decide_claim(claim, setting["first"], Action.APPROVE),
        lambda: services.decide_claim(claim, setting["second"], Action.REJECT, "Non."),
    )
    assert sum(isinstance(o, ContributionError) for o in outcomes) == 1, outcomes
    assert Decision.objects.filter(object_id=claim.pk, item_type="claim").count() == 1
