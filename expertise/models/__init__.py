from simple_history import register

from moderation.history import AttributedHistory

from .common import ExpertiseContent
from .lists import (
    ContentLanguage,
    FundingProgramme,
    Licence,
    PartnerAnswer,
    PartnerRole,
    Progress,
    RessourceType,
)
from .proposals import RealisationRequest, RessourceRequest
from .realisation import Partner, Realisation
from .ressource import Ressource

register(
    Realisation,
    app="expertise",
    records_class=AttributedHistory,
    m2m_fields=["themes", "publics", "communes"],
    excluded_fields=["search_vector"],
)
register(
    Ressource,
    app="expertise",
    records_class=AttributedHistory,
    m2m_fields=["themes", "publics", "authors"],
    excluded_fields=["search_vector"],
)

__all__ = [
    "ContentLanguage",
    "ExpertiseContent",
    "FundingProgramme",
    "Licence",
    "Partner",
    "PartnerAnswer",
    "PartnerRole",
    "Progress",
    "Realisation",
    "RealisationRequest",
    "Ressource",
    "RessourceRequest",
    "RessourceType",
]
