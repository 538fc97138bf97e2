"""The contact form's message to the staff: queued like every email (neonum.mail), so the
visitor never waits on the mail server; limited per client address like suggestions."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from contributions import notify
from contributions.services.suggestions import ip_hash
from neonum import emails, ratelimit

WINDOW = 60 * 60


class ContactError(Exception):
    """A refusal the visitor can act on; the form is shown again with what they typed."""


def send(form, ip):
    data = form.cleaned_data
    if data["nickname"]:
        raise ContactError(_("Votre message n'a pas pu être envoyé."))
    if not ratelimit.hit(f"contact:{ip_hash(ip)}", settings.CONTACT_PER_HOUR, WINDOW):
        raise ContactError(
            _("Trop de messages envoyés depuis votre connexion : réessayez dans une heure.")
        )
    language = translation.get_language()
    # The staff read French; the subject's label is read in that language.
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            **data,
            "subject_label": str(form.subject_label()),
            "page_language": dict(settings.LANGUAGES).get(language, language),
        }
    subject, html = notify.render("pages", "contact", context)
    message = emails.message(
        subject, html, [settings.CONTACT_EMAIL], headers={"Reply-To": data["email"]}
    )
    message.send()
