"""An actor's history: its versions (who, when, why), comparing one with the current
profile, restoring it, archiving and unarchiving. Nothing here deletes anything."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from actors.models import Actor
from contributions import profile
from contributions.errors import ContributionError
from contributions.views.mixins import FormTargetMixin

from .. import review, workflow
from ..contract import rows
from ..forms import ReasonForm
from ..history import values_of, versions
from ..models import Decision
from .mixins import ModeratorRequiredMixin


def actor_or_404(slug):
    return get_object_or_404(Actor.objects.select_related("commune", "kind"), slug=slug)


class ActorHistoryView(ModeratorRequiredMixin, TemplateView):
    template_name = "moderation/actor_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        actor = actor_or_404(self.kwargs["slug"])
        context.update(
            actor=actor,
            page=Paginator(versions(actor), 30).get_page(self.request.GET.get("page")),
            decisions=Decision.objects.filter(actor=actor).select_related("moderator")[:50],
        )
        return context


class VersionView(ModeratorRequiredMixin, FormTargetMixin, TemplateView):
    template_name = "moderation/version.html"

    def form_page_url(self):
        return reverse("moderation:version", kwargs=self.kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        actor = actor_or_404(self.kwargs["slug"])
        version = (
            actor.history.select_related("history_user")
            .filter(history_id=self.kwargs["version"])
            .first()
        )
        if version is None:
            raise Http404
        past, current = values_of(version), profile.snapshot(actor)
        context.update(
            actor=actor,
            version=version,
            rows=rows(actor.declaration(), current, past, selectable=False),
            location=review.location_change(current, past),
            logo_changed=(version.logo or "") != actor.logo.name,
            form=context.get("form") or ReasonForm(initial={"seen": actor.updated_at.isoformat()}),
        )
        return context

    def post(self, request, *args, **kwargs):
        actor = actor_or_404(kwargs["slug"])
        form = ReasonForm(request.POST)
        if form.is_valid():
            try:
                workflow.restore_version(
                    actor, kwargs["version"], request.user,
                    form.cleaned_data["reason"], form.cleaned_data["seen"],
                )  # fmt: skip
            except ContributionError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Version restaurée : c'est la nouvelle version."))
                return redirect("moderation:actor", slug=actor.slug)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class StatusView(ModeratorRequiredMixin, FormTargetMixin, View):
    """Archive or unarchive (POST only)."""

    http_method_names = ["post"]
    action = None

    def form_page_url(self):
        return reverse("moderation:actor", kwargs={"slug": self.kwargs["slug"]})

    def post(self, request, *args, **kwargs):
        actor = actor_or_404(kwargs["slug"])
        form = ReasonForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Indiquez un motif : il est gardé dans l'historique."))
            return redirect("moderation:actor", slug=actor.slug)
        try:
            getattr(workflow, self.action)(actor, request.user, form.cleaned_data["reason"])
        except ContributionError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Fiche archivée.") if self.action == "archive" else _("Fiche désarchivée."),
            )
        return redirect("moderation:actor", slug=actor.slug)
