"""The account an import's requests are written by (the commands' --user)."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError


def request_author(email):
    """The account of `email`, None without one; CommandError when no account has it."""
    if not email:
        return None
    user = get_user_model().objects.filter(email__iexact=email).first()
    if user is None:
        raise CommandError(f"Aucun compte pour {email}.")
    return user
