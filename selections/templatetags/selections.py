from django import template

from actors.texts import localized

from .. import presentation
from ..models import Selection

register = template.Library()

# The home page shows the first few items; the selection's page has them all.
HOME_ITEMS = 3


@register.inclusion_tag("selections/_featured.html")
def featured_selection():
    """The selection at the top of the home page (at most one: a database constraint)."""
    selection = Selection.objects.published().filter(featured=True).first()
    if selection is None:
        return {"selection": None}
    return {"selection": selection, "cards": presentation.cards(selection, HOME_ITEMS)}


@register.simple_tag
def selection_text(selection, field):
    """{% selection_text selection "introduction" as intro %}: the text in the page's language
    or another, with its language (for a `lang` attribute)."""
    if field not in ("title", "introduction"):
        raise template.TemplateSyntaxError(f"No text {field!r}.")
    return localized(selection, field)
