"""The schema.org description of a réalisation (`Project`) or ressource (`CreativeWork`),
as JSON safe inside a <script> element."""

import json

from django.utils.safestring import mark_safe

from actors.presentation import JSON_ESCAPES
from actors.texts import localized

from .models import PartnerRole
from .models.lists import LICENCE_URLS
from .models.media import IMAGE_SLOTS, dimensions, image_name


def _organisation(actor, request):
    return {
        "@type": "Organization",
        "name": actor.name,
        "url": request.build_absolute_uri(actor.get_absolute_url()),
    }


def _partner(partner, request):
    if partner.actor_id:
        return _organisation(partner.actor, request)
    return {"@type": "Organization", "name": partner.name}


def _licence(code, label):
    return LICENCE_URLS.get(code) or (str(label) if code else None)


def _common(obj, schema_type, request):
    return {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": localized(obj, "title").text,
        "description": localized(obj, "summary").text,
        "url": request.build_absolute_uri(obj.get_absolute_url()),
        "about": [theme.label for theme in obj.themes.all()],
        "audience": [{"@type": "Audience", "audienceType": p.label} for p in obj.publics.all()],
    }


def images(realisation):
    """The réalisation's images in their slots' order: [{url, width, height, alt}], the
    alternative text in the page's language or the one it is written in (Localized)."""
    found = []
    for slot in range(1, IMAGE_SLOTS + 1):
        stored = getattr(realisation, image_name(slot))
        if stored:
            width, height = dimensions(stored.name) or (None, None)
            alt = localized(realisation, f"{image_name(slot)}_alt")
            found.append({"url": stored.url, "width": width, "height": height, "alt": alt})
    return found


def _safe(data):
    data = {key: value for key, value in data.items() if value not in (None, "", [])}
    # Inside a <script> element: no "</script>" can close it early.
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES))  # noqa: S308


def realisation_json_ld(realisation, partners, request, pictures=()):
    data = _common(realisation, "Project", request)
    data.update(
        image=[
            {
                "@type": "ImageObject",
                "contentUrl": request.build_absolute_uri(picture["url"]),
                "width": picture["width"],
                "height": picture["height"],
                "caption": picture["alt"].text,
            }
            for picture in pictures
        ],
        author=_organisation(realisation.actor, request),
        funder=[_partner(p, request) for p in partners if p.role == PartnerRole.FUNDER],
        member=[_partner(p, request) for p in partners if p.role != PartnerRole.FUNDER],
        license=_licence(realisation.licence, realisation.get_licence_display()),
        startDate=realisation.start_date.isoformat() if realisation.start_date else None,
        endDate=realisation.end_date.isoformat() if realisation.end_date else None,
        areaServed=[c.name for c in realisation.communes.all()],
        sameAs=realisation.link,
    )
    return _safe(data)


def ressource_json_ld(ressource, request):
    data = _common(ressource, "CreativeWork", request)
    authors = list(ressource.authors.all()) or [ressource.actor]
    data.update(
        author=[_organisation(actor, request) for actor in authors],
        publisher=_organisation(ressource.actor, request),
        license=_licence(ressource.licence, ressource.get_licence_display()),
        inLanguage=ressource.content_language,
        genre=ressource.type.label,
        sameAs=[url for url in (ressource.link, ressource.elsewhere_url) if url],
    )
    return _safe(data)
