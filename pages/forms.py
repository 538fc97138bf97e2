from django import forms
from django.utils.translation import gettext_lazy as _

from contributions.forms import MarkedRequired

SUBJECTS = [
    ("question", _("Une question sur l'annuaire")),
    ("actor", _("Une information sur un acteur")),
    ("accessibility", _("Un problème d'accessibilité")),
    ("personal-data", _("Mes données personnelles")),
    ("other", _("Autre chose")),
]


class ContactForm(MarkedRequired, forms.Form):
    name = forms.CharField(label=_("Votre nom (facultatif)"), required=False, max_length=150)
    email = forms.EmailField(
        label=_("Votre adresse électronique"),
        help_text=_("Pour vous répondre ; elle n'est ni publiée ni gardée par le site."),
    )
    subject = forms.ChoiceField(label=_("Sujet"), choices=SUBJECTS)
    message = forms.CharField(
        label=_("Votre message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )
    # Honeypot: hidden from people by the stylesheet, filled in by naive robots.
    nickname = forms.CharField(label=_("Ne pas remplir"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def subject_label(self):
        return dict(SUBJECTS)[self.cleaned_data["subject"]]
