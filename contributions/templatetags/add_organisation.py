"""The public ways in to adding an organisation: members go to the form; visitors go to
sign up (or log in) first, with `next` bringing them back to the form."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from ..permissions import membership

register = template.Library()


def _with_next(url_name, target):
    return f"{reverse(url_name)}?{urlencode({'next': target})}"


def entry_urls(user):
    add = reverse("contributions:add")
    if user.is_authenticated:
        return {"add": add}
    return {"add": _with_next("account_signup", add), "login": _with_next("account_login", add)}


@register.simple_tag(takes_context=True)
def add_organisation_url(context):
    return entry_urls(context["user"])["add"]


@register.inclusion_tag("contributions/_add_organisation.html", takes_context=True)
def add_organisation(context, question=""):
    """The entry in a page: the link, and for visitors what signing up is for."""
    return {"question": question, "urls": entry_urls(context["user"])}


@register.simple_tag(takes_context=True)
def signing_up_to_add(context):
    """On the login and signup pages: whether the visitor came to add an organisation."""
    return context.get("redirect_field_value") == reverse("contributions:add")


@register.simple_tag(takes_context=True)
def member_of(context, actor):
    """Whether the visitor is one of `actor`'s members: they edit it, they do not claim it
    (a claim of theirs is refused). No query for anonymous visitors."""
    return membership(context["user"], actor) is not None
