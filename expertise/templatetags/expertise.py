from django import template
from django.urls import reverse
from django.utils.translation import gettext, ngettext

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
    is a confirmed partner or an author of (one query: the page keeps a small budget); its members
    (the page's `member`, asked once) also get the way to write them."""
    from django.db.models import CharField, Value

    from ..models import PartnerAnswer, Realisation, Ressource

    columns = ("slug", "title", "title_eu", "title_es", "actor_id", "updated_at", "kind")

    def rows(model, **lookup):
        return (
            model.objects.published()
            .filter(**lookup)
            .annotate(kind=Value(model._meta.model_name, output_field=CharField()))
            .values_list(*columns)
        )

    # A partnership shows on the partner's own page once its members confirmed it.
    partner_of = Realisation.objects.filter(
        partners__actor=actor, partners__answer=PartnerAnswer.CONFIRMED
    ).values("pk")
    # One part per way of being linked, each read from its index: with `actor OR partner`
    # in one WHERE, PostgreSQL read every published réalisation (about 0.3 s at 50,000).
    # UNION drops an item found twice, as the OR did.
    found = rows(Realisation, actor=actor).union(
        rows(Realisation, pk__in=partner_of),
        rows(Ressource, actor=actor),
        rows(Ressource, authors=actor),
    )
    items = [
        {
            **dict(zip(columns, row, strict=True)),
            "url": reverse(f"expertise:{row[-1]}", args=[row[0]]),
        }
        for row in found.order_by("-updated_at")
    ]
    return {
        "actor": actor,
        "realisations": [item for item in items if item["kind"] == "realisation"],
        "ressources": [item for item in items if item["kind"] == "ressource"],
        "member": context.get("member", False),
    }


@register.simple_tag
def evidence(actor):
    """A directory card's "Prouvé par 3 réalisations et 2 ressources", from the counts of
    `expertise.evidence.counts()` (empty when it has none)."""
    realisations = getattr(actor, "evidence_realisations", 0) or 0
    ressources = getattr(actor, "evidence_ressources", 0) or 0
    if realisations and ressources:
        return gettext("Prouvé par %(realisations)s et %(ressources)s") % {
            "realisations": ngettext(
                "%(count)s réalisation", "%(count)s réalisations", realisations
            )
            % {"count": realisations},
            "ressources": ngettext("%(count)s ressource", "%(count)s ressources", ressources)
            % {"count": ressources},
        }
    if realisations:
        return ngettext(
            "Prouvé par %(count)s réalisation", "Prouvé par %(count)s réalisations", realisations
        ) % {"count": realisations}
    if ressources:
        return ngettext(
            "Prouvé par %(count)s ressource", "Prouvé par %(count)s ressources", ressources
        ) % {"count": ressources}
    return ""
