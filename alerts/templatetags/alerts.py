"""The alerts' forms where they are offered (the lists, the actor page, the directory's
theme) and their list in "Mon espace"."""

from django import template

from ..models import Frequency, Subscription, Target
from ..searches import describe, page_path

register = template.Library()


def _base(context, **values):
    return {
        "user": context["user"],
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        **values,
    }


@register.inclusion_tag("alerts/_save_search.html", takes_context=True)
def save_search(context, kind, query, form_id=""):
    """The "receive what is new" form carrying the list's current query. `form_id`: the
    controls join that form, outside the page's own GET form (forms do not nest)."""
    return _base(context, kind=kind, query=query.urlencode() if query else "", form_id=form_id)


@register.inclusion_tag("alerts/_follow_theme.html", takes_context=True)
def follow_theme(context, themes, form_id):
    """The follow button of the theme, when exactly one is chosen (`themes`: the terms the
    directory's form already read)."""
    themes = list(themes or [])
    return _base(context, theme=themes[0] if len(themes) == 1 else None, form_id=form_id)


@register.inclusion_tag("alerts/_alerts_form.html", takes_context=True)
def alerts_form(context, form_id):
    """The empty POST form, outside the page's GET form, that the controls above join."""
    return _base(context, form_id=form_id)


@register.inclusion_tag("alerts/_follow_actor.html", takes_context=True)
def follow_actor(context, actor):
    user = context["user"]
    following = user.is_authenticated and (
        Subscription.objects.of(user).filter(target=Target.ACTOR, actor=actor).exists()
    )
    return _base(context, actor=actor, following=following)


@register.inclusion_tag("alerts/_my_alerts.html", takes_context=True)
def my_alerts(context):
    subscriptions = list(Subscription.objects.of(context["user"]).select_related("actor", "theme"))
    for subscription in subscriptions:
        subscription.page = page_path(subscription)
        subscription.shown = describe(subscription)
    return _base(context, subscriptions=subscriptions, frequencies=Frequency.choices)
