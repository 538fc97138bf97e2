"""Saving and managing alerts (members, plain POST forms), and the one-click unsubscribe
of their e-mails (anyone holding the signed link)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from actors.models import Actor, Theme

from . import services
from .models import Frequency, SearchKind, Subscription
from .searches import LISTS, describe, theme_path

MY_ALERTS = "#alerts"


def _my_alerts():
    return redirect(reverse("contributions:my-space") + MY_ALERTS)


@require_POST
def save_search(request):
    kind = request.POST.get("kind", "")
    if kind not in SearchKind.values:
        return render(request, "alerts/invalid.html", status=400)
    data = QueryDict(request.POST.get("query", "")[:2000])
    if not request.user.is_authenticated:
        return redirect_to_login(LISTS[kind].url(data.urlencode()))
    subscription, created = services.save_search(request.user, kind, data)
    if created:
        text = _("Recherche enregistrée : « %(label)s ».")
    else:
        text = _("Cette recherche était déjà enregistrée : « %(label)s ».")
    messages.success(request, text % {"label": subscription.label})
    return _my_alerts()


@require_POST
def follow_actor(request, slug):
    actor = get_object_or_404(Actor.objects.published(), slug=slug)
    if not request.user.is_authenticated:
        return redirect_to_login(actor.get_absolute_url())
    services.follow_actor(request.user, actor)
    messages.success(request, _("Vous suivez « %(name)s ».") % {"name": actor.name})
    return _my_alerts()


@require_POST
def follow_theme(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    if not request.user.is_authenticated:
        return redirect_to_login(theme_path(theme))
    services.follow_theme(request.user, theme)
    messages.success(request, _("Vous suivez la thématique « %(name)s ».") % {"name": theme.label})
    return _my_alerts()


def _own(request, pk):
    """The subscription, to its owner only: anyone else, staff included, gets a 404."""
    if not request.user.is_authenticated:
        return None
    return get_object_or_404(Subscription, pk=pk, user=request.user)


@require_POST
def change_frequency(request, pk):
    subscription = _own(request, pk)
    if subscription is None:
        return redirect_to_login(reverse("contributions:my-space"))
    frequency = request.POST.get("frequency", "")
    if frequency not in Frequency.values:
        messages.error(request, _("Choisissez une fréquence parmi celles proposées."))
        return _my_alerts()
    services.set_frequency(subscription, frequency)
    messages.success(request, _("Fréquence enregistrée pour « %(label)s ».") % {
        "label": describe(subscription)
    })  # fmt: skip
    return _my_alerts()


@require_POST
def delete(request, pk):
    subscription = _own(request, pk)
    if subscription is None:
        return redirect_to_login(reverse("contributions:my-space"))
    subscription.delete()
    messages.success(request, _("Alerte supprimée : « %(label)s ».") % {
        "label": describe(subscription)
    })  # fmt: skip
    return _my_alerts()


# RFC 8058: mail clients POST the one-click unsubscribe without any cookie, hence without
# a CSRF token; the signed link is the proof. A GET only shows the confirmation.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    if request.method == "GET":
        valid = services.tokens.read(token) is not None
        return render(
            request, "alerts/unsubscribe.html", {"token": token, "valid": valid},
            status=200 if valid else 400,
        )  # fmt: skip
    stopped = services.unsubscribe(token)
    if stopped is None:
        return render(request, "alerts/unsubscribe.html", {"valid": False}, status=400)
    shown = [describe(subscription) for subscription in stopped]
    return render(request, "alerts/unsubscribed.html", {"stopped": shown})
