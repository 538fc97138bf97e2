"""The console names what waits in the admin: the requests on réalisations, ressources and
events (moderation.queue.decided_in_admin), each with a link to its pending list there."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from contributions.permissions import MODERATORS_GROUP
from events.models import Event, PlaceKind
from expertise.models import Realisation, RealisationRequest
from moderation import workflow
from tests.events.conftest import paris
from tests.expertise.conftest import people  # noqa: F401  (the roles, with a staff moderator)

pytestmark = pytest.mark.django_db

PAGES = ("moderation:queue", "moderation:dashboard")


@pytest.fixture
def waiting(people):  # noqa: F811
    actor, editor = people["actor"], people["editor"]
    for title in ("Atelier vélo", "Atelier radio", "Atelier décidé"):
        workflow.submit_for_review(
            workflow.create_draft(Realisation(actor=actor, title=title), editor), editor
        )
    # A decided request is not counted, nor listed.
    decided = RealisationRequest.objects.get(realisation__title="Atelier décidé")
    workflow.decide_change_request(decided, people["moderator"], "approve")
    event = Event(
        actor=actor, title="Repair café", start=paris(2030, 3, 5, 10), end=paris(2030, 3, 5, 12),
        place_kind=PlaceKind.ACTOR, place_actor=actor,
    )  # fmt: skip
    workflow.submit_for_review(workflow.create_draft(event, editor), editor)


@pytest.mark.parametrize("page", PAGES)
def test_a_moderator_sees_what_waits_in_the_admin_and_reaches_it(client, people, waiting, page):  # noqa: F811
    client.force_login(people["moderator"])
    html = client.get(reverse(page)).text
    rows = {
        "expertise_realisationrequest": ("Demandes sur des réalisations", 2, "Atelier vélo"),
        "expertise_ressourcerequest": ("Demandes sur des ressources", 0, None),
        "events_eventrequest": ("Demandes sur des événements", 1, "Repair café"),
    }
    for admin_name, (label, count, title) in rows.items():
        url = reverse(f"admin:{admin_name}_changelist") + "?status__exact=pending"
        assert f'<a href="{url}">{label}</a></th><td>{count}</td>' in html
        listing = client.get(url)
        assert listing.status_code == 200
        if title:
            assert title in listing.text
        assert "Atelier décidé" not in listing.text


@pytest.mark.parametrize("page", PAGES)
def test_no_link_to_an_admin_the_user_cannot_open(client, people, waiting, page):  # noqa: F811
    """A moderator who is not staff has no admin; staff outside the group may not decide."""
    outside = people["other"]
    outside.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    for user in (outside, people["staff"]):
        client.force_login(user)
        response = client.get(reverse(page))
        assert response.status_code == 200  # both reach the console
        assert "/admin/" not in response.text
