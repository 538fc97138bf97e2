import pytest
from django.db import IntegrityError, transaction
from django.http import QueryDict

from actors.models import Theme
from alerts import services
from alerts.models import Frequency, Subscription, Target
from tests.alerts.conftest import subscription

pytestmark = pytest.mark.django_db


def refused(**values):
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscription.objects.create(label="x", **values)


def test_the_database_refuses_an_unknown_frequency_or_a_target_without_its_object(member):
    refused(user=member, target=Target.SEARCH, search_kind="actors", frequency="daily")
    refused(user=member, target=Target.SEARCH, search_kind="nowhere")
    refused(user=member, target=Target.ACTOR)
    refused(user=member, target=Target.THEME, theme=Theme.objects.first(), search_kind="actors")
    assert not Subscription.objects.exists()


def test_one_subscription_per_user_and_target(member, people):
    theme = Theme.objects.first()
    subscription(member, theme=theme)
    refused(user=member, target=Target.THEME, theme=theme)
    subscription(member, actor=people["actor"])
    refused(user=member, target=Target.ACTOR, actor=people["actor"])
    subscription(member, query="q=x")
    refused(user=member, target=Target.SEARCH, search_kind="actors", query="q=x")
    # Another person may follow the same.
    subscription(people["editor"], theme=theme)


def test_the_default_frequency_is_weekly(member):
    found, created = services.save_search(member, "actors", QueryDict("q=vélo"))
    assert created and found.frequency == Frequency.WEEKLY


def test_saving_the_same_search_twice_updates_it(member, people):
    first, created = services.save_search(member, "actors", QueryDict("q=vélo&theme=accessibilite"))
    services.set_frequency(first, Frequency.MONTHLY)
    # Another order, spaces, a page and an order: the same search.
    again, created_again = services.save_search(
        member, "actors", QueryDict("theme=accessibilite&page=2&q=+vélo+&sort=name")
    )
    assert created and not created_again and again.pk == first.pk
    assert Subscription.objects.count() == 1
    assert Subscription.objects.get().frequency == Frequency.WEEKLY
    services.follow_actor(member, people["actor"])
    services.follow_actor(member, people["actor"])
    assert Subscription.objects.filter(target=Target.ACTOR).count() == 1


def test_a_stopped_subscription_started_again_lists_news_from_then(member):
    stopped = subscription(member, days_ago=60, frequency=Frequency.NEVER)
    services.set_frequency(stopped, Frequency.WEEKLY)
    stopped.refresh_from_db()
    assert (stopped.last_sent_at - stopped.created_at).total_seconds() >= 0
