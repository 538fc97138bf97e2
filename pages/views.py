from datetime import date

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from actors.models import Theme
from neonum.clientip import client_ip

from . import contact
from .forms import SUBJECTS, ContactForm

# Updated whenever the statement is reviewed (a new audit, a fixed non-conformity).
STATEMENT_DATE = date(2026, 12, 2)


class AccessibilityView(TemplateView):
    template_name = "pages/accessibility.html"
    extra_context = {"statement_date": STATEMENT_DATE}


class LegalNoticeView(TemplateView):
    template_name = "pages/legal.html"

    def get_context_data(self, **kwargs):
        names = ("PUBLISHER_NAME", "PUBLISHER_ADDRESS", "PUBLICATION_DIRECTOR", "HOST_NAME",
                 "HOST_ADDRESS", "MAP_TILES_ATTRIBUTION")  # fmt: skip
        return {**super().get_context_data(**kwargs),
                **{name.lower(): getattr(settings, name) for name in names}}  # fmt: skip


class SitemapView(TemplateView):
    template_name = "pages/sitemap.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "themes": Theme.objects.all()}


class ContactView(FormView):
    """Anyone may write to the team; a refused message comes back with everything typed."""

    template_name = "pages/contact.html"
    form_class = ContactForm

    def get_initial(self):
        initial = {}
        if self.request.GET.get("sujet") in dict(SUBJECTS):
            initial["subject"] = self.request.GET["sujet"]
        if self.request.user.is_authenticated:
            initial["email"] = self.request.user.email
        return initial

    def form_valid(self, form):
        try:
            contact.send(form, client_ip(self.request))
        except contact.ContactError as error:
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return redirect("pages:contact-thanks")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ContactThanksView(TemplateView):
    template_name = "pages/contact_thanks.html"


# Areas that robots have no use for: accounts, contributors' and moderators' pages.
PRIVATE_PREFIXES = ("compte/", "mon-espace/", "moderation/")


def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/"]
    for code, _name in settings.LANGUAGES:
        lines += [f"Disallow: /{code}/{prefix}" for prefix in PRIVATE_PREFIXES]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
