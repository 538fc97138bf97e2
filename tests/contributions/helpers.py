"""Building form data and a fingerprint of what the contributions touch."""

from actors.models import Actor
from contributions import profile
from contributions.models import ChangeRequest, Claim, Invitation, Membership, Suggestion


def form_data(actor, **changes):
    """The profile form as a browser would post it, for `actor`, with `changes`."""
    values = profile.snapshot(actor)
    data = {}
    for name in profile.SCALARS:
        value = values[name]
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = value
    data["kind"] = actor.kind.pk
    data["commune"] = actor.commune.pk
    data["location"] = actor.location.geojson
    for name in profile.TAXONOMIES:
        data[name] = [t.pk for t in getattr(actor, name).all()]
    data["base"] = actor.updated_at.isoformat()
    data.update(changes)
    return data


def fingerprint():
    """Everything a write could change, to check that a refused request changed nothing."""
    return {
        "actors": list(Actor.objects.order_by("pk").values_list("pk", "status", "updated_at")),
        "members": list(Membership.objects.order_by("pk").values_list("pk", "user", "role")),
        "requests": list(
            ChangeRequest.objects.order_by("pk").values_list("pk", "status", "proposed")
        ),
        "claims": list(Claim.objects.order_by("pk").values_list("pk", "status")),
        "suggestions": Suggestion.objects.count(),
        "invitations": list(
            Invitation.objects.order_by("pk").values_list("pk", "accepted_at", "revoked_at")
        ),
    }
