"""Whether an actor is open, from its OpenStreetMap `opening_hours`, in Europe/Paris.

opening-hours-py evaluates the whole syntax, French public holidays included (`PH off`,
`PH 10:00-12:00`: its calendar for country "FR"). Everything here takes the instant as an
argument, so that it can be tested at any date; callers pass `timezone.now()`."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import opening_hours
from django.db.models import TextChoices
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PARIS = ZoneInfo("Europe/Paris")
COUNTRY = "FR"


class OpenChoices(TextChoices):
    """Open now, or on a day (OpenStreetMap's day codes)."""

    NOW = "now", gettext_lazy("Ouvert maintenant")
    MONDAY = "mo", gettext_lazy("Ouvert le lundi")
    TUESDAY = "tu", gettext_lazy("Ouvert le mardi")
    WEDNESDAY = "we", gettext_lazy("Ouvert le mercredi")
    THURSDAY = "th", gettext_lazy("Ouvert le jeudi")
    FRIDAY = "fr", gettext_lazy("Ouvert le vendredi")
    SATURDAY = "sa", gettext_lazy("Ouvert le samedi")
    SUNDAY = "su", gettext_lazy("Ouvert le dimanche")


# OpenStreetMap's day codes, Monday first like datetime.weekday().
DAY_CODES = tuple(value for value in OpenChoices.values if value != OpenChoices.NOW)


# The stored intervals (actors.indexing) start the day before and cover this many days, so
# that a nightly refresh missed or run late still answers "now" and "next Saturday".
WINDOW_DAYS_BEFORE = 1
WINDOW_DAYS = 10


@lru_cache(maxsize=2048)
def parse(value):
    """The parsed expression, or None when there is none or it cannot be read."""
    if not value or not value.strip():
        return None
    try:
        return opening_hours.OpeningHours(
            value, timezone=PARIS, country=COUNTRY, auto_country=False, auto_timezone=False
        )
    except (opening_hours.ParserError, SyntaxError, ValueError):
        return None


def local(at):
    return at.astimezone(PARIS)


def start_of_day(day):
    return datetime.combine(day, time(0), tzinfo=PARIS)


def open_intervals(value, start, end):
    """The (start, end) instants, aware, during which `value` says open within [start, end)."""
    hours = parse(value)
    if hours is None:
        return []
    return [
        (begin, finish)
        for begin, finish, state, _comment in hours.intervals(local(start), local(end))
        if state == opening_hours.State.OPEN
    ]


def hour_number(moment):
    """The hour since the epoch (UTC) holding `moment`: Paris days start on whole hours."""
    return int(moment.timestamp()) // 3600


def hours_between(start, end):
    """The hour numbers of [start, end)."""
    return list(range(hour_number(start), -(-int(end.timestamp()) // 3600)))


EPOCH_DAY = date(1970, 1, 1)


def day_number(day):
    """The days since 1970-01-01 of a date (Paris days, as `open_days` numbers them)."""
    return (day - EPOCH_DAY).days


def open_days(hours):
    """The Paris days the hour numbers fall on, as (first day's number, bit mask: bit k for
    the first day + k), (None, None) when there are none. Paris days start on whole hours,
    so a day is open exactly when one of its hours is: `open=mo` tests a bit of two integer
    columns (in the narrow index) instead of the hours array."""
    days = {day_number(local(datetime.fromtimestamp(hour * 3600, UTC)).date()) for hour in hours}
    if not days:
        return None, None
    first = min(days)
    return first, sum(1 << (day - first) for day in days)


def part_hours(intervals):
    """Of the hour numbers the intervals touch, those they do not cover whole (an opening at
    8:30 or until 12:15): only in these does "open now" need the minute."""
    union = []  # in seconds, overlapping or adjacent intervals joined
    for a, b in sorted((begin.timestamp(), end.timestamp()) for begin, end in intervals):
        if union and a <= union[-1][1]:
            union[-1][1] = max(union[-1][1], b)
        else:
            union.append([a, b])
    covered = {}
    for a, b in union:
        for hour in range(int(a // 3600), -int(-b // 3600)):
            covered[hour] = covered.get(hour, 0) + min(b, (hour + 1) * 3600) - max(a, hour * 3600)
    return sorted(hour for hour, seconds in covered.items() if seconds < 3600)


def int_array(numbers):
    return "{" + ",".join(map(str, numbers)) + "}"


@lru_cache(maxsize=4096)
def window(value, today):
    """The open intervals of the stored window around `today` (a date): a PostgreSQL
    tstzmultirange literal ('{}' when never open or unknown), int[] literals of the hour
    numbers they touch and of those they touch only in part (part_hours), and the days they
    touch (open_days); actors.indexing stores them all, the `open` filter reads them."""
    start = start_of_day(today - timedelta(days=WINDOW_DAYS_BEFORE))
    end = start_of_day(today + timedelta(days=WINDOW_DAYS - WINDOW_DAYS_BEFORE))
    intervals = open_intervals(value, start, end)
    ranges = ",".join(f"[{a.isoformat()},{b.isoformat()})" for a, b in intervals)
    hours = sorted({hour for a, b in intervals for hour in hours_between(a, b)})
    return (
        "{" + ranges + "}",
        int_array(hours),
        int_array(part_hours(intervals)),
        open_days(hours),
    )


def next_day(code, at):
    """The date of the next day with that code (today included), in Paris."""
    today = local(at).date()
    return today + timedelta(days=(DAY_CODES.index(code) - today.weekday()) % 7)


def cache_stamp(value, at):
    """How long an answer to the `open` filter holds: the minute for "now", else the day."""
    moment = local(at)
    return moment.strftime("%Y-%m-%dT%H:%M" if value == OpenChoices.NOW else "%Y-%m-%d")


def clock(moment):
    """ "14 h", "14 h 30" (each language its own way)."""
    if moment.minute:
        return _("%(hour)s h %(minute)02d") % {"hour": moment.hour, "minute": moment.minute}
    return _("%(hour)s h") % {"hour": moment.hour}


@dataclass(frozen=True)
class Status:
    is_open: bool
    label: str
    detail: str = ""

    def __str__(self):
        return f"{self.label} · {self.detail}" if self.detail else self.label


def status(value, at):
    """What a visitor reads at instant `at`: "Ouvert maintenant · jusqu'à 18 h", "Ouvre à
    14 h", "Ouvre demain à 9 h", "Fermé aujourd'hui · ouvre lundi à 9 h"; None when the hours
    are unknown or say nothing (an unknown state, no opening in the coming week)."""
    hours = parse(value)
    if hours is None:
        return None
    now = local(at)
    today = now.date()
    week = merged(hours.intervals(now, start_of_day(today + timedelta(days=8))))
    if not week or week[0][2] == opening_hours.State.UNKNOWN:
        return None
    current = week[0]
    if current[2] == opening_hours.State.OPEN:
        return Status(True, _("Ouvert maintenant"), closing(current[1], now, end_of_week=week))
    opening = next((begin for begin, _end, state, _c in week if _is_open(state)), None)
    if opening is None:
        return None
    opening = local(opening)
    if opening.date() == today:
        return Status(False, _("Ouvre à %(time)s") % {"time": clock(opening)})
    if opening.date() == today + timedelta(days=1):
        return Status(False, _("Ouvre demain à %(time)s") % {"time": clock(opening)})
    detail = _("ouvre %(day)s à %(time)s") % {
        "day": WEEKDAYS[opening.weekday()].lower(),
        "time": clock(opening),
    }
    if open_intervals(value, start_of_day(today), now):
        return Status(False, _("Fermé"), detail)
    return Status(False, _("Fermé aujourd'hui"), detail)


def _is_open(state):
    return state == opening_hours.State.OPEN


def merged(intervals):
    """Consecutive intervals of the same state as one (rules may split an opening)."""
    result = []
    for begin, end, state, comment in intervals:
        if result and result[-1][2] == state and result[-1][1] == begin:
            result[-1] = (result[-1][0], end, state, comment)
        else:
            result.append((begin, end, state, comment))
    return result


def closing(end, now, end_of_week):
    """ "jusqu'à 18 h" when it closes today, "jusqu'à demain 2 h" tomorrow; nothing when it
    stays open beyond (24/7) or the end is only the end of the evaluated week."""
    if end is None or len(end_of_week) == 1:
        return ""
    end = local(end)
    if end.date() == now.date():
        return _("jusqu'à %(time)s") % {"time": clock(end)}
    if end.date() == now.date() + timedelta(days=1):
        return _("jusqu'à demain %(time)s") % {"time": clock(end)}
    return ""


def week_table(value, at):
    """The coming seven days from today, each as (date, weekday name, [(start, end)…],
    is_today), in Paris: the actor page's day-by-day hours. Empty when unknown."""
    if parse(value) is None:
        return []
    today = local(at).date()
    days = []
    for offset in range(7):
        day = today + timedelta(days=offset)
        ranges = [
            (clock(local(a)), clock(local(b)) if local(b).time() != time(0) else _("minuit"))
            for a, b in open_intervals(
                value, start_of_day(day), start_of_day(day + timedelta(days=1))
            )
        ]
        days.append((day, WEEKDAYS[day.weekday()], ranges, offset == 0))
    return days
