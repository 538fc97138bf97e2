from django import forms
from django.utils.translation import gettext_lazy as _

from .importing.readers import FORMATS

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier"), help_text=_("CSV ou GeoJSON, encodé en UTF-8, 5 Mo au plus.")
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("", _("Deviner d'après le fichier"))] + [(f, f) for f in FORMATS],
        required=False,
    )
    mapping = forms.FileField(
        label=_("Correspondance des colonnes (JSON, facultatif)"),
        required=False,
        help_text=_(
            'Par exemple {"columns": {"Nom de la structure": "name"}, '
            '"defaults": {"kind": "association"}}.'
        ),
    )
    source = forms.SlugField(
        label=_("Nom de la source"),
        max_length=60,
        required=False,
        help_text=_("Identifie les lignes d'un import à l'autre ; par défaut, le nom du fichier."),
    )
    publish = forms.BooleanField(
        label=_("Publier directement, sans modération (administrateurs seulement)"),
        required=False,
    )

    def __init__(self, *args, can_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.can_publish = can_publish
        if not can_publish:
            del self.fields["publish"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Le fichier dépasse 5 Mo."))
        return upload
