from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertiseConfig(AppConfig):
    name = "expertise"
    verbose_name = _("Réalisations et ressources")

    def ready(self):
        from . import signals  # noqa: F401
