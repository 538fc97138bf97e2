from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actors.models import Actor

from .common import ExpertiseContent, version_index
from .lists import ContentLanguage, Licence, RessourceType
from .media import file_path
from .realisation import Realisation


class Ressource(ExpertiseContent):
    """Something an actor shares for others to reuse: a guide, a toolkit, a study…"""

    moderation = "expertise.declaration.RessourceDeclaration"
    URL_NAME = "expertise:ressource"

    type = models.ForeignKey(
        RessourceType,
        on_delete=models.PROTECT,
        related_name="ressources",
        verbose_name=_("type de ressource"),
    )
    licence = models.CharField(_("licence"), max_length=24, choices=Licence.choices)
    content_language = models.CharField(
        _("langue du contenu"),
        max_length=3,
        choices=ContentLanguage.choices,
        default=ContentLanguage.FR,
    )
    link = models.URLField(_("lien"), max_length=300, blank=True)
    elsewhere_url = models.URLField(
        _("disponible aussi ailleurs"),
        max_length=300,
        blank=True,
        help_text=_("Par exemple la même ressource sur La Base."),
    )
    authors = models.ManyToManyField(
        Actor, related_name="authored_ressources", blank=True, verbose_name=_("auteurs")
    )
    realisation = models.ForeignKey(
        Realisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ressources",
        verbose_name=_("réalisation d'origine"),
    )

    file = models.FileField(
        _("fichier"),
        upload_to=file_path,
        blank=True,
        help_text=_("PDF, ODT ou image ; proposé en téléchargement seulement."),
    )
    # The name the file had on its author's computer, sanitised (expertise.uploads): shown
    # and given back on download, never a path.
    file_name = models.CharField(_("nom du fichier"), max_length=200, blank=True)

    class Meta(ExpertiseContent.Meta):
        verbose_name = _("ressource")
        verbose_name_plural = _("ressources")
        indexes = [*ExpertiseContent.Meta.indexes, version_index("ressource")]
        constraints = [
            *ExpertiseContent.Meta.constraints,
            models.CheckConstraint(
                condition=Q(licence__in=Licence.values), name="ressource_licence_known"
            ),
            models.CheckConstraint(
                condition=Q(content_language__in=ContentLanguage.values),
                name="ressource_language_known",
            ),
        ]
