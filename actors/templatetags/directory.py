"""Links that keep the directory's state in the URL."""

import json

from django import template
from django.utils.http import urlencode

from actors.params import NAMES, PAGE, SHOW_ALL

register = template.Library()


def _encode(params):
    return "?" + urlencode(params, doseq=True) if params else "?"


@register.simple_tag
def query_with(query, **changes):
    """The current query string with some parameters replaced (None removes one)."""
    params = query.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value is not None:
            params[key] = value
    return _encode(params.lists())


@register.simple_tag
def query_without(query, name, value):
    """The current query string without one value of one parameter (and back to page 1)."""
    params = query.copy()
    params.setlist(name, [v for v in params.getlist(name) if v != value])
    params.pop(PAGE, None)
    if name == "near":
        params.pop("radius", None)
    return _encode(params.lists())


@register.simple_tag
def show_all_url(query, facet):
    """The current query asking for every option of `facet` (back to page 1)."""
    return query_with(query, **{SHOW_ALL: facet, PAGE: None})


@register.simple_tag
def query_parameters():
    """The names of the non-filter parameters as JSON, for the scripts (a data attribute)."""
    return json.dumps(NAMES)
