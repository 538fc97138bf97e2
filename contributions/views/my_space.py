import json

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from .. import services
from ..models import ChangeRequest, Claim, Membership
from ..services.accounts import blocking_actors
from ..session_end import LoginRequiredMixin


class MySpaceView(LoginRequiredMixin, TemplateView):
    template_name = "contributions/my_space.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = super().get_context_data(**kwargs)
        context.update(
            memberships=Membership.objects.for_user(user).select_related("actor", "actor__commune"),
            requests=ChangeRequest.objects.open().by(user).select_related("actor"),
            claims=Claim.objects.pending().by(user).select_related("actor"),
        )
        return context


class ExportView(LoginRequiredMixin, View):
    def get(self, request):
        data = services.export_user_data(request.user)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="mes-donnees-neonum.json"'
        return response


class DeleteAccountView(LoginRequiredMixin, TemplateView):
    template_name = "contributions/delete_account.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["blocked"] = blocking_actors(self.request.user)
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.check_password(request.POST.get("password", "")):
            context = self.get_context_data(error=_("Mot de passe incorrect."))
            return self.render_to_response(context, status=400)
        try:
            services.delete_account(request.user)
        except services.ContributionError as error:
            return self.render_to_response(self.get_context_data(error=str(error)), status=400)
        logout(request)
        messages.success(request, _("Votre compte a été supprimé."))
        return redirect("contributions:account-deleted")


class AccountDeletedView(TemplateView):
    template_name = "contributions/account_deleted.html"


class PrivacyView(TemplateView):
    template_name = "contributions/privacy.html"
