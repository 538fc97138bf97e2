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


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        ({"decision": "reject", "reason": "   "}, "reason", "Indiquez un motif"),
        ({"decision": "changes", "reason": "x" * 2001}, "reason", "au plus 2000 caractères"),
        ({"decision": "", "reason": "Gardé."}, "decision", "Ce champ est obligatoire."),
    ],
)
def test_a_refused_decision_comes_back_as_chosen_with_what_was_typed(
    client, people, request_, form, field, message
):
    """Never back on a decision taken by default: a second click would have published."""
    client.force_login(people["moderator"])
    url = reverse("admin:expertise_realisationrequest_change", args=[request_.pk])
    response = client.post(url, form)
    assert response.status_code == 200  # the form again, not a redirect that empties it
    bound = response.context["adminform"].form
    assert message in str(bound.errors[field])
    assert bound["decision"].value() == form["decision"]
    assert bound["reason"].value() == form["reason"]
    request_.refresh_from_db()
    assert request_.status == ProposalStatus.PENDING
    assert '<option value="" selected>— choisir —</option>' in client.get(url).text


def test_a_decision_says_which_and_leads_to_the_requests_waiting(client, people, request_):
    client.force_login(people["moderator"])
    response = decide(client, request_, decision="reject", reason="Hors sujet.")
    changelist = reverse("admin:expertise_realisationrequest_changelist")
    assert response.redirect_chain[-1][0] == f"{changelist}?status__exact=pending"
    assert "Décision enregistrée : Refusée. Son auteur en est prévenu" in response.text
    # Decided: read only, no decision to take again.
    page = client.get(reverse("admin:expertise_realisationrequest_change", args=[request_.pk]))
    assert page.status_code == 200 and 'name="decision"' not in page.text


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
