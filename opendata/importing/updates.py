"""A row that matches a known actor: unchanged, proposed as a change request, or written
(`publish`, or an actor not published yet). With `publish`, an actor an earlier import left
pending is published, and its "new organisation" request closed as approved."""

from actors.models import Actor, ActorStatus
from contributions import profile
from contributions.models import ChangeRequest, ChangeRequestKind
from moderation import workflow

UPDATED, UNCHANGED = "updated", "unchanged"


def current_values(actor):
    return {**profile.snapshot(actor), "location_precision": actor.location_precision}


def update(importer, known, candidate):
    """UPDATED or UNCHANGED, after writing (or proposing) the row's values."""
    from . import importer as writing

    actor = Actor.objects.select_related("kind", "commune").get(pk=known.pk)
    current = current_values(actor)
    values = candidate.values
    importer.locator.locate(values, current, actor.location_precision)
    proposed = {**current, **{k: v for k, v in values.items() if k != "is_demo"}}
    publishing = importer.publish and actor.status == ActorStatus.PENDING
    if proposed == current and not publishing:
        return UNCHANGED
    candidate.warnings += importer.validate(values, actor)
    proposed = {**current, **{k: v for k, v in values.items() if k != "is_demo"}}
    if proposed == current and not publishing:
        return UNCHANGED
    if actor.status == ActorStatus.PUBLISHED and not importer.publish:
        already = ChangeRequest.objects.open().changes().for_subject(actor)
        if any(request.proposed == proposed for request in already):
            return UNCHANGED
        if importer.apply:
            workflow.record_proposal(actor, importer.user, ChangeRequestKind.CHANGE, proposed,
                                     base=current)  # fmt: skip
        return UPDATED
    if not importer.apply:
        return UPDATED
    if publishing:
        actor.status = ActorStatus.PUBLISHED
    writing.save_actor(actor, proposed)
    if publishing:
        workflow.approve_new_requests(actor, importer.user)
    elif actor.status != ActorStatus.PUBLISHED:
        # Keep the pending "new organisation" request showing what will be published.
        requests = ChangeRequest.objects.open().new().for_subject(actor)
        requests.update(proposed=current_values(actor), base_updated_at=actor.updated_at)
    return UPDATED
