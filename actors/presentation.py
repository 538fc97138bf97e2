"""What the public actor page derives from an actor: structured data, a small SVG map of its
commune, readable opening hours, an email address kept from harvesters."""

import json
import math
import re

from django.contrib.gis.db.models.functions import AsSVG, Envelope
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from actors.models import Commune
from actors.texts import localized

JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_ld(actor, url):
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": actor.name,
        "description": localized(actor, "summary").text,
        "url": url,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": actor.street_address or None,
            "postalCode": actor.commune.postcodes[0] if actor.commune.postcodes else None,
            "addressLocality": actor.commune.name,
            "addressCountry": "FR",
        },
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": round(actor.location.y, 5),
            "longitude": round(actor.location.x, 5),
        },
        "telephone": actor.phone or None,
        "sameAs": actor.website or None,
    }
    data["address"] = {k: v for k, v in data["address"].items() if v}
    data = {k: v for k, v in data.items() if v}
    # Inside a <script> element: no "</script>" can close it early.
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES))  # noqa: S308


def minimap(actor):
    """The commune's outline and the actor's place, as SVG path data and a view box."""
    commune = (
        Commune.objects.filter(pk=actor.commune_id)
        .annotate(svg=AsSVG("boundary", precision=5), envelope=Envelope("boundary"))
        .only("pk", "name")
        .get()
    )
    x0, y0, x1, y1 = commune.envelope.extent
    pad = max(x1 - x0, y1 - y0) * 0.08
    # SVG's y axis points down: PostGIS writes -latitude. Longitudes shrink with latitude.
    squeeze = math.cos(math.radians((y0 + y1) / 2))
    return {
        "path": commune.svg,
        "view_box": (
            f"{(x0 - pad) * squeeze:.5f} {-y1 - pad:.5f} "
            f"{(x1 - x0 + 2 * pad) * squeeze:.5f} {y1 - y0 + 2 * pad:.5f}"
        ),
        "squeeze": round(squeeze, 5),
        "x": round(actor.location.x, 5),
        "y": round(-actor.location.y, 5),
        "r": round(max(x1 - x0, y1 - y0) / 40, 5),
        # The x axis is squeezed: a marker as wide as it is high is wider before squeezing.
        "rx": round(max(x1 - x0, y1 - y0) / 40 / squeeze, 5),
        "stroke": round(max(x1 - x0, y1 - y0) / 150, 5),
    }


def protected_email(address):
    """The two halves of an address, reversed, for the page's script to put back together;
    harvesters reading the HTML find no address."""
    if not address or "@" not in address:
        return None
    user, domain = address.rsplit("@", 1)
    return {"user": user[::-1], "domain": domain[::-1], "shown": f"{user} [at] {domain}"}


DAY_TOKENS = re.compile(r"\b(Mo|Tu|We|Th|Fr|Sa|Su|PH|off|closed)\b")


def readable_opening_hours(value):
    """OpenStreetMap's day abbreviations in the reader's language."""
    if not value:
        return ""
    names = {
        "Mo": _("lun."), "Tu": _("mar."), "We": _("mer."), "Th": _("jeu."), "Fr": _("ven."),
        "Sa": _("sam."), "Su": _("dim."), "PH": _("jours fériés"), "off": _("fermé"),
        "closed": _("fermé"),
    }  # fmt: skip
    text = DAY_TOKENS.sub(lambda m: names[m.group(1)], value)
    return [part.strip() for part in text.split(";") if part.strip()]
