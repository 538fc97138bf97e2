"""The upload fields of the members' forms: a réalisation's four image slots (each with
its alternative text) and a ressource's file. Each upload is checked and re-encoded as the
form is cleaned (expertise.uploads); a refused one is an error on its field, and the form
comes back with everything else as typed. `uploads()` gives the accepted files by the
model's field name, for the workflow (moderation.workflow's `files`); the values give the
names kept, or "" for a file taken away. A file accepted waits through a form that comes
back with errors as the actors' logos do (contributions.formfiles)."""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actors.texts import LANGUAGES, column
from contributions.formfiles import Current, UploadsMixin, received

from . import uploads
from .models.media import FILE_FOLDER, IMAGE_FOLDER, IMAGE_SLOTS, alt_name, image_name

TITLE_LANGUAGES = {column("title", lang): lang for lang in LANGUAGES}


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
            if not (data[name] or received(value)):
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
        elif received(value):
            data["file"] = [self.instance.file.name or "", self._accepted["file_upload"].label]
        else:
            data["file"] = [self.instance.file.name or "", self.instance.file_name]
        nothing = not (data.get("link") or data["file"][0] or received(value))
        if nothing and "file_upload" not in self.errors:
            self.add_error("link", gettext("Donnez un lien ou joignez un fichier."))
        return data
