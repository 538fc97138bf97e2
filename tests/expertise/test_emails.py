"""The emails around a réalisation's or ressource's requests are an actor's: the moderators
hear of a submission (in French, linking to the admin where they decide), the author gets a
receipt and the decision with the moderators' reason, in the language they wrote in."""

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from expertise.models import Ressource, RessourceType
from moderation import workflow
from moderation.contract import Status
from moderation.models import Action

from .conftest import make_realisation

pytestmark = pytest.mark.django_db


def in_language(language, text):
    with translation.override(language):
        return gettext(text)


def by_recipient():
    found = {}
    for message in mail.outbox:
        assert len(message.to) == 1  # nobody sees another's address
        found.setdefault(message.to[0], []).append(message)
    return found


def submitted_in_basque(item, editor, own_path, capture):
    """Submits the draft `item` (titled in French and Basque) in Basque; checks the mails:
    the moderators' who can decide it in the admin (staff without the group's permission,
    refused there, get none), in French with the request's admin page linked, and the
    author's receipt in Basque linking to `own_path`. Returns the request.
    `capture`: pytest-django's django_capture_on_commit_callbacks."""
    workflow.create_draft(item, editor)
    with translation.override("eu"), capture(execute=True):
        request = workflow.submit_for_review(item, editor)
    sent = by_recipient()
    opts = request._meta
    assert "staff@example.org" not in sent
    for address in ("moderator@example.org",):
        [review] = sent.pop(address)
        assert review.subject.endswith(f"Demande à relire : {item.title}")
        assert f"/admin/{opts.app_label}/{opts.model_name}/{request.pk}/change/" in review.body
    [receipt] = sent.pop("editor@example.org")
    assert sent == {}
    assert item.title_eu in receipt.subject
    assert in_language("eu", "Voir ma demande") in receipt.body
    assert own_path in receipt.body
    mail.outbox.clear()
    return request


def sent_back(request, moderator, reason, edit_path, capture):
    """A moderator working in French sends the request back with `reason`: the author's
    mail, in the language they wrote in (Basque), has the reason and links to `edit_path`."""
    with translation.override("fr"), capture(execute=True):
        workflow.decide_change_request(request, moderator, Action.CHANGES, reason)
    [answer] = mail.outbox
    assert answer.to == ["editor@example.org"]
    assert in_language("eu", "Note de l'équipe de modération :") in answer.body
    assert reason in answer.body and edit_path in answer.body
    mail.outbox.clear()


def test_a_new_ressource_submitted_in_basque_and_sent_back(
    people, django_capture_on_commit_callbacks
):
    editor, moderator = people["editor"], people["moderator"]
    ressource = Ressource(
        actor=people["actor"], title="Guide", title_eu="Gida",
        type=RessourceType.objects.get(slug="guide"), licence="cc-by-4.0",
    )  # fmt: skip
    own = f"/eu/acteurs/{people['actor'].slug}/expertise/"
    request = submitted_in_basque(ressource, editor, own, django_capture_on_commit_callbacks)
    edit = f"/eu/ressources/{ressource.slug}/modifier/"
    sent_back(request, moderator, "Lotura falta.", edit, django_capture_on_commit_callbacks)


def test_a_change_approved_in_part_and_a_refusal_tell_the_author_what_and_why(
    people, django_capture_on_commit_callbacks
):
    editor, moderator = people["editor"], people["moderator"]
    realisation = make_realisation(people["actor"], title="Atelier vélo")
    current = realisation.declaration().snapshot(realisation)
    with translation.override("es"), django_capture_on_commit_callbacks(execute=True):
        request = workflow.propose_change(
            realisation, editor, {**current, "title_es": "Taller de bicis", "link": "https://a.example"},
            realisation.updated_at,
        )  # fmt: skip
    assert {m.to[0] for m in mail.outbox} == {"moderator@example.org", "editor@example.org"}
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        workflow.decide_change_request(
            request, moderator, Action.APPROVE, "Enlace roto.", fields=["title_es"]
        )
    [answer] = mail.outbox
    assert answer.to == ["editor@example.org"]
    assert "Taller de bicis" in answer.subject  # the title in the author's language
    body = answer.body
    assert in_language("es", "Champs publiés :") in body
    published, left_out = body.split(in_language("es", "Champs non retenus :"))
    assert (
        in_language("es", "titre (español)")
        in published.split(in_language("es", "Champs publiés :"))[1]
    )
    assert in_language("es", "lien") in left_out and in_language("es", "lien") not in published
    assert "Enlace roto." in body
    assert f"/es/realisations/{realisation.slug}/" in body
    mail.outbox.clear()

    realisation.refresh_from_db()
    current = realisation.declaration().snapshot(realisation)
    request = workflow.propose_change(
        realisation, editor, {**current, "summary": "Autre"}, realisation.updated_at
    )
    with django_capture_on_commit_callbacks(execute=True):
        workflow.decide_change_request(request, moderator, Action.REJECT, "Hors sujet.")
    [answer] = [m for m in mail.outbox if m.to == ["editor@example.org"]]
    assert "Hors sujet." in answer.body
    assert f"/acteurs/{people['actor'].slug}/expertise/" in answer.body
    assert realisation.status == Status.PUBLISHED
