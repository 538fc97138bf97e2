from django import template

from actors.texts import localized

register = template.Library()

TEXTS = ("title", "summary", "description", "results", "lessons")


@register.simple_tag(name="text_in")
def text_in(obj, field):
    """{% text_in realisation "title" as title %}: the text in the page's language or
    another, with its language, for a `lang` attribute when it differs from the page's."""
    if field not in TEXTS:
        raise template.TemplateSyntaxError(f"No text {field!r}.")
    return localized(obj, field)


@register.inclusion_tag("expertise/_actor_expertise.html", takes_context=True)
def actor_expertise(context, actor):
    """The actor page's section: its published réalisations and ressources, and those it
    is a partner or an author of; its members also get the way to write them."""
    from django.db.models import Q

    from contributions.permissions import is_member

    from ..models import Realisation, Ressource

    realisations = (
        Realisation.objects.published()
        .filter(Q(actor=actor) | Q(partners__actor=actor))
        .distinct()
        .only("slug", "title", "title_eu", "title_es", "actor_id")
        .order_by("-updated_at")
    )
    ressources = (
        Ressource.objects.published()
        .filter(Q(actor=actor) | Q(authors=actor))
        .distinct()
        .only("slug", "title", "title_eu", "title_es", "actor_id")
        .order_by("-updated_at")
    )
    request = context.get("request")
    return {
        "actor": actor,
        "realisations": list(realisations),
        "ressources": list(ressources),
        "member": request is not None and is_member(request.user, actor),
    }
