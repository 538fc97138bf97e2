"""The moderation workflow, written once for every moderated kind (see moderation.contract):
drafts, change requests, decisions, publishing, archiving and restoring. Members' views, the
console, the admin's actions and the importer call these functions; none holds a rule.

One rule per function. Each locks the rows it changes (`select_for_update`) so that two
people acting at once leave one outcome, raises ModerationError (its message is meant for
the person acting) when a rule refuses, and sends its mails once the transaction commits.
What is particular to a kind (its values, mails, history, journal) is asked of its
declaration. Claims and suggestions, which only actors have, are decided here too."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from contributions.errors import ContributionError
from contributions.models import (
    Claim,
    ClaimStatus,
    Membership,
    Role,
    Suggestion,
    SuggestionStatus,
    current_language,
)
from contributions.permissions import is_moderator

from . import notify
from .contract import ProposalKind, ProposalStatus, Status
from .models import Action

SUGGESTION_FIELDS = ["website", "phone", "street_address"]


class ModerationError(ContributionError):
    """A step refused by a workflow rule."""


class StaleBase(ModerationError):
    """The object changed since the version a request or a form was written against."""


# Who, why, and the rows ----------------------------------------------------------------


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


def _why(action_label, reason):
    return f"{action_label} : {reason}" if reason else str(action_label)


def _locked(obj):
    return type(obj).objects.select_for_update().get(pk=obj.pk)


def _locked_request(request):
    """The request and its object, both locked (the object is what a decision writes)."""
    request = type(request).objects.select_for_update().get(pk=request.pk)
    subject = request._meta.get_field(request.SUBJECT).related_model
    obj = subject.objects.select_for_update().get(pk=getattr(request, f"{request.SUBJECT}_id"))
    setattr(request, request.SUBJECT, obj)
    return request, obj.declaration()


def _require_open(request):
    if not request.is_open:
        raise ModerationError(_("Cette demande n'est plus en cours."))


def _require_status(obj, status, message):
    if obj.status != status:
        raise ModerationError(message)


def _decide(item, by, status, note=None):
    """The only place an item's decision (status, who, when) is written."""
    item.status = status
    item.decided_by = by
    item.decided_at = timezone.now()
    if note is not None:
        item.moderator_note = note
    item.save()


def _save_files(obj, files):
    for name, upload in files.items():
        if upload is not None:
            getattr(obj, name).save(upload.name, upload, save=True)


def _attach_files(declaration, request, files):
    for name, upload in files.items():
        if upload is not None:
            getattr(request, declaration.files[name]).save(upload.name, upload, save=False)


def _new_requests(declaration, obj):
    """The object's open "new" requests, locked."""
    return list(declaration.requests.objects.select_for_update().open().new().for_subject(obj))


# Drafts --------------------------------------------------------------------------------


@transaction.atomic
def create_draft(obj, user):
    """Saves a new object as a draft of `user`'s; nothing is public yet."""
    obj.status = Status.DRAFT
    obj.save()
    obj.declaration().drafted(obj, user)
    return obj


@transaction.atomic
def update_draft(obj, cleaned_data, **files):
    """A draft is not public: it is edited in place, with its form's values."""
    obj = _locked(obj)
    _require_status(obj, Status.DRAFT, _("Cette fiche n'est plus un brouillon."))
    declaration = obj.declaration()
    declaration.apply(obj, declaration.from_form(cleaned_data))
    _save_files(obj, files)
    return obj


def record_proposal(obj, author, kind, proposed, base=None):
    """A request holding `proposed` against the object's current version (kept as `base`
    with its date), without mail: the caller says who hears of it."""
    declaration = obj.declaration()
    return declaration.requests.objects.create(
        **{declaration.requests.SUBJECT: obj},
        author=author,
        kind=kind,
        proposed=proposed,
        base=base or {},
        base_updated_at=obj.updated_at,
    )


@transaction.atomic
def submit_for_review(obj, user):
    """Sends a draft to the moderators, as a request of kind "new"."""
    obj = _locked(obj)
    _require_status(obj, Status.DRAFT, _("Cette fiche n'est plus un brouillon."))
    declaration = obj.declaration()
    obj.status = Status.PENDING
    obj.save(update_fields=["status", "updated_at"])
    # A request sent back for changes is resubmitted, not duplicated.
    request = declaration.requests.objects.open().new().for_subject(obj).first()
    if request is None:
        request = record_proposal(obj, user, ProposalKind.NEW, declaration.snapshot(obj))
    request.author = user
    request.status = ProposalStatus.PENDING
    request.language = current_language()
    request.proposed = declaration.snapshot(obj)
    request.base_updated_at = obj.updated_at
    request.save()
    transaction.on_commit(lambda: declaration.submitted(request))
    return request


# Change requests -----------------------------------------------------------------------


@transaction.atomic
def propose_change(obj, user, values, base_updated_at, **files):
    """Records proposed values for a published object; the object itself is not touched.

    `base_updated_at` is the version the member's form was showing; the snapshot of the
    current version is kept as the base when it matches, so a later change shows as a
    conflict. `files`: proposed files by the object's field name (an actor's `logo`)."""
    obj = _locked(obj)
    declaration = obj.declaration()
    _require_status(
        obj, Status.PUBLISHED, _("Seule une fiche publiée reçoit des demandes de modification.")
    )
    if base_updated_at != obj.updated_at:
        raise StaleBase(_("La fiche a été modifiée pendant votre saisie."))
    existing = declaration.requests.objects.open().changes().for_subject(obj).by(user).first()
    if existing is not None:
        return amend(existing, user, values, base_updated_at, **files)
    request = record_proposal(obj, user, ProposalKind.CHANGE, values, declaration.snapshot(obj))
    _attach_files(declaration, request, files)
    request.save()
    transaction.on_commit(lambda: declaration.submitted(request))
    return request


@transaction.atomic
def amend(request, user, values, base_updated_at, **files):
    """New proposed values for an open request. Amending rebases it on the version the
    member was shown, which must be the current one: a conflict is never resolved blind."""
    request, declaration = _locked_request(request)
    obj = request.subject
    _require_open(request)
    if request.author_id != user.pk:
        raise ModerationError(_("Seul l'auteur d'une demande peut la modifier."))
    if base_updated_at != obj.updated_at:
        raise StaleBase(_("La fiche a été modifiée pendant votre saisie."))
    request.proposed = values
    request.base = declaration.snapshot(obj)
    request.base_updated_at = obj.updated_at
    request.status = ProposalStatus.PENDING
    request.language = current_language()
    _attach_files(declaration, request, files)
    request.save()
    return request


@transaction.atomic
def withdraw(request, user):
    """The author takes the request back. A new object goes back to draft."""
    request, _declaration = _locked_request(request)
    _require_open(request)
    if request.author_id != user.pk:
        raise ModerationError(_("Seul l'auteur d'une demande peut la retirer."))
    request.status = ProposalStatus.WITHDRAWN
    request.save(update_fields=["status", "updated_at"])
    _back_to_draft(request)
    return request


def _back_to_draft(request):
    if request.kind == ProposalKind.NEW:
        type(request.subject).objects.filter(pk=request.subject.pk, status=Status.PENDING).update(
            status=Status.DRAFT
        )


def changed_fields(request):
    """The fields a request changes, its proposed files included."""
    if request.kind == ProposalKind.NEW:
        return []
    declaration = request.subject.declaration()
    current = declaration.snapshot(request.subject)
    names = declaration.changed_fields(request.base or current, request.proposed)
    return [*names, *(name for name, held in declaration.files.items() if getattr(request, held))]


def require_fresh(request, obj, seen_updated_at):
    """A request whose base is stale is applied only once the moderator has re-checked it
    against the current version (`seen_updated_at`): then only its own changes are written
    on top, and nobody else's change is overwritten."""
    if not request.is_stale:
        return
    if seen_updated_at is None:
        raise StaleBase(
            _(
                "La fiche a changé depuis cette demande : vérifiez le conflit ci-dessous "
                "et cochez la case de vérification pour l'accepter quand même."
            )
        )
    if seen_updated_at != obj.updated_at:
        raise StaleBase(_("La fiche a changé depuis cette demande : elle doit être mise à jour."))


# Decisions on requests -----------------------------------------------------------------


@transaction.atomic
def apply_change_request(request, moderator, note="", fields=None, seen_updated_at=None):
    """Publishes a request: a new object becomes public, a change is written onto it.

    `fields` limits a change to those of its fields (files by their field name); the others
    stay as published. A stale request needs the re-check (`require_fresh`)."""
    request, declaration = _locked_request(request)
    obj = request.subject
    if request.status != ProposalStatus.PENDING:
        raise ModerationError(_("Cette demande n'est plus en attente."))
    if request.kind == ProposalKind.NEW:
        _require_status(
            obj, Status.PENDING, _("Cette organisation n'est pas en attente de modération.")
        )
        obj.status = Status.PUBLISHED
        obj.save(update_fields=["status", "updated_at"])
        applied = None
    else:
        require_fresh(request, obj, seen_updated_at)
        current = declaration.snapshot(obj)
        wanted = declaration.changed_fields(request.base or current, request.proposed)
        if fields is not None:
            wanted = [name for name in wanted if name in fields]
        declaration.apply(obj, {**current, **declaration.chosen(request.proposed, wanted)})
        applied = list(wanted)
        for name, held in declaration.files.items():
            proposed = getattr(request, held)
            if proposed and (fields is None or name in fields):
                with proposed.open("rb") as upload:
                    getattr(obj, name).save(proposed.name.rsplit("/", 1)[-1], upload, save=True)
                applied.append(name)
    _decide(request, moderator, ProposalStatus.APPROVED, note)
    transaction.on_commit(lambda: declaration.decided(request, applied))
    return request


def _close(request, moderator, status, note):
    request, declaration = _locked_request(request)
    _require_open(request)
    _decide(request, moderator, status, note)
    _back_to_draft(request)
    transaction.on_commit(lambda: declaration.decided(request))
    return request


@transaction.atomic
def reject_change_request(request, moderator, note=""):
    return _close(request, moderator, ProposalStatus.REJECTED, note)


@transaction.atomic
def request_changes(request, moderator, note):
    """Sends the request back to its author with a note; it stays open."""
    return _close(request, moderator, ProposalStatus.CHANGES_REQUESTED, note)


def decide_change_request(request, moderator, action, reason="", fields=None, seen_updated_at=None):
    """Approve (all fields, or only `fields`), reject or send back a request, as a
    moderator who is not its author, with a reason where one is owed; the change is one
    version of the object's history and the decision is journaled."""
    require_moderator(moderator)
    require_not_own(moderator, request.author_id)
    if action in (Action.REJECT, Action.CHANGES):
        reason = require_reason(reason)
    reason = (reason or "").strip()
    declaration = request.subject.declaration()
    with transaction.atomic():
        if action == Action.APPROVE:
            changed = changed_fields(request)
            partial = fields is not None and request.kind == ProposalKind.CHANGE
            chosen = [name for name in changed if name in fields] if partial else changed
            if partial and not chosen:
                raise ModerationError(_("Choisissez au moins un champ à appliquer."))
            partial = partial and set(chosen) != set(changed)
            label = (
                _("Demande n° %(pk)s acceptée en partie")
                if partial
                else _("Demande n° %(pk)s acceptée")
            ) % {"pk": request.pk}
            with declaration.recorded(moderator, _why(label, reason)):
                apply_change_request(
                    request,
                    moderator,
                    reason,
                    fields=chosen if partial else None,
                    seen_updated_at=seen_updated_at,
                )
            action, journaled = (Action.PARTIAL if partial else Action.APPROVE), chosen
        elif action == Action.REJECT:
            reject_change_request(request, moderator, reason)
            journaled = ()
        elif action == Action.CHANGES:
            request_changes(request, moderator, reason)
            journaled = ()
        else:
            raise ModerationError(_("Décision inconnue."))
        declaration.journal(request, action, moderator, reason, journaled)
    return type(request).objects.get(pk=request.pk)


# Claims and suggestions (actors) -------------------------------------------------------


def _pending_claim(claim):
    found = Claim.objects.select_for_update().get(pk=claim.pk)
    if found.status != ClaimStatus.PENDING:
        raise ModerationError(_("Cette revendication n'est plus en cours."))
    return found


@transaction.atomic
def approve_claim(claim, moderator):
    """The claimant becomes an owner of the actor."""
    found = _pending_claim(claim)
    _decide(found, moderator, ClaimStatus.APPROVED)
    Membership.objects.update_or_create(
        actor=found.actor, user=found.user, defaults={"role": Role.OWNER}
    )
    return found


@transaction.atomic
def reject_claim(claim, moderator):
    found = _pending_claim(claim)
    _decide(found, moderator, ClaimStatus.REJECTED)
    return found


def decide_claim(claim, moderator, action, reason=""):
    """Approve or reject, with a reason sent to the claimant."""
    require_moderator(moderator)
    require_not_own(moderator, claim.user_id)
    if action == Action.REJECT:
        reason = require_reason(reason)
    with transaction.atomic():
        if action == Action.APPROVE:
            decided = approve_claim(claim, moderator)
        elif action == Action.REJECT:
            decided = reject_claim(claim, moderator)
        else:
            raise ModerationError(_("Décision inconnue."))
        decided.actor.declaration().journal(decided, action, moderator, reason)
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
        actor = _locked(found.actor)
        declaration = actor.declaration()
        applied = []
        if action == Action.APPROVE:
            wanted = fields if fields is not None else list(found.proposed)
            applied = [
                name
                for name in SUGGESTION_FIELDS
                if name in wanted and name in found.proposed
                and getattr(actor, name) != found.proposed[name]
            ]  # fmt: skip
            if applied:
                label = _("Suggestion n° %(pk)s appliquée") % {"pk": found.pk}
                with declaration.recorded(moderator, _why(label, reason)):
                    values = declaration.snapshot(actor)
                    values.update({name: found.proposed[name] for name in applied})
                    declaration.apply(actor, values)
            found.status = SuggestionStatus.HANDLED
        elif action == Action.REJECT:
            found.status = SuggestionStatus.DISMISSED
        else:
            raise ModerationError(_("Décision inconnue."))
        found.save(update_fields=["status"])
        journal_action = Action.APPROVE if action == Action.APPROVE else Action.REJECT
        declaration.journal(found, journal_action, moderator, reason, applied)
        transaction.on_commit(lambda: notify.suggestion_decided(found, reason, applied))
    return found


# Publishing, archiving, restoring ------------------------------------------------------


def approve_new_requests(obj, by, note=""):
    """Closes the object's open "new" requests as approved, once it is published some
    other way (a moderator's publish, an import); returns them."""
    requests = _new_requests(obj.declaration(), obj)
    for request in requests:
        _decide(request, by, ProposalStatus.APPROVED, note)
    return requests


@transaction.atomic
def publish(obj, moderator, reason=""):
    """Makes a draft or pending object public; its open "new" request, if any, is accepted
    with it (so that the queue does not keep a decided item)."""
    require_moderator(moderator)
    obj = _locked(obj)
    declaration = obj.declaration()
    if obj.status == Status.PUBLISHED:
        raise ModerationError(_("Cette fiche est déjà publiée."))
    if obj.status == Status.ARCHIVED:
        raise ModerationError(_("Une fiche archivée ne se publie pas : désarchivez-la d'abord."))
    for request in _new_requests(declaration, obj):
        require_not_own(moderator, request.author_id)
    with declaration.recorded(moderator, _why(_("Publiée"), reason)):
        obj.status = Status.PUBLISHED
        obj.save(update_fields=["status", "updated_at"])
    for request in approve_new_requests(obj, moderator, reason):
        transaction.on_commit(lambda request=request: declaration.decided(request))
    declaration.journal(obj, Action.PUBLISH, moderator, reason)
    return obj


def _set_status(obj, moderator, status, label, reason, action):
    declaration = obj.declaration()
    with declaration.recorded(moderator, _why(label, reason)):
        obj.status = status
        obj.save(update_fields=["status", "updated_at"])
    declaration.journal(obj, action, moderator, reason)
    return obj


@transaction.atomic
def archive(obj, moderator, reason):
    """Takes an object off the public site; nothing is deleted and it can come back."""
    require_moderator(moderator)
    reason = require_reason(reason)
    obj = _locked(obj)
    if obj.status == Status.ARCHIVED:
        raise ModerationError(_("Cette fiche est déjà archivée."))
    return _set_status(obj, moderator, Status.ARCHIVED, _("Archivée"), reason, Action.ARCHIVE)


@transaction.atomic
def unarchive(obj, moderator, reason):
    """Gives an archived object back the status it had before, as its history says: an
    archived draft comes back a draft, never published without a review."""
    require_moderator(moderator)
    reason = require_reason(reason)
    obj = _locked(obj)
    _require_status(obj, Status.ARCHIVED, _("Cette fiche n'est pas archivée."))
    before = obj.history.exclude(status=Status.ARCHIVED).order_by("-history_date").first()
    previous = before.status if before else Status.DRAFT
    if previous == Status.PENDING:
        previous = Status.DRAFT  # its request was closed meanwhile or is still open
    return _set_status(obj, moderator, previous, _("Désarchivée"), reason, Action.UNARCHIVE)


@transaction.atomic
def restore_version(obj, version_id, moderator, reason, seen_updated_at):
    """Writes a past version's values (fields, taxonomies, files) back as a new version.
    The status is left alone: publishing and archiving have their own functions. Refused
    if the object changed since the moderator compared the version with it, and if the
    version breaks today's rules (e.g. saved before a field was required): the moderator
    restores what was asked or nothing, never a silent mix of two versions."""
    require_moderator(moderator)
    reason = require_reason(reason)
    obj = _locked(obj)
    declaration = obj.declaration()
    if seen_updated_at != obj.updated_at:
        raise StaleBase(
            _(
                "La fiche a changé depuis votre comparaison : "
                "comparez de nouveau avant de restaurer."
            )
        )
    version = obj.history.filter(history_id=version_id).first()
    if version is None:
        raise ModerationError(_("Version inconnue."))
    values = declaration.values_of(version)
    problems = declaration.problems(values)
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
    with declaration.recorded(moderator, _why(label, reason)):
        declaration.apply(obj, values)
        for name in declaration.files:
            if getattr(obj, name).name != (getattr(version, name) or ""):
                getattr(obj, name).name = getattr(version, name) or ""
                obj.save(update_fields=[name, "updated_at"])
    declaration.journal(obj, Action.RESTORE, moderator, reason)
    return obj
