"""Opening hours entered day by day, stored as an OpenStreetMap `opening_hours` string.

Each day has up to two time ranges; a day left empty is closed. Values the days cannot show
(public holidays, week numbers, months, more than two ranges, past midnight…) stay in a raw
"advanced" input, with the reason said; experts may also type the syntax there directly."""

import re
from datetime import time

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from actors.validators import validate_opening_hours

DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
DAY_NAMES = {
    "Mo": _("Lundi"), "Tu": _("Mardi"), "We": _("Mercredi"), "Th": _("Jeudi"),
    "Fr": _("Vendredi"), "Sa": _("Samedi"), "Su": _("Dimanche"),
}  # fmt: skip
RANGES = 2
# Sub-input names: mo_1_start, mo_1_end, mo_2_start… then raw.
SLOTS = [f"{day.lower()}_{n}_{edge}" for day in DAYS for n in (1, 2) for edge in ("start", "end")]

RANGE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$")
DAY_SPAN = re.compile(r"^(Mo|Tu|We|Th|Fr|Sa|Su)(?:-(Mo|Tu|We|Th|Fr|Sa|Su))?$")

# Why a value cannot be shown day by day, first match wins.
REASONS = [
    (re.compile(r"\b(PH|SH)\b"), _("elles mentionnent les jours fériés ou les vacances")),
    (re.compile(r"\bweek\b"), _("elles dépendent des numéros de semaine")),
    (
        re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|easter)\b"),
        _("elles dépendent du mois ou de la date"),
    ),
    (re.compile(r"24/7"), _("le lieu est ouvert en permanence")),
]
GENERIC_REASON = _(
    "elles utilisent une forme que la saisie jour par jour ne connaît pas (plus de deux "
    "plages, passage de minuit, commentaires…)"
)


def days_in(selector):
    """The days of a selector such as "Mo-Fr" or "Mo,We,Sa-Su" (ranges may wrap: "Fr-Mo")."""
    days = []
    for part in selector.split(","):
        match = DAY_SPAN.match(part)
        if not match:
            return None
        first = DAYS.index(match.group(1))
        last = DAYS.index(match.group(2) or match.group(1))
        span = (last - first) % 7
        days.extend(DAYS[(first + i) % 7] for i in range(span + 1))
    return days


def parse(value):
    """{day: [(start, end), …]} for a simple value, or None when days cannot show it."""
    week = {day: [] for day in DAYS}
    seen = set()
    for rule in filter(None, (part.strip() for part in (value or "").split(";"))):
        selector, _space, times = rule.partition(" ")
        days = days_in(selector)
        if not days or seen & set(days):
            return None
        seen.update(days)
        times = times.strip()
        if times in ("off", "closed"):
            continue
        ranges = [tuple(r.split("-")) for r in times.split(",")]
        if not (0 < len(ranges) <= RANGES) or not all(RANGE.match("-".join(r)) for r in ranges):
            return None
        if any(start >= end for start, end in ranges) or (
            len(ranges) == 2 and ranges[1][0] <= ranges[0][1]
        ):
            return None
        for day in days:
            week[day] = ranges
    return week


def format_week(week):
    """The OpenStreetMap string of {day: [(start, end), …]}: consecutive days with the same
    ranges as one rule ("Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00"); closed days left out."""
    rules, run = [], []
    for day in [*DAYS, None]:
        if run and (day is None or week.get(day) != week.get(run[0])):
            if week[run[0]]:
                days = run[0] if len(run) == 1 else f"{run[0]}-{run[-1]}"
                times = ",".join(f"{start}-{end}" for start, end in week[run[0]])
                rules.append(f"{days} {times}")
            run = []
        if day is not None:
            run.append(day)
    return "; ".join(rules)


def why_not_by_day(value):
    for pattern, reason in REASONS:
        if pattern.search(value):
            return reason
    return GENERIC_REASON


class OpeningHoursWidget(forms.MultiWidget):
    template_name = "contributions/widgets/opening_hours.html"

    def __init__(self, attrs=None):
        widgets = {slot: forms.TimeInput(attrs={"type": "time"}, format="%H:%M") for slot in SLOTS}
        widgets["raw"] = forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"})
        super().__init__(widgets, attrs)

    def value_from_datadict(self, data, files, name):
        # A plain `opening_hours` value (posted by a script, or contributions.rules checking
        # stored values) is taken as the advanced input.
        if self.only_plain(data, name):
            return [""] * len(SLOTS) + [data[name]]
        return super().value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        if self.only_plain(data, name):
            return False
        return super().value_omitted_from_data(data, files, name)

    def only_plain(self, data, name):
        return name in data and not any(name + suffix in data for suffix in self.widgets_names)

    def decompress(self, value):
        week = parse(value)
        if week is None:
            return [""] * len(SLOTS) + [value]
        slots = []
        for day in DAYS:
            ranges = week[day] + [("", "")] * (RANGES - len(week[day]))
            slots.extend(edge for pair in ranges for edge in pair)
        return [*slots, ""]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        subwidgets = context["widget"]["subwidgets"]
        own_id = context["widget"]["attrs"].get("id")
        if own_id:
            # Named ids (id_opening_hours_mo_1_start) rather than Django's numbered ones.
            for subwidget, suffix in zip(subwidgets, self.widgets_names, strict=True):
                subwidget["attrs"]["id"] = own_id + suffix
        per_day = 2 * RANGES
        context["days"] = [
            {
                "name": DAY_NAMES[day],
                "ranges": [
                    subwidgets[i * per_day + 2 * n : i * per_day + 2 * n + 2] for n in range(RANGES)
                ],
            }
            for i, day in enumerate(DAYS)
        ]
        raw = context["raw"] = subwidgets[-1]
        raw["attrs"]["aria-describedby"] = f"{raw['attrs'].get('id', '')}_help"
        value = raw["value"] or ""
        context["raw_reason"] = why_not_by_day(value) if value and parse(value) is None else None
        return context


class OpeningHoursField(forms.MultiValueField):
    """Day-by-day inputs (or the raw syntax) in, one OpenStreetMap string out."""

    widget = OpeningHoursWidget

    def __init__(self, **kwargs):
        fields = [forms.CharField(required=False) for _slot in SLOTS]
        fields.append(forms.CharField(required=False, max_length=255))
        kwargs.setdefault("validators", [validate_opening_hours])
        super().__init__(fields, require_all_fields=False, required=False, **kwargs)

    def compress(self, data_list):
        if not data_list:
            return ""
        *slots, raw = data_list
        by_day = self.week(slots)
        raw = (raw or "").strip()
        if raw and by_day and raw != by_day:
            raise ValidationError(
                _(
                    "Les horaires jour par jour et la saisie avancée ne disent pas la même "
                    "chose : videz l'une des deux."
                ),
                code="hours_conflict",
            )
        return raw or by_day

    def week(self, slots):
        errors, week = [], {}
        per_day = 2 * RANGES
        for i, day in enumerate(DAYS):
            edges = [(slots[i * per_day + k] or "").strip() for k in range(per_day)]
            ranges, problem = day_ranges(edges)
            if problem:
                errors.append(
                    ValidationError(
                        _("%(label)s : %(message)s"),
                        params={"label": DAY_NAMES[day], "message": problem},
                        code="hours_day",
                    )
                )
            week[day] = ranges
        if errors:
            raise ValidationError(errors)
        return format_week(week)


def as_time(text):
    """ "9:05", "09:05" or "09:05:00" (what browsers send) as "09:05", or None."""
    try:
        parsed = time.fromisoformat(text if len(text) != 4 else "0" + text)
    except ValueError:
        return None
    return parsed.strftime("%H:%M")


def day_ranges(edges):
    """([(start, end), …], None) for one day's four inputs, or ([], the problem)."""
    ranges = []
    for n in range(RANGES):
        start, end = edges[2 * n], edges[2 * n + 1]
        if not start and not end:
            continue
        if not start or not end:
            return [], _("indiquez l'heure d'ouverture et l'heure de fermeture.")
        start, end = as_time(start), as_time(end)
        if start is None or end is None:
            return [], _("saisissez les heures sous la forme 09:30.")
        if start >= end:
            return [], _("l'heure de fermeture doit venir après l'heure d'ouverture.")
        if ranges and start <= ranges[-1][1]:
            return [], _("la deuxième plage doit commencer après la fin de la première.")
        ranges.append((start, end))
    return ranges, None
