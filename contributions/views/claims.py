from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from .. import services
from ..forms import ClaimForm
from ..models import Claim
from ..session_end import LoginRequiredMixin
from .mixins import published_actor


class ClaimView(LoginRequiredMixin, FormView):
    template_name = "contributions/claim.html"
    form_class = ClaimForm

    def dispatch(self, request, *args, **kwargs):
        self.actor = published_actor(kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "actor": self.actor}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["actor"] = self.actor
        context["pending"] = Claim.objects.pending().for_actor(self.actor).by(self.request.user)
        return context

    def form_valid(self, form):
        try:
            services.claim(self.actor, self.request.user, **form.cleaned_data)
        except services.ContributionError as error:
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(
            self.request,
            _("Revendication envoyée : l'équipe vous répondra par courriel."),
        )
        return redirect("contributions:my-space")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ClaimVerifyView(TemplateView):
    """The link sent to the evidence address. GET only shows a button: mail scanners that
    follow links must not verify anything."""

    template_name = "contributions/claim_verify.html"

    def post(self, request, *args, **kwargs):
        try:
            services.verify_claim_email(kwargs["token"])
        except services.ContributionError as error:
            return self.render_to_response({"error": str(error)}, status=400)
        return self.render_to_response({"verified": True})
