from urllib.parse import urlsplit

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actors.models import ActorStatus

from .. import notify
from ..errors import ContributionError
from ..models import Claim, ClaimStatus, Membership

EVIDENCE_SALT = "contributions.claim-evidence"
EVIDENCE_MAX_AGE = 60 * 60 * 24 * 3


def website_domain(url):
    host = (urlsplit(url or "").hostname or "").lower()
    return host.removeprefix("www.")


def evidence_token(claim):
    return signing.dumps({"claim": claim.pk, "email": claim.evidence_email}, salt=EVIDENCE_SALT)


@transaction.atomic
def claim(actor, user, message, siret="", rna="", evidence_email=""):
    """Asks the moderators to make `user` an owner of a published actor."""
    if actor.status != ActorStatus.PUBLISHED:
        raise ContributionError(_("Seule une fiche publiée peut être revendiquée."))
    if Membership.objects.filter(actor=actor, user=user).exists():
        raise ContributionError(_("Vous êtes déjà membre de cette fiche."))
    try:
        with transaction.atomic():
            created = Claim.objects.create(
                actor=actor,
                user=user,
                message=message,
                siret=siret,
                rna=rna,
                evidence_email=evidence_email,
            )
    except IntegrityError:
        raise ContributionError(_("Vous avez déjà une revendication en cours.")) from None
    if evidence_email:
        transaction.on_commit(lambda: notify.claim_evidence(created, evidence_token(created)))
    transaction.on_commit(lambda: notify.moderators_of_claim(created))
    return created


def verify_claim_email(token):
    """Marks a claim's evidence address as verified; the link is the proof of access."""
    try:
        data = signing.loads(token, salt=EVIDENCE_SALT, max_age=EVIDENCE_MAX_AGE)
    except signing.BadSignature:
        raise ContributionError(_("Ce lien n'est pas valide ou a expiré.")) from None
    found = Claim.objects.filter(
        pk=data.get("claim"), evidence_email=data.get("email"), status=ClaimStatus.PENDING
    ).first()
    if found is None:
        raise ContributionError(_("Cette revendication n'est plus en cours."))
    if found.evidence_email_verified_at is None:
        found.evidence_email_verified_at = timezone.now()
        found.save(update_fields=["evidence_email_verified_at"])
    return found
