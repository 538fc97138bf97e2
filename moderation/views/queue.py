from django.core.paginator import Paginator
from django.views.generic import TemplateView

from .. import queue
from ..forms import QueueFilterForm
from .mixins import ModeratorRequiredMixin

PER_PAGE = 25


class QueueView(ModeratorRequiredMixin, TemplateView):
    template_name = "moderation/queue.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = QueueFilterForm(self.request.GET or None)
        # An unknown commune or theme in the URL shows its error and the whole queue.
        data = form.cleaned_data if form.is_bound and form.is_valid() else {}
        sets = queue.querysets(data.get("commune"), data.get("theme"), data.get("q", ""))
        page = Paginator(queue.items(sets, data.get("type") or None), PER_PAGE).get_page(
            self.request.GET.get("page")
        )
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(form=form, counts=queue.counts(sets), page=page, query=query.urlencode())
        context["in_admin"] = queue.decided_in_admin(self.request.user)
        return context
