"""Small static files written into the page itself, to spare a request each."""

import re
from functools import cache
from urllib.parse import quote

from django import template
from django.contrib.staticfiles import finders

register = template.Library()


@cache
def static_text(path):
    """A text file of the project's static files, its comments removed."""
    with open(finders.find(path), encoding="utf-8") as file:
        return re.sub(r"<!--.*?-->\s*", "", file.read(), flags=re.S)


@register.simple_tag
def svg_data_uri(path):
    """An SVG as a data: URI (the favicon: one request less on every first visit)."""
    return "data:image/svg+xml," + quote(" ".join(static_text(path).split()), safe=" =:/'\"")
