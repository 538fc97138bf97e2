"""Owners invite editors by email and manage roles; an actor always keeps an owner."""

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import notify
from ..errors import ContributionError
from ..models import Invitation, Membership, Role

INVITATION_SALT = "contributions.invitation"
INVITATION_MAX_AGE = 60 * 60 * 24 * 7


def invitation_token(invitation):
    return signing.dumps({"invitation": invitation.pk}, salt=INVITATION_SALT)


def read_invitation(token, lock=False):
    """The invitation a link names, while it can still be accepted."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.BadSignature:
        raise ContributionError(_("Cette invitation n'est pas valide ou a expiré.")) from None
    invitations = Invitation.objects.select_related("actor")
    if lock:
        invitations = invitations.select_for_update(of=("self",))
    # Links signed before invitations were stored name no row: they are refused like forgeries.
    pk = data.get("invitation") if isinstance(data, dict) else None
    invitation = invitations.filter(pk=pk).first() if isinstance(pk, int) else None
    if invitation is None:
        raise ContributionError(_("Cette invitation n'est pas valide ou a expiré."))
    if invitation.revoked_at:
        raise ContributionError(
            _("Cette invitation a été annulée par un propriétaire de la fiche.")
        )
    if invitation.accepted_at:
        raise ContributionError(
            _("Cette invitation a déjà été utilisée ; demandez-en une nouvelle à un propriétaire.")
        )
    return invitation


def _require_owner(actor, user):
    if not Membership.objects.owners().filter(actor=actor, user=user).exists():
        raise ContributionError(_("Seuls les propriétaires gèrent les membres."))


@transaction.atomic
def invite(actor, owner, email):
    """Emails a link that works once; the membership exists once accepted by that address's
    owner. A new invitation to the same address replaces the pending one. Whether the address
    has an account is never revealed; a member's address is refused, as the members' list
    shows it."""
    _require_owner(actor, owner)
    if Membership.objects.for_actor(actor).filter(user__email__iexact=email).exists():
        raise ContributionError(_("Cette adresse est celle d'un membre de la fiche."))
    Invitation.objects.for_actor(actor).pending().filter(email__iexact=email).update(
        revoked_at=timezone.now()
    )
    invitation = Invitation.objects.create(actor=actor, email=email.lower(), invited_by=owner)
    notify.invitation(actor, owner, email, invitation_token(invitation))
    return invitation


@transaction.atomic
def revoke_invitation(invitation, by):
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _require_owner(invitation.actor, by)
    if invitation.accepted_at or invitation.revoked_at:
        raise ContributionError(_("Cette invitation n'est plus en attente."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])


@transaction.atomic
def accept_invitation(token, user):
    from allauth.account.models import EmailAddress

    # The row lock makes two acceptances of one link wait for each other: the second sees
    # the first's acceptance and is refused.
    invitation = read_invitation(token, lock=True)
    if not EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists():
        raise ContributionError(
            _("Cette invitation est adressée à une autre adresse que la vôtre.")
        )
    membership, _created = Membership.objects.get_or_create(
        actor=invitation.actor, user=user, defaults={"role": Role.EDITOR}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


def _owners_left(actor, without):
    return Membership.objects.owners().filter(actor=actor).exclude(pk=without.pk).count()


@transaction.atomic
def remove_member(membership, by):
    """An owner removes a member, or a member leaves. The last owner cannot go."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if by.pk != membership.user_id:
        _require_owner(membership.actor, by)
    # Locks the actor's owners so that two owners cannot remove each other at once.
    list(Membership.objects.owners().filter(actor=membership.actor).select_for_update())
    if membership.role == Role.OWNER and _owners_left(membership.actor, membership) == 0:
        raise ContributionError(_("Une fiche revendiquée garde toujours au moins un propriétaire."))
    membership.delete()


@transaction.atomic
def set_role(membership, by, role):
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    _require_owner(membership.actor, by)
    list(Membership.objects.owners().filter(actor=membership.actor).select_for_update())
    if role not in Role.values:
        raise ContributionError(_("Rôle inconnu."))
    if (
        membership.role == Role.OWNER
        and role != Role.OWNER
        and _owners_left(membership.actor, membership) == 0
    ):
        raise ContributionError(_("Une fiche revendiquée garde toujours au moins un propriétaire."))
    membership.role = role
    membership.save(update_fields=["role"])
    return membership
