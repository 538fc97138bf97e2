from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect

from actors.models import Actor, ActorStatus

from ..permissions import membership
from ..session_end import LoginRequiredMixin


class FormTargetMixin:
    """A URL that only receives a form. Asked for with GET (the page a refused form came
    back on, reloaded, bookmarked or switched to another language), it leads to the page that
    holds the form, where Django's 405 is a blank page without the site around it. The login
    and permission checks of the view's other mixins come first."""

    def form_page_url(self):
        raise NotImplementedError

    def http_method_not_allowed(self, request, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            return redirect(self.form_page_url())
        return super().http_method_not_allowed(request, *args, **kwargs)


class ActorMemberMixin(LoginRequiredMixin):
    """Actor-scoped pages for its members. Staff are not members: they moderate in the
    moderation console, so that every change to a profile leaves a trace there."""

    owner_only = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.actor = get_object_or_404(
            Actor.objects.select_related("kind", "commune").exclude(status=ActorStatus.ARCHIVED),
            slug=kwargs["slug"],
        )
        if not self.actor.declaration().may_edit(request.user, self.actor):
            raise PermissionDenied
        self.membership = membership(request.user, self.actor)
        if self.membership is None or (self.owner_only and not self.membership.is_owner):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(actor=self.actor, membership=self.membership)
        return context


def published_actor(slug):
    return get_object_or_404(Actor.objects.published().select_related("kind", "commune"), slug=slug)
