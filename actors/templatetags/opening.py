"""The open status and the week's hours of an actor, at the time of the request."""

from django import template
from django.utils import timezone

from actors import opening

register = template.Library()


@register.simple_tag
def open_status(actor):
    return opening.status(actor.opening_hours, timezone.now())


@register.simple_tag
def opening_week(actor):
    return opening.week_table(actor.opening_hours, timezone.now())
