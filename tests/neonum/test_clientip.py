import ipaddress

from django.test import RequestFactory

from neonum.clientip import client_ip
from tests.neonum.test_settings import manage

FORGED = {"HTTP_X_FORWARDED_FOR": "192.0.2.99"}


def request(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_without_a_configured_proxy_a_forged_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = ()
    assert client_ip(request("203.0.113.7", "192.0.2.99")) == "203.0.113.7"


def test_a_header_from_an_address_that_is_not_a_proxy_is_ignored(settings):
    settings.TRUSTED_PROXIES = (ipaddress.ip_network("10.0.0.0/8"),)
    assert client_ip(request("203.0.113.7", "192.0.2.99")) == "203.0.113.7"


def test_from_a_configured_proxy_the_client_is_the_last_untrusted_entry(settings):
    settings.TRUSTED_PROXIES = (ipaddress.ip_network("10.0.0.0/8"),)
    # The client forged the first entry; the two proxies appended what they saw.
    chain = "192.0.2.99, 198.51.100.4, 10.0.0.5"
    assert client_ip(request("10.0.0.1", chain)) == "198.51.100.4"
    assert client_ip(request("10.0.0.1", "")) == "10.0.0.1"
    assert client_ip(request("10.0.0.1", "not-an-address")) == "10.0.0.1"


def test_bad_proxy_settings_are_refused_at_start_up():
    result = manage("check", env={"TRUSTED_PROXIES": "10.0.0.0/8,proxy.example.org"})
    assert result.returncode != 0 and "'proxy.example.org' is neither" in result.stderr
    result = manage("check", env={"TRUSTED_PROXY_COUNT": "1"})
    assert result.returncode != 0 and "replaced by TRUSTED_PROXIES" in result.stderr
    assert manage("check", env={"TRUSTED_PROXIES": "127.0.0.1, ::1, 10.0.0.0/8"}).returncode == 0
