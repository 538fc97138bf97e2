"""Occurrences stay at their local hour across daylight-saving changes, skip their
exception dates, and a rule without end stops at the horizon."""

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from events import recurrence

from .conftest import paris


def event(start, hours=2, rrule="", exdates=()):
    return SimpleNamespace(
        start=start, end=start + timedelta(hours=hours), rrule=rrule, exdates=list(exdates)
    )


def test_a_weekly_10_oclock_stays_at_10_across_both_dst_changes():
    # Summer time begins on 29 March 2026 and ends on 25 October 2026.
    weekly = event(paris(2026, 3, 17, 10), rrule="FREQ=WEEKLY;COUNT=34")
    found = recurrence.occurrences(weekly)
    assert len(found) == 34
    assert {(o.start.hour, o.start.minute) for o in found} == {(10, 0)}
    assert {(o.end.hour) for o in found} == {12}
    offsets = {o.start.utcoffset() for o in found}
    assert offsets == {timedelta(hours=1), timedelta(hours=2)}
    assert found[2].start.date() == date(2026, 3, 31)
    assert found[2].start.utcoffset() == timedelta(hours=2)


def test_exception_dates_are_left_out():
    weekly = event(paris(2026, 10, 20, 19), rrule="RRULE:FREQ=WEEKLY;COUNT=4",
                   exdates=[date(2026, 10, 27)])  # fmt: skip
    days = [o.start.date() for o in recurrence.occurrences(weekly)]
    assert days == [date(2026, 10, 20), date(2026, 11, 3), date(2026, 11, 10)]


def test_the_window_selects_occurrences_not_over_and_begun_before_its_end():
    daily = event(paris(2026, 6, 1, 9), rrule="FREQ=DAILY;COUNT=10")
    found = recurrence.occurrences(daily, since=paris(2026, 6, 3, 10), until=paris(2026, 6, 5))
    assert [o.start.day for o in found] == [3, 4]


def test_last_end_of_bounded_and_unbounded_rules():
    assert recurrence.last_end(event(paris(2026, 1, 6, 10), rrule="FREQ=WEEKLY;COUNT=3")) == (
        paris(2026, 1, 20, 12)
    )
    assert recurrence.last_end(event(paris(2026, 1, 6, 10), rrule="FREQ=WEEKLY")) is None
    single = event(paris(2026, 1, 6, 10))
    assert recurrence.last_end(single) == single.end
    # From its start or today, whichever is later: a year of it.
    unbounded = recurrence.occurrences(event(paris(2035, 1, 6, 10), rrule="FREQ=WEEKLY"))
    assert 50 <= len(unbounded) <= 54


@pytest.mark.parametrize("rule", ["FREQ=SOMETIMES", "DTSTART:20260101T000000\nFREQ=DAILY", "x"])
def test_an_unreadable_rule_is_a_clear_error(rule):
    with pytest.raises(ValidationError, match="RFC 5545"):
        recurrence.validate_rule(rule)
