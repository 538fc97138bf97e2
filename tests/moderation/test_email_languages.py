"""Emails answer people in the language they wrote to us in, whatever the language of the
moderator who decides; moderators and owners, whose language we do not know, get French."""

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from contributions.models import Claim, Suggestion
from moderation import workflow as services
from moderation.models import Action
from tests.moderation.conftest import propose

pytestmark = pytest.mark.django_db


def in_language(language, text):
    with translation.override(language):
        return gettext(text)


def test_a_request_written_in_basque_is_answered_in_basque(
    people, actor, django_capture_on_commit_callbacks
):
    with translation.override("eu"), django_capture_on_commit_callbacks(execute=True):
        change = propose(actor, people["editor"], phone="05 59 00 00 00")
    assert change.language == "eu"
    to_moderators = [m for m in mail.outbox if m.to != ["editrice@example.org"]]
    assert to_moderators and all("Demande à relire" in m.subject for m in to_moderators)
    mail.outbox.clear()

    with translation.override("fr"), django_capture_on_commit_callbacks(execute=True):
        services.decide_change_request(change, people["moderator"], Action.REJECT, "Ez.")
    [answer] = [m for m in mail.outbox if m.to == ["editrice@example.org"]]
    assert in_language("eu", "Note de l'équipe de modération :") in answer.body
    assert "Note de l'équipe" not in answer.body
    # Refused: the link goes to the request, where the note is kept.
    assert f"/eu/acteurs/{actor.slug}/demandes/{change.pk}/" in answer.body


def test_a_claim_and_a_suggestion_are_answered_in_their_language(
    people, actor, django_capture_on_commit_callbacks
):
    with translation.override("es"):
        claim = Claim.objects.create(actor=actor, user=people["other"], message="Es mía.")
        suggestion = Suggestion.objects.create(
            actor=actor,
            text="El teléfono ha cambiado.",
            proposed={"phone": "05 59 11 22 33"},
            contact_email="visitante@example.org",
        )
    assert (claim.language, suggestion.language) == ("es", "es")
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_claim(claim, people["moderator"], Action.REJECT, "Sin prueba.")
        services.decide_suggestion(suggestion, people["moderator"], Action.APPROVE, "", ["phone"])
    by_recipient = {m.to[0]: m for m in mail.outbox}
    motive = in_language("es", "Motif de l'équipe de modération :")
    assert motive in by_recipient["autre@example.org"].body
    assert "/es/mon-espace/" in by_recipient["autre@example.org"].body
    assert f"/es/acteurs/{actor.slug}/" in by_recipient["visitante@example.org"].body
    # The owner's language is unknown: French, with the field's label rather than its key.
    owner = by_recipient["proprio@example.org"]
    assert "Champs corrigés : téléphone" in owner.body
    assert f"/fr/acteurs/{actor.slug}/" in owner.body


def test_the_moderator_sees_which_language_to_answer_in(client, people, actor):
    with translation.override("eu"):
        change = propose(actor, people["editor"], phone="05 59 00 00 00")
    client.force_login(people["moderator"])
    html = client.get(f"/fr/moderation/demandes/{change.pk}/").content.decode()
    assert 'Réponse par courriel en : <span lang="eu">Euskara</span>' in html
