from contributions.permissions import ModeratorsOnly, is_moderator
from contributions.session_end import LoginRequiredMixin


class ModeratorRequiredMixin(LoginRequiredMixin):
    """The console is for the "Modérateurs" group and staff; others get a 403, anonymous
    visitors the login page."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not is_moderator(request.user):
            raise ModeratorsOnly
        return super().dispatch(request, *args, **kwargs)
