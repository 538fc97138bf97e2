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
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actors.admin import TermAdmin, archive_actors, publish_actors
from contributions.forms import FirstErrorOnly
from moderation import workflow
from moderation.admin_versions import VersionsAdmin
from moderation.contract import ProposalKind, ProposalStatus, rows
from moderation.forms import REASON_MAX
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


class DecisionForm(FirstErrorOnly, forms.ModelForm):
    """What the workflow would refuse is checked here too, so that the form comes back with
    its message next to the field and what was typed: a refusal in `save_model` can only
    redirect, which empties the form."""

    decision = forms.ChoiceField(
        label=gettext_lazy("Décision"),
        # Nothing chosen beforehand: a decision is made, never taken by default.
        choices=[
            ("", gettext_lazy("— choisir —")),
            *[(a, a.label) for a in (Action.APPROVE, Action.REJECT, Action.CHANGES)],
        ],
    )
    reason = forms.CharField(
        label=gettext_lazy("Motif"),
        required=False,
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Obligatoire pour refuser ou demander des modifications."),
    )
    recheck = forms.BooleanField(
        label=gettext_lazy("J'ai vérifié le conflit avec la version actuelle"), required=False
    )

    class Meta:
        fields = []

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        try:
            if decision in (Action.REJECT, Action.CHANGES):
                workflow.require_reason(data.get("reason"))
        except workflow.ModerationError as error:
            self.add_error("reason", str(error))
        try:
            if decision == Action.APPROVE and not data.get("recheck"):
                workflow.require_fresh(self.instance, self.instance.subject, None)
        except workflow.ModerationError as error:
            self.add_error("recheck", str(error))
        return data


class RequestAdmin(admin.ModelAdmin):
    form = DecisionForm
    list_display = ["__str__", "kind", "status", "author", "created_at"]
    list_filter = ["status", "kind"]
    readonly_fields = ["kind", "status", "author", "created_at", "moderator_note", "diff"]

    def get_fieldsets(self, request, obj=None):
        """The re-check for a stale request only: a new one has nothing to be in conflict with."""
        fields = ["decision", "reason", *(["recheck"] if obj is not None and obj.is_stale else [])]
        return [
            (None, {"fields": self.readonly_fields}),
            (gettext_lazy("Décider"), {"fields": fields}),
        ]

    def has_change_permission(self, request, obj=None):
        """A request decided is read, no longer decided again."""
        if obj is not None and not obj.is_open:
            return False
        return super().has_change_permission(request, obj)

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
        found = with_proposed_files(obj, declaration, found)
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
        else:
            request.decision_made = Action(data["decision"]).label

    def save_related(self, request, form, formsets, change):
        """The request's links are not edited here."""

    def response_change(self, request, obj):
        if getattr(request, "decision_refused", False):
            return HttpResponseRedirect(request.path)
        decision = request.decision_made
        # Said in its words rather than Django's "modified", then on to the requests waiting.
        self.message_user(
            request,
            _("Décision enregistrée : %(decision)s. Son auteur en est prévenu par courriel.")
            % {"decision": decision},
            messages.SUCCESS,
        )
        opts = obj._meta
        waiting = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        return HttpResponseRedirect(f"{waiting}?status__exact={ProposalStatus.PENDING}")


admin.site.register([RealisationRequest, RessourceRequest], RequestAdmin)


def with_proposed_files(request, declaration, found):
    """The diff's rows with the files the request holds: an image as it will show, the
    ressource's file as a link to download it (expertise.views.files)."""
    found = list(found)
    for name, held in declaration.files.items():
        proposed = getattr(request, held)
        if not proposed:
            continue
        if name == "file":
            url = reverse("expertise:ressource-proposed-file", kwargs={"pk": request.pk})
            label = (request.proposed.get("file") or ["", ""])[1] or _("fichier proposé")
            after = format_html('<a href="{}">{}</a>', url, label)
        else:
            after = declaration.display(name, proposed.name)
        row = next((row for row in found if row["name"] == name), None)
        if row is None:
            before = declaration.display(name, (request.base or {}).get(name))
            found.append({"name": name, "label": declaration.label(name), "before": before})
            row = found[-1]
        row["after"] = after
    return found
