"""What is new for a subscription: the items published within a period.

No kind stores when it was published. The moment is the first version of its history
(django-simple-history, every kind's) with the published status, that is the
moderators' decision or the import that published it; an item without such a version
(loaded in bulk, without history) counts from its creation."""

from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from actors.models import Actor
from events.models import Event
from expertise.models import Realisation, Ressource
from moderation.contract import Status

from .models import Target
from .searches import LISTS

# The most items listed per subscription in one e-mail; a link shows the rest.
MOST = 10
CONTENT = (Actor, Realisation, Ressource, Event)


def published_between(model, since, until):
    first = (
        model.history.model.objects.filter(id=OuterRef("pk"), status=Status.PUBLISHED)
        .order_by("history_date")
        .values("history_date")[:1]
    )
    return (
        model.objects.filter(status=Status.PUBLISHED)
        .annotate(published_at=Coalesce(Subquery(first), "created_at"))
        .filter(published_at__gt=since, published_at__lte=until)
    )


def _followed(model, subscription):
    if subscription.target == Target.ACTOR:
        if model is Actor:
            return None
        by = Q(actor=subscription.actor_id)
        if model is Event:
            by |= Q(organisers=subscription.actor_id)
        return by
    if model is Actor:
        return Q(theme_ids__overlap=[subscription.theme_id])
    return Q(themes=subscription.theme_id)


def news(subscription, until):
    """[(model, items, more)] for each kind with news since the subscription's last e-mail:
    up to MOST items, newest first, and how many more there are."""
    since = subscription.last_sent_at
    found = []
    if subscription.target == Target.SEARCH:
        spec = LISTS[subscription.search_kind]
        queries = [(spec.model, spec.matching(
            subscription.query, published_between(spec.model, since, until)
        ))]  # fmt: skip
    else:
        queries = []
        for model in CONTENT:
            condition = _followed(model, subscription)
            if condition is not None:
                queries.append(
                    (model, published_between(model, since, until).filter(condition).distinct())
                )
    for model, items in queries:
        newest = items.order_by("-published_at", "-pk")[: MOST + 1]
        items = list(newest.values_list("pk", flat=True))
        if items:
            shown = model.objects.in_bulk(items[:MOST])
            found.append((model, [shown[pk] for pk in items[:MOST]], len(items) > MOST))
    return found
