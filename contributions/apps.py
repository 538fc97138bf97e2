from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    name = "contributions"
    verbose_name = _("Contributions des acteurs")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # auth.User shows itself by its username, an opaque key here (see AccountAdapter):
        # people are shown by their address everywhere, the admin's greeting, breadcrumbs,
        # titles and history included.
        from django.contrib.auth.models import User

        User.__str__ = User.get_short_name = address_of


def address_of(user):
    return user.email or user.username
