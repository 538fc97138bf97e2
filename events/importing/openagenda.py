"""The events of an OpenAgenda JSON export (`{"events": [...]}`) as the declaration's
values: titles and descriptions in French, Basque and Spanish, the timings, the location
(its coordinates when given, else its geocoded address), the online link and the first
registration link.

OpenAgenda lists each occurrence (timings) where we keep a rule: timings at the same local
hour and of the same length become a daily rule from the first to the last with the
missing days as exceptions, which expands to exactly those timings; other timings are
refused with a reason."""

import json
from datetime import datetime, timedelta

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from opendata.importing.values import RowError

from ..recurrence import MOST, PARIS
from . import places
from .values import SUMMARY_LENGTH, moment

LANGUAGES = {"": "fr", "_eu": "eu", "_es": "es"}
ONLINE = 2


def read(data):
    """[(position, event)], or ValueError when the file is not an OpenAgenda export."""
    try:
        document = json.loads(data)
    except (ValueError, UnicodeDecodeError) as error:
        raise ValueError(_("Fichier JSON illisible : %s") % error) from None
    events = document.get("events") if isinstance(document, dict) else document
    if not isinstance(events, list):
        raise ValueError(_("Ce n'est pas un export OpenAgenda : pas de liste « events »."))
    return list(enumerate(events, start=1))


def uid(event):
    return str(event.get("uid", "")).strip() if isinstance(event, dict) else ""


def title(event):
    if not isinstance(event, dict):
        return ""
    titles = _texts(event, "title")
    return next((text for text in titles.values() if text), "")


def _texts(event, key):
    texts = event.get(key) or {}
    if isinstance(texts, str):
        texts = {"fr": texts}
    return {suffix: str(texts.get(code) or "").strip() for suffix, code in LANGUAGES.items()}


def _moment(text):
    try:
        return datetime.fromisoformat(str(text)).astimezone(PARIS)
    except (TypeError, ValueError):
        raise RowError(_("Date illisible : « %s ».") % text) from None


def _timings(event):
    """(start, end, rrule, exdates) of the event's timings."""
    timings = sorted(
        (_moment(t.get("begin")), _moment(t.get("end")))
        for t in event.get("timings") or []
        if isinstance(t, dict)
    )
    if not timings:
        raise RowError(_("Pas d'horaire (timings)."))
    start, end = timings[0]
    if len(timings) == 1:
        return start, end, "", []
    shapes = {(s.timetz(), e - s) for s, e in timings}
    days = [s.date() for s, _e in timings]
    span = (days[-1] - days[0]).days + 1
    if len(shapes) > 1 or len(set(days)) < len(days) or span > MOST:
        raise RowError(_("Horaires à des heures ou durées différentes : non pris en charge."))
    missing = sorted({days[0] + timedelta(n) for n in range(span)} - set(days))
    return start, end, f"FREQ=DAILY;COUNT={span}", [d.isoformat() for d in missing]


def _registration(event):
    for item in event.get("registration") or []:
        if isinstance(item, dict) and item.get("type") == "link":
            return str(item.get("value", "")).strip()
    return ""


def _place(event):
    link = str(event.get("onlineAccessLink") or "").strip()
    if event.get("attendanceMode") == ONLINE:
        if not link:
            raise RowError(_("Événement en ligne sans lien (onlineAccessLink)."))
        return places.online(link)
    where = event.get("location") or {}
    point = None
    if where.get("longitude") is not None and where.get("latitude") is not None:
        try:
            point = (float(where["longitude"]), float(where["latitude"]))
        except (TypeError, ValueError):
            point = None
    return places.place(where.get("address") or where.get("name") or "", point, link)


def values(event):
    """The declaration's values of an OpenAgenda event; RowError when refused."""
    if not isinstance(event, dict):
        raise RowError(_("Événement illisible."))
    titles = _texts(event, "title")
    if not any(titles.values()):
        raise RowError(_("Pas de titre."))
    summaries = _texts(event, "description")
    longs = _texts(event, "longDescription")
    start, end, rule, exdates = _timings(event)
    found = {"start": moment(start), "end": moment(end), "all_day": False, "rrule": rule,
             "exdates": exdates, "registration_url": _registration(event)}  # fmt: skip
    for suffix in LANGUAGES:
        found["title" + suffix] = titles[suffix][:200]
        found["summary" + suffix] = Truncator(summaries[suffix]).chars(SUMMARY_LENGTH)
        found["description" + suffix] = longs[suffix] or summaries[suffix]
    found.update(_place(event))
    return found
