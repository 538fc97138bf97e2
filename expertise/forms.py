"""The members' forms of réalisations and ressources, their fields listed one by one.

Actors of the directory are named by the address of their page (or its last part), one a
line: a select of every actor would not scale, and a line that names no actor is read as an
outside organisation's name where one is allowed (partners), refused where not (authors)."""

from django import forms
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actors.models import Actor, Commune, Public, Theme
from actors.texts import LANGUAGES
from contributions.formfiles import UploadsMixin
from contributions.forms import FirstErrorOnly, MarkedRequired, WholeTexts, name_blank_choices

from .formfiles import ImagesMixin, RessourceFileMixin
from .models import PartnerRole, Realisation, Ressource
from .models.media import ALT_NAMES, IMAGE_SLOTS, alt_name, image_name


def looks_like_an_address(line):
    """A page's address or path ("https://…/acteurs/slug/", "/fr/acteurs/slug/",
    "carto.example.org/…"), not a name that holds a slash ("Mairie / Service numérique")."""
    return line.startswith(("http://", "https://", "/")) or ("/" in line and " " not in line)


class ActorLinesField(forms.CharField):
    """Actors named one a line by their page's address or slug; with `outside`, other lines
    are outside organisations' names. Cleans to a list of actors (and names)."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, *, outside=False, **kwargs):
        self.outside = outside
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 4000)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return "\n".join(item.slug if isinstance(item, Actor) else item for item in value)
        return value

    def clean(self, value):
        lines = [line.strip() for line in (super().clean(value) or "").splitlines()]
        lines = [line for line in lines if line]
        slugs = {line: line.rstrip("/").rsplit("/", 1)[-1] for line in lines}
        actors = {a.slug: a for a in Actor.objects.published().filter(slug__in=slugs.values())}
        found, unknown = [], []
        for line in lines:
            actor = actors.get(slugs[line])
            if actor is not None:
                found.append(actor)
            elif self.outside and not looks_like_an_address(line):
                found.append(line[:200])
            else:
                unknown.append(line)
        if unknown:
            raise forms.ValidationError(
                gettext("Aucun acteur publié de l'annuaire à cette adresse : %(lines)s")
                % {"lines": ", ".join(unknown)}
            )
        return found


def https_urls(field, **kwargs):
    """Model fields' form fields; a link typed without a scheme is read as https."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


def _terms(model, label):
    return forms.ModelMultipleChoiceField(
        queryset=model.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=label,
    )


class ExpertiseForm(UploadsMixin, FirstErrorOnly, WholeTexts, MarkedRequired, forms.ModelForm):
    """Bound to a throw-away copy of the object: a published one only receives a change
    request (moderation.workflow.propose_change), never the form's values."""

    base = forms.CharField(widget=forms.HiddenInput, required=False)
    themes = _terms(Theme, _("Thématiques"))
    publics = _terms(Public, _("Publics"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name_blank_choices(self)

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in ("title", "title_eu", "title_es")):
            self.add_error("title", gettext("Écrivez le titre dans au moins une langue."))
        return data


TEXT_FIELDS = ["title", "title_eu", "title_es", "summary", "summary_eu", "summary_es"]


class RealisationForm(ImagesMixin, ExpertiseForm):
    communes = forms.ModelMultipleChoiceField(
        queryset=Commune.objects.all(),
        required=False,
        label=_("Communes concernées"),
        help_text=_("Laissez vide et cochez « tout le territoire » pour toute la CAPB."),
    )
    carriers = ActorLinesField(
        outside=True,
        label=_("Autres porteurs"),
        help_text=_(
            "Un par ligne : l'adresse de sa page dans l'annuaire, ou le nom d'une organisation "
            "qui n'y est pas."
        ),
    )
    partner_lines = ActorLinesField(outside=True, label=_("Partenaires"))
    funders = ActorLinesField(outside=True, label=_("Financeurs"))

    ROLES = {"carriers": PartnerRole.CARRIER, "partner_lines": PartnerRole.PARTNER,
             "funders": PartnerRole.FUNDER}  # fmt: skip

    class Meta:
        model = Realisation
        formfield_callback = https_urls
        fields = [
            *TEXT_FIELDS,
            "description", "description_eu", "description_es",
            "results", "results_eu", "results_es",
            "lessons", "lessons_eu", "lessons_es",
            "progress", "start_date", "end_date",
            "whole_territory", "communes", "themes", "publics",
            "funding_programme", "licence", "link", *ALT_NAMES,
        ]  # fmt: skip
        # A date field takes ISO dates only, whatever the page's language: in French or
        # Spanish format the browser shows it empty, and the next submission drops the date.
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["communes"].label_from_instance = lambda commune: commune.label
        self.fields["communes"].queryset = Commune.objects.by_label()
        self.add_image_fields()
        # Each slot's file, then its alternative texts.
        slots = [
            name
            for slot in range(1, IMAGE_SLOTS + 1)
            for name in (f"{image_name(slot)}_file", *(alt_name(slot, lang) for lang in LANGUAGES))
        ]
        self.order_fields([name for name in self.fields if name not in slots] + slots)
        if self.instance.pk and not self.is_bound:
            for name, role in self.ROLES.items():
                self.initial.setdefault(name, [
                    p.actor.slug if p.actor_id else p.name
                    for p in self.instance.partners.select_related("actor").filter(role=role)
                ])  # fmt: skip

    def clean(self):
        data = self.clean_images(super().clean())
        data["partners"] = sorted(
            [role, item.slug, ""] if isinstance(item, Actor) else [role, "", item]
            for name, role in self.ROLES.items()
            for item in data.get(name) or []
        )
        return data


class RessourceForm(RessourceFileMixin, ExpertiseForm):
    authors = ActorLinesField(
        label=_("Auteurs"),
        help_text=_("Un par ligne : l'adresse de la page de l'acteur dans l'annuaire."),
    )

    class Meta:
        model = Ressource
        formfield_callback = https_urls
        fields = [
            *TEXT_FIELDS, "type", "licence", "content_language", "link", "elsewhere_url",
            "authors", "realisation", "themes", "publics",
        ]  # fmt: skip

    def __init__(self, *args, actor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_file_field()
        owner = actor or self.instance.actor
        self.fields["realisation"].queryset = Realisation.objects.of_actor(owner)
        self.fields["realisation"].label = capfirst(
            Ressource._meta.get_field("realisation").verbose_name
        )
        if self.instance.pk and not self.is_bound:
            self.initial.setdefault("authors", list(self.instance.authors.all()))

    def clean(self):
        return self.clean_file(super().clean())
