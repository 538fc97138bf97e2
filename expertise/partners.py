"""A directory actor named a réalisation's partner answers: its members (or staff) confirm
the link, which then shows on the actor's own page, or decline it, which hides it everywhere.
Either answer can be changed later."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contributions.permissions import is_member, is_moderator
from moderation.contract import Status

from .models import Partner, PartnerAnswer


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        choices=[
            (PartnerAnswer.CONFIRMED, PartnerAnswer.CONFIRMED.label),
            (PartnerAnswer.DECLINED, PartnerAnswer.DECLINED.label),
        ],
        error_messages={"required": _("Choisissez de confirmer ou de refuser.")},
    )


def may_answer(user, partner):
    return partner.actor_id is not None and (is_member(user, partner.actor) or is_moderator(user))


def answer(partner, user, value):
    if not may_answer(user, partner):
        raise PermissionDenied
    partner.answer = PartnerAnswer(value)
    partner.answered_by = user
    partner.answered_at = timezone.now()
    partner.save(update_fields=["answer", "answered_by", "answered_at"])
    return partner


def of_actor(actor):
    """The links naming this actor, on réalisations not archived, the unanswered first."""
    return (
        Partner.objects.filter(actor=actor)
        .exclude(realisation__status=Status.ARCHIVED)
        .select_related("realisation", "realisation__actor")
        .order_by("-answer", "realisation__slug", "role")
    )
