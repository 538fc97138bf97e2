from django.views.generic import DetailView

from actors import presentation
from actors.models import Actor
from actors.taxonomies import MANY_MODELS


class ActorDetailView(DetailView):
    """An actor's public page. Unpublished and archived actors do not exist for the public."""

    template_name = "actors/actor_detail.html"
    context_object_name = "actor"

    def get_queryset(self):
        return (
            Actor.objects.published()
            .select_related("kind", "commune")
            .defer("commune__boundary", "search_vector", "search_text")
            .prefetch_related(*MANY_MODELS)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        actor = self.object
        canonical = self.request.build_absolute_uri(actor.get_absolute_url())
        context.update(
            canonical=canonical,
            json_ld=presentation.json_ld(actor, canonical),
            minimap=presentation.minimap(actor),
            email=presentation.protected_email(actor.email),
            opening_hours=presentation.readable_opening_hours(actor.opening_hours),
        )
        return context
