from datetime import timedelta

import pytest
from django.utils import timezone

from alerts.models import Frequency, Subscription, Target
from tests.expertise.conftest import people  # noqa: F401  (the roles, shared)


def backdate(obj, days):
    """Makes `obj` published and created `days` ago (its history says when)."""
    when = timezone.now() - timedelta(days=days)
    type(obj).history.filter(id=obj.pk).update(history_date=when)
    type(obj).objects.filter(pk=obj.pk).update(created_at=when)


def subscription(user, days_ago=8, frequency=Frequency.WEEKLY, **values):
    """A subscription last sent `days_ago` days ago (a search of the whole directory
    unless told otherwise)."""
    if "actor" in values:
        values.setdefault("target", Target.ACTOR)
    elif "theme" in values:
        values.setdefault("target", Target.THEME)
    else:
        values.setdefault("target", Target.SEARCH)
        values.setdefault("search_kind", "actors")
    values.setdefault("label", "Annuaire")
    return Subscription.objects.create(
        user=user, frequency=frequency,
        last_sent_at=timezone.now() - timedelta(days=days_ago), **values,
    )  # fmt: skip


@pytest.fixture
def member(people):  # noqa: F811
    return people["other"]
