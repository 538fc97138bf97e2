"""The admin's bulk actions go through the same domain functions as the console."""

import pytest

from actors.models import Actor, ActorStatus
from contributions.models import ChangeRequest, RequestStatus
from moderation.models import Action, Decision
from tests.contributions.conftest import make_user
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    client.force_login(make_user("admin@example.org", is_staff=True, is_superuser=True))
    return client


def run(client, action, actors):
    return client.post(
        "/admin/actors/actor/",
        {"action": action, "_selected_action": [a.pk for a in actors]},
        follow=True,
    )


def test_bulk_publish_closes_requests_and_records_why(admin_client, new_org, reference):
    draft = ActorFactory(draft=True)
    response = run(admin_client, "publish_actors", [new_org.actor, draft])
    assert response.status_code == 200
    assert set(Actor.objects.filter(pk__in=[new_org.actor_id, draft.pk]).values_list(
        "status", flat=True
    )) == {ActorStatus.PUBLISHED}  # fmt: skip
    assert ChangeRequest.objects.get(pk=new_org.pk).status == RequestStatus.APPROVED
    assert Decision.objects.filter(action=Action.PUBLISH).count() == 2
    assert "administration" in draft.history.latest().history_change_reason


def test_bulk_archive_reports_refusals_one_by_one(admin_client, actor, reference):
    archived = ActorFactory(archived=True)
    response = run(admin_client, "archive_actors", [actor, archived])
    assert Actor.objects.get(pk=actor.pk).status == ActorStatus.ARCHIVED
    assert "déjà archivée" in response.content.decode()
    assert Decision.objects.filter(action=Action.ARCHIVE).count() == 1
