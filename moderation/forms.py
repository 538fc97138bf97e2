from django import forms
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from actors.forms import CommuneChoiceField
from actors.models import Commune, Theme
from contributions.forms import FirstErrorOnly

from .models import Action
from .queue import QUEUE_TYPES

REASON_MAX = 2000


class QueueFilterForm(forms.Form):
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Tous les types")), *[(t.value, t.label) for t in QUEUE_TYPES]],
    )
    commune = CommuneChoiceField(
        label=_("Commune"),
        required=False,
        queryset=Commune.objects.only("pk", "name", "name_eu", "insee"),
        to_field_name="insee",
        empty_label=_("Toutes les communes"),
    )
    theme = forms.ModelChoiceField(
        label=_("Thématique"),
        required=False,
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("Toutes les thématiques"),
    )
    q = forms.CharField(label=_("Recherche"), required=False, max_length=100, strip=True)


def reason_field(required=False, label=None):
    return forms.CharField(
        label=label or _("Motif"),
        required=required,
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Obligatoire pour refuser ou demander des modifications ; envoyé au demandeur."
        ),
    )


class SeenField(forms.CharField):
    """The actor's version the moderator was shown, as an ISO date."""

    widget = forms.HiddenInput

    def to_python(self, value):
        value = super().to_python(value)
        try:
            return parse_datetime(value) if value else None
        except ValueError:
            return None


class DecisionForm(FirstErrorOnly, forms.Form):
    """Approve, reject or send back. Reasons are checked by the domain functions too; the
    form only gives the error its place next to the field (a reason refused as too long is
    not also "missing": FirstErrorOnly)."""

    ACTIONS = [Action.APPROVE, Action.REJECT, Action.CHANGES]

    action = forms.ChoiceField(choices=[(a.value, a.label) for a in ACTIONS])
    reason = reason_field()
    fields = forms.MultipleChoiceField(label=_("Champs à appliquer"), required=False, choices=[])
    recheck = forms.BooleanField(
        label=_("J'ai vérifié la demande par rapport à la version publiée actuelle"),
        required=False,
    )
    seen = SeenField(required=False)

    def __init__(self, *args, field_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fields"].choices = list(field_choices)

    def clean(self):
        data = super().clean()
        if data.get("action") in (Action.REJECT, Action.CHANGES) and not data.get("reason"):
            self.add_error("reason", _("Indiquez un motif : il est envoyé au demandeur."))
        return data


class ClaimDecisionForm(DecisionForm):
    ACTIONS = [Action.APPROVE, Action.REJECT]


class SuggestionDecisionForm(DecisionForm):
    ACTIONS = [Action.APPROVE, Action.REJECT]


for _form in (ClaimDecisionForm, SuggestionDecisionForm):
    _form.base_fields["action"] = forms.ChoiceField(
        choices=[(a.value, a.label) for a in _form.ACTIONS]
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Gardé dans l'historique de la fiche."),
    )
    seen = SeenField(required=False)
