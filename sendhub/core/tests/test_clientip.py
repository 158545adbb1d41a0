import pytest
from django.test import RequestFactory, override_settings

from sendhub.core.clientip import client_address


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "10.0.0.9", "", "10.0.0.9"),
        (0, "10.0.0.9", "203.0.113.7", "10.0.0.9"),  # no proxy trusted: the header is the client's own text
        (1, "127.0.0.1", "203.0.113.7", "203.0.113.7"),
        (1, "127.0.0.1", "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # the left entry is client-written
        (2, "127.0.0.1", "198.51.100.1, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        (2, "127.0.0.1", "203.0.113.7", "127.0.0.1"),  # fewer hops than proxies: only the socket is trusted
        (1, "127.0.0.1", "not-an-address", "127.0.0.1"),
        (1, "127.0.0.1", "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address_trusts_only_the_named_proxies(proxies, remote, forwarded, expected):
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(SENDHUB_TRUSTED_PROXY_COUNT=proxies):
        assert client_address(request) == expected


def test_no_request_has_no_address():
    assert client_address(None) is None
