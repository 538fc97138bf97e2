from django.db import models
from django.utils.translation import gettext_lazy as _

from contributions.models import ExchangeLanguage
from expertise.models.proposals import _author, _constraints
from moderation.contract import Proposal, kind_field

from .event import Event


class EventRequest(ExchangeLanguage, Proposal):
    SUBJECT = "event"

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="requests", verbose_name=_("événement")
    )
    author = _author()
    kind = kind_field(_("Nouvel événement"))

    class Meta:
        verbose_name = _("demande sur un événement")
        verbose_name_plural = _("demandes sur des événements")
        ordering = ["-updated_at"]
        constraints = _constraints("eventrequest")

    def __str__(self):
        return f"{self.get_kind_display()} – {self.event}"
