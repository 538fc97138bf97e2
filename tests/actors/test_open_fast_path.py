"""The "open" filter's fast path (the hours' GIN index, the hours open in part, then the
intervals: actors.filters.OpenFilter) gives what a straightforward reading of the stored
intervals and hours gives, for hours of every kind, at awkward instants, on windows written
days late."""

import importlib
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.utils import timezone

from actors import indexing, opening
from actors.filters import ActorFilterSet
from actors.models import Actor
from tests.actors.test_fast_path import THURSDAY_MORNING
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db

# Hours of every kind: none, unreadable, public holidays off, across midnight, all day.
EVERY_HOURS = [
    "Mo-Fr 09:00-12:00",
    "Mo-Fr 09:00-18:00; PH off",
    "Fr-Sa 22:00-02:00",
    "Su 23:30-24:00",
    "24/7",
    "Sa 10:00-12:00",
    "",
    "not hours at all",
    "off",
]
# A Thursday morning, the night of a Sunday, Bastille Day (a holiday, a Tuesday), the nights
# before the clocks change in March and October.
INSTANTS = [
    THURSDAY_MORNING,
    datetime(2026, 10, 18, 23, 45, tzinfo=opening.PARIS),
    datetime(2026, 7, 14, 10, 30, tzinfo=opening.PARIS),
    datetime(2026, 3, 28, 23, 0, tzinfo=opening.PARIS),
    datetime(2026, 10, 24, 23, 30, tzinfo=opening.PARIS),
]


def plain_open(code, now):
    """The `open` filter's meaning, read the straightforward way: an overlap of the day's
    hours with the stored ones, or the instant within the stored intervals."""
    published = Actor.objects.published()
    if code == "now":
        exact = RawSQL("actors_actor.open_intervals @> %s::timestamptz", [now], BooleanField())  # noqa: S611
        return set(published.filter(exact).values_list("pk", flat=True))
    day = opening.start_of_day(opening.next_day(code, now))
    hours = opening.hours_between(day, day + timedelta(days=1))
    return set(published.filter(open_hours__overlap=hours).values_list("pk", flat=True))


@pytest.mark.parametrize("now", INSTANTS, ids=lambda moment: moment.strftime("%Y-%m-%d-%H%M"))
@pytest.mark.parametrize("days_late", [0, 3, 9])
def test_open_on_a_day_or_now_is_the_plain_query_s(monkeypatch, now, days_late):
    """Every day code and "now", on windows written today or by a refresh days late."""
    monkeypatch.setattr(timezone, "now", lambda: now)
    for hours in EVERY_HOURS:
        ActorFactory(opening_hours=hours)
    ActorFactory(opening_hours="24/7", draft=True)
    indexing.refresh_opening(today=opening.local(now).date() - timedelta(days=days_late))
    found = 0
    for code in opening.OpenChoices.values:
        queryset = ActorFilterSet({"open": code}, queryset=Actor.objects.published()).qs
        got = set(queryset.values_list("pk", flat=True))
        assert got == plain_open(code, now), code
        found += len(got)
    assert found or days_late == 9


# Openings that start or end within an hour, or leave a gap in one, and one of whole hours:
# in the first hours "now" needs the minute (actors.opening.part_hours).
PART_HOURS = [
    "Mo-Su 08:30-12:15",
    "Mo-Su 08:00-08:20,08:40-09:00",
    "Mo-Su 08:50-09:00",
    "Mo-Su 12:00-12:15,12:15-13:00",
    "Mo-Su 12:30-13:00",
    "Mo-Fr 09:00-18:00",
]


@pytest.mark.parametrize("minute", ["08:10", "08:30", "08:45", "12:10", "12:15", "12:20"])
@pytest.mark.parametrize("days_late", [0, 3])
def test_open_now_in_an_hour_open_in_part_is_the_plain_query_s(monkeypatch, minute, days_late):
    """The minute is read from the intervals only in the hours they cover in part: at each
    instant here some actor's hour is stored and yet it is closed, or open at the minute."""
    hour, minutes = map(int, minute.split(":"))
    now = THURSDAY_MORNING.replace(hour=hour, minute=minutes)
    monkeypatch.setattr(timezone, "now", lambda: now)
    for hours in PART_HOURS:
        ActorFactory(opening_hours=hours)
    indexing.refresh_opening(today=opening.local(now).date() - timedelta(days=days_late))
    in_the_hour = Actor.objects.filter(open_hours__contains=[opening.hour_number(now)])
    queryset = ActorFilterSet({"open": "now"}, queryset=Actor.objects.published()).qs
    expected = plain_open("now", now)
    assert set(queryset.values_list("pk", flat=True)) == expected
    assert expected != set(in_the_hour.values_list("pk", flat=True))


def test_the_migration_s_part_hours_are_the_refresh_s(monkeypatch):
    """Migration 0013 fills `open_part_hours` in SQL from the stored intervals and hours: the
    same arrays as actors.opening.part_hours, for every kind of hours."""
    backfill = importlib.import_module("actors.migrations.0013_open_part_hours").BACKFILL
    monkeypatch.setattr(timezone, "now", lambda: THURSDAY_MORNING)
    for hours in [*EVERY_HOURS, *PART_HOURS, "Mo-Su 09:00-09:00", "Sa 10:00-12:30"]:
        ActorFactory(opening_hours=hours)
    indexing.refresh_opening()
    written = dict(Actor.objects.values_list("pk", "open_part_hours"))
    assert any(written.values())
    Actor.objects.update(open_part_hours=None)
    with connection.cursor() as cursor:
        cursor.execute(backfill)
    assert dict(Actor.objects.values_list("pk", "open_part_hours")) == written
