from .actor import ACCESS_FIELDS, Actor, ActorQuerySet, ActorStatus, Fees, LocationPrecision
from .commune import Commune, CommuneQuerySet
from .search import LeanRow, SearchRow
from .taxonomy import ActorKind, Language, Public, Service, Theme

__all__ = [
    "ACCESS_FIELDS",
    "Actor",
    "ActorKind",
    "ActorQuerySet",
    "ActorStatus",
    "Commune",
    "CommuneQuerySet",
    "Fees",
    "Language",
    "LeanRow",
    "LocationPrecision",
    "Public",
    "SearchRow",
    "Service",
    "Theme",
]
