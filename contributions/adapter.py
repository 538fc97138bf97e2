import uuid

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import user_username
from allauth.core import context
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from neonum import emails
from neonum.clientip import client_ip

from .services import logins


def user_display(user):
    """People are shown by their address: the username is an opaque value (see below)."""
    return user.email


class AccountAdapter(DefaultAccountAdapter):
    def populate_username(self, request, user):
        """auth.User needs a unique username, but accounts are email-only: an opaque one,
        never shown, rather than one made from the address that the person never chose."""
        if not user_username(user):
            user_username(user, uuid.uuid4().hex)

    def render_mail(self, template_prefix, email, context_data, headers=None):
        """Our account emails are written once, as HTML (templates/account/email/); the
        plain-text part is read from it. allauth's English texts stand in only for an email
        the site does not send."""
        subject = self.format_email_subject(
            emails.subject(f"{template_prefix}_subject.txt", context_data)
        )
        try:
            html = render_to_string(
                f"{template_prefix}_message.html",
                {**context_data, "subject": subject},
                context.request,
            )
        except TemplateDoesNotExist:
            return super().render_mail(template_prefix, email, context_data, headers)
        to = [email] if isinstance(email, str) else email
        return emails.message(subject, html, to, self.get_from_email(), headers)

    def send_notification_mail(self, template_prefix, user, context=None, email=None):
        """A security notice gives the way back in, should the change not be the owner's."""
        reset_url = self.request.build_absolute_uri(reverse("account_reset_password"))
        context = {**(context or {}), "reset_url": reset_url}
        super().send_notification_mail(template_prefix, user, context, email)

    def is_safe_url(self, url):
        """After login, redirects go to this site only: never another host, even one in
        ALLOWED_HOSTS or CSRF_TRUSTED_ORIGINS."""
        request = self.request
        return url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )

    def get_client_ip(self, request):
        """Every rate limit, allauth's included, counts by the same address."""
        return client_ip(request)

    def pre_authenticate(self, request, **credentials):
        # Replaces allauth's `login_failed` limit, whose per-account count let anyone who
        # knows an address lock its owner out (see contributions.services.logins).
        self._login_token = logins.before(client_ip(request), self._login(credentials))
        if self._login_token is None:
            raise self.validation_error("too_many_login_attempts")

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is not None:
            logins.succeeded(client_ip(request), self._login(credentials), self._login_token)
        return user

    @staticmethod
    def _login(credentials):
        return credentials.get("email") or credentials.get("username") or ""
