"""The two kinds as the views see them: model, form, templates and URL names, so that one
set of views serves both."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .forms import RealisationForm, RessourceForm
from .models import Realisation, Ressource


@dataclass(frozen=True)
class Kind:
    name: str
    model: type
    form: type
    add_title: str
    list_title: str

    def template(self, page):
        return f"expertise/{self.name}_{page}.html"


REALISATION = Kind(
    "realisation", Realisation, RealisationForm, _("Ajouter une réalisation"), _("Réalisations")
)
RESSOURCE = Kind("ressource", Ressource, RessourceForm, _("Ajouter une ressource"), _("Ressources"))
KINDS = {kind.name: kind for kind in (REALISATION, RESSOURCE)}
