"""The alert e-mails: one per person and run, listing what is new for each of their
subscriptions that is due, in the language they last used to manage their alerts.

Each person's subscriptions are locked (skip locked: two workers never take the same
person) and their period advanced in the transaction that sends the e-mail. The message
goes straight to the delivery backend rather than through the queue: a refusal rolls the
period back, and the next daily run tries again with everything still listed."""

import logging
import smtplib
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from actors.texts import localized
from contributions.notify import render, site_url
from neonum import emails
from neonum.mail import delivery_connection

from . import tokens
from .models import Frequency, Subscription
from .news import news
from .searches import describe, page_path

log = logging.getLogger(__name__)

PERIODS = {Frequency.WEEKLY: timedelta(days=7), Frequency.MONTHLY: relativedelta(months=1)}
# The daily run starts a few seconds later or earlier from one day to the next: a week
# after the last e-mail is a week, not eight days.
SLACK = timedelta(hours=1)


def due(now):
    condition = Q(pk__in=[])
    for frequency, period in PERIODS.items():
        condition |= Q(frequency=frequency, last_sent_at__lte=now - period + SLACK)
    return Subscription.objects.filter(condition)


def send_due(now=None):
    """Every person with a subscription due; the number of e-mails sent."""
    now = now or timezone.now()
    sent = 0
    for user_id in due(now).order_by().values_list("user_id", flat=True).distinct():
        try:
            sent += send_to(user_id, now)
        except (smtplib.SMTPException, OSError) as error:
            log.warning("alert e-mail not sent, retried next run: %s", type(error).__name__)
    return sent


@transaction.atomic
def send_to(user_id, now):
    subscriptions = list(
        due(now)
        .filter(user_id=user_id)
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("user", "actor", "theme")
        .order_by("target", "label", "pk")
    )
    if not subscriptions:
        return 0
    user = subscriptions[0].user
    found = [(s, news(s, now)) for s in subscriptions]
    found = [(s, kinds) for s, kinds in found if kinds]
    sent = 0
    if found and user.is_active and user.email:
        # Every subscription of a person holds the language they last managed them in.
        language = subscriptions[0].language
        sent = delivery_connection().send_messages([message(user, found, language)])
    Subscription.objects.filter(pk__in=[s.pk for s in subscriptions]).update(last_sent_at=now)
    return sent


def unsubscribe_url(user_id, ids):
    return site_url(reverse("alerts:unsubscribe", kwargs={"token": tokens.make(user_id, ids)}))


def message(user, found, language):
    with translation.override(language):
        sections = [section(s, kinds) for s, kinds in found]
        unsubscribe_all = unsubscribe_url(user.pk, [s.pk for s, _kinds in found])
        context = {
            "sections": sections,
            "my_space": site_url(reverse("contributions:my-space") + "#alerts"),
            "unsubscribe_all": unsubscribe_all,
        }
        subject, html = render("alerts", "news", context, language)
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_all}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return emails.message(subject, html, [user.email], headers=headers)


def section(subscription, kinds):
    """One subscription's news, read in the active language."""
    groups = []
    for model, items, more in kinds:
        rows = [(_title(item), site_url(item.get_absolute_url())) for item in items]
        groups.append({"name": model._meta.verbose_name_plural, "items": rows, "more": more})
    return {
        "label": describe(subscription),
        "url": site_url(page_path(subscription)),
        "groups": groups,
        "unsubscribe": unsubscribe_url(subscription.user_id, [subscription.pk]),
    }


def _title(item):
    return item.name if hasattr(item, "name") else localized(item, "title").text
