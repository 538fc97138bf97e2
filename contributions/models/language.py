from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


def current_language():
    """The language the person is using the site in, one of settings.LANGUAGES."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    codes = [code for code, _name in settings.LANGUAGES]
    return language if language in codes else settings.LANGUAGE_CODE


class ExchangeLanguage(models.Model):
    """The language a person wrote to us in: the emails answering them are written in it,
    whatever language the moderator who decides uses."""

    language = models.CharField(
        _("langue de l'échange"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=current_language,
    )

    class Meta:
        abstract = True
