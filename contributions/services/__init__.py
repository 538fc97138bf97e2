"""The domain operations: views and the moderation console call these, never the models'
fields directly. Each checks its own preconditions and raises ContributionError otherwise."""

from .accounts import delete_account, export_user_data
from .changes import (
    StaleBase,
    amend,
    apply_change_request,
    propose_change,
    reject_change_request,
    request_changes,
    withdraw,
)
from .claims import approve_claim, claim, reject_claim, verify_claim_email
from .errors import ContributionError
from .members import accept_invitation, invite, remove_member, revoke_invitation, set_role
from .new_actors import (
    find_duplicates,
    save_and_submit,
    submit_for_review,
    submit_new_actor,
    update_draft,
)
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
