"""An item of the queue: what it asks, and the decision form (POST to .../decider/)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from contributions import profile
from contributions.errors import ContributionError
from contributions.models import (
    ChangeRequest,
    ChangeRequestKind,
    Claim,
    Suggestion,
    SuggestionStatus,
)
from contributions.views.mixins import FormTargetMixin

from .. import queue, review, workflow
from ..contract import rows
from ..forms import ClaimDecisionForm, DecisionForm, SuggestionDecisionForm
from ..models import Decision, ItemType
from .mixins import ModeratorRequiredMixin


class ItemView(ModeratorRequiredMixin, FormTargetMixin, TemplateView):
    """GET shows the item; POST (on the decide URL only) decides, and on refusal shows the
    item again with the reason, status 400, and nothing changed."""

    form_class = DecisionForm
    item_type = None
    url_name = None

    def get_object(self):
        raise NotImplementedError

    def form_page_url(self):
        return reverse(self.url_name, kwargs={"pk": self.kwargs["pk"]})

    def field_choices(self):
        return []

    def get_form(self, data=None):
        return self.form_class(data, field_choices=self.field_choices())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.get_form())
        decided = not queue.querysets()[self.item_type].filter(pk=self.object.pk).exists()
        context.update(
            item=self.object,
            actor=self.object.actor,
            decisions=Decision.objects.about(self.item_type, self.object.pk).select_related(
                "moderator"
            ),
            decided=decided,
            # Once decided, the moderator goes on with the oldest item still waiting.
            next_item=queue.next_item() if decided else None,
        )
        return context

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        form = self.get_form(request.POST)
        if form.is_valid():
            try:
                self.decide(form.cleaned_data)
            except ContributionError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Décision enregistrée."))
                return redirect(self.url_name, pk=self.object.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ChangeRequestView(ItemView):
    template_name = "moderation/change_request.html"
    url_name = "moderation:change-request"

    def get_object(self):
        cr = get_object_or_404(
            ChangeRequest.objects.select_related("actor__commune", "actor__kind", "author"),
            pk=self.kwargs["pk"],
        )
        self.item_type = ItemType.NEW if cr.kind == ChangeRequestKind.NEW else ItemType.CHANGE
        return cr

    def field_choices(self):
        return [(name, name) for name in workflow.changed_fields(self.object)]

    def get_context_data(self, **kwargs):
        cr = self.object
        current = profile.snapshot(cr.actor)
        if cr.kind == ChangeRequestKind.NEW:
            before, after, stale = {}, cr.proposed or current, False
        else:
            before, after, stale = cr.base or current, cr.proposed, cr.is_stale
        context = super().get_context_data(**kwargs)
        context.update(
            rows=rows(
                cr.actor.declaration(), before, after, current if stale else None,
                selectable=cr.kind == ChangeRequestKind.CHANGE and cr.is_open,
            ),
            stale=stale,
            location=review.location(before, after),
            seen=cr.actor.updated_at.isoformat(),
            own=cr.author_id == self.request.user.pk,
        )  # fmt: skip
        return context

    def decide(self, data):
        cr = self.object
        workflow.decide_change_request(
            cr,
            self.request.user,
            data["action"],
            data.get("reason", ""),
            fields=data.get("fields") if cr.kind == ChangeRequestKind.CHANGE else None,
            seen_updated_at=data.get("seen") if data.get("recheck") else None,
        )


class ClaimView(ItemView):
    template_name = "moderation/claim.html"
    form_class = ClaimDecisionForm
    item_type = ItemType.CLAIM
    url_name = "moderation:claim"

    def get_object(self):
        return get_object_or_404(
            Claim.objects.select_related("actor__commune", "user"), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        claim, actor = self.object, self.object.actor
        context.update(
            siret_matches=bool(claim.siret) and claim.siret == actor.siret,
            rna_matches=bool(claim.rna) and claim.rna == actor.rna,
            own=claim.user_id == self.request.user.pk,
        )
        return context

    def decide(self, data):
        workflow.decide_claim(
            self.object, self.request.user, data["action"], data.get("reason", "")
        )


class SuggestionView(ItemView):
    template_name = "moderation/suggestion.html"
    form_class = SuggestionDecisionForm
    item_type = ItemType.SUGGESTION
    url_name = "moderation:suggestion"

    def get_object(self):
        return get_object_or_404(
            Suggestion.objects.select_related("actor__commune", "actor__kind"), pk=self.kwargs["pk"]
        )

    def proposed(self):
        return {k: v for k, v in self.object.proposed.items() if k in workflow.SUGGESTION_FIELDS}

    def field_choices(self):
        return [(name, name) for name in self.proposed()]

    def get_context_data(self, **kwargs):
        current = profile.snapshot(self.object.actor)
        context = super().get_context_data(**kwargs)
        context.update(
            rows=rows(
                self.object.actor.declaration(), current, {**current, **self.proposed()},
                selectable=self.object.status == SuggestionStatus.NEW,
            ),
        )  # fmt: skip
        return context

    def decide(self, data):
        workflow.decide_suggestion(
            self.object,
            self.request.user,
            data["action"],
            data.get("reason", ""),
            fields=data.get("fields", []),
        )
