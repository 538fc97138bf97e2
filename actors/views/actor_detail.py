from django.views.generic import DetailView

from actors.models import Actor


class ActorDetailView(DetailView):
    """An actor's public page. Unpublished and archived actors do not exist for the public."""

    template_name = "actors/actor_detail.html"
    context_object_name = "actor"

    def get_queryset(self):
        return (
            Actor.objects.published()
            .select_related("kind", "commune")
            .prefetch_related("themes", "services", "publics", "languages")
        )
