from django import template

from actors.texts import FIELDS, localized

register = template.Library()


@register.simple_tag(name="localized")
def localized_tag(actor, field):
    """{% localized actor "summary" as summary %}: the text in the page's language or
    another, with its language: <p{% if summary.foreign %} lang="{{ summary.lang }}"{% endif %}>.
    """
    if field not in FIELDS:
        raise template.TemplateSyntaxError(f"No localized field {field!r}.")
    return localized(actor, field)
