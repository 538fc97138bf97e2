"""Adding an organisation and editing a profile."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from actors.models import Actor, ActorStatus
from moderation import workflow

from .. import profile, rules, services
from ..forms import ActorAddForm, ActorProfileForm, Button
from ..models import ChangeRequest, ChangeRequestKind
from ..session_end import LoginRequiredMixin
from .mixins import ActorMemberMixin


def say_where_it_is(request, form):
    warning = form.location_warning()
    if warning:
        messages.warning(request, warning)


class AddActorView(LoginRequiredMixin, FormView):
    template_name = "contributions/actor_add.html"
    form_class = ActorAddForm

    def form_valid(self, form):
        data = form.cleaned_data
        duplicates = list(
            services.find_duplicates(
                data["name"], data["commune"], data.get("siret"), data.get("rna"), self.request.user
            )
        )
        if duplicates and not data.get("not_a_duplicate"):
            return self.render_to_response(self.get_context_data(form=form, duplicates=duplicates))
        actor = services.submit_new_actor(self.request.user, data)
        messages.success(
            self.request,
            _("Brouillon créé. Complétez la fiche, puis envoyez-la en modération."),
        )
        say_where_it_is(self.request, form)
        return redirect("contributions:edit", slug=actor.slug)


def parse_base(value):
    try:
        return parse_datetime(value or "")
    except ValueError:
        return None


class EditActorView(ActorMemberMixin, TemplateView):
    """A draft is edited in place; a published profile only receives a change request."""

    template_name = "contributions/actor_edit.html"

    def open_request(self):
        return (
            ChangeRequest.objects.open()
            .changes()
            .for_subject(self.actor)
            .by(self.request.user)
            .first()
        )

    def build_form(self, data=None, files=None):
        copy = Actor.objects.get(pk=self.actor.pk)
        initial = {"base": self.actor.updated_at.isoformat()}
        self.conflicts = []
        self.change_request = None
        if self.actor.status == ActorStatus.PUBLISHED:
            self.change_request = self.open_request()
            if self.change_request is not None:
                cr = self.change_request
                values = cr.proposed
                if cr.is_stale:
                    current = profile.snapshot(self.actor)
                    self.conflicts = profile.conflicts(cr.base, current, cr.proposed)
                    values = profile.rebase(cr.base, current, cr.proposed)
                initial.update(profile.to_initial(values))
        if data is not None:
            data = data.copy()
            data["base"] = initial["base"] if self.conflicts else data.get("base", "")
        return ActorProfileForm(
            data, files, instance=copy, initial=initial, uploader=self.request.user.pk
        )

    def get(self, request, *args, **kwargs):
        if self.actor.status == ActorStatus.PENDING:
            return self.render_to_response(self.get_context_data(form=None))
        context = self.get_context_data(form=self.build_form())
        if self.change_request is None:
            # A profile saved before a rule existed: say what to complete before the member
            # types anything, rather than only when saving is refused.
            context["profile_problems"] = rules.problems(profile.snapshot(self.actor))
        return self.render_to_response(context)

    def post(self, request, *args, **kwargs):
        if self.actor.status == ActorStatus.PENDING:
            messages.error(request, _("Cette fiche est en cours de modération."))
            return redirect("contributions:edit", slug=self.actor.slug)
        form = self.build_form(request.POST, request.FILES)
        if request.POST.get("action") == Button.PREVIEW:
            return self.preview(form)
        if not form.is_valid():
            # Nothing is saved or sent: the form comes back with what was typed and its errors.
            form.keep_uploads()
            return self.render_to_response(self.get_context_data(form=form), status=400)
        response = self.save(form)
        if response.status_code < 400:
            form.forget_uploads()
            say_where_it_is(request, form)
        return response

    def preview(self, form):
        """The form shown back with its descriptions rendered: nothing saved or sent, every
        value kept, the logo chosen included (it waits as after an error)."""
        form.is_valid()
        form.keep_uploads()
        return self.render_to_response(self.get_context_data(form=form, preview=form.preview()))

    def save(self, form):
        logo = form.cleaned_data.get("logo_file")
        request = self.request
        if self.actor.status == ActorStatus.DRAFT:
            return self.save_draft(form, logo, submit=request.POST.get("action") == Button.SUBMIT)
        values = profile.from_form(form.cleaned_data)
        base = parse_base(form.cleaned_data.get("base"))
        try:
            cr = workflow.propose_change(self.actor, request.user, values, base, logo=logo)
        except workflow.StaleBase as error:
            # Nothing is lost: the member's values come back, now against the new version.
            self.actor.refresh_from_db()
            form.keep_uploads()
            data = form.data.copy()
            data["base"] = self.actor.updated_at.isoformat()
            form = ActorProfileForm(
                data, instance=Actor.objects.get(pk=self.actor.pk), uploader=request.user.pk
            )
            form.is_valid()
            form.keep_uploads()
            current = profile.snapshot(self.actor)
            context = self.get_context_data(form=form)
            context.update(stale_error=str(error), stale_diff=profile.diff(current, values))
            return self.render_to_response(context, status=409)
        messages.success(
            request, _("Demande enregistrée : elle sera publiée après relecture par l'équipe.")
        )
        return redirect("contributions:request", slug=self.actor.slug, pk=cr.pk)

    def save_draft(self, form, logo, submit):
        """Saves the draft, then, for the "send to moderation" button, sends it: that button
        belongs to the draft's form, so what was typed just before is never lost."""
        if not submit:
            workflow.update_draft(self.actor, form.cleaned_data, logo=logo)
            messages.success(self.request, _("Brouillon enregistré."))
            return redirect("contributions:edit", slug=self.actor.slug)
        services.save_and_submit(self.actor, self.request.user, form.cleaned_data, logo=logo)
        messages.success(
            self.request, _("Fiche envoyée en modération : elle restera invisible jusque-là.")
        )
        return redirect("contributions:my-space")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            change_request=getattr(self, "change_request", None),
            conflicts=getattr(self, "conflicts", []),
            new_request=ChangeRequest.objects.open()
            .for_subject(self.actor)
            .filter(kind=ChangeRequestKind.NEW)
            .first(),
            preview_button=True,
            preview_action=reverse("contributions:edit", kwargs={"slug": self.actor.slug}),
        )
        return context
