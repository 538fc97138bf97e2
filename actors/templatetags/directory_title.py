"""The directory's page title: what is searched, where, and which page
("Réparation près d'Anglet — page 2"), so that tabs, history and screen readers tell pages apart."""

from django import template
from django.utils.text import capfirst
from django.utils.translation import gettext as _

register = template.Library()

# French elides "de" before a vowel: "près d'Anglet", "près de Bayonne".
ELIDING = frozenset("aeiouyàâäéèêëîïôöûüùœ")


def near_phrase(what, place):
    if place[:1].lower() in ELIDING:
        return _("%(what)s près d'%(place)s") % {"what": what, "place": place}
    return _("%(what)s près de %(place)s") % {"what": what, "place": place}


@register.simple_tag
def directory_title(filterset, page_obj=None):
    data = getattr(filterset.form, "cleaned_data", None) or {}
    q = (data.get("q") or "").strip()
    place = filterset.place.label if filterset.place else ""
    title = capfirst(q) or (_("Acteurs") if place else _("Annuaire"))
    if place:
        title = near_phrase(title, place)
    if page_obj is not None and page_obj.number > 1:
        title = _("%(title)s — page %(number)s") % {"title": title, "number": page_obj.number}
    return title
