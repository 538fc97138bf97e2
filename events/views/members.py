"""Members of an organiser write its events: drafts edited in place and sent to moderation,
change requests for what is published, through the same views as réalisations and
ressources (expertise.views.members) and so the same workflow steps."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from expertise.views import members
from moderation.contract import Status

from ..kinds import EVENT


class EventKind:
    kind = "event"
    template_name = "events/member_form.html"

    def get_kind(self):
        return EVENT

    def form_valid(self, form):
        response = super().form_valid(form)
        saved = form.instance if self.object is None else self.object
        # Read back: the workflow saves the status through rows of its own.
        status = EVENT.model.objects.filter(pk=saved.pk).values_list("status", flat=True).first()
        warning = form.location_warning(sent=status == Status.PENDING)
        if response.status_code < 400 and warning:
            messages.warning(self.request, warning)
        return response

    def done(self, obj, message):
        messages.success(self.request, message)
        return redirect(reverse("events:event-edit", kwargs={"slug": obj.slug}))


class AddView(EventKind, members.AddView):
    pass


class EditView(EventKind, members.EditView):
    pass


class ActorEventsView(members.MemberRequired, TemplateView):
    """An actor's events, drafts included, for its members."""

    template_name = "events/member_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            events=EVENT.model.objects.of_actor(self.actor).with_requests().order_by("-start"),
            **kwargs,
        )
