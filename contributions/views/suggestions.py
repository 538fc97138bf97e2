from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView

from neonum.clientip import client_ip

from .. import services
from ..forms import SuggestionForm
from ..services.suggestions import form_token
from .mixins import published_actor


class SuggestView(FormView):
    """Anyone may suggest a correction; robots are turned away without a third party."""

    template_name = "contributions/suggest.html"
    form_class = SuggestionForm

    def dispatch(self, request, *args, **kwargs):
        self.actor, self.subject = self.find(kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def find(self, slug):
        """The actor the suggestion goes to, and what it is about (None: the actor)."""
        return published_actor(slug), None

    def get_initial(self):
        return {"started": form_token()}

    def get_context_data(self, **kwargs):
        subject = self.subject or self.actor
        return {**super().get_context_data(**kwargs), "actor": self.actor, "subject": subject}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.suggest(
                self.actor,
                data["text"],
                proposed=form.proposed(),
                contact_email=data["contact_email"],
                ip=client_ip(self.request),
                honeypot=data["nickname"],
                token=data["started"],
                subject=self.subject,
            )
        except services.ContributionError as error:
            # The visitor's text is kept; a fresh token lets them send it again.
            values = self.request.POST.copy()
            values["started"] = form_token()
            form = self.form_class(values)
            form.is_valid()
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        return self.thanks()

    def thanks(self):
        return redirect("contributions:suggest-thanks", slug=self.actor.slug)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class SuggestThanksView(TemplateView):
    template_name = "contributions/suggest_thanks.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "actor": published_actor(kwargs["slug"])}
