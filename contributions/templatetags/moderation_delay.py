from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def moderation_delay():
    """Working days a contributor may expect to wait for a decision (MODERATION_DELAY_DAYS)."""
    return settings.MODERATION_DELAY_DAYS
