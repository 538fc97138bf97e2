"""The admin's form for importing events: the publishing actor, the format, and a file or
an iCalendar address (read as `import_events` reads them, with fetch.py's limits)."""

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from expertise.forms import ActorLinesField

from .fetch import MAX_BYTES

FORMAT_CHOICES = [
    ("ical", _("iCalendar (.ics)")),
    ("openagenda", _("Export JSON d'OpenAgenda")),
]


class EventImportForm(forms.Form):
    actor = ActorLinesField(
        label=_("Acteur qui publie"),
        required=True,
        max_length=300,
        widget=forms.TextInput,
        help_text=_("L'adresse de sa page dans l'annuaire, ou son identifiant."),
    )
    format = forms.ChoiceField(label=_("Format"), choices=FORMAT_CHOICES)
    file = forms.FileField(label=_("Fichier"), required=False, help_text=_("5 Mo au plus."))
    url = forms.URLField(
        label=_("ou adresse d'un calendrier"),
        required=False,
        max_length=2000,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Lue dans les 15 secondes, 5 Mo au plus."),
    )

    def clean_actor(self):
        actors = self.cleaned_data["actor"]
        if len(actors) != 1:
            raise forms.ValidationError(_("Un seul acteur : celui qui publie les événements."))
        return actors[0]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and upload.size > MAX_BYTES:
            raise forms.ValidationError(_("Le fichier dépasse 5 Mo."))
        return upload

    def clean(self):
        cleaned = super().clean()
        given = [name for name in ("file", "url") if cleaned.get(name)]
        if len(given) != 1 and not self.has_error("file") and not self.has_error("url"):
            raise forms.ValidationError(
                _("Envoyez un fichier ou donnez l'adresse d'un calendrier, l'un des deux.")
            )
        return cleaned
