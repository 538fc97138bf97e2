"""Change requests on published actors, and their approval by a moderator."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actors.models import Actor, ActorStatus

from .. import notify, profile
from ..models import ChangeRequest, ChangeRequestKind, RequestStatus, current_language
from .errors import ContributionError


class StaleBase(ContributionError):
    """The actor changed since the version the request was written against."""


def _require_open(request):
    if not request.is_open:
        raise ContributionError(_("Cette demande n'est plus en cours."))


@transaction.atomic
def propose_change(actor, user, values, base_updated_at, logo=None):
    """Records proposed values for a published actor; the actor itself is not touched.

    `base_updated_at` is the version the member's form was showing; the snapshot of the
    current version is kept as the base when it matches, so a later change shows as a
    conflict."""
    actor = Actor.objects.select_for_update().get(pk=actor.pk)
    if actor.status != ActorStatus.PUBLISHED:
        raise ContributionError(_("Seule une fiche publiée reçoit des demandes de modification."))
    if base_updated_at != actor.updated_at:
        raise StaleBase(_("La fiche a été modifiée pendant votre saisie."))
    existing = ChangeRequest.objects.open().changes().for_actor(actor).by(user).first()
    if existing is not None:
        return amend(existing, user, values, base_updated_at, logo=logo)
    request = ChangeRequest(
        actor=actor,
        author=user,
        kind=ChangeRequestKind.CHANGE,
        proposed=values,
        base=profile.snapshot(actor),
        base_updated_at=actor.updated_at,
    )
    if logo is not None:
        request.proposed_logo.save(logo.name, logo, save=False)
    request.save()
    transaction.on_commit(lambda: notify.request_submitted(request))
    return request


@transaction.atomic
def amend(request, user, values, base_updated_at, logo=None):
    """New proposed values for an open request. Amending rebases it on the version the
    member was shown, which must be the current one: a conflict is never resolved blind."""
    request = ChangeRequest.objects.select_for_update().select_related("actor").get(pk=request.pk)
    _require_open(request)
    if request.author_id != user.pk:
        raise ContributionError(_("Seul l'auteur d'une demande peut la modifier."))
    if base_updated_at != request.actor.updated_at:
        raise StaleBase(_("La fiche a été modifiée pendant votre saisie."))
    request.proposed = values
    request.base = profile.snapshot(request.actor)
    request.base_updated_at = request.actor.updated_at
    request.status = RequestStatus.PENDING
    request.language = current_language()
    if logo is not None:
        request.proposed_logo.save(logo.name, logo, save=False)
    request.save()
    return request


@transaction.atomic
def withdraw(request, user):
    """The author takes the request back. A new organisation goes back to draft."""
    request = ChangeRequest.objects.select_for_update().select_related("actor").get(pk=request.pk)
    _require_open(request)
    if request.author_id != user.pk:
        raise ContributionError(_("Seul l'auteur d'une demande peut la retirer."))
    request.status = RequestStatus.WITHDRAWN
    request.save(update_fields=["status", "updated_at"])
    if request.kind == ChangeRequestKind.NEW and request.actor.status == ActorStatus.PENDING:
        Actor.objects.filter(pk=request.actor_id).update(status=ActorStatus.DRAFT)
    return request


def _decide(request, moderator, status, note):
    request.status = status
    request.decided_by = moderator
    request.decided_at = timezone.now()
    request.moderator_note = note
    request.save()


@transaction.atomic
def apply_change_request(request, moderator, note="", fields=None, seen_updated_at=None):
    """Publishes a request: a new organisation becomes public, a change is written onto the
    actor. The actor row is locked meanwhile.

    `fields` limits a change to those of its fields ("logo" for the proposed logo); the
    others stay as published. A request whose base is stale is refused, unless
    `seen_updated_at` is the actor's current version: the moderator has re-checked the
    request against what is published now, and only the request's own changes are written
    on top of it, so that nobody else's change is overwritten."""
    request = ChangeRequest.objects.select_for_update().get(pk=request.pk)
    actor = Actor.objects.select_for_update().get(pk=request.actor_id)
    request.actor = actor
    if request.status != RequestStatus.PENDING:
        raise ContributionError(_("Cette demande n'est plus en attente."))
    if request.kind == ChangeRequestKind.NEW:
        if actor.status != ActorStatus.PENDING:
            raise ContributionError(_("Cette organisation n'est pas en attente de modération."))
        actor.status = ActorStatus.PUBLISHED
        actor.save(update_fields=["status", "updated_at"])
        applied = None
    else:
        if request.is_stale and seen_updated_at != actor.updated_at:
            raise StaleBase(
                _("La fiche a changé depuis cette demande : elle doit être mise à jour.")
            )
        current = profile.snapshot(actor)
        wanted = profile.changed_fields(request.base or current, request.proposed)
        if fields is not None:
            wanted = [name for name in wanted if name in fields]
        profile.apply(actor, {**current, **profile.chosen(request.proposed, wanted)})
        applied = list(wanted)
        if request.proposed_logo and (fields is None or "logo" in fields):
            with request.proposed_logo.open("rb") as logo:
                actor.logo.save(request.proposed_logo.name.rsplit("/", 1)[-1], logo, save=True)
            applied.append("logo")
    _decide(request, moderator, RequestStatus.APPROVED, note)
    transaction.on_commit(lambda: notify.author_of_decision(request, applied))
    return request


@transaction.atomic
def reject_change_request(request, moderator, note=""):
    request = ChangeRequest.objects.select_for_update().get(pk=request.pk)
    _require_open(request)
    _decide(request, moderator, RequestStatus.REJECTED, note)
    if request.kind == ChangeRequestKind.NEW:
        Actor.objects.filter(pk=request.actor_id, status=ActorStatus.PENDING).update(
            status=ActorStatus.DRAFT
        )
    transaction.on_commit(lambda: notify.author_of_decision(request))
    return request


@transaction.atomic
def request_changes(request, moderator, note):
    """Sends the request back to its author with a note; it stays open."""
    request = ChangeRequest.objects.select_for_update().get(pk=request.pk)
    _require_open(request)
    _decide(request, moderator, RequestStatus.CHANGES_REQUESTED, note)
    if request.kind == ChangeRequestKind.NEW:
        Actor.objects.filter(pk=request.actor_id, status=ActorStatus.PENDING).update(
            status=ActorStatus.DRAFT
        )
    transaction.on_commit(lambda: notify.author_of_decision(request))
    return request
