from django.views.generic import TemplateView

from ..session_end import LoginRequiredMixin, kept


class ResumeView(LoginRequiredMixin, TemplateView):
    """What a form carried when it arrived after the session's end, to be sent again. It is
    sent as it was, to where it was going: that view checks who sends it, as always."""

    template_name = "contributions/resume.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(typed=kept(self.request), **kwargs)
