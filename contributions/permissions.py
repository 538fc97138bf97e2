"""Who may do what. Moderators are staff or members of the "Modérateurs" group."""

from django.core.exceptions import PermissionDenied

from .models import Membership, Role

MODERATORS_GROUP = "Modérateurs"


def is_moderator(user):
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_staff or user.groups.filter(name=MODERATORS_GROUP).exists()


class ModeratorsOnly(PermissionDenied):
    """A page of the moderators' own: the 403 page says so, rather than the members' text."""


def membership(user, actor):
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, actor=actor).first()


def is_member(user, actor):
    return membership(user, actor) is not None


def is_owner(user, actor):
    found = membership(user, actor)
    return found is not None and found.role == Role.OWNER
