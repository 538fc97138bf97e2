from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from .. import services
from ..forms import InviteForm
from ..models import Invitation, Membership
from ..services.members import read_invitation
from ..session_end import LoginRequiredMixin
from .mixins import ActorMemberMixin, FormTargetMixin


class MembersView(ActorMemberMixin, FormView):
    """Every member sees who else is; only owners invite."""

    template_name = "contributions/members.html"
    form_class = InviteForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["members"] = Membership.objects.for_actor(self.actor).select_related("user")
        if self.membership.is_owner:
            context["invitations"] = Invitation.objects.for_actor(self.actor).pending()
        return context

    def post(self, request, *args, **kwargs):
        if not self.membership.is_owner:
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            services.invite(self.actor, self.request.user, form.cleaned_data["email"])
        except services.ContributionError as error:
            form.add_error("email", str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Invitation envoyée."))
        return redirect("contributions:members", slug=self.actor.slug)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class MemberActionView(ActorMemberMixin, FormTargetMixin, View):
    """Removes a member (an owner, or the member leaving) or changes a role (owners)."""

    http_method_names = ["post"]
    action = "remove"

    def form_page_url(self):
        return reverse("contributions:members", kwargs={"slug": self.actor.slug})

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
            return redirect("contributions:my-space")
        return redirect("contributions:members", slug=self.actor.slug)


class RevokeInvitationView(ActorMemberMixin, FormTargetMixin, View):
    """An owner cancels a pending invitation: its link stops working."""

    http_method_names = ["post"]
    owner_only = True

    def form_page_url(self):
        return reverse("contributions:members", kwargs={"slug": self.actor.slug})

    def post(self, request, *args, **kwargs):
        invitation = get_object_or_404(Invitation, pk=kwargs["pk"], actor=self.actor)
        try:
            services.revoke_invitation(invitation, request.user)
        except services.ContributionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Invitation annulée : son lien ne fonctionne plus."))
        return redirect("contributions:members", slug=self.actor.slug)


class InvitationView(LoginRequiredMixin, TemplateView):
    template_name = "contributions/invitation.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["actor"] = read_invitation(kwargs["token"]).actor
        except services.ContributionError as error:
            context["error"] = str(error)
        return context

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        return self.render_to_response(context, status=400 if "error" in context else 200)

    def post(self, request, *args, **kwargs):
        try:
            membership = services.accept_invitation(kwargs["token"], request.user)
        except services.ContributionError as error:
            context = self.get_context_data(**kwargs)
            context.pop("actor", None)
            context["error"] = str(error)
            return self.render_to_response(context, status=400)
        messages.success(request, _("Vous êtes maintenant membre de cette fiche."))
        return redirect("contributions:edit", slug=membership.actor.slug)
