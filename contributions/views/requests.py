from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from moderation import workflow

from .. import profile, services
from ..models import ChangeRequest
from .mixins import ActorMemberMixin, FormTargetMixin


class RequestDetailView(ActorMemberMixin, TemplateView):
    template_name = "contributions/request_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cr = get_object_or_404(ChangeRequest, pk=self.kwargs["pk"], actor=self.actor)
        current = profile.snapshot(self.actor)
        base = cr.base or current
        context.update(
            change_request=cr,
            diff=profile.diff(base, cr.proposed),
            conflicts=profile.conflicts(base, current, cr.proposed) if cr.is_stale else [],
            is_author=cr.author_id == self.request.user.pk,
        )
        return context


class WithdrawRequestView(ActorMemberMixin, FormTargetMixin, View):
    http_method_names = ["post"]

    def form_page_url(self):
        return reverse("contributions:request", kwargs=self.kwargs)

    def post(self, request, *args, **kwargs):
        cr = get_object_or_404(ChangeRequest, pk=self.kwargs["pk"], actor=self.actor)
        if cr.author_id != request.user.pk:
            raise PermissionDenied
        try:
            workflow.withdraw(cr, request.user)
        except services.ContributionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Demande retirée."))
        return redirect("contributions:my-space")
