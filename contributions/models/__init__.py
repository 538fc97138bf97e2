from .change_request import ChangeRequest, ChangeRequestKind, RequestStatus
from .claim import Claim, ClaimQuerySet, ClaimStatus
from .invitation import Invitation, InvitationQuerySet
from .language import ExchangeLanguage, current_language
from .membership import Membership, MembershipQuerySet, Role
from .suggestion import Suggestion, SuggestionQuerySet, SuggestionStatus

__all__ = [
    "ChangeRequest",
    "ChangeRequestKind",
    "Claim",
    "ClaimQuerySet",
    "ClaimStatus",
    "ExchangeLanguage",
    "Invitation",
    "InvitationQuerySet",
    "Membership",
    "MembershipQuerySet",
    "RequestStatus",
    "Role",
    "Suggestion",
    "SuggestionQuerySet",
    "SuggestionStatus",
    "current_language",
]
