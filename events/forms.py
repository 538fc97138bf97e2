"""The members' form of an event. Dates are typed in Europe/Paris (the site's time zone);
another address is placed by the geocoder inside its commune (else at the commune's centre);
what a place kind does not use is emptied so the database's checks hold."""

from django import forms
from django.contrib.postgres.forms import SimpleArrayField
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from actors.models import Commune
from actors.places import locate_address, rounded
from expertise.forms import TEXT_FIELDS, ActorLinesField, ExpertiseForm, https_urls

from . import recurrence
from .models import Event, PlaceKind

MOMENT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class HostField(ActorLinesField):
    """One actor of the directory, by its page's address."""

    widget = forms.TextInput

    def clean(self, value):
        found = super().clean(value)
        if len(found) > 1:
            raise forms.ValidationError(gettext("Un seul acteur accueille l'événement."))
        return found[0] if found else None


class DatesField(SimpleArrayField):
    """Dates separated by commas. One that is not a date is named in the message, rather than
    numbered as an item of an array."""

    def __init__(self, **kwargs):
        super().__init__(forms.DateField(), delimiter=",", **kwargs)

    def to_python(self, value):
        items = value if isinstance(value, list) else (value or "").split(self.delimiter)
        dates, wrong = [], []
        for item in items:
            if isinstance(item, str) and not item.strip():
                continue
            try:
                dates.append(self.base_field.to_python(item))
            except ValidationError:
                wrong.append(item.strip())
        if wrong:
            raise ValidationError(
                ngettext(
                    "Date illisible : %(dates)s. Écrivez-la par exemple 2030-03-12.",
                    "Dates illisibles : %(dates)s. Écrivez-les par exemple 2030-03-12.",
                    len(wrong),
                ),
                code="invalid",
                params={"dates": ", ".join(wrong)},
            )
        return dates


class EventForm(ExpertiseForm):
    # Where clean() put the event from its address (actors.places.Located), when it did.
    located = None

    place_actor = HostField(
        label=_("Chez l'acteur"), help_text=_("L'adresse de sa page dans l'annuaire.")
    )
    exdates = DatesField(
        required=False,
        label=capfirst(Event._meta.get_field("exdates").verbose_name),
        help_text=_("Les dates où la série n'a pas lieu, séparées par des virgules (AAAA-MM-JJ)."),
    )
    organisers = ActorLinesField(
        label=_("Co-organisateurs"),
        help_text=_("Un par ligne : l'adresse de la page de l'acteur dans l'annuaire."),
    )

    class Meta:
        model = Event
        formfield_callback = https_urls
        fields = [
            *TEXT_FIELDS, "description", "description_eu", "description_es",
            "start", "end", "all_day", "rrule", "exdates",
            "place_kind", "place_actor", "street_address", "commune", "online_url",
            "organisers", "registration_url", "price", "accessibility", "capacity",
            "themes", "publics",
        ]  # fmt: skip
        widgets = {"start": MOMENT, "end": MOMENT, "place_kind": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = Commune.objects.by_label()
        self.fields["commune"].label_from_instance = lambda commune: commune.label
        # A required radio group offers no blank "---------": one of the places is chosen.
        self.fields["place_kind"].choices = PlaceKind.choices
        if self.instance.pk and not self.is_bound:
            self.initial.setdefault("organisers", list(self.instance.organisers.all()))
            if self.instance.place_actor_id:
                self.initial["place_actor"] = self.instance.place_actor.slug

    def clean(self):
        data = super().clean()
        self.check_exceptions(data)
        kind = data.get("place_kind")
        # What this kind of place does not use is emptied (construct_instance copies it).
        if kind != PlaceKind.ACTOR:
            data["place_actor"] = None
        if kind != PlaceKind.ONLINE:
            data["online_url"] = ""
        data["location"] = self.located = None
        if kind == PlaceKind.ADDRESS and data.get("commune") and data.get("street_address"):
            data["location"] = self.place(data["street_address"], data["commune"])
        elif kind != PlaceKind.ADDRESS:
            data["street_address"], data["commune"] = "", None
        # Not a field of the form: the model's checks read it from the instance.
        self.instance.location = data["location"]
        return data

    def place(self, street_address, commune):
        """The event's point at that address (self.located says how it was found). An address
        left as it was keeps its point, unasked: a change of the title must not move a placed
        event, were the geocoder down. Only a point still at the commune's centre (its address
        was not found, or not looked up) is asked for again."""
        kept = self.instance.location
        unchanged = (
            self.instance.pk
            and kept is not None
            and self.instance.street_address == street_address
            and self.instance.commune_id == commune.pk
        )
        if unchanged and rounded(kept) != rounded(commune.centroid):
            return kept
        self.located = locate_address(street_address, commune)
        return self.located.point

    def check_exceptions(self, data):
        """An exception date the series never reaches skips nothing: most likely a typo."""
        if not data.get("start") or "exdates" not in data or "rrule" not in data:
            return
        stray = recurrence.stray_exceptions(data["start"], data["rrule"], data["exdates"])
        if not stray:
            return
        if not data["rrule"]:
            message = gettext("Sans règle de récurrence, il n'y a pas de date à excepter.")
        else:
            message = ngettext(
                "Le %(dates)s n'est pas une date de la série.",
                "Ces dates ne sont pas des dates de la série : %(dates)s.",
                len(stray),
            ) % {"dates": ", ".join(date_format(day, "SHORT_DATE_FORMAT") for day in stray)}
        self.add_error("exdates", message)

    def location_warning(self, sent=False):
        """What to tell the organiser when the address typed gave no point in the commune
        (clean()): the agenda's map shows the event at the commune's centre. Saving again
        asks the geocoder again; `sent`: the event now waits for the moderators, and cannot
        be changed until they decide."""
        if self.located is None or not self.located.approximate:
            return None
        if self.located.unanswered and sent:
            message = gettext(
                "Le service des adresses ne répond pas : l'événement est placé pour l'instant "
                "au centre de %(commune)s sur la carte. Une fois la modération passée, "
                "enregistrez-le à nouveau pour le placer à son adresse."
            )
        elif self.located.unanswered:
            message = gettext(
                "Le service des adresses ne répond pas : l'événement est placé pour l'instant "
                "au centre de %(commune)s sur la carte. Enregistrez-le à nouveau plus tard pour "
                "le placer à son adresse."
            )
        elif sent:
            message = gettext(
                "Adresse introuvable à %(commune)s : l'événement est placé au centre de la "
                "commune sur la carte. Une fois la modération passée, vous pourrez corriger "
                "l'adresse."
            )
        else:
            message = gettext(
                "Adresse introuvable à %(commune)s : l'événement est placé au centre de la "
                "commune sur la carte. Vérifiez l'adresse."
            )
        return message % {"commune": self.cleaned_data["commune"].label}
