from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from contributions.errors import ContributionError

from .. import freshness
from .mixins import ModeratorRequiredMixin


class StaleListView(ModeratorRequiredMixin, TemplateView):
    template_name = "moderation/stale.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stale = freshness.stale_actors()
        context["page"] = Paginator(stale, 50).get_page(self.request.GET.get("page"))
        return context


class ConfirmFreshView(TemplateView):
    """The owner's "still accurate" link. Opening it shows one button and changes nothing:
    mail scanners and link previews fetch links with GET, and would otherwise confirm a
    profile nobody read. The POST is the one click."""

    template_name = "moderation/confirm_fresh.html"

    def get(self, request, *args, **kwargs):
        try:
            actor = freshness.read_token(kwargs["token"])
        except ContributionError as error:
            return self.render_to_response({"error": str(error)}, status=400)
        return self.render_to_response({"actor": actor})

    def post(self, request, *args, **kwargs):
        try:
            actor = freshness.confirm(kwargs["token"])
        except ContributionError as error:
            return self.render_to_response({"error": str(error)}, status=400)
        messages.success(request, _("Merci : la fiche est confirmée comme exacte."))
        return redirect(actor.get_absolute_url())
