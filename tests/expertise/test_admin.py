"""Staff decide on réalisations' and ressources' requests in the admin, through the
workflow: its rules (a reason to refuse, not one's own request, the stale re-check) hold."""

import pytest
from django.urls import reverse

from expertise.models import Realisation
from expertise.models.lists import Progress
from moderation import workflow
from moderation.contract import ProposalStatus, Status

from .conftest import make_realisation, make_ressource

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_(people):
    draft = workflow.create_draft(
        Realisation(actor=people["actor"], title="Atelier"), people["editor"]
    )
    return workflow.submit_for_review(draft, people["editor"])


def decide(client, request, **form):
    url = reverse("admin:expertise_realisationrequest_change", args=[request.pk])
    return client.post(url, {"decision": "approve", "reason": "", **form}, follow=True)


def test_the_admin_lists_and_approves_a_new_realisation(client, people, request_):
    client.force_login(people["moderator"])
    listing = client.get(reverse("admin:expertise_realisationrequest_changelist"))
    assert listing.status_code == 200 and "Atelier" in listing.text
    decide(client, request_)
    request_.refresh_from_db()
    assert request_.status == ProposalStatus.APPROVED
    assert request_.decided_by == people["moderator"]
    assert request_.realisation.status == Status.PUBLISHED


def test_a_request_is_named_for_its_kind_and_shows_a_choice_by_its_label(client, people):
    """A new réalisation's request says so (title, "nature" column, filter), not "Nouvelle
    organisation"; its state reads "Terminée", not the stored "completed"."""
    draft = workflow.create_draft(
        Realisation(actor=people["actor"], title="Atelier", progress=Progress.COMPLETED),
        people["editor"],
    )
    request = workflow.submit_for_review(draft, people["editor"])
    assert str(request) == "Nouvelle réalisation – Atelier"
    client.force_login(people["moderator"])
    listing = client.get(reverse("admin:expertise_realisationrequest_changelist")).text
    assert "Nouvelle réalisation" in listing and "Nouvelle organisation" not in listing
    page = client.get(reverse("admin:expertise_realisationrequest_change", args=[request.pk]))
    assert "Terminée" in page.text and "completed" not in page.text
    ressource = workflow.submit_for_review(
        workflow.create_draft(
            make_ressource(people["actor"], status=Status.DRAFT), people["editor"]
        ),
        people["editor"],
    )
    assert str(ressource).startswith("Nouvelle ressource – ")


def test_a_refusal_needs_a_reason(client, people, request_):
    client.force_login(people["moderator"])
    response = decide(client, request_, decision="reject")
    assert "Indiquez un motif : il est envoyé au demandeur." in response.text
    request_.refresh_from_db()
    assert request_.status == ProposalStatus.PENDING
    decide(client, request_, decision="changes", reason="Ajoutez les dates.")
    request_.refresh_from_db()
    assert (request_.status, request_.moderator_note) == (
        ProposalStatus.CHANGES_REQUESTED,
        "Ajoutez les dates.",
    )


def test_publish_and_archive_actions_go_through_the_workflow(client, people):
    realisation = make_realisation(people["actor"], status=Status.DRAFT)
    client.force_login(people["moderator"])
    changelist = reverse("admin:expertise_realisation_changelist")
    client.post(changelist, {"action": "publish_actors", "_selected_action": [realisation.pk]})
    realisation.refresh_from_db()
    assert realisation.status == Status.PUBLISHED
    client.post(changelist, {"action": "archive_actors", "_selected_action": [realisation.pk]})
    realisation.refresh_from_db()
    assert realisation.status == Status.ARCHIVED
    assert realisation.history.first().history_user == people["moderator"]
