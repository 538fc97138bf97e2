from django import forms
from django.contrib.gis import forms as gis_forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actors import taxonomies, texts
from actors.forms import CommuneChoiceField
from actors.markdown import render_markdown
from actors.models import ACCESS_FIELDS, Actor
from actors.models.actor import SUMMARY_REQUIRED
from actors.places import locate_address
from actors.texts import COLUMNS as TEXT_COLUMNS
from actors.texts import LANGUAGES, columns

from . import sections
from .formfiles import UploadsMixin
from .hours import OpeningHoursField
from .images import reencode_logo
from .profile import PRECISION
from .widgets import LocationWidget

# Public like the logos themselves, under random names.
LOGOS_PENDING = "logos/pending/"

PROFILE_FIELDS = [
    "name",
    "kind",
    *TEXT_COLUMNS,
    "themes",
    "services",
    "publics",
    "languages",
    "website",
    "email",
    "phone",
    "street_address",
    "commune",
    "location",
    "welcomes_public",
    "works_remotely",
    "travels",
    "opening_hours",
    *ACCESS_FIELDS,
    "siret",
    "rna",
]


# The texts written in several languages, each shown as one group of fields (a fieldset).
TEXT_GROUPS = {
    "summary": {
        "legend": _("Résumé"),
        # Required as a whole (in one language at least), though no one field of it is.
        "required": True,
        "help": _(
            "Dans au moins une langue. Chaque visiteur lit la sienne si elle est écrite, "
            "sinon une autre."
        ),
        "field_help": _("En une ou deux phrases, 280 caractères au plus."),
    },
    "description": {
        "legend": _("Description"),
        "help": _("Facultative, dans les langues de votre choix."),
        "field_help": _(
            "Quelques paragraphes ; listes, liens et gras possibles (voir « Mise en forme »)."
        ),
        "formatting": True,
    },
}


class Button(models.TextChoices):
    """The values of the `action` submit buttons of the profile forms (the templates write
    them): without one, the form saves a draft or proposes the change."""

    PREVIEW = "preview"
    SUBMIT = "submit"


class WholeTexts:
    """Every text box has a maximum length (a long text's, `actors.texts.MAX_LENGTH`, unless
    its field has a shorter one), checked when the form is sent rather than as `maxlength`:
    the browser would cut a longer text pasted in without a word. The form comes back with
    the whole text and says how long it may be."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and isinstance(field.widget, forms.Textarea):
                if field.max_length is None:
                    field.max_length = texts.MAX_LENGTH
                    field.validators.append(MaxLengthValidator(texts.MAX_LENGTH))
                field.widget.attrs.pop("maxlength", None)


class FirstErrorOnly:
    """One message a field, the first, as in GOV.UK's forms: the form's and the model's
    checks of the whole (clean()) run after the fields' own and would repeat, in other words,
    what a field already refused ("at most 200 characters", then "write the title"; "not a
    valid link", then "give the link")."""

    def add_error(self, field, error):
        if field is not None:
            if field in self.errors:
                return
        elif isinstance(error, dict) or hasattr(error, "error_dict"):
            errors = error if isinstance(error, dict) else error.error_dict
            kept = {
                k: v for k, v in errors.items() if k == NON_FIELD_ERRORS or k not in self.errors
            }
            if not kept:
                return
            error = ValidationError(kept)
        super().add_error(field, error)


def name_blank_choices(form):
    """A select's empty choice reads "— choisir —" rather than Django's "---------", which
    screen readers spell out dash by dash."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField) and field.empty_label is not None:
            field.empty_label = _("— choisir —")
        elif isinstance(field, forms.ChoiceField):
            field.choices = [
                ("", _("— choisir —")) if (value, label) == BLANK_CHOICE_DASH[0] else (value, label)
                for value, label in field.choices
            ]


class MarkedRequired:
    """Required fields say "(obligatoire)" in their label, explained once at the top of the
    form (contributions/_form.html); no colon after labels, as in GOV.UK's forms."""

    template_name_label = "contributions/forms/label.html"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def terms(taxonomy, required=False):
    """The actor's terms of a taxonomy (actors.taxonomies), labelled as the actor's field is
    (its translated verbose name), not after the Python name."""
    field = Actor._meta.get_field(taxonomy.key)
    return forms.ModelMultipleChoiceField(
        queryset=taxonomy.model.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=required,
        label=capfirst(field.verbose_name),
    )


def yes_no_unknown(name):
    """A yes / no / unknown question as three radio buttons (a select hides the choices)."""
    return forms.NullBooleanField(
        label=capfirst(Actor._meta.get_field(name).verbose_name),
        required=False,
        widget=forms.RadioSelect(
            choices=[("", _("je ne sais pas")), ("True", _("oui")), ("False", _("non"))]
        ),
    )


def link(name, help_text=None):
    """An optional web address; one typed without a scheme is read as https."""
    field = Actor._meta.get_field(name)
    return forms.URLField(
        label=field.verbose_name,
        max_length=field.max_length,
        required=False,
        assume_scheme="https",
        help_text=help_text or field.help_text,
    )


def _logo(upload):
    return reencode_logo(upload), upload.name


class ActorProfileForm(UploadsMixin, FirstErrorOnly, WholeTexts, MarkedRequired, forms.ModelForm):
    """Every public field of a profile. Bound to a throw-away copy of the actor: saving a
    published actor's form never touches the actor: its values become a change request
    (moderation.workflow.propose_change)."""

    themes = terms(taxonomies.THEMES, required=True)
    services = terms(taxonomies.SERVICES)
    publics = terms(taxonomies.PUBLICS)
    languages = terms(taxonomies.WELCOME_LANGUAGES)
    commune = CommuneChoiceField(label=_("commune"))
    website = forms.URLField(
        label=_("site web"), max_length=300, required=False, assume_scheme="https"
    )
    location = gis_forms.PointField(
        label=_("position sur la carte"),
        required=False,
        srid=4326,
        widget=LocationWidget,
        help_text=_(
            "Faites glisser le marqueur. Sans carte, la position est calculée d'après "
            "l'adresse et la commune."
        ),
    )
    opening_hours = OpeningHoursField(label=_("horaires d'ouverture"))
    acceslibre_url = link("acceslibre_url")
    step_free_access = yes_no_unknown("step_free_access")
    accessible_toilets = yes_no_unknown("accessible_toilets")
    hearing_loop = yes_no_unknown("hearing_loop")
    appointment_url = link(
        "appointment_url",
        _("La page où l'on prend rendez-vous avec vous, par exemple sur rdv-solidarites.fr."),
    )
    base = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Actor
        fields = PROFILE_FIELDS

    with_logo = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.with_logo:
            self.add_upload_field(
                "logo_file",
                LOGOS_PENDING,
                _("logo"),
                "image/png,image/jpeg,image/webp",
                _("PNG, JPEG ou WebP, 2 Mo et 25 mégapixels au plus."),
            )
        name_blank_choices(self)
        for field, group in TEXT_GROUPS.items():
            for lang, name in zip(LANGUAGES, columns(field), strict=True):
                if name in self.fields:
                    # Each input in its own language (RGAA 8.7): spelling, voices.
                    self.fields[name].widget.attrs["lang"] = lang
                    self.fields[name].help_text = group["field_help"]
        for name in ("siret", "rna"):
            if name in self.fields:
                # With "where do I find it?" in plain words next to the field.
                self.fields[name].template_name = f"contributions/forms/{name}.html"

    def layout(self):
        """The visible fields in order, each language group of texts as one fieldset:
        [{"field": bound field} or {"id", "legend", "help", "required", "fields": [bound
        fields]}]."""
        grouped = {name: field for field in TEXT_GROUPS for name in columns(field)}
        items, seen = [], set()
        for bound in self.visible_fields():
            field = grouped.get(bound.name)
            if field is None:
                items.append({"field": bound})
            elif field not in seen:
                seen.add(field)
                names = [name for name in columns(field) if name in self.fields]
                items.append(
                    {**TEXT_GROUPS[field], "id": field, "fields": [self[name] for name in names]}
                )
        return items

    def sections(self):
        """The layout cut into sections (identity, offer, place, contact, texts), each with
        how far it is filled in; then what belongs to none (see contributions.sections)."""
        return sections.split(self, self.layout())

    def preview(self):
        """The descriptions as typed, rendered and sanitised as the public page shows them:
        [{label, lang, html}] for each language written in."""
        rendered = []
        for lang, name in zip(LANGUAGES, columns("description"), strict=True):
            text = self.data.get(self.add_prefix(name), "") if name in self.fields else ""
            if text.strip():
                rendered.append(
                    {"label": self[name].label, "lang": lang, "html": render_markdown(text)}
                )
        return rendered

    def clean_logo_file(self):
        """The logo re-encoded (or the one held since the form came back with errors)."""
        return self._accept("logo_file", "logo", _logo)

    # Where clean() put the actor from its address (actors.places.Located), when it did.
    located = None

    def clean(self):
        cleaned = super().clean()
        summaries = [name for name in columns("summary") if name in self.fields]
        # (A summary refused for its length is already reported: no second error.)
        written = any((cleaned.get(name) or "").strip() for name in summaries)
        if summaries and not written and not any(name in self.errors for name in summaries):
            self.add_error(summaries[0], SUMMARY_REQUIRED)
        commune = cleaned.get("commune")
        if commune is None:
            return cleaned
        point = cleaned.get("location")
        initial = self.initial.get("location")
        moved_address = {"street_address", "commune"} & set(self.changed_data)
        # Without JavaScript the marker cannot move: a new address then decides.
        if point is None or (moved_address and initial is not None and point.equals(initial)):
            self.located = locate_address(cleaned.get("street_address", ""), commune)
            cleaned["location"] = self.located.point
            # Not a field: the values sent for moderation carry it (profile.from_form).
            cleaned[PRECISION] = self.located.precision
        return cleaned

    def location_warning(self):
        """What to tell the member when the address typed did not give a point in the commune
        (clean()): the map would show the commune's centre, and they may not know why."""
        located, data = self.located, self.cleaned_data
        if located is None or not located.approximate or not data["street_address"].strip():
            return None
        if located.unanswered:
            message = gettext(
                "Le service des adresses ne répond pas : la fiche est placée pour l'instant au "
                "centre de %(commune)s, et son adresse sera cherchée à nouveau automatiquement. "
                "Vous pouvez aussi faire glisser le marqueur sur la carte de la fiche."
            )
        else:
            message = gettext(
                "Adresse introuvable à %(commune)s : la fiche est placée au centre de la "
                "commune. Vérifiez l'adresse, ou faites glisser le marqueur sur la carte de la "
                "fiche."
            )
        return message % {"commune": data["commune"].label}


class ActorAddForm(ActorProfileForm):
    """The few fields needed to start a draft; the rest is filled in on the edit page."""

    with_logo = False

    not_a_duplicate = forms.BooleanField(
        label=_("Mon organisation n'est aucune de celles-ci"), required=False
    )

    class Meta(ActorProfileForm.Meta):
        fields = [
            "name",
            "kind",
            "summary",
            "summary_eu",
            "summary_es",
            "themes",
            "street_address",
            "commune",
            "website",
            "siret",
            "rna",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        hidden = ("location", "base", "opening_hours")
        for name in (*hidden, "services", "publics", "languages"):
            self.fields.pop(name, None)


class ClaimForm(MarkedRequired, forms.Form):
    message = forms.CharField(
        label=_("Votre lien avec cet acteur"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Par exemple : « Je suis la présidente de l'association. »"),
    )
    siret = forms.CharField(
        label=_("SIRET"), required=False, max_length=14, validators=Actor.siret.field.validators
    )
    rna = forms.CharField(
        label=_("numéro RNA"), required=False, max_length=10, validators=Actor.rna.field.validators
    )
    evidence_email = forms.EmailField(
        label=_("Une adresse sur le domaine du site de l'acteur"),
        required=False,
        help_text=_(
            "Facultatif. Nous y envoyons un lien : une fois vérifiée, c'est une preuve forte."
        ),
    )

    def __init__(self, *args, actor, **kwargs):
        self.actor = actor
        super().__init__(*args, **kwargs)

    def clean_evidence_email(self):
        from .services.claims import website_domain

        email = self.cleaned_data["evidence_email"].strip().lower()
        if not email:
            return ""
        domain = website_domain(self.actor.website)
        if not domain or not email.endswith("@" + domain):
            raise ValidationError(
                _("Cette adresse n'est pas sur le domaine du site de l'acteur."),
                code="wrong_domain",
            )
        return email


class SuggestionForm(forms.Form):
    text = forms.CharField(
        label=_("Ce qu'il faudrait corriger"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    website = forms.URLField(
        label=_("Nouveau site web (facultatif)"), required=False, assume_scheme="https"
    )
    phone = forms.CharField(
        label=_("Nouveau téléphone (facultatif)"),
        required=False,
        max_length=20,
        validators=Actor.phone.field.validators,
    )
    street_address = forms.CharField(
        label=_("Nouvelle adresse (facultative)"), required=False, max_length=255
    )
    contact_email = forms.EmailField(
        label=_("Votre adresse, si vous acceptez d'être recontacté (facultatif)"),
        required=False,
    )
    # Honeypot: hidden from people by the stylesheet, filled in by naive robots.
    nickname = forms.CharField(label=_("Ne pas remplir"), required=False)
    started = forms.CharField(widget=forms.HiddenInput)

    PROPOSED = ("website", "phone", "street_address")

    def proposed(self):
        return {k: self.cleaned_data[k] for k in self.PROPOSED if self.cleaned_data.get(k)}


class ItemSuggestionForm(SuggestionForm):
    """About a réalisation or a ressource: the text alone (the proposed values are an
    actor's columns)."""

    website = phone = street_address = None
    PROPOSED = ()


class InviteForm(MarkedRequired, forms.Form):
    email = forms.EmailField(label=_("Adresse de la personne à inviter"))
