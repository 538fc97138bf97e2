from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from .. import services
from ..forms import InviteForm
from ..models import Membership
from ..services.members import read_invitation
from .mixins import ActorMemberMixin


class MembersView(ActorMemberMixin, FormView):
    """Every member sees who else is; only owners invite."""

    template_name = "contributions/members.html"
    form_class = InviteForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["members"] = Membership.objects.for_actor(self.actor).select_related("user")
        return context

    def post(self, request, *args, **kwargs):
        if not self.membership.is_owner:
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        services.invite(self.actor, self.request.user, form.cleaned_data["email"])
        messages.success(self.request, _("Invitation envoyée."))
        return redirect("contributions:members", slug=self.actor.slug)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class MemberActionView(ActorMemberMixin, View):
    """Removes a member (an owner, or the member leaving) or changes a role (owners)."""

    http_method_names = ["post"]
    action = "remove"

    def post(self, request, *args, **kwargs):
        target = get_object_or_404(Membership, pk=kwargs["pk"], actor=self.actor)
        leaving = target.user_id == request.user.pk and self.action == "remove"
        if not (self.membership.is_owner or leaving):
            raise PermissionDenied
        try:
            if self.action == "remove":
                services.remove_member(target, request.user)
            else:
                services.set_role(target, request.user, request.POST.get("role", ""))
        except services.ContributionError as error:
            messages.error(request, str(error))
            return redirect("contributions:members", slug=self.actor.slug)
        messages.success(request, _("Membres mis à jour."))
        if leaving:
            return redirect("contributions:my_space")
        return redirect("contributions:members", slug=self.actor.slug)


class InvitationView(LoginRequiredMixin, TemplateView):
    template_name = "contributions/invitation.html"

    def get_context_data(self, **kwargs):
        from actors.models import Actor

        context = super().get_context_data(**kwargs)
        try:
            data = read_invitation(kwargs["token"])
        except services.ContributionError as error:
            context["error"] = str(error)
            return context
        context["actor"] = Actor.objects.filter(pk=data.get("actor")).first()
        return context

    def post(self, request, *args, **kwargs):
        try:
            membership = services.accept_invitation(kwargs["token"], request.user)
        except services.ContributionError as error:
            context = self.get_context_data(**kwargs)
            context["error"] = str(error)
            return self.render_to_response(context, status=400)
        messages.success(request, _("Vous êtes maintenant membre de cette fiche."))
        return redirect("contributions:edit", slug=membership.actor.slug)
