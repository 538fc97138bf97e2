"""Building form data and a fingerprint of what the contributions touch."""

from actors.models import Actor
from contributions import profile, rules
from contributions.models import ChangeRequest, Claim, Invitation, Membership, Suggestion


def form_data(actor, **changes):
    """The profile form as a browser would post it, for `actor`, with `changes`."""
    data = rules.as_form_data(profile.snapshot(actor))
    # Unrounded, as the form shows it: an untouched marker is recognised as untouched.
    data["location"] = actor.location.geojson
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
