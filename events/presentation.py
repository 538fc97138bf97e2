"""What an event says to machines: its schema.org `Event` (JSON-LD on its page) and its
record in the API, both from the same reading of its place and dates."""

from django.utils.translation import get_language

from actors.texts import LANGUAGES, column, localized
from expertise.presentation import _organisation, _safe

from .models import PlaceKind, Price
from .recurrence import local

ATTENDANCE = {
    PlaceKind.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
}
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"


def when(event, occurrence=None):
    """ISO start and end of the occurrence (or the first), dates alone for an all-day event."""
    start, end = (occurrence.start, occurrence.end) if occurrence else (event.start, event.end)
    start, end = local(start), local(end)
    if event.all_day:
        return start.date().isoformat(), end.date().isoformat()
    return start.isoformat(), end.isoformat()


def _location(event):
    if event.place_kind == PlaceKind.ONLINE:
        return {"@type": "VirtualLocation", "url": event.online_url}
    street, commune, point = event.venue
    place = {
        "@type": "Place",
        "name": event.place_actor.name if event.place_actor_id else commune.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": street,
            "postalCode": commune.postcodes[0] if commune.postcodes else "",
            "addressLocality": commune.name,
            "addressCountry": "FR",
        },
    }
    if point is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": point.y, "longitude": point.x}
    return place


def json_ld(event, occurrence, request):
    start, end = when(event, occurrence)
    organisers = [event.actor, *[a for a in event.organisers.all() if a.is_public]]
    offer = {
        "@type": "Offer",
        "price": "0" if event.price == Price.FREE else None,
        "priceCurrency": "EUR" if event.price == Price.FREE else None,
        "url": event.registration_url or None,
        "availability": "https://schema.org/InStock",
    }
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": localized(event, "title").text,
        "description": localized(event, "summary").text,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "startDate": start,
        "endDate": end,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE.get(event.place_kind, OFFLINE),
        "location": _location(event),
        "organizer": [_organisation(actor, request) for actor in organisers],
        "isAccessibleForFree": event.price == Price.FREE,
        "offers": {k: v for k, v in offer.items() if v is not None},
        "maximumAttendeeCapacity": event.capacity,
        "about": [theme.label for theme in event.themes.all()],
        "audience": [{"@type": "Audience", "audienceType": p.label} for p in event.publics.all()],
        "inLanguage": get_language(),
    }
    return _safe(data)


def _texts(event, name):
    return {lang: getattr(event, column(name, lang)) for lang in LANGUAGES}


def record(event, base_url):
    """The API's description of an event (every language, the rule kept as written)."""
    venue = event.venue
    place = {"kind": event.place_kind, "online_url": event.online_url or None}
    if venue is not None:
        street, commune, point = venue
        place.update(
            actor=event.place_actor.slug if event.place_actor_id else None,
            street_address=street,
            commune=commune.insee,
            latitude=round(point.y, 6) if point else None,
            longitude=round(point.x, 6) if point else None,
        )
    start, end = when(event)
    return {
        "slug": event.slug,
        "url": base_url + event.get_absolute_url(),
        "title": _texts(event, "title"),
        "summary": _texts(event, "summary"),
        "description": _texts(event, "description"),
        "start": start,
        "end": end,
        "all_day": event.all_day,
        "rrule": event.rrule or None,
        "exdates": [d.isoformat() for d in event.exdates],
        "place": place,
        "actor": event.actor.slug,
        "organisers": [a.slug for a in event.organisers.all()],
        "registration_url": event.registration_url or None,
        "price": event.price,
        "accessibility": event.accessibility,
        "capacity": event.capacity,
        "themes": [t.slug for t in event.themes.all()],
        "publics": [p.slug for p in event.publics.all()],
        "updated_at": event.updated_at.isoformat(),
    }
