"""A form sent after its sender's session has ended (expired, or closed by a logout in
another tab) loses nothing: what it carried is kept in the visitor's session, the login page
says so, and once logged in the visitor finds it ready to be sent again, to the same address
(`contributions.views.resume`). Every view that needs a login takes its mixin from here."""

import time

from django.contrib import messages
from django.contrib.auth import mixins
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.translation import gettext as _

SESSION_KEY = "typed_before_login"
# Long enough to log in again (or reset a password), short enough that what someone typed
# is not offered to the next person logging in at a shared computer.
KEPT_FOR = 60 * 60
NOT_KEPT = {"csrfmiddlewaretoken"}


def may_keep(name):
    # A password is never written down: the form sent again asks for it.
    return name not in NOT_KEPT and "password" not in name


def keep(request):
    """Keeps what a POST carried. Files cannot be sent again without the visitor choosing
    them: only their names are kept, to say which."""
    request.session[SESSION_KEY] = {
        "path": request.get_full_path(),
        "fields": [
            [name, value]
            for name, values in request.POST.lists()
            if may_keep(name)
            for value in values
        ],
        "files": sorted(file.name for _name, files in request.FILES.lists() for file in files),
        "at": time.time(),
    }


def kept(request):
    typed = request.session.get(SESSION_KEY)
    if typed and time.time() - typed["at"] < KEPT_FOR:
        return typed
    return None


class LoginRequiredMixin(mixins.LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        # Sent again, by the resume page or typed anew: what was kept has done its work.
        typed = request.session.get(SESSION_KEY)
        sent_again = typed and typed["path"] == request.get_full_path()
        if request.method == "POST" and sent_again and request.user.is_authenticated:
            del request.session[SESSION_KEY]
        return super().dispatch(request, *args, **kwargs)

    def handle_no_permission(self):
        request = self.request
        if request.method != "POST" or request.user.is_authenticated:
            return super().handle_no_permission()
        keep(request)
        messages.info(
            request,
            _(
                "Votre session a pris fin avant l'envoi du formulaire. Connectez-vous : ce "
                "que vous aviez saisi a été gardé."
            ),
        )
        return redirect_to_login(
            reverse("contributions:resume"), self.get_login_url(), self.get_redirect_field_name()
        )
