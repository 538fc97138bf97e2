"""The results map's legend: each theme with the pictogram its markers show."""

from django import template

from actors.models import Theme

register = template.Library()

# Themes drawn in static/img/map-themes.svg; a theme staff add later shows the generic one.
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
