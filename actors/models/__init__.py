from .actor import Actor, ActorQuerySet, ActorStatus
from .commune import Commune, CommuneQuerySet
from .taxonomy import ActorKind, Language, Public, Service, Theme

__all__ = [
    "Actor",
    "ActorKind",
    "ActorQuerySet",
    "ActorStatus",
    "Commune",
    "CommuneQuerySet",
    "Language",
    "Public",
    "Service",
    "Theme",
]
