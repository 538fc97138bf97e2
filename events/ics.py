"""The agenda as iCalendar (RFC 5545), written by the `icalendar` library: one VEVENT per
event with its rule (RRULE) and exceptions (EXDATE) kept, times in Europe/Paris with the
zone's VTIMEZONE, so that a calendar expands the series itself."""

from datetime import datetime, timedelta

from icalendar import Calendar, Event, vRecur

from actors.texts import localized

from .models import PlaceKind
from .recurrence import PARIS, local

PRODID = "-//Néo Num Carto//Agenda//FR"


def _location(event):
    if event.place_kind == PlaceKind.ONLINE:
        return event.online_url
    street, commune, _point = event.venue
    return ", ".join(part for part in (street, commune.name) if part)


def vevent(event, base_url, stamp):
    item = Event()
    item.add("uid", f"event-{event.pk}@{base_url.split('://', 1)[-1]}")
    item.add("dtstamp", stamp)
    item.add("last-modified", event.updated_at)
    item.add("summary", localized(event, "title").text)
    description = localized(event, "summary").text
    if description:
        item.add("description", description)
    item.add("url", base_url + event.get_absolute_url())
    start, end = local(event.start), local(event.end)
    if event.all_day:
        # DTEND of a day is exclusive: an event of one day ends the next day.
        item.add("dtstart", start.date())
        item.add("dtend", end.date() + timedelta(days=1))
    else:
        item.add("dtstart", start)
        item.add("dtend", end)
    if event.rrule:
        item.add("rrule", vRecur.from_ical(event.rrule.removeprefix("RRULE:")))
    for day in event.exdates:
        moment = datetime.combine(day, start.timetz()) if not event.all_day else day
        item.add("exdate", moment)
    where = _location(event)
    if where:
        item.add("location", where)
    if event.place_kind != PlaceKind.ONLINE and event.venue[2] is not None:
        point = event.venue[2]
        item.add("geo", (point.y, point.x))
    item.add(
        "organizer", base_url + event.actor.get_absolute_url(), parameters={"cn": event.actor.name}
    )
    for theme in event.themes.all():
        item.add("categories", theme.label)
    return item


def calendar(events, base_url, stamp):
    """The VCALENDAR of `events` as bytes."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Néo Num Carto")
    cal.add("x-wr-timezone", str(PARIS))
    for event in events:
        cal.add_component(vevent(event, base_url, stamp))
    cal.add_missing_timezones()
    return cal.to_ical()
