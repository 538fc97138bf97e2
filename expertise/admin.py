"""Staff decide on réalisations and ressources in the Django admin (the moderation console
lists actors' items only): each request shows its field-level diff and takes one decision
with a reason, and the objects are published or archived by bulk actions; every step is
a moderation.workflow function, with its rules (moderator, not one's own request, reason
owed, stale base) and history; their versions are compared and restored there too
(moderation.admin_versions). The content itself is read-only here: it changes through
members' requests."""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.http import HttpResponseRedirect
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actors.admin import TermAdmin, archive_actors, publish_actors
from moderation import workflow
from moderation.admin_versions import VersionsAdmin
from moderation.contract import ProposalKind, rows
from moderation.models import Action

from .models import (
    FundingProgramme,
    Realisation,
    RealisationRequest,
    Ressource,
    RessourceRequest,
    RessourceType,
)

admin.site.register([FundingProgramme, RessourceType], TermAdmin)


class ReadOnlyContent(VersionsAdmin, admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = [publish_actors, archive_actors]
    list_display = ["__str__", "actor", "status", "is_demo", "updated_at"]
    list_filter = ["status", "is_demo", "themes"]
    search_fields = ["title", "title_eu", "title_es", "slug", "actor__name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


admin.site.register([Realisation, Ressource], ReadOnlyContent)


class DecisionForm(forms.ModelForm):
    decision = forms.ChoiceField(
        label=gettext_lazy("Décision"),
        choices=[(a, a.label) for a in (Action.APPROVE, Action.REJECT, Action.CHANGES)],
    )
    reason = forms.CharField(
        label=gettext_lazy("Motif"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Obligatoire pour refuser ou demander des modifications."),
    )
    recheck = forms.BooleanField(
        label=gettext_lazy("J'ai vérifié le conflit avec la version actuelle"), required=False
    )

    class Meta:
        fields = []


class RequestAdmin(admin.ModelAdmin):
    form = DecisionForm
    list_display = ["__str__", "kind", "status", "author", "created_at"]
    list_filter = ["status", "kind"]
    readonly_fields = ["kind", "status", "author", "created_at", "moderator_note", "diff"]
    fieldsets = [
        (None, {"fields": readonly_fields}),
        (gettext_lazy("Décider"), {"fields": ["decision", "reason", "recheck"]}),
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("modifications"))
    def diff(self, obj):
        declaration = obj.subject.declaration()
        if obj.kind == ProposalKind.NEW:
            found = rows(declaration, {}, obj.proposed, selectable=False)
        else:
            current = declaration.snapshot(obj.subject) if obj.is_stale else None
            found = rows(declaration, obj.base, obj.proposed, current)
        body = format_html_join(
            "",
            "<tr><th scope='row'>{}</th><td>{}</td><td>{}</td></tr>",
            ((row["label"], row["before"], row["after"]) for row in found),
        )
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>",
            _("Champ"),
            _("Avant"),
            _("Proposé"),
            body,
        )

    def save_model(self, request, obj, form, change):
        """The decision, through the workflow; nothing else of the request is edited here."""
        data = form.cleaned_data
        seen = obj.subject.updated_at if data.get("recheck") else None
        try:
            workflow.decide_change_request(
                obj, request.user, data["decision"], data["reason"], seen_updated_at=seen
            )
        except workflow.ModerationError as error:
            request.decision_refused = True
            self.message_user(request, str(error), messages.ERROR)

    def save_related(self, request, form, formsets, change):
        """The request's links are not edited here."""

    def response_change(self, request, obj):
        if getattr(request, "decision_refused", False):
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)


admin.site.register([RealisationRequest, RessourceRequest], RequestAdmin)
