"""The VEVENTs of an iCalendar file (read by the `icalendar` library) as the declaration's
values: SUMMARY, DESCRIPTION, DTSTART/DTEND (with their TZID, UTC or floating times read in
Europe/Paris, all-day DATE values), RRULE, EXDATE, LOCATION (opendata.importing.places) and
URL (the registration link)."""

import re
from datetime import date, datetime, time, timedelta
from urllib.parse import urlsplit

from django.utils.text import Truncator
from django.utils.translation import gettext as _
from icalendar import Calendar

from opendata.importing.values import RowError

from ..recurrence import PARIS
from . import places
from .values import SUMMARY_LENGTH, moment

# The UID our own feed (events.ics) gives an event: its id at the site's host.
OWN_UID = re.compile(r"^event-(\d+)@(.+)$")


def read(data):
    """[(position, VEVENT)], or ValueError when the file is not iCalendar."""
    try:
        calendar = Calendar.from_ical(data)
    except (ValueError, IndexError) as error:
        raise ValueError(_("Fichier iCalendar illisible : %s") % error) from None
    return list(enumerate(calendar.walk("VEVENT"), start=1))


def uid(component):
    return _text(component, "UID")


def title(component):
    return _text(component, "SUMMARY")


def own(component):
    """The id of one of our own events, when the VEVENT comes from our own feed (its UID
    and its URL name the same host), else None."""
    found = OWN_UID.match(str(component.get("UID", "")))
    url = urlsplit(str(component.get("URL", "")))
    if found and url.netloc == found.group(2):
        return int(found.group(1))
    return None


def _text(component, name):
    value = component.get(name)
    return str(value).strip() if value is not None else ""


def _local(value):
    """A DTSTART/DTEND value in Europe/Paris: aware as given, floating read as local."""
    if value.tzinfo is None:
        return value.replace(tzinfo=PARIS)
    return value.astimezone(PARIS)


def _dates(component):
    """(start, end, all_day) as aware datetimes."""
    if component.get("DTSTART") is None:
        raise RowError(_("Pas de date de début (DTSTART)."))
    start = component.decoded("DTSTART")
    end = component.decoded("DTEND") if component.get("DTEND") is not None else None
    if not isinstance(start, datetime):
        # A DATE: DTEND is the day after the last one (RFC 5545), one day when absent.
        last = (end - timedelta(days=1)) if isinstance(end, date) and end > start else start
        first = datetime.combine(start, time(0), PARIS)
        return first, datetime.combine(last, time(23, 59), PARIS), True
    start = _local(start)
    if end is None and component.get("DURATION") is not None:
        end = start + component.decoded("DURATION")
    end = _local(end) if isinstance(end, datetime) else start
    return start, end, False


def _exdates(component):
    values = component.get("EXDATE")
    if values is None:
        return []
    days = set()
    for line in values if isinstance(values, list) else [values]:
        for item in line.dts:
            day = item.dt
            days.add(_local(day).date() if isinstance(day, datetime) else day)
    return sorted(d.isoformat() for d in days)


def _rule(component):
    rule = component.get("RRULE")
    if rule is None:
        return ""
    if isinstance(rule, list):
        raise RowError(_("Plusieurs règles de récurrence (RRULE) : une seule est prise en charge."))
    return rule.to_ical().decode()


# The fields each property gives, for a VEVENT of our own feed compared with what the feed
# says of the event today: an unchanged property leaves its fields as they are.
FIELDS = {
    "SUMMARY": ("title",),
    "DESCRIPTION": ("summary", "description"),
    "DTSTART": ("start", "end", "all_day"),
    "DTEND": ("start", "end", "all_day"),
    "RRULE": ("rrule",),
    "EXDATE": ("exdates",),
    "LOCATION": places.FIELDS,
}


def _ical(component, name):
    value = component.get(name)
    values = value if isinstance(value, list) else [value]
    return [v.to_ical() if hasattr(v, "to_ical") else v for v in values]


def unchanged_fields(component, exported):
    """The fields whose properties are all the same in `component` and in `exported`."""
    changed = {
        field
        for name, fields in FIELDS.items()
        if _ical(component, name) != _ical(exported, name)
        for field in fields
    }
    return {field for fields in FIELDS.values() for field in fields} - changed


def values(component, same=frozenset()):
    """The declaration's values of a VEVENT, but for the fields in `same`; RowError (or
    places.Outside) when refused."""
    for name, problem in getattr(component, "errors", ()):
        raise RowError(_("Propriété illisible (%(name)s) : %(problem)s")
                       % {"name": name, "problem": problem})  # fmt: skip
    found = {}
    if "title" not in same:
        found["title"] = _text(component, "SUMMARY")[:200]
        if not found["title"]:
            raise RowError(_("Pas de titre (SUMMARY)."))
    if "description" not in same:
        description = _text(component, "DESCRIPTION")
        found["summary"] = Truncator(description).chars(SUMMARY_LENGTH)
        found["description"] = description
    if "start" not in same:
        start, end, found["all_day"] = _dates(component)
        found["start"], found["end"] = moment(start), moment(end)
    if "rrule" not in same:
        found["rrule"] = _rule(component)
    if "exdates" not in same:
        found["exdates"] = _exdates(component)
    if "place_kind" not in same:
        found.update(places.place(_text(component, "LOCATION")))
    # Our own feed's URL is the event's page, not a registration link.
    if own(component) is None:
        found["registration_url"] = _text(component, "URL")
    return found
