"""Events go through the one moderation workflow, unchanged: draft, review, change request
with its base, partial approval; dates, exceptions, place, host and organisers travel as
JSON and come back whole."""

from datetime import date

import pytest

from actors.models import Commune
from events.models import Event, PlaceKind
from moderation import workflow
from moderation.contract import ProposalStatus, Status
from moderation.models import Action
from tests.factories import ActorFactory

from .conftest import paris

pytestmark = pytest.mark.django_db


def test_an_event_from_draft_to_publication_and_a_partial_change(people):
    actor, editor, moderator = people["actor"], people["editor"], people["moderator"]
    partner = ActorFactory(name="Partenaire")
    event = Event(actor=actor, title="Atelier", start=paris(2030, 3, 5, 10),
                  end=paris(2030, 3, 5, 12), place_kind=PlaceKind.ONLINE,
                  online_url="https://visio.example.org/a")  # fmt: skip
    workflow.create_draft(event, editor)
    declaration = event.declaration()
    request = workflow.submit_for_review(event, editor)
    assert str(request).startswith("Nouvel événement – ")  # not "Nouvelle organisation"
    assert declaration.display("place_kind", PlaceKind.ONLINE) == PlaceKind.ONLINE.label
    workflow.decide_change_request(request, moderator, Action.APPROVE)
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED

    bayonne = Commune.objects.get(name="Bayonne")
    before = declaration.snapshot(event)
    proposed = {**before, "title": "Atelier vélo", "rrule": "FREQ=WEEKLY;COUNT=3",
                "exdates": ["2030-03-12"], "place_kind": PlaceKind.ADDRESS,
                "street_address": "1 rue", "commune": bayonne.insee, "online_url": "",
                "location": [bayonne.centroid.x, bayonne.centroid.y],
                "start": paris(2030, 3, 5, 9).isoformat(),
                "organisers": [partner.slug]}  # fmt: skip
    change = workflow.propose_change(event, editor, proposed, event.updated_at)
    fields = declaration.changed_fields(before, proposed)
    assert {"title", "rrule", "exdates", "commune", "location", "start", "organisers"} <= set(
        fields
    )
    # Everything but the title.
    workflow.decide_change_request(
        change, moderator, Action.APPROVE, fields=[f for f in fields if f != "title"]
    )
    event.refresh_from_db()
    change.refresh_from_db()
    assert change.status == ProposalStatus.APPROVED
    assert event.title == "Atelier"
    assert event.start == paris(2030, 3, 5, 9)
    assert event.exdates == [date(2030, 3, 12)]
    assert event.commune == bayonne and event.place_kind == PlaceKind.ADDRESS
    assert list(event.organisers.all()) == [partner]
    assert [o.start.day for o in event.occurrences()] == [5, 19]
    assert event.history.count() >= 3


@pytest.mark.parametrize(
    ("action", "said"),
    [
        (Action.REJECT, "Moderazio-taldeak ukatua"),
        (Action.CHANGES, "Moderazio-taldeak aldaketak eskatuta"),
    ],
)
def test_the_members_list_says_what_the_moderation_answered_and_why(
    client, people, actor, action, said
):
    from django.utils import translation

    event = Event(
        actor=actor, title="Atelier", start=paris(2030, 3, 5, 10), end=paris(2030, 3, 5, 12),
        place_kind=PlaceKind.ACTOR, place_actor=actor,
    )  # fmt: skip
    event.save()
    request = workflow.submit_for_review(event, people["editor"])
    workflow.decide_change_request(request, people["moderator"], action, "Ordua <falta>.")
    client.force_login(people["editor"])
    with translation.override("eu"):
        html = client.get(f"/eu/acteurs/{actor.slug}/agenda/").content.decode()
    assert said in html
    assert "«Ordua &lt;falta&gt;.»" in html  # the moderator's words, escaped
