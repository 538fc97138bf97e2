"""Saving a search, following an actor or a theme, changing how often, stopping: the rules
the views call. Saving the same thing twice updates it."""

from django.db import transaction
from django.utils import timezone

from actors.models import Actor, Theme
from contributions.models import current_language

from . import tokens
from .models import Frequency, SearchKind, Subscription, Target
from .searches import normalise


def _keep(user, lookup, defaults):
    """Creates or updates the user's subscription to `lookup`; all their subscriptions then
    speak the language of the page they are using (their e-mails are written in it)."""
    with transaction.atomic():
        subscription, created = Subscription.objects.select_for_update().get_or_create(
            user=user, **lookup, defaults=defaults
        )
        if not created:
            restarted = _restarts(subscription, defaults["frequency"])
            for name, value in defaults.items():
                setattr(subscription, name, value)
            subscription.save(update_fields=[*defaults, *restarted])
        Subscription.objects.of(user).update(language=current_language())
    return subscription, created


def save_search(user, kind, data, frequency=Frequency.WEEKLY):
    """`data`: the list's query (a QueryDict); unknown kinds are refused by the caller."""
    query, label = normalise(SearchKind(kind), data)
    lookup = {"target": Target.SEARCH, "search_kind": kind, "query": query}
    return _keep(user, lookup, {"label": label, "frequency": frequency})


def follow_actor(user, actor: Actor, frequency=Frequency.WEEKLY):
    lookup = {"target": Target.ACTOR, "actor": actor}
    return _keep(user, lookup, {"label": actor.name[:200], "frequency": frequency})


def follow_theme(user, theme: Theme, frequency=Frequency.WEEKLY):
    lookup = {"target": Target.THEME, "theme": theme}
    return _keep(user, lookup, {"label": str(theme.label)[:200], "frequency": frequency})


def _restarts(subscription, frequency):
    """A stopped subscription started again lists what is new from now on, not everything
    since it was stopped; the fields changed."""
    if subscription.frequency == Frequency.NEVER and frequency != Frequency.NEVER:
        subscription.last_sent_at = timezone.now()
        return ["last_sent_at"]
    return []


def set_frequency(subscription, frequency):
    frequency = Frequency(frequency)
    restarted = _restarts(subscription, frequency)
    subscription.frequency = frequency
    subscription.save(update_fields=["frequency", *restarted])
    Subscription.objects.of(subscription.user_id).update(language=current_language())
    return subscription


def unsubscribe(token):
    """The subscriptions a signed link names, stopped (never); None for a link we did not
    sign. Those deleted meanwhile are skipped."""
    read = tokens.read(token)
    if read is None:
        return None
    user_id, ids = read
    subscriptions = Subscription.objects.filter(user_id=user_id, pk__in=ids)
    subscriptions.update(frequency=Frequency.NEVER)
    return list(subscriptions.select_related("actor", "theme"))


def export(user):
    """The user's subscriptions, for their personal data export."""
    return [
        {
            "target": s.target,
            "list": s.search_kind or None,
            "query": s.query or None,
            "actor": s.actor.slug if s.actor_id else None,
            "theme": s.theme.slug if s.theme_id else None,
            "label": s.label,
            "frequency": s.frequency,
            "language": s.language,
            "created_at": s.created_at.isoformat(),
            "last_sent_at": s.last_sent_at.isoformat() if s.last_sent_at else None,
        }
        for s in Subscription.objects.of(user).select_related("actor", "theme")
    ]
