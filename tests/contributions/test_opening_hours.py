"""Opening hours typed day by day become one OpenStreetMap string, and back."""

import pytest
from django.core.exceptions import ValidationError

from contributions.hours import SLOTS, OpeningHoursField, OpeningHoursWidget, format_week, parse

SIMPLE = [
    "Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00",
    "Mo 09:00-12:00; We 09:00-12:00",
    "Tu-Th 08:30-17:00; Sa-Su 10:00-12:00",
    "Su 10:00-11:00",
]


def posted(value="", **days):
    """What the widget's inputs send: {"mo": ["09:00", "12:00", "", ""]}, then the raw one."""
    data = dict.fromkeys(SLOTS, "")
    for day, edges in days.items():
        for n, edge in enumerate(edges):
            slot = ("1_start", "1_end", "2_start", "2_end")[n]
            data[f"{day}_{slot}"] = edge
    return [data[slot] for slot in SLOTS] + [value]


@pytest.mark.parametrize("value", SIMPLE)
def test_simple_values_round_trip_through_the_days(value):
    inputs = OpeningHoursWidget().decompress(value)
    assert inputs[-1] == ""  # shown day by day, not in the advanced input
    assert OpeningHoursField().clean(inputs) == value


def test_days_are_grouped_and_closed_days_left_out():
    field = OpeningHoursField()
    week = {d: ["09:00", "12:00", "14:00", "18:00"] for d in ("mo", "tu", "we", "th", "fr")}
    assert (
        field.clean(posted(**week, sa=["10:00", "12:00"]))
        == "Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00"
    )
    assert field.clean(posted()) == ""


def test_times_as_browsers_send_them():
    assert OpeningHoursField().clean(posted(mo=["9:00", "12:00:00"])) == "Mo 09:00-12:00"


def test_wrapping_and_listed_days_are_understood():
    assert format_week(parse("Fr-Mo 10:00-11:00")) == "Mo 10:00-11:00; Fr-Su 10:00-11:00"
    assert format_week(parse("Mo,We 09:00-12:00; Tu off")) == "Mo 09:00-12:00; We 09:00-12:00"


@pytest.mark.parametrize(
    ("days", "message"),
    [
        ({"tu": ["14:00", "09:00"]}, "Mardi : l'heure de fermeture doit venir après"),
        ({"we": ["09:00", ""]}, "Mercredi : indiquez l'heure d'ouverture et l'heure de fermeture"),
        ({"th": ["09:00", "12:00", "11:00", "13:00"]}, "Jeudi : la deuxième plage doit commencer"),
        ({"fr": ["9h", "12h"]}, "Vendredi : saisissez les heures sous la forme 09:30"),
    ],
)
def test_invalid_ranges_say_which_day_and_why(days, message):
    with pytest.raises(ValidationError) as error:
        OpeningHoursField().clean(posted(**days))
    assert any(text.startswith(message) for text in error.value.messages), error.value.messages


def test_the_day_and_its_problem_follow_the_readers_typography():
    from django.utils import translation

    with translation.override("es"):
        with pytest.raises(ValidationError) as error:
            OpeningHoursField().clean(posted(tu=["14:00", "09:00"]))
        messages = error.value.messages
    # Spanish puts no space before the colon; French does ("Mardi : …", above).
    assert any(text.startswith("Martes: ") for text in messages), messages


@pytest.mark.parametrize(
    "value",
    [
        "Mo-Fr 09:00-12:00; PH off",
        "week 1-26 Mo 09:00-12:00",
        "24/7",
        "Mo 20:00-02:00",
        "Mo 08:00-09:00,10:00-11:00,12:00-13:00",
    ],  # fmt: skip
)
def test_values_the_days_cannot_show_stay_raw_and_say_why(value):
    widget = OpeningHoursWidget()
    inputs = widget.decompress(value)
    assert inputs == [""] * len(SLOTS) + [value]
    assert OpeningHoursField().clean(inputs) == value
    html = widget.render("opening_hours", value)
    assert "ne peuvent pas être saisis jour par jour" in html
    assert f'value="{value}"' in html


def test_raw_syntax_overrides_empty_days_and_is_validated():
    field = OpeningHoursField()
    assert field.clean(posted("Mo-Sa 10:00-19:00; PH off")) == "Mo-Sa 10:00-19:00; PH off"
    with pytest.raises(ValidationError, match="syntaxe OpenStreetMap"):
        field.clean(posted("tous les jours"))


def test_days_and_raw_that_disagree_are_refused_not_guessed():
    field = OpeningHoursField()
    assert field.clean(posted("Mo 09:00-12:00", mo=["09:00", "12:00"])) == "Mo 09:00-12:00"
    with pytest.raises(ValidationError, match="videz l'une des deux"):
        field.clean(posted("Tu 09:00-12:00", mo=["09:00", "12:00"]))


def test_a_plain_value_is_read_as_the_advanced_input():
    widget = OpeningHoursWidget()
    value = widget.value_from_datadict({"opening_hours": "Mo 09:00-10:00"}, {}, "opening_hours")
    assert OpeningHoursField().clean(value) == "Mo 09:00-10:00"
    assert not widget.value_omitted_from_data({"opening_hours": ""}, {}, "opening_hours")
