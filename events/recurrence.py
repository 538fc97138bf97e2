"""An event's occurrences: its RFC 5545 rule (RRULE) expanded by python-dateutil, minus its
exception dates (EXDATE), in Europe/Paris local time.

The rule is expanded on the naive local start and each occurrence is then placed in the
time zone: a 10:00 weekly workshop stays at 10:00 when summer time begins or ends (expanding
the aware UTC instant would move it by an hour)."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

PARIS = ZoneInfo("Europe/Paris")
# An unbounded rule (neither COUNT nor UNTIL) is expanded this far past today, no further.
HORIZON = timedelta(days=366)
# How far ahead the agenda looks when no date is asked for.
AHEAD = timedelta(days=5 * 366)
# What a rule may produce at most: a rule every minute for a year is refused, not expanded.
MOST = 500


@dataclass(frozen=True)
class Occurrence:
    event: object
    start: datetime
    end: datetime

    @property
    def day(self):
        return self.start.date()


def local(moment):
    return moment.astimezone(PARIS)


def _rule(text, start):
    """The dateutil rule of `text` from the naive local `start`; ValueError when invalid."""
    text = text.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if not text or "\n" in text or "DTSTART" in text.upper():
        raise ValueError(text)
    return rrulestr(text, dtstart=start, ignoretz=True)


def bounded(text):
    """The rule has an end (COUNT or UNTIL)."""
    rule = text.upper()
    return "COUNT=" in rule or "UNTIL=" in rule


def validate_rule(text):
    """A clear message for a rule python-dateutil cannot read."""
    if not text:
        return
    try:
        _rule(text, datetime(2000, 1, 1))
    except (ValueError, TypeError) as error:
        raise ValidationError(
            _("Règle de récurrence illisible (format RFC 5545, par exemple FREQ=WEEKLY;BYDAY=TU).")
        ) from error


def starts(event, until=None):
    """The local starts of the event's occurrences up to `until` (aware), exceptions left out."""
    first = local(event.start)
    if not event.rrule:
        return [first]
    naive = first.replace(tzinfo=None)
    horizon = max(event.start, timezone.now()) + HORIZON
    if until is None or not bounded(event.rrule):
        until = min(until or horizon, horizon)
    limit = local(until).replace(tzinfo=None)
    skipped = set(event.exdates or ())
    found = []
    for moment in _rule(event.rrule, naive).xafter(naive, count=MOST, inc=True):
        if moment > limit:
            break
        if moment.date() not in skipped:
            found.append(moment.replace(tzinfo=PARIS))
    return found


def stray_exceptions(start, rule, exdates):
    """The exception dates on which the series (`rule` from the aware `start`) has no
    occurrence: they would skip nothing. Read over its first MOST occurrences, the most the
    agenda ever lists; a date past those is not judged. [] for an unreadable rule, which its
    own field reports."""
    if not exdates:
        return []
    if not rule:
        return list(exdates)
    naive = local(start).replace(tzinfo=None)
    try:
        moments = list(_rule(rule, naive).xafter(naive, count=MOST + 1, inc=True))
    except (ValueError, TypeError):
        return []
    complete = len(moments) <= MOST
    moments = moments[:MOST]
    days = {moment.date() for moment in moments}
    return [day for day in exdates if day not in days and (complete or day <= moments[-1].date())]


def occurrences(event, since=None, until=None):
    """The event's occurrences not over at `since` that begin before `until` (aware)."""
    length = event.end - event.start
    found = []
    for start in starts(event, until):
        # Wall-clock length: an evening event stays 19:00–21:00 on the night the clocks move.
        end = (start.replace(tzinfo=None) + length).replace(tzinfo=PARIS)
        if since is not None and end <= since:
            continue
        if until is not None and start >= until:
            break
        found.append(Occurrence(event, start, end))
    return found


def last_end(event):
    """When the last occurrence ends, or None for a rule without end (COUNT nor UNTIL)."""
    if not event.rrule:
        return event.end
    if not bounded(event.rrule):
        return None
    everything = starts(event, until=event.start + timedelta(days=3650))
    last = everything[-1] if everything else local(event.start)
    return last + (event.end - event.start)


def day_bounds(first, last):
    """The aware local instants from the start of `first` to the end of `last` (dates)."""
    start = datetime.combine(first, datetime.min.time(), PARIS)
    end = datetime.combine(last + timedelta(days=1), datetime.min.time(), PARIS)
    return start, end
