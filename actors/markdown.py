"""Descriptions are Markdown typed by actors: rendered, then sanitised with an allow-list."""

import markdown as markdown_lib
import nh3
from django.utils.safestring import mark_safe

TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "h2", "h3", "h4", "hr",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text):
    """Safe HTML for `text`: raw HTML, scripts, images and any link that is not http(s) or
    mailto are removed; links to other sites get rel="nofollow noopener noreferrer"."""
    html = markdown_lib.markdown(text or "", output_format="html")
    clean = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above
