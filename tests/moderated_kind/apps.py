from django.apps import AppConfig


class ModeratedKindConfig(AppConfig):
    """A moderated kind that exists only in the tests: it proves that a new kind needs a
    model, a declaration and no change to the workflow."""

    name = "tests.moderated_kind"
    label = "moderated_kind"
    default_auto_field = "django.db.models.BigAutoField"
