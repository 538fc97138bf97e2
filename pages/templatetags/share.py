from urllib.parse import quote

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def share_link(context, title):
    """The page's address and a mailto: link carrying it, for the share block. The page's
    own URL: the directory's filters are in its query string."""
    url = context["request"].build_absolute_uri()
    body = f"{title}\n{url}"
    return {
        "title": title,
        "url": url,
        "mailto": f"mailto:?subject={quote(str(title))}&body={quote(body)}",
    }
