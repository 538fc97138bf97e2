"""The moderation workflow, written once: the console and the admin both call these.

Each function checks who decides (a moderator, never on their own request), that a reason
is given where one is owed, and locks the rows it changes; every change to an actor becomes
one version in its history, attributed to the moderator with the decision's reason, and
every decision is written to the journal (Decision)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actors.models import Actor, ActorStatus
from contributions import notify as contributions_notify
from contributions import profile, rules
from contributions import services as contributions
from contributions.models import (
    ChangeRequest,
    ChangeRequestKind,
    RequestStatus,
    Suggestion,
    SuggestionStatus,
)
from contributions.permissions import is_moderator
from contributions.services import ContributionError, StaleBase

from . import notify
from .history import recorded, values_of
from .models import Action, Decision, ItemType

__all__ = [
    "ModerationError",
    "StaleBase",
    "archive",
    "decide_change_request",
    "decide_claim",
    "decide_suggestion",
    "publish",
    "restore_version",
    "unarchive",
]

SUGGESTION_FIELDS = ["website", "phone", "street_address"]


class ModerationError(ContributionError):
    """A decision refused by a workflow rule; its message is meant for the moderator."""


def require_moderator(user):
    if not is_moderator(user):
        raise ModerationError(_("Seule l'équipe de modération peut décider."))


def require_not_own(user, requester_id):
    if requester_id is not None and requester_id == user.pk:
        raise ModerationError(
            _("Vous ne pouvez pas décider de votre propre demande : un autre modérateur le fera.")
        )


def require_reason(reason):
    reason = (reason or "").strip()
    if not reason:
        raise ModerationError(_("Indiquez un motif : il est envoyé au demandeur."))
    return reason


def _journal(item_type, object_id, actor_id, action, moderator, reason, fields=()):
    return Decision.objects.create(
        item_type=item_type,
        object_id=object_id,
        actor_id=actor_id,
        action=action,
        moderator=moderator,
        reason=reason or "",
        fields=list(fields),
    )


def _why(action_label, reason):
    return f"{action_label} : {reason}" if reason else str(action_label)


def decide_change_request(cr, moderator, action, reason="", fields=None, seen_updated_at=None):
    """Approve (all fields, or only `fields`), reject or send back a change request or a
    new organisation. See contributions.services.apply_change_request for stale bases."""
    require_moderator(moderator)
    require_not_own(moderator, cr.author_id)
    if action in (Action.REJECT, Action.CHANGES):
        reason = require_reason(reason)
    reason = (reason or "").strip()
    item_type = ItemType.NEW if cr.kind == ChangeRequestKind.NEW else ItemType.CHANGE
    with transaction.atomic():
        if action == Action.APPROVE:
            changed = changed_fields(cr)
            partial = fields is not None and cr.kind == ChangeRequestKind.CHANGE
            chosen = [name for name in changed if name in fields] if partial else changed
            if partial and not chosen:
                raise ModerationError(_("Choisissez au moins un champ à appliquer."))
            partial = partial and set(chosen) != set(changed)
            label = (
                _("Demande n° %(pk)s acceptée en partie")
                if partial
                else _("Demande n° %(pk)s acceptée")
            ) % {"pk": cr.pk}
            with recorded(moderator, _why(label, reason)):
                contributions.apply_change_request(
                    cr,
                    moderator,
                    reason,
                    fields=chosen if partial else None,
                    seen_updated_at=seen_updated_at,
                )
            _journal(
                item_type,
                cr.pk,
                cr.actor_id,
                Action.PARTIAL if partial else Action.APPROVE,
                moderator,
                reason,
                chosen,
            )
        elif action == Action.REJECT:
            contributions.reject_change_request(cr, moderator, reason)
            _journal(item_type, cr.pk, cr.actor_id, Action.REJECT, moderator, reason)
        elif action == Action.CHANGES:
            contributions.request_changes(cr, moderator, reason)
            _journal(item_type, cr.pk, cr.actor_id, Action.CHANGES, moderator, reason)
        else:
            raise ModerationError(_("Décision inconnue."))
    return ChangeRequest.objects.get(pk=cr.pk)


def changed_fields(cr):
    """The fields a request changes, "logo" included when it proposes one."""
    if cr.kind == ChangeRequestKind.NEW:
        return []
    current = profile.snapshot(cr.actor)
    names = profile.changed_fields(cr.base or current, cr.proposed)
    return [*names, "logo"] if cr.proposed_logo else names


def decide_claim(claim, moderator, action, reason=""):
    """Approve (the claimant becomes an owner) or reject, with a reason sent to them."""
    require_moderator(moderator)
    require_not_own(moderator, claim.user_id)
    if action == Action.REJECT:
        reason = require_reason(reason)
    with transaction.atomic():
        if action == Action.APPROVE:
            decided = contributions.approve_claim(claim, moderator)
        elif action == Action.REJECT:
            decided = contributions.reject_claim(claim, moderator)
        else:
            raise ModerationError(_("Décision inconnue."))
        _journal(ItemType.CLAIM, claim.pk, claim.actor_id, action, moderator, reason)
        transaction.on_commit(lambda: notify.claim_decided(decided, reason))
    return decided


def decide_suggestion(suggestion, moderator, action, reason="", fields=None):
    """Apply the chosen proposed values (or none: the suggestion was handled by hand), or
    dismiss it with a reason. The visitor hears of it if they left an address; the owners
    when their profile changed (they were told of the suggestion itself when it came)."""
    require_moderator(moderator)
    if suggestion.contact_email and suggestion.contact_email.lower() == moderator.email.lower():
        raise ModerationError(
            _("Vous ne pouvez pas décider de votre propre demande : un autre modérateur le fera.")
        )
    if action == Action.REJECT:
        reason = require_reason(reason)
    reason = (reason or "").strip()
    with transaction.atomic():
        found = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
        if found.status != SuggestionStatus.NEW:
            raise ModerationError(_("Cette suggestion a déjà été traitée."))
        applied = []
        if action == Action.APPROVE:
            actor = Actor.objects.select_for_update().get(pk=found.actor_id)
            wanted = fields if fields is not None else list(found.proposed)
            applied = [
                name
                for name in SUGGESTION_FIELDS
                if name in wanted and name in found.proposed
                and getattr(actor, name) != found.proposed[name]
            ]  # fmt: skip
            if applied:
                label = _("Suggestion n° %(pk)s appliquée") % {"pk": found.pk}
                with recorded(moderator, _why(label, reason)):
                    values = profile.snapshot(actor)
                    values.update({name: found.proposed[name] for name in applied})
                    profile.apply(actor, values)
            found.status = SuggestionStatus.HANDLED
        elif action == Action.REJECT:
            found.status = SuggestionStatus.DISMISSED
        else:
            raise ModerationError(_("Décision inconnue."))
        found.save(update_fields=["status"])
        journal_action = Action.APPROVE if action == Action.APPROVE else Action.REJECT
        _journal(
            ItemType.SUGGESTION,
            found.pk,
            found.actor_id,
            journal_action,
            moderator,
            reason,
            applied,
        )
        transaction.on_commit(lambda: notify.suggestion_decided(found, reason, applied))
    return found


def _locked(actor):
    return Actor.objects.select_for_update().get(pk=actor.pk)


@transaction.atomic
def publish(actor, moderator, reason=""):
    """Makes a draft or pending actor public; its open "new organisation" request, if any,
    is accepted with it (so that the queue does not keep a decided item)."""
    require_moderator(moderator)
    actor = _locked(actor)
    if actor.status == ActorStatus.PUBLISHED:
        raise ModerationError(_("Cette fiche est déjà publiée."))
    if actor.status == ActorStatus.ARCHIVED:
        raise ModerationError(_("Une fiche archivée ne se publie pas : désarchivez-la d'abord."))
    pending = list(
        ChangeRequest.objects.select_for_update()
        .open()
        .filter(actor=actor, kind=ChangeRequestKind.NEW)
    )
    for cr in pending:
        require_not_own(moderator, cr.author_id)
    with recorded(moderator, _why(_("Publiée"), reason)):
        actor.status = ActorStatus.PUBLISHED
        actor.save(update_fields=["status", "updated_at"])
    for cr in pending:
        cr.status = RequestStatus.APPROVED
        cr.decided_by = moderator
        cr.decided_at = timezone.now()
        cr.moderator_note = reason
        cr.save()
        transaction.on_commit(lambda cr=cr: contributions_notify.author_of_decision(cr))
    _journal(ItemType.ACTOR, actor.pk, actor.pk, Action.PUBLISH, moderator, reason)
    return actor


@transaction.atomic
def archive(actor, moderator, reason):
    """Takes an actor off the directory; nothing is deleted and it can come back."""
    require_moderator(moderator)
    reason = require_reason(reason)
    actor = _locked(actor)
    if actor.status == ActorStatus.ARCHIVED:
        raise ModerationError(_("Cette fiche est déjà archivée."))
    with recorded(moderator, _why(_("Archivée"), reason)):
        actor.status = ActorStatus.ARCHIVED
        actor.save(update_fields=["status", "updated_at"])
    _journal(ItemType.ACTOR, actor.pk, actor.pk, Action.ARCHIVE, moderator, reason)
    return actor


@transaction.atomic
def unarchive(actor, moderator, reason):
    """Gives an archived actor back the status it had before, as its history says: an
    archived draft comes back a draft, never published without a review."""
    require_moderator(moderator)
    reason = require_reason(reason)
    actor = _locked(actor)
    if actor.status != ActorStatus.ARCHIVED:
        raise ModerationError(_("Cette fiche n'est pas archivée."))
    before = actor.history.exclude(status=ActorStatus.ARCHIVED).order_by("-history_date").first()
    previous = before.status if before else ActorStatus.DRAFT
    if previous == ActorStatus.PENDING:
        previous = ActorStatus.DRAFT  # its request was closed meanwhile or is still open
    with recorded(moderator, _why(_("Désarchivée"), reason)):
        actor.status = previous
        actor.save(update_fields=["status", "updated_at"])
    _journal(ItemType.ACTOR, actor.pk, actor.pk, Action.UNARCHIVE, moderator, reason)
    return actor


@transaction.atomic
def restore_version(actor, version_id, moderator, reason, seen_updated_at):
    """Writes a past version's profile (fields, taxonomies, logo) back as a new version.
    The status is left alone: publishing and archiving have their own functions. Refused
    if the actor changed since the moderator compared the version with it, and if the
    version breaks the profile form's rules (e.g. saved before themes were required): the
    moderator restores what was asked or nothing, never a silent mix of two versions."""
    require_moderator(moderator)
    reason = require_reason(reason)
    actor = _locked(actor)
    if seen_updated_at != actor.updated_at:
        raise StaleBase(
            _(
                "La fiche a changé depuis votre comparaison : "
                "comparez de nouveau avant de restaurer."
            )
        )
    version = actor.history.filter(history_id=version_id).first()
    if version is None:
        raise ModerationError(_("Version inconnue."))
    values = values_of(version)
    # The rules may have changed since (a field became required): a restore never leaves
    # a profile its members could not save. The moderator sees what is missing.
    problems = rules.problems(values)
    if problems:
        raise ModerationError(
            _(
                "Cette version ne respecte pas les règles actuelles d'une fiche ; "
                "elle n'a pas été restaurée. À corriger : %(problems)s"
            )
            % {"problems": " ; ".join(problems)}
        )
    label = _("Restauration de la version du %(date)s") % {
        "date": timezone.localtime(version.history_date).strftime("%d/%m/%Y %H:%M")
    }
    with recorded(moderator, _why(label, reason)):
        profile.apply(actor, values)
        if actor.logo.name != (version.logo or ""):
            actor.logo.name = version.logo or ""
            actor.save(update_fields=["logo", "updated_at"])
    _journal(ItemType.ACTOR, actor.pk, actor.pk, Action.RESTORE, moderator, reason)
    return actor
