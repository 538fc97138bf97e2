"""Open now, from OpenStreetMap opening hours, in Europe/Paris: explicit instants, no clock."""

from datetime import UTC, date, datetime

import pytest
from django.utils import translation

from actors import opening

PARIS = opening.PARIS
OFFICE = "Mo-Fr 09:00-12:00,14:00-18:00"


def paris(*args):
    return datetime(*args, tzinfo=PARIS)


def elapsed(start, end):
    return (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds()


def text(value, at):
    result = opening.status(value, at)
    return None if result is None else str(result)


@pytest.fixture(autouse=True)
def french():
    with translation.override("fr"):
        yield


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        # Wednesday 15 July 2026, through the day.
        (paris(2026, 7, 15, 0, 0), "Ouvre à 9 h"),
        (paris(2026, 7, 15, 8, 59), "Ouvre à 9 h"),
        (paris(2026, 7, 15, 9, 0), "Ouvert maintenant · jusqu'à 12 h"),
        (paris(2026, 7, 15, 11, 59), "Ouvert maintenant · jusqu'à 12 h"),
        (paris(2026, 7, 15, 12, 0), "Ouvre à 14 h"),
        (paris(2026, 7, 15, 17, 30), "Ouvert maintenant · jusqu'à 18 h"),
        (paris(2026, 7, 15, 18, 0), "Ouvre demain à 9 h"),
        (paris(2026, 7, 15, 23, 59), "Ouvre demain à 9 h"),
        # Friday evening: the next opening is Monday.
        (paris(2026, 7, 17, 19, 0), "Fermé · ouvre lundi à 9 h"),
        # Saturday: nothing today.
        (paris(2026, 7, 18, 10, 0), "Fermé aujourd'hui · ouvre lundi à 9 h"),
        # Sunday: Monday is tomorrow.
        (paris(2026, 7, 19, 10, 0), "Ouvre demain à 9 h"),
    ],
)
def test_office_hours_through_the_week(at, expected):
    assert text(OFFICE, at) == expected


def test_minutes_are_said():
    assert text("Mo-Fr 09:30-12:00,14:30-17:45", paris(2026, 7, 15, 12, 0)) == "Ouvre à 14 h 30"
    assert text("Mo-Fr 09:30-17:45", paris(2026, 7, 15, 12, 0)) == (
        "Ouvert maintenant · jusqu'à 17 h 45"
    )


def test_an_instant_in_another_zone_is_read_in_paris():
    # 07:30 UTC is 09:30 in Paris in summer.
    utc = datetime.fromisoformat("2026-07-15T07:30:00+00:00")
    assert text(OFFICE, utc) == "Ouvert maintenant · jusqu'à 12 h"


def test_across_midnight():
    late = "Fr-Sa 20:00-02:00"
    assert text(late, paris(2026, 7, 17, 23, 0)) == "Ouvert maintenant · jusqu'à demain 2 h"
    assert text(late, paris(2026, 7, 18, 1, 0)) == "Ouvert maintenant · jusqu'à 2 h"
    assert text(late, paris(2026, 7, 18, 2, 0)) == "Ouvre à 20 h"
    # Closing at midnight exactly: open until midnight, then tomorrow.
    assert text("Mo-Su 18:00-24:00", paris(2026, 7, 15, 23, 0)) == (
        "Ouvert maintenant · jusqu'à demain 0 h"
    )


def test_always_open_says_nothing_about_closing():
    assert text("24/7", paris(2026, 7, 15, 3, 0)) == "Ouvert maintenant"


def test_public_holidays_off():
    hours = f"{OFFICE}; PH off"
    # 14 July (national day) is a Tuesday in 2026.
    assert text(hours, paris(2026, 7, 14, 10, 0)) == "Ouvre demain à 9 h"
    assert text(OFFICE, paris(2026, 7, 14, 10, 0)) == "Ouvert maintenant · jusqu'à 12 h"
    # Easter Monday 6 April 2026, Christmas on a Friday.
    assert not opening.status(hours, paris(2026, 4, 6, 10, 0)).is_open
    assert text(hours, paris(2026, 12, 25, 10, 0)) == "Fermé aujourd'hui · ouvre lundi à 9 h"


def test_public_holidays_with_their_own_hours():
    hours = f"{OFFICE}; PH 10:00-12:00"
    assert text(hours, paris(2026, 7, 14, 9, 30)) == "Ouvre à 10 h"
    assert text(hours, paris(2026, 7, 14, 11, 0)) == "Ouvert maintenant · jusqu'à 12 h"
    assert text(hours, paris(2026, 7, 14, 15, 0)) == "Ouvre demain à 9 h"
    # 1 May 2026 is a Friday: open on the holiday's hours only.
    assert text(hours, paris(2026, 5, 1, 15, 0)) == "Fermé · ouvre lundi à 9 h"


def test_daylight_saving_starts_on_the_last_sunday_of_march():
    # 29 March 2026, 02:00 CET becomes 03:00 CEST.
    night = "Su 01:00-05:00"
    assert text(night, paris(2026, 3, 29, 1, 30)) == "Ouvert maintenant · jusqu'à 5 h"
    # 00:30 UTC is 01:30 CET, 01:30 UTC is already 03:30 CEST.
    assert opening.status(night, datetime.fromisoformat("2026-03-29T01:30:00+00:00")).is_open
    assert text("Mo-Fr 09:00-12:00", datetime.fromisoformat("2026-03-30T07:00:00+00:00")) == (
        "Ouvert maintenant · jusqu'à 12 h"
    )
    intervals = opening.open_intervals(night, paris(2026, 3, 29), paris(2026, 3, 30))
    (start, end) = intervals[0]
    # Four hours on the clock, three hours of time (Python subtracts wall clocks of one zone).
    assert elapsed(start, end) == 3 * 3600
    assert (start.isoformat(), end.isoformat()) == (
        "2026-03-29T01:00:00+01:00",
        "2026-03-29T05:00:00+02:00",
    )


def test_daylight_saving_ends_on_the_last_sunday_of_october():
    # 25 October 2026, 03:00 CEST becomes 02:00 CET.
    assert text("Mo-Fr 09:00-12:00", datetime.fromisoformat("2026-10-26T08:00:00+00:00")) == (
        "Ouvert maintenant · jusqu'à 12 h"
    )
    assert text("Mo-Fr 09:00-12:00", datetime.fromisoformat("2026-10-23T07:00:00+00:00")) == (
        "Ouvert maintenant · jusqu'à 12 h"
    )
    night = opening.open_intervals("Su 01:00-05:00", paris(2026, 10, 25), paris(2026, 10, 26))
    start, end = night[0]
    assert elapsed(start, end) == 5 * 3600


@pytest.mark.parametrize("value", ["", "   ", "not hours", "Mo-Fr 25:00-26:00"])
def test_unknown_or_unreadable_hours_say_nothing(value):
    assert opening.status(value, paris(2026, 7, 15, 10, 0)) is None
    assert opening.week_table(value, paris(2026, 7, 15, 10, 0)) == []


def test_never_open_in_the_coming_week_says_nothing():
    assert opening.status("off", paris(2026, 7, 15, 10, 0)) is None
    assert opening.status("Dec 25 10:00-12:00", paris(2026, 7, 15, 10, 0)) is None


def test_the_week_day_by_day_from_today():
    week = opening.week_table(f"{OFFICE}; Sa 10:00-12:00; PH off", paris(2026, 7, 14, 10, 0))
    assert [(day, str(name), ranges, today) for day, name, ranges, today in week[:5]] == [
        (date(2026, 7, 14), "mardi", [], True),
        (date(2026, 7, 15), "mercredi", [("9 h", "12 h"), ("14 h", "18 h")], False),
        (date(2026, 7, 16), "jeudi", [("9 h", "12 h"), ("14 h", "18 h")], False),
        (date(2026, 7, 17), "vendredi", [("9 h", "12 h"), ("14 h", "18 h")], False),
        (date(2026, 7, 18), "samedi", [("10 h", "12 h")], False),
    ]
    assert len(week) == 7


def test_the_stored_window_is_a_multirange_around_today_and_its_hours():
    intervals, hours, part, days = opening.window("Sa 10:00-12:30", date(2026, 3, 27))
    # From the day before to nine days after: two Saturdays, either side of the change.
    assert intervals == (
        "{[2026-03-28T10:00:00+01:00,2026-03-28T12:30:00+01:00),"
        "[2026-04-04T10:00:00+02:00,2026-04-04T12:30:00+02:00)}"
    )
    first = opening.hour_number(datetime.fromisoformat("2026-03-28T09:00:00+00:00"))
    second = opening.hour_number(datetime.fromisoformat("2026-04-04T08:00:00+00:00"))
    expected = [first, first + 1, first + 2, second, second + 1, second + 2]
    assert hours == "{" + ",".join(map(str, expected)) + "}"
    # 12:00-12:30 is the only hour of each Saturday not open whole.
    assert part == "{" + f"{first + 2},{second + 2}" + "}"
    # The two Saturdays, a week apart, numbered from 1970-01-01 in Paris.
    assert days == (opening.day_number(date(2026, 3, 28)), 1 | 1 << 7)
    assert opening.window("off", date(2026, 3, 27)) == ("{}", "{}", "{}", (None, None))


def test_an_hour_is_open_in_part_unless_the_intervals_cover_it_whole():
    def at(hh, mm, day=18):
        return paris(2026, 7, day, hh, mm)

    nine = opening.hour_number(at(9, 0))
    # Joined intervals cover an hour whole; a gap, a late start or an early end do not.
    assert opening.part_hours([(at(9, 0), at(9, 20)), (at(9, 20), at(10, 0))]) == []
    assert opening.part_hours([(at(9, 0), at(9, 20)), (at(9, 30), at(10, 0))]) == [nine]
    assert opening.part_hours([(at(8, 30), at(12, 15))]) == [nine - 1, nine + 3]
    # Overlapping intervals count once: 9:00-9:40 and 9:10-9:50 leave 9:50-10:00 closed.
    assert opening.part_hours([(at(9, 0), at(9, 40)), (at(9, 10), at(9, 50))]) == [nine]
    # Across midnight, and an instant alone.
    assert opening.part_hours([(at(23, 0), at(0, 30, day=19))]) == [nine + 15]
    assert opening.part_hours([(at(9, 10), at(9, 10))]) == [nine]
    assert opening.part_hours([]) == []


def test_a_day_is_open_when_one_of_its_paris_hours_is():
    # 23:00 in Paris on a summer Saturday is 21:00 UTC, still Saturday; 00:00 is Sunday.
    saturday_late = opening.hour_number(datetime.fromisoformat("2026-07-18T23:00:00+02:00"))
    assert opening.open_days([saturday_late]) == (opening.day_number(date(2026, 7, 18)), 1)
    assert opening.open_days([saturday_late + 1, saturday_late + 25]) == (
        opening.day_number(date(2026, 7, 19)),
        0b11,
    )
    assert opening.open_days([]) == (None, None)


def test_next_day_includes_today():
    saturday = paris(2026, 7, 18, 20, 0)
    assert opening.next_day("sa", saturday) == date(2026, 7, 18)
    assert opening.next_day("su", saturday) == date(2026, 7, 19)
    assert opening.next_day("fr", saturday) == date(2026, 7, 24)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("eu", "Irekita orain"), ("es", "Abierto ahora")],
)
def test_statuses_are_translated(language, expected):
    with translation.override(language):
        assert opening.status("24/7", paris(2026, 7, 15, 10, 0)).label == expected
