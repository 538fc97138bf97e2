"""Owners invite editors by email and manage roles; an actor always keeps an owner."""

from django.core import signing
from django.db import transaction
from django.utils.translation import gettext as _

from .. import notify
from ..models import Membership, Role
from .errors import ContributionError

INVITATION_SALT = "contributions.invitation"
INVITATION_MAX_AGE = 60 * 60 * 24 * 7


def invitation_token(actor, email):
    return signing.dumps({"actor": actor.pk, "email": email.lower()}, salt=INVITATION_SALT)


def read_invitation(token):
    try:
        return signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.BadSignature:
        raise ContributionError(_("Cette invitation n'est pas valide ou a expiré.")) from None


def _require_owner(actor, user):
    if not Membership.objects.owners().filter(actor=actor, user=user).exists():
        raise ContributionError(_("Seuls les propriétaires gèrent les membres."))


def invite(actor, owner, email):
    """Emails a signed link; the membership exists once accepted by that address's owner.
    Whether the address has an account is never revealed."""
    _require_owner(actor, owner)
    notify.invitation(actor, owner, email, invitation_token(actor, email))


@transaction.atomic
def accept_invitation(token, user):
    from allauth.account.models import EmailAddress

    from actors.models import Actor

    data = read_invitation(token)
    email = data.get("email", "")
    if not EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists():
        raise ContributionError(
            _("Cette invitation est adressée à une autre adresse que la vôtre.")
        )
    actor = Actor.objects.get(pk=data.get("actor"))
    membership, _created = Membership.objects.get_or_create(
        actor=actor, user=user, defaults={"role": Role.EDITOR}
    )
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
