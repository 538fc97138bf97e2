"""A user's own data: exported as JSON, and deleted on request."""

from django.db import transaction
from django.utils.translation import gettext as _

from ..errors import ContributionError
from ..models import ChangeRequest, Claim, Membership, RequestStatus, Role


def export_user_data(user):
    from allauth.account.models import EmailAddress

    from alerts.services import export as alerts

    def when(value):
        return value.isoformat() if value else None

    return {
        "account": {
            "email": user.email,
            "date_joined": when(user.date_joined),
            "last_login": when(user.last_login),
            "email_addresses": [
                {"email": e.email, "verified": e.verified, "primary": e.primary}
                for e in EmailAddress.objects.filter(user=user)
            ],
        },
        "memberships": [
            {
                "actor": m.actor.name,
                "slug": m.actor.slug,
                "role": m.role,
                "since": when(m.created_at),
            }
            for m in Membership.objects.filter(user=user).select_related("actor")
        ],
        "change_requests": [
            {
                "actor": r.actor.slug,
                "kind": r.kind,
                "status": r.status,
                "proposed": r.proposed,
                "created_at": when(r.created_at),
                "updated_at": when(r.updated_at),
                "moderator_note": r.moderator_note,
            }
            for r in ChangeRequest.objects.filter(author=user).select_related("actor")
        ],
        "claims": [
            {
                "actor": c.actor.slug,
                "status": c.status,
                "message": c.message,
                "siret": c.siret,
                "rna": c.rna,
                "evidence_email": c.evidence_email,
                "created_at": when(c.created_at),
            }
            for c in Claim.objects.filter(user=user).select_related("actor")
        ],
        "subscriptions": alerts(user),
    }


def blocking_actors(user):
    """Actors the user is the only owner of while others are still members: leaving would
    give them to nobody, so an owner must hand over first."""
    blocked = []
    for m in Membership.objects.owners().filter(user=user).select_related("actor"):
        others = Membership.objects.filter(actor=m.actor).exclude(user=user)
        if others.exists() and not others.filter(role=Role.OWNER).exists():
            blocked.append(m.actor)
    return blocked


@transaction.atomic
def delete_account(user):
    """Memberships end and open change requests are withdrawn; organisations stay, and a
    new organisation already sent to moderation is still decided (its request keeps no
    author)."""
    blocked = blocking_actors(user)
    if blocked:
        raise ContributionError(
            _("Nommez d'abord un autre propriétaire pour : %(names)s.")
            % {"names": ", ".join(a.name for a in blocked)}
        )
    ChangeRequest.objects.open().changes().filter(author=user).update(
        status=RequestStatus.WITHDRAWN
    )
    user.delete()
