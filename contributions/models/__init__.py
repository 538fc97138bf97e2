from .change_request import ChangeRequest, ChangeRequestKind, ChangeRequestQuerySet, RequestStatus
from .claim import Claim, ClaimQuerySet, ClaimStatus
from .language import ExchangeLanguage, current_language
from .membership import Membership, MembershipQuerySet, Role
from .suggestion import Suggestion, SuggestionQuerySet, SuggestionStatus

__all__ = [
    "ChangeRequest",
    "ChangeRequestKind",
    "ChangeRequestQuerySet",
    "Claim",
    "ClaimQuerySet",
    "ClaimStatus",
    "ExchangeLanguage",
    "Membership",
    "MembershipQuerySet",
    "RequestStatus",
    "Role",
    "Suggestion",
    "SuggestionQuerySet",
    "SuggestionStatus",
    "current_language",
]
