"""The emails around an event's requests are a réalisation's (expertise.notify): the
moderators hear of a submission (in French, linking to the admin where they decide), the
author gets a receipt and the decision with the moderators' reason, in the language they
wrote in, each linking to the agenda's own pages."""

import pytest
from django.core import mail
from django.utils import translation

from events.models import Event, PlaceKind
from moderation import workflow
from moderation.contract import Status
from moderation.models import Action
from tests.expertise.test_emails import in_language, sent_back, submitted_in_basque

from .conftest import make_event, paris

pytestmark = pytest.mark.django_db


def test_a_new_event_submitted_in_basque_then_sent_back_and_accepted(
    people, actor, django_capture_on_commit_callbacks
):
    editor, moderator = people["editor"], people["moderator"]
    event = Event(
        actor=actor, title="Atelier", title_eu="Tailerra", start=paris(2030, 3, 5, 10),
        end=paris(2030, 3, 5, 12), place_kind=PlaceKind.ACTOR, place_actor=actor,
    )  # fmt: skip
    own = f"/eu/acteurs/{actor.slug}/agenda/"
    request = submitted_in_basque(event, editor, own, django_capture_on_commit_callbacks)
    edit = f"/eu/agenda/{event.slug}/modifier/"
    sent_back(request, moderator, "Ordua falta.", edit, django_capture_on_commit_callbacks)

    with translation.override("eu"), django_capture_on_commit_callbacks(execute=True):
        request = workflow.submit_for_review(event, editor)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.decide_change_request(request, moderator, Action.APPROVE, "Ongi.")
    [answer] = mail.outbox
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED
    assert "Ongi." in answer.body and f"/eu/agenda/{event.slug}/" in answer.body


def test_a_refused_change_tells_the_author_why_in_spanish(
    people, actor, django_capture_on_commit_callbacks
):
    editor, moderator = people["editor"], people["moderator"]
    event = make_event(actor, title="Repair café")
    current = event.declaration().snapshot(event)
    with translation.override("es"), django_capture_on_commit_callbacks(execute=True):
        request = workflow.propose_change(
            event, editor, {**current, "capacity": 30}, event.updated_at
        )
    # Staff without the group's permission cannot open the admin's link: not mailed.
    assert {m.to[0] for m in mail.outbox} == {"moderator@example.org", "editor@example.org"}
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.decide_change_request(request, moderator, Action.REJECT, "Aforo incorrecto.")
    [answer] = mail.outbox
    assert answer.to == ["editor@example.org"]
    assert "Aforo incorrecto." in answer.body
    assert in_language("es", "Note de l'équipe de modération :") in answer.body
    assert f"/es/acteurs/{actor.slug}/agenda/" in answer.body
    event.refresh_from_db()
    assert event.capacity is None
