"""The agenda's query parameters, one form for the pages, the map data, the API and the
iCalendar feed: the period (`when`: today, this weekend, this month; or `since` / `until`
dates), `past`, the facets (`theme`, `public`, `commune`, `actor`, repeatable; `price`) and
`q`, a full-text search in three languages. Dates are read in Europe/Paris.

The period selects occurrences, not events: a weekly workshop is listed on each of its
dates. The database keeps the events that may have one in the period (start, end of the
last occurrence); their rules are then expanded (events.recurrence)."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django import forms
from django.db.models import Q, TextChoices
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actors.models import Actor, Commune, Public, Theme
from expertise import search

from . import recurrence
from .models import Event, Price

# How far back "past events" look.
PAST = recurrence.AHEAD


class When(TextChoices):
    TODAY = "today", _("Aujourd'hui")
    WEEKEND = "weekend", _("Ce week-end")
    MONTH = "month", _("Ce mois-ci")


def _many(model, key, label):
    return forms.ModelMultipleChoiceField(
        queryset=model.objects.all(), to_field_name=key, required=False, label=label,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip


# ISO whatever the language, as for the réalisations' dates (expertise/forms.py): a date
# field shows any other format empty.
DAY = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


@dataclass(frozen=True)
class Window:
    since: datetime
    until: datetime
    past: bool


class AgendaForm(forms.Form):
    q = forms.CharField(
        label=_("Mots"), required=False, max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )  # fmt: skip
    when = forms.ChoiceField(
        label=_("Quand"), required=False, choices=[("", _("Prochainement")), *When.choices]
    )
    since = forms.DateField(label=_("Du"), required=False, widget=DAY)
    until = forms.DateField(label=_("Au"), required=False, widget=DAY)
    theme = _many(Theme, "slug", _("Thématique"))
    public = _many(Public, "slug", _("Public"))
    commune = _many(Commune, "insee", _("Commune"))
    price = forms.ChoiceField(
        label=_("Tarif"), required=False, choices=[("", _("Tous")), *Price.choices]
    )
    past = forms.BooleanField(label=_("Événements passés"), required=False)
    actor = forms.ModelMultipleChoiceField(
        queryset=Actor.objects.published(), to_field_name="slug", required=False,
        label=_("Organisateur"), widget=forms.MultipleHiddenInput,
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = Commune.objects.by_label()
        self.fields["commune"].label_from_instance = lambda commune: commune.label
        self.fields["commune"].widget = forms.SelectMultiple(attrs={"size": 4})

    # On screen first; the facets wait in a closed panel so that the results come a few tab
    # stops after the search, as in the directory.
    PRIMARY = ("q", "when", "since", "until")

    def primary_fields(self):
        return [field for field in self.visible_fields() if field.name in self.PRIMARY]

    def panel_fields(self):
        return [field for field in self.visible_fields() if field.name not in self.PRIMARY]

    def panel_chosen(self):
        """How many of the panel's filters were given a value (the panel opens on them)."""
        return sum(1 for field in self.panel_fields() if any(self.data.getlist(field.name)))

    def panel_errors(self):
        return any(field.errors for field in self.panel_fields())

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", gettext("La date de fin précède la date de début."))
        if data.get("when") and (since or until):
            self.add_error("when", gettext("Choisissez une période ou des dates, pas les deux."))
        return data

    def window(self, now=None):
        """The period asked for, as aware instants; past occurrences only with `past`."""
        now = now or timezone.now()
        today = recurrence.local(now).date()
        data = self.cleaned_data
        when, past = data.get("when"), data.get("past")
        if when == When.TODAY:
            first = last = today
        elif when == When.WEEKEND:
            # Saturday and Sunday of this week; on a Sunday, the weekend still running.
            first = today + timedelta(days=(5 - today.weekday()) % 7)
            if today.weekday() == 6:
                first = today - timedelta(days=1)
            last = first + timedelta(days=1)
        elif when == When.MONTH:
            first = today.replace(day=1)
            last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        else:
            first = data.get("since") or (today - PAST if past else today)
            last = data.get("until") or (today if past else today + recurrence.AHEAD)
        since, until = recurrence.day_bounds(first, last)
        if past:
            until = min(until, now)
        else:
            since = max(since, now)
        return Window(since, until, bool(past))

    def events(self, queryset=None):
        """The published events matching the facets and words (any period)."""
        data = self.cleaned_data
        events = queryset if queryset is not None else Event.objects.published()
        for name, column in (("theme", "themes"), ("public", "publics")):
            if data.get(name):
                events = events.filter(**{f"{column}__in": data[name]})
        if data.get("commune"):
            # At an actor's address, the event is in that actor's commune.
            communes = data["commune"]
            events = events.filter(Q(commune__in=communes) | Q(place_actor__commune__in=communes))
        if data.get("actor"):
            actors = data["actor"]
            events = events.filter(Q(actor__in=actors) | Q(organisers__in=actors))
        if data.get("price"):
            events = events.filter(price=data["price"])
        if (data.get("q") or "").strip():
            return search.matching(events, data["q"].strip()).distinct()
        return events.distinct()

    def occurrences(self, queryset=None, now=None):
        """The occurrences of the matching events in the period, soonest first (latest
        first for past events)."""
        window = self.window(now)
        events = self.events(queryset).filter(
            Q(last_end__isnull=True) | Q(last_end__gt=window.since), start__lt=window.until
        )
        found = [
            occurrence
            for event in events.select_related("actor", "commune", "place_actor__commune")
            .prefetch_related("themes", "publics", "organisers")
            .defer("search_vector")
            for occurrence in event.occurrences(window.since, window.until)
        ]
        found.sort(key=lambda o: (o.start, o.event.pk), reverse=window.past)
        return found
