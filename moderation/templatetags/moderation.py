from django import template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from contributions.permissions import is_moderator as _is_moderator

register = template.Library()


@register.filter
def is_moderator(user):
    return _is_moderator(user)


@register.filter
def age(value):
    """How long ago, in calendar days of the site's time zone: a request sent last evening
    is "hier" the next morning, though it is not 24 hours old."""
    if not value:  # no date (a missing variable is "" in templates)
        return ""
    days = (timezone.localdate() - timezone.localtime(value).date()).days
    if days <= 0:
        return _("aujourd'hui")
    if days == 1:
        return _("hier")
    return ngettext("il y a %(count)d jour", "il y a %(count)d jours", days) % {"count": days}
