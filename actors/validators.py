"""Validators for identifiers and formats actors type in."""

import re
import unicodedata

import opening_hours
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _


def luhn_ok(digits):
    total = 0
    for i, char in enumerate(reversed(digits)):
        n = int(char)
        if i % 2:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


# La Poste's establishments share one SIREN and do not follow the Luhn key.
LA_POSTE_SIREN = "356000000"


def validate_siret(value):
    if not re.fullmatch(r"[0-9]{14}", value or ""):
        raise ValidationError(_("Un SIRET compte 14 chiffres, sans espace."), code="siret_format")
    if value.startswith(LA_POSTE_SIREN):
        valid = sum(int(c) for c in value) % 5 == 0
    else:
        valid = luhn_ok(value)
    if not valid:
        raise ValidationError(
            _("Ce numéro SIRET n'est pas valide (clé de contrôle)."), code="siret_checksum"
        )


# RNA (répertoire national des associations): W, the département (2A/2B for Corsica), 7 digits.
validate_rna = RegexValidator(
    r"^W[0-9][0-9AB][0-9]{7}$",
    _("Un numéro RNA s'écrit W suivi de 9 caractères, par exemple W641000123."),
    code="rna_format",
)

validate_phone = RegexValidator(
    r"^(?:\+33 ?|0)[1-9](?:[ .-]?[0-9]{2}){4}$",
    _("Saisissez un numéro de téléphone français, par exemple 05 59 00 00 00."),
    code="phone_format",
)


def validate_opening_hours(value):
    if value and not opening_hours.validate(value):
        raise ValidationError(
            _(
                "Ces horaires ne suivent pas la syntaxe OpenStreetMap, "
                "par exemple « Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00 »."
            ),
            code="opening_hours",
        )


# Format (Cf: bidirectional overrides and isolates, zero-width characters, the byte-order mark,
# soft hyphens), control (Cc) and line/paragraph separators: invisible in a name, they let one
# name pass for another or reverse the text shown around it.
INVISIBLE_CATEGORIES = {"Cf", "Cc", "Zl", "Zp"}


def validate_visible_text(value):
    for char in value or "":
        if unicodedata.category(char) in INVISIBLE_CATEGORIES:
            raise ValidationError(
                _(
                    "Ce texte contient un caractère invisible ou de contrôle de sens d'écriture "
                    "(%(code)s) : retirez-le, par exemple en retapant le texte au clavier."
                ),
                code="invisible_character",
                params={"code": f"U+{ord(char):04X}"},
            )


ACCESLIBRE_PREFIX = "https://acceslibre.beta.gouv.fr/"


def validate_acceslibre_url(value):
    if value and not value.startswith(ACCESLIBRE_PREFIX):
        raise ValidationError(
            _("Donnez l'adresse d'une page d'acceslibre.beta.gouv.fr, commençant par %(prefix)s.")
            % {"prefix": ACCESLIBRE_PREFIX},
            code="acceslibre_url",
        )
