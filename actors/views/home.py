from django.views.generic import ListView

from actors.models import Actor


class HomeView(ListView):
    """The published actors, a page at a time."""

    template_name = "actors/home.html"
    context_object_name = "actors"
    paginate_by = 20

    def get_queryset(self):
        return Actor.objects.published().for_listing().order_by("name", "pk")
