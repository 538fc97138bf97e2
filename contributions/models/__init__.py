from .change_request import ChangeRequest, ChangeRequestKind, ChangeRequestQuerySet, RequestStatus
from .claim import Claim, ClaimQuerySet, ClaimStatus
from .membership import Membership, MembershipQuerySet, Role
from .suggestion import Suggestion, SuggestionQuerySet, SuggestionStatus

__all__ = [
    "ChangeRequest",
    "ChangeRequestKind",
    "ChangeRequestQuerySet",
    "Claim",
    "ClaimQuerySet",
    "ClaimStatus",
    "Membership",
    "MembershipQuerySet",
    "RequestStatus",
    "Role",
    "Suggestion",
    "SuggestionQuerySet",
    "SuggestionStatus",
]
