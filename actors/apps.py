from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActorsConfig(AppConfig):
    name = "actors"
    verbose_name = _("Acteurs du numérique responsable")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from actors import signals  # noqa: F401 -- connects the index upkeep
        from actors.lexicon import lexicon

        lexicon()  # a mistake in fixtures/lexicon.toml stops the start-up, saying where
