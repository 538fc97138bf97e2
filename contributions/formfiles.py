"""File inputs whose file survives a form that comes back with errors: a browser cannot
fill a file input again, so each file the form accepted (checked and re-encoded as the form
is cleaned) waits server-side for the member who chose it (contributions.pending_uploads),
the field says so, and the next valid submission saves it. `uploads()` gives the accepted
files by the model's field name; a field's cleaned value is False for a file taken away.
Used by the profile form's logo and by the réalisations' and ressources' forms
(expertise.formfiles)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext

from . import pending_uploads


class Current:
    """What a file input shows as already there: a name and the address to look at it."""

    def __init__(self, name, url):
        self.name, self.url = name, url

    def __str__(self):
        return self.name


def upload_field(label, accept, help_text):
    return forms.FileField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.ClearableFileInput(attrs={"accept": accept}),
    )


def received(value):
    """A file sent with this form (not the one already there, not a removal)."""
    return value not in (None, False) and not isinstance(value, Current)


class Accepted:
    """A file the form accepted for the model's field `name`: checked and re-encoded now,
    or held since the form came back with errors (then `token` names it)."""

    def __init__(self, name, file, label, token=None):
        self.name, self.file, self.label, self.token = name, file, label, token


class UploadsMixin:
    """`uploader`: the member's user id, the only one whose form may use the files held."""

    def __init__(self, *args, uploader=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.uploader = uploader
        self._accepted = {}
        # Each upload field's folder for a file held through an error (see keep_uploads).
        self._pending_folders = {}

    def add_upload_field(self, field, folder, label, accept, help_text):
        """The file input, and the hidden token of the file held for it, if any."""
        self.fields[field] = upload_field(label, accept, help_text)
        self.fields[f"{field}_pending"] = forms.CharField(widget=forms.HiddenInput, required=False)
        self._pending_folders[field] = folder

    def uploads(self):
        return {accepted.name: accepted.file for accepted in self._accepted.values()}

    def _accept(self, field, name, check):
        """Runs `check` on the field's new upload ((file, label) or ValidationError), or takes
        the file held for the field; the result waits for `uploads()`."""
        value = self.cleaned_data.get(field)
        if not received(value):
            return value if value is False else self._held(field, name, value)
        try:
            file, label = check(value)
        except ValidationError as error:
            self.add_error(field, error)
            return None
        self._accepted[field] = Accepted(name, file, label)
        return file

    def _held(self, field, name, value):
        """The file held for the field since an error, if the form names one."""
        token = self.data.get(self.add_prefix(f"{field}_pending"))
        if not token:
            return value
        file = pending_uploads.read(token, owner=self.uploader)
        if file is None:
            self.add_error(
                field, gettext("Le fichier choisi n'a pas pu être gardé : choisissez-le à nouveau.")
            )
            return value
        self._accepted[field] = Accepted(name, file, file.label, token)
        return file

    def keep_uploads(self):
        """For a form shown back with errors: each file it accepted waits for the next try,
        and its field says so; a file held before and now replaced or removed goes."""
        self.data = self.data.copy()
        for field, folder in self._pending_folders.items():
            key = self.add_prefix(f"{field}_pending")
            accepted = self._accepted.get(field)
            previous = self.data.get(key, "")
            self.data.pop(key, None)
            if accepted is None:
                pending_uploads.discard(previous, owner=self.uploader)
                continue
            if accepted.token is None:
                pending_uploads.discard(previous, owner=self.uploader)
                accepted.token = pending_uploads.keep(
                    accepted.file, folder, owner=self.uploader, label=accepted.label
                )
            self.data[key] = accepted.token
            # The bound field copied the help when the form was cleaned: it is the one shown.
            self[field].help_text = kept_notice(accepted.label, self.fields[field])

    def forget_uploads(self):
        """Once saved, the files held (used, or replaced by another) are no longer needed."""
        for field in self._pending_folders:
            token = self.data.get(self.add_prefix(f"{field}_pending"), "")
            pending_uploads.discard(token, owner=self.uploader)


def kept_notice(label, field):
    """Said with the field's help (which Django's template does not escape): the label is
    the author's file name."""
    notice = gettext("Fichier gardé : %(name)s — choisissez-en un autre pour le remplacer.")
    return format_html("<strong>{}</strong> {}", notice % {"name": label}, field.help_text)
