from django.apps import AppConfig


class NeonumConfig(AppConfig):
    """Project-wide state shared by every process and machine: the cache table, the rate
    limits and the client address they count by."""

    name = "neonum"
    verbose_name = "Néo Num Carto"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import allauth_limits

        allauth_limits.install()
