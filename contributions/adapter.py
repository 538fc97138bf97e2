from allauth.account.adapter import DefaultAccountAdapter
from django.utils.http import url_has_allowed_host_and_scheme

from neonum.clientip import client_ip

from .services import logins


class AccountAdapter(DefaultAccountAdapter):
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
