"""Corrections from anonymous visitors, with spam protections that need no third party."""

import hashlib
import hmac
import secrets
import time
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actors.models import ActorStatus
from neonum import ratelimit

from .. import notify
from ..errors import ContributionError
from ..models import Suggestion

TOKEN_SALT = "contributions.suggestion-form"  # noqa: S105 - a signing salt, not a secret
MIN_SECONDS = 3
MAX_SECONDS = 60 * 60 * 2
WINDOW = 60 * 60
# The privacy page promises that suggestions are deleted after a year.
KEEP_DAYS = 365


def form_token(now=None):
    """Signed time the form was shown: robots post faster than people read. The nonce makes
    each form's token distinct, so that spending one spends no other."""
    started = now if now is not None else time.time()
    return signing.dumps({"t": started, "n": secrets.token_urlsafe(9)}, salt=TOKEN_SALT)


def check_form_token(token, now=None):
    now = now if now is not None else time.time()
    try:
        started = float(signing.loads(token, salt=TOKEN_SALT)["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise ContributionError(_("Le formulaire a expiré : merci de le renvoyer.")) from None
    if now - started < MIN_SECONDS:
        raise ContributionError(
            _("Envoi trop rapide : prenez le temps de relire, puis renvoyez le formulaire.")
        )
    if now - started > MAX_SECONDS:
        raise ContributionError(_("Le formulaire a expiré : merci de le renvoyer."))
    _spend(token)


def _spend(token):
    """A token works once, in every process: a rate limit of one per token, kept as long as
    the token could still be accepted."""
    digest = hashlib.sha256(token.encode()).hexdigest()
    if not ratelimit.hit(f"suggestion-token:{digest}", 1, MAX_SECONDS):
        raise ContributionError(
            _("Ce formulaire a déjà été envoyé. Vérifiez votre texte, puis renvoyez-le.")
        )


def ip_hash(ip):
    return hmac.new(settings.SECRET_KEY.encode(), (ip or "").encode(), hashlib.sha256).hexdigest()


def suggest(
    actor, text, proposed=None, contact_email="", ip="", honeypot="", token="", subject=None
):
    """Records a suggestion and tells the owners and moderators. Refusals raise
    ContributionError; the honeypot refuses silently-looking but explicitly to the caller.
    `subject`: one of the actor's réalisations or ressources the suggestion is about."""
    if actor.status != ActorStatus.PUBLISHED:
        raise ContributionError(_("Cette fiche n'est pas publiée."))
    if honeypot:
        raise ContributionError(_("Votre suggestion n'a pas pu être enregistrée."))
    check_form_token(token)
    digest = ip_hash(ip)
    if not ratelimit.hit(f"suggestions:{digest}", settings.SUGGESTIONS_PER_HOUR, WINDOW):
        raise ContributionError(
            _("Trop de suggestions envoyées depuis votre connexion : réessayez dans une heure.")
        )
    with transaction.atomic():
        created = Suggestion.objects.create(
            actor=actor,
            text=text,
            proposed=proposed or {},
            contact_email=contact_email,
            ip_hash=digest,
            **({subject._meta.model_name: subject} if subject is not None else {}),
        )
        transaction.on_commit(lambda: notify.suggestion(created))
    return created


def purge_old(now=None):
    """Deletes the suggestions older than KEEP_DAYS; how many."""
    cutoff = (now or timezone.now()) - timedelta(days=KEEP_DAYS)
    deleted, _ = Suggestion.objects.filter(created_at__lt=cutoff).delete()
    return deleted
