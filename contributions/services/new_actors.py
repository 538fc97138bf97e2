from django.contrib.postgres.search import TrigramSimilarity
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from actors.models import Actor, ActorStatus
from actors.texts import columns

from .. import notify, profile
from ..models import (
    ChangeRequest,
    ChangeRequestKind,
    Membership,
    RequestStatus,
    Role,
    current_language,
)
from .errors import ContributionError

SIMILAR_NAME = 0.4


def find_duplicates(name, commune, siret="", rna="", user=None):
    """Published actors (and the user's own) that may be the same organisation: same SIRET
    or RNA anywhere, or a similar name in the same commune."""
    same = Q(commune=commune) & Q(similarity__gte=SIMILAR_NAME)
    if siret:
        same |= Q(siret=siret)
    if rna:
        same |= Q(rna=rna)
    visible = Q(status=ActorStatus.PUBLISHED)
    if user is not None and user.is_authenticated:
        visible |= Q(memberships__user=user)
    return (
        Actor.objects.annotate(similarity=TrigramSimilarity("name", name))
        .filter(visible)
        .filter(same)
        .exclude(status=ActorStatus.ARCHIVED)
        .select_related("commune")
        .distinct()
        .order_by("-similarity")[:10]
    )


@transaction.atomic
def submit_new_actor(user, cleaned_data):
    """A draft actor from the add form, with `user` as its owner. Nothing is public yet."""
    actor = Actor(status=ActorStatus.DRAFT, source="contribution")
    for name in ("name", "kind", *columns("summary"), "street_address", "commune", "website"):
        setattr(actor, name, cleaned_data.get(name, ""))
    actor.siret = cleaned_data.get("siret", "")
    actor.rna = cleaned_data.get("rna", "")
    actor.location = cleaned_data["location"]
    actor.save()
    actor.themes.set(cleaned_data["themes"])
    Membership.objects.create(user=user, actor=actor, role=Role.OWNER)
    return actor


def _require_draft(actor):
    if actor.status != ActorStatus.DRAFT:
        raise ContributionError(_("Cette fiche n'est plus un brouillon."))


@transaction.atomic
def update_draft(actor, cleaned_data, logo=None):
    """A draft is not public: it is edited in place."""
    actor = Actor.objects.select_for_update().get(pk=actor.pk)
    _require_draft(actor)
    profile.apply(actor, profile.from_form(cleaned_data))
    if logo is not None:
        actor.logo.save(logo.name, logo, save=True)
    return actor


@transaction.atomic
def submit_for_review(actor, user):
    """Sends a draft to the moderators, as a request of kind "new organisation"."""
    actor = Actor.objects.select_for_update().get(pk=actor.pk)
    _require_draft(actor)
    actor.status = ActorStatus.PENDING
    actor.save(update_fields=["status", "updated_at"])
    # A request sent back for changes is resubmitted, not duplicated.
    request = ChangeRequest.objects.open().for_actor(actor).filter(
        kind=ChangeRequestKind.NEW
    ).first() or ChangeRequest(actor=actor, kind=ChangeRequestKind.NEW)
    request.author = user
    request.status = RequestStatus.PENDING
    request.language = current_language()
    request.proposed = profile.snapshot(actor)
    request.base_updated_at = actor.updated_at
    request.save()
    transaction.on_commit(lambda: notify.request_submitted(request))
    return request


@transaction.atomic
def save_and_submit(actor, user, cleaned_data, logo=None):
    """The draft's form as typed, then sent to the moderators: one step, so that what was
    typed just before pressing "submit" is what the moderators read."""
    update_draft(actor, cleaned_data, logo=logo)
    return submit_for_review(actor, user)
