from django.views.generic import TemplateView

from .. import dashboard, queue
from .mixins import ModeratorRequiredMixin


class DashboardView(ModeratorRequiredMixin, TemplateView):
    template_name = "moderation/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            by_status=dashboard.by_status(),
            by_theme=dashboard.by_theme(),
            by_kind=dashboard.by_kind(),
            map=dashboard.choropleth(),
            summary=queue.summary(),
            in_admin=queue.decided_in_admin(self.request.user),
        )
        return context
