"""The language switcher and the alternate-language links of every page."""

from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """This page in each language of the site: [{code, name, url, current}], the filters of
    the query string kept. A page that resolves to no view (a 404) links to each home page."""
    request = context.get("request")
    current = translation.get_language()
    path = request.get_full_path() if request else "/"
    match = getattr(request, "resolver_match", None)
    versions = []
    for code, name in settings.LANGUAGES:
        url = in_language(match, path, code) or path
        if url == path and code != current:
            with translation.override(code):
                url = reverse("actors:home")
        versions.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": request.build_absolute_uri(url) if request else url,
                "current": code == current,
            }
        )
    return versions


def in_language(match, path, code):
    """The address of the view that answered (match) in language `code`, with the query
    string of `path`, or None. What django.urls.translate_url does, from the match the
    request already has: that function resolves the path again for each language."""
    if match is None:
        return None
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with translation.override(code):
        try:
            url = reverse(name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None
    query = urlsplit(path).query
    return f"{url}?{query}" if query else url


@register.simple_tag(takes_context=True)
def unprefixed_url(context):
    """This page's address without its language prefix: it redirects each visitor to their
    own language, which is what hreflang="x-default" announces."""
    request = context.get("request")
    if request is None:
        return "/"
    prefix = f"/{translation.get_language()}/"
    path = request.get_full_path()
    return request.build_absolute_uri("/" + path.removeprefix(prefix))


# Open Graph locales: Basque as written north of the border, where the CAPB is.
OG_LOCALES = {"fr": "fr_FR", "eu": "eu_FR", "es": "es_ES"}


@register.simple_tag
def og_locales():
    current = translation.get_language()
    return {
        "current": OG_LOCALES.get(current, "fr_FR"),
        "alternates": [locale for code, locale in OG_LOCALES.items() if code != current],
    }
