"""The results map's legend: each theme with the pictogram its markers show."""

from django import template
from django.utils.safestring import mark_safe

from actors.models import Theme
from neonum.templatetags.inline_static import static_text

register = template.Library()

# Themes drawn in static/img/map-themes.svg; a theme staff add later shows the generic one.
SPRITE = "img/map-themes.svg"
SPRITE_ATTRIBUTES = 'class="icon-sprite" aria-hidden="true" focusable="false"'
OUTLINE = "geo/territory.geojson"
ICONS = {
    "sobriete-ecoconception",
    "reemploi-reparation",
    "inclusion-mediation",
    "accessibilite",
    "logiciels-libres-communs",
    "donnees-ouvertes",
    "donnees-ethique-cybersecurite",
    "education-sensibilisation",
    "low-tech",
    "achats-strategie-nr",
}


def icon_for(slug):
    return f"theme-{slug}" if slug in ICONS else "theme-other"


@register.simple_tag
def map_legend():
    return [(theme.slug, icon_for(theme.slug), theme.label) for theme in Theme.objects.all()]


@register.simple_tag
def map_sprite():
    """The pictograms inline, in the map's template: no request of their own, and SVG innards
    are not counted among the page's elements."""
    svg = static_text(SPRITE).replace("<svg ", f"<svg {SPRITE_ATTRIBUTES} ", 1)
    return mark_safe(svg)  # noqa: S308  (a file of the project, not user input)


@register.simple_tag
def territory_outline():
    """The territory's outline (GeoJSON) for a JSON script in the map's template: no request."""
    return mark_safe(static_text(OUTLINE).replace("</", "<\\/"))  # noqa: S308  (the project's file)
