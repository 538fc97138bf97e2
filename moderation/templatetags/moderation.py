from django import template

from contributions.permissions import is_moderator as _is_moderator

register = template.Library()


@register.filter
def is_moderator(user):
    return _is_moderator(user)
