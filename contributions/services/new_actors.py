from django.contrib.postgres.search import TrigramSimilarity
from django.db import transaction
from django.db.models import Q

from actors.models import Actor, ActorStatus, LocationPrecision
from actors.texts import columns
from moderation import workflow

from ..profile import PRECISION

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
    actor = Actor(source="contribution")
    for name in ("name", "kind", *columns("summary"), "street_address", "commune", "website"):
        setattr(actor, name, cleaned_data.get(name, ""))
    actor.siret = cleaned_data.get("siret", "")
    actor.rna = cleaned_data.get("rna", "")
    actor.location = cleaned_data["location"]
    actor.location_precision = cleaned_data.get(PRECISION, LocationPrecision.PRECISE)
    workflow.create_draft(actor, user)
    actor.themes.set(cleaned_data["themes"])
    return actor


@transaction.atomic
def save_and_submit(actor, user, cleaned_data, logo=None):
    """The draft's form as typed, then sent to the moderators: one step, so that what was
    typed just before pressing "submit" is what the moderators read."""
    workflow.update_draft(actor, cleaned_data, logo=logo)
    return workflow.submit_for_review(actor, user)
