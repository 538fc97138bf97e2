"""The members' own operations (accounts, claims, team, new organisations, suggestions):
views call these, never the models' fields directly. Each checks its own preconditions and
raises ContributionError otherwise. Drafts, change requests and their decisions are steps of
the moderation workflow: the views call moderation.workflow for those."""

from ..errors import ContributionError
from .accounts import delete_account, export_user_data
from .claims import claim, verify_claim_email
from .members import accept_invitation, invite, remove_member, revoke_invitation, set_role
from .new_actors import find_duplicates, save_and_submit, submit_new_actor
from .suggestions import suggest

__all__ = [
    "ContributionError",
    "accept_invitation",
    "claim",
    "delete_account",
    "export_user_data",
    "find_duplicates",
    "invite",
    "remove_member",
    "revoke_invitation",
    "save_and_submit",
    "set_role",
    "submit_new_actor",
    "suggest",
    "verify_claim_email",
]
