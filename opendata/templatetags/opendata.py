"""Links from the directory's state to the downloads and the embed."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from actors.params import DISPLAY

register = template.Library()


def filters_only(query):
    if query is None:
        return ""
    params = [(k, v) for k, values in query.lists() if k not in DISPLAY for v in values if v]
    return "?" + urlencode(params) if params else ""


@register.simple_tag
def opendata_url(name, query=None):
    """The URL of an open-data view (e.g. "opendata:export-csv") with the current filters."""
    return reverse(name) + filters_only(query)


@register.simple_tag(takes_context=True)
def embed_url(context, query=None):
    request = context["request"]
    return request.build_absolute_uri(reverse("opendata_pages:embed") + filters_only(query))


@register.filter
def import_outcome(outcome):
    """An import row's outcome code as the reader's words."""
    from opendata.importing.reporting import label

    return label(outcome)
