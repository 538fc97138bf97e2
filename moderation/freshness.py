"""Stale profiles: published, and not confirmed by their owners for FRESHNESS_DAYS (since
their creation when never confirmed). Owners confirm with a signed, expiring link."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from actors.models import Actor
from contributions.errors import ContributionError
from contributions.models import Membership

from . import notify
from .models import FreshnessReminder

SALT = "moderation.freshness"


def stale_actors(now=None):
    limit = (now or timezone.now()) - timedelta(days=settings.FRESHNESS_DAYS)
    return (
        Actor.objects.published()
        .annotate(confirmed_at=Coalesce("verified_at", "created_at"))
        .filter(confirmed_at__lt=limit)
        .select_related("commune", "kind")
        .order_by("confirmed_at")
    )


def token_for(actor, user):
    return signing.dumps({"actor": actor.pk, "user": user.pk}, salt=SALT)


def read_token(token):
    try:
        data = signing.loads(token, salt=SALT, max_age=timedelta(days=settings.FRESHNESS_LINK_DAYS))
    except signing.BadSignature:
        raise ContributionError(_("Ce lien n'est pas valide ou a expiré.")) from None
    actor = Actor.objects.published().filter(pk=data.get("actor")).first()
    # Only while the person is still an owner: a link outlives a handover otherwise.
    if (
        actor is None
        or not Membership.objects.owners().filter(actor=actor, user_id=data.get("user")).exists()
    ):
        raise ContributionError(_("Ce lien n'est plus valable pour cette fiche."))
    return actor


@transaction.atomic
def confirm(token, now=None):
    """Records that the owner says the profile is still accurate. `updated_at` is left
    alone on purpose: the profile did not change, and open change requests written against
    it must not turn stale."""
    actor = read_token(token)
    when = now or timezone.now()
    Actor.objects.filter(pk=actor.pk).update(verified_at=when)
    actor.verified_at = when
    return actor


def send_reminders(now=None, every_days=30):
    """Emails each owner of each stale actor a link, at most once every `every_days`."""
    now = now or timezone.now()
    sent = 0
    for actor in stale_actors(now).exclude(
        freshness_reminder__sent_at__gte=now - timedelta(days=every_days)
    ):
        owners = Membership.objects.owners().filter(actor=actor, user__is_active=True)
        owners = owners.exclude(user__email="").select_related("user")
        if not owners:
            continue
        for membership in owners:
            sent += notify.freshness_reminder(
                actor, membership.user.email, token_for(actor, membership.user),
                settings.FRESHNESS_LINK_DAYS,
            )  # fmt: skip
        FreshnessReminder.objects.update_or_create(actor=actor, defaults={"sent_at": now})
    return sent
