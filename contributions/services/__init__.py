"""The domain operations: views call these, never the models' fields directly. Each checks
its own preconditions and raises ContributionError otherwise. Drafts, change requests and
their decisions are steps of the moderation workflow (moderation.workflow), named here for
the member-facing views."""

from moderation.workflow import (
    StaleBase,
    amend,
    apply_change_request,
    approve_claim,
    propose_change,
    reject_change_request,
    reject_claim,
    request_changes,
    submit_for_review,
    update_draft,
    withdraw,
)

from ..errors import ContributionError
from .accounts import delete_account, export_user_data
from .claims import claim, verify_claim_email
from .members import accept_invitation, invite, remove_member, revoke_invitation, set_role
from .new_actors import find_duplicates, save_and_submit, submit_new_actor
from .suggestions import suggest

__all__ = [
    "ContributionError",
    "StaleBase",
    "accept_invitation",
    "amend",
    "apply_change_request",
    "approve_claim",
    "claim",
    "delete_account",
    "export_user_data",
    "find_duplicates",
    "invite",
    "propose_change",
    "reject_change_request",
    "reject_claim",
    "remove_member",
    "request_changes",
    "revoke_invitation",
    "save_and_submit",
    "set_role",
    "submit_for_review",
    "submit_new_actor",
    "suggest",
    "update_draft",
    "verify_claim_email",
    "withdraw",
]
