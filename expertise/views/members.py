"""Members of an actor write its réalisations and ressources: drafts edited in place and
sent to moderation, change requests for what is published. Every step is the moderation
workflow's (moderation.workflow); these views only check who asks and show the forms."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from actors.models import Actor, ActorStatus
from contributions.forms import Button
from contributions.session_end import LoginRequiredMixin
from contributions.views.actors import parse_base
from moderation import workflow
from moderation.contract import Status

from .. import partners
from ..kinds import KINDS, REALISATION, RESSOURCE
from ..models import Partner, PartnerAnswer


class MemberRequired(LoginRequiredMixin):
    """The actor's members only (staff moderate, in the admin, and are not members)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.actor, self.object = self.find(**kwargs)
        if not self.may_edit(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def may_edit(self, user):
        from contributions.permissions import is_member

        if self.object is not None:
            return self.object.declaration().may_edit(user, self.object)
        return is_member(user, self.actor)

    def find(self, slug, **kwargs):
        actors = Actor.objects.exclude(status=ActorStatus.ARCHIVED)
        return get_object_or_404(actors, slug=slug), None

    def get_context_data(self, **kwargs):
        return super().get_context_data(actor=self.actor, **kwargs)


class ActorExpertiseView(MemberRequired, TemplateView):
    """An actor's réalisations and ressources, drafts included, for its members."""

    template_name = "expertise/member_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            realisations=REALISATION.model.objects.of_actor(self.actor).with_requests(),
            ressources=RESSOURCE.model.objects.of_actor(self.actor).with_requests(),
            partnerships=partners.of_actor(self.actor),
            answers=PartnerAnswer,
            **kwargs,
        )


class PartnerAnswerView(LoginRequiredMixin, View):
    """POST: the partner actor's members (or staff) confirm or decline being named."""

    def post(self, request, slug, pk):
        partner = get_object_or_404(
            Partner.objects.select_related("actor", "realisation"), pk=pk, actor__slug=slug
        )
        if not partners.may_answer(request.user, partner):
            raise PermissionDenied
        form = partners.AnswerForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors["answer"]))
        else:
            partners.answer(partner, request.user, form.cleaned_data["answer"])
            if partner.answer == PartnerAnswer.CONFIRMED:
                messages.success(request, _("Partenariat confirmé : il figure sur votre fiche."))
            else:
                messages.success(
                    request,
                    _("Partenariat refusé : votre nom n'est plus montré sur la réalisation."),
                )
        return redirect(reverse("expertise:mine", kwargs={"slug": slug}) + "#partenariats")


class ExpertiseFormView(MemberRequired, FormView):
    kind = None
    template_name = "expertise/member_form.html"

    def get_kind(self):
        return KINDS[self.kind]

    def get_form(self, form_class=None):
        kind = self.get_kind()
        copy = (
            kind.model.objects.get(pk=self.object.pk)
            if self.object is not None
            else kind.model(actor=self.actor)
        )
        post = self.request.method == "POST"
        data, files = (self.request.POST, self.request.FILES) if post else (None, None)
        initial = {"base": self.object.updated_at.isoformat()} if self.object else {}
        user = self.request.user.pk
        return kind.form(data, files, instance=copy, initial=initial, uploader=user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(kind=self.get_kind(), object=self.object, **kwargs)
        # Waiting for the moderators, it cannot be changed: its page shows no form. A form sent
        # to it all the same (from a tab opened before) comes back with what was typed.
        context["waiting"] = (
            self.object is not None
            and self.object.status == Status.PENDING
            and not context["form"].is_bound
        )
        # The moderators' last answer: a request sent back or refused returns the item to its
        # form, which the e-mail telling its author links to; their note is what to change.
        if self.object is not None:
            context["answer"] = self.object.requests.order_by("-created_at", "-pk").first()
        return context

    def form_invalid(self, form):
        # Nothing is saved: the form comes back with what was typed, its files held.
        form.keep_uploads()
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        response = self.save(form)
        if response.status_code < 400:
            # Saved: the files held through an error are no longer needed.
            form.forget_uploads()
        return response

    def done(self, obj, message):
        messages.success(self.request, message)
        return redirect(reverse(f"expertise:{self.kind}-edit", kwargs={"slug": obj.slug}))


class AddView(ExpertiseFormView):
    def save(self, form):
        obj = form.instance
        try:
            workflow.create_draft(obj, self.request.user)
            workflow.update_draft(obj, form.cleaned_data, **form.uploads())
            if self.request.POST.get("action") == Button.SUBMIT:
                workflow.submit_for_review(obj, self.request.user)
                return self.done(obj, _("Envoyé en modération."))
        except workflow.ModerationError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        return self.done(obj, _("Brouillon enregistré."))


class EditView(ExpertiseFormView):
    """A draft is edited in place; a published one receives a change request."""

    def find(self, slug, **kwargs):
        model = self.get_kind().model
        obj = get_object_or_404(model.objects.select_related("actor"), slug=slug)
        if obj.status == Status.ARCHIVED:
            raise Http404
        return obj.actor, obj

    def save(self, form):
        obj, user = self.object, self.request.user
        try:
            if obj.status == Status.DRAFT:
                workflow.update_draft(obj, form.cleaned_data, **form.uploads())
                if self.request.POST.get("action") == Button.SUBMIT:
                    workflow.submit_for_review(obj, user)
                    return self.done(obj, _("Envoyé en modération."))
                return self.done(obj, _("Brouillon enregistré."))
            values = obj.declaration().from_form(form.cleaned_data)
            base = parse_base(form.cleaned_data["base"])
            workflow.propose_change(obj, user, values, base, **form.uploads())
        except workflow.ModerationError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        return self.done(obj, _("Demande de modification envoyée en modération."))
