from .actor import Actor, ActorQuerySet, ActorStatus, Fees
from .commune import Commune, CommuneQuerySet
from .taxonomy import ActorKind, Language, Public, Service, Theme

__all__ = [
    "Actor",
    "ActorKind",
    "ActorQuerySet",
    "ActorStatus",
    "Commune",
    "CommuneQuerySet",
    "Fees",
    "Language",
    "Public",
    "Service",
    "Theme",
]
