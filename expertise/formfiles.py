"""The upload fields of the members' forms: a réalisation's four image slots (each with
its alternative text) and a ressource's file. Each upload is checked and re-encoded as the
form is cleaned (expertise.uploads); a refused one is an error on its field, and the form
comes back with everything else as typed. `uploads()` gives the accepted files by the
model's field name, for the workflow (moderation.workflow's `files`); the values give the
names kept, or "" for a file taken away.

A browser cannot fill a file input again: when the form comes back with errors, each file
it accepted waits server-side (contributions.pending_uploads, as the actors' logos do) for
the member who chose it, the field says so, and the next valid submission saves it."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actors.texts import LANGUAGES, column
from contributions import pending_uploads

from . import uploads
from .models.media import FILE_FOLDER, IMAGE_FOLDER, IMAGE_SLOTS, alt_name, image_name

TITLE_LANGUAGES = {column("title", lang): lang for lang in LANGUAGES}


class Current:
    """What a file input shows as already there: a name and the address to look at it."""

    def __init__(self, name, url):
        self.name, self.url = name, url

    def __str__(self):
        return self.name


def _upload_field(label, accept, help_text):
    return forms.FileField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.ClearableFileInput(attrs={"accept": accept}),
    )


def _received(value):
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
        self.fields[field] = _upload_field(label, accept, help_text)
        self.fields[f"{field}_pending"] = forms.CharField(widget=forms.HiddenInput, required=False)
        self._pending_folders[field] = folder

    def uploads(self):
        return {accepted.name: accepted.file for accepted in self._accepted.values()}

    def _accept(self, field, name, check):
        """Runs `check` on the field's new upload ((file, label) or ValidationError), or takes
        the file held for the field; the result waits for `uploads()`."""
        value = self.cleaned_data.get(field)
        if not _received(value):
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
            self[field].help_text = _kept_notice(accepted.label, self.fields[field])

    def forget_uploads(self):
        """Once saved, the files held (used, or replaced by another) are no longer needed."""
        for field in self._pending_folders:
            token = self.data.get(self.add_prefix(f"{field}_pending"), "")
            pending_uploads.discard(token, owner=self.uploader)


def _kept_notice(label, field):
    """Said with the field's help (which Django's template does not escape): the label is
    the author's file name."""
    notice = gettext("Fichier gardé : %(name)s — choisissez-en un autre pour le remplacer.")
    return format_html("<strong>{}</strong> {}", notice % {"name": label}, field.help_text)


def _image(upload):
    return uploads.realisation_image(upload), uploads.display_name(upload.name, "image")


def _ressource_file(upload):
    stored, kind = uploads.ressource_file(upload)
    return stored, uploads.display_name(upload.name, kind)


class ImagesMixin(UploadsMixin):
    """Adds `image_N_file` for each slot; the slot's alt texts are model fields of the form."""

    def add_image_fields(self):
        for slot in range(1, IMAGE_SLOTS + 1):
            name = image_name(slot)
            self.add_upload_field(
                f"{name}_file",
                IMAGE_FOLDER + "pending/",
                _("Image %(slot)s") % {"slot": slot},
                "image/png,image/jpeg,image/webp",
                _("PNG, JPEG ou WebP, 5 Mo au plus ; elle est réduite et réenregistrée."),
            )
            stored = getattr(self.instance, name)
            if stored:
                self.initial[f"{name}_file"] = Current(stored.name.rsplit("/", 1)[-1], stored.url)
            for lang in LANGUAGES:
                self.fields[alt_name(slot, lang)].widget.attrs["lang"] = lang

    def clean_images(self, data):
        """The slots' values; the alt text required in each language the title is in."""
        titled = [lang for name, lang in TITLE_LANGUAGES.items() if data.get(name)]
        for slot in range(1, IMAGE_SLOTS + 1):
            name = image_name(slot)
            value = self._accept(f"{name}_file", name, _image)
            kept = getattr(self.instance, name).name or ""
            data[name] = "" if value is False else kept
            if not (data[name] or _received(value)):
                for lang in LANGUAGES:
                    data[alt_name(slot, lang)] = ""
                continue
            for lang in titled:
                if not (data.get(alt_name(slot, lang)) or "").strip():
                    self.add_error(
                        alt_name(slot, lang),
                        gettext(
                            "Décrivez l'image %(slot)s pour qui ne la voit pas, dans chaque "
                            "langue où le titre est écrit."
                        )
                        % {"slot": slot},
                    )
        return data


class RessourceFileMixin(UploadsMixin):
    def add_file_field(self):
        # Held in the private folder: a draft's file is for its actor's members only.
        self.add_upload_field(
            "file_upload",
            FILE_FOLDER + "pending/",
            _("Fichier"),
            ".pdf,.odt,image/png,image/jpeg,image/webp",
            _("PDF, texte ODT ou image PNG, JPEG ou WebP, %(size)s au plus.")
            % {"size": uploads.size_limit()},
        )
        if self.instance.file:
            url = reverse("expertise:ressource-file", kwargs={"slug": self.instance.slug})
            self.initial["file_upload"] = Current(self.instance.file_name, url)

    def clean_file(self, data):
        """`file`: [stored name, the author's file name] (both "" when there is none)."""
        value = self._accept("file_upload", "file", _ressource_file)
        if value is False:
            data["file"] = ["", ""]
        elif _received(value):
            data["file"] = [self.instance.file.name or "", self._accepted["file_upload"].label]
        else:
            data["file"] = [self.instance.file.name or "", self.instance.file_name]
        nothing = not (data.get("link") or data["file"][0] or _received(value))
        if nothing and "file_upload" not in self.errors:
            self.add_error("link", gettext("Donnez un lien ou joignez un fichier."))
        return data
