"""What the moderation workflow knows of events (moderation.contract), on the réalisations'
declaration: members of the publishing actor or of a co-organiser edit; start and end travel
as ISO date-times, exception dates as ISO dates, the position as [longitude, latitude], the
host actor by slug and the commune by INSEE code (a request's values are JSON)."""

from datetime import date, datetime

from django.contrib.gis.geos import Point

from actors.models import Actor, Commune, Public, Theme
from contributions.permissions import is_member
from expertise.declaration import ExpertiseDeclaration, _languages, _texts

from .models import Event, EventRequest

MOMENTS = ("start", "end")


class EventDeclaration(ExpertiseDeclaration):
    model = Event
    requests = EventRequest
    fields = (
        *_texts("title", "summary", "description"),
        "start", "end", "all_day", "rrule", "exdates",
        "place_kind", "street_address", "location", "online_url",
        "registration_url", "price", "accessibility", "capacity",
    )  # fmt: skip
    translated = _languages("title", "summary", "description")
    taxonomies = {"themes": Theme, "publics": Public, "organisers": Actor}
    keyed = {"place_actor": (Actor, "slug"), "commune": (Commune, "insee")}

    def may_edit(self, user, obj):
        """Members of the publishing actor or of any co-organiser."""
        if is_member(user, obj.actor):
            return True
        return obj.pk is not None and any(is_member(user, a) for a in obj.organisers.all())

    def _plain(self, values):
        for name in MOMENTS:
            if isinstance(values.get(name), datetime):
                values[name] = values[name].isoformat()
        if "exdates" in values:
            values["exdates"] = [
                d.isoformat() if isinstance(d, date) else d for d in values["exdates"] or []
            ]
        if isinstance(values.get("location"), Point):
            values["location"] = [round(values["location"].x, 6), round(values["location"].y, 6)]
        return values

    def apply(self, obj, values):
        values = dict(values)
        for name in MOMENTS:
            if isinstance(values.get(name), str):
                values[name] = datetime.fromisoformat(values[name])
        if "exdates" in values:
            values["exdates"] = [date.fromisoformat(d) for d in values["exdates"] or []]
        if "location" in values:
            where = values["location"]
            values["location"] = Point(where[0], where[1], srid=4326) if where else None
        return super().apply(obj, values)

    def display(self, name, value):
        if name in MOMENTS and value:
            from django.utils.formats import date_format

            from .recurrence import local

            return date_format(local(datetime.fromisoformat(value)), "DATETIME_FORMAT")
        if name == "location" and value:
            return f"{value[1]}, {value[0]}"
        if name == "exdates" and value:
            return ", ".join(value)
        return super().display(name, value)
