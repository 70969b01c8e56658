"""Constants and exceptions on Python 3 (D01, D39, D43-D45); 2.7 equality is in py27/test_cmp_module.py."""
import http
import http.client

import pytest

import httplib_compat as httplib
from httplib_compat import constants, exceptions

STATUS_NAMES = constants._STATUS_NAMES


@pytest.mark.parametrize('name', STATUS_NAMES)
def test_status_constant_is_a_plain_int_equal_to_http_clients(name):
    value = getattr(httplib, name)
    assert type(value) is int
    assert value == getattr(http.client, name) == int(getattr(http.HTTPStatus, name))
    assert str(value) == '%s' % value == '%d' % value


def test_only_27s_status_names():
    assert len(STATUS_NAMES) == len(set(STATUS_NAMES)) == 49
    for newer in ('TOO_MANY_REQUESTS', 'PERMANENT_REDIRECT', 'IM_A_TEAPOT', 'CONTENT_TOO_LARGE'):
        assert not hasattr(httplib, newer)


def test_responses_is_its_own_int_keyed_table():
    assert httplib.responses is not http.client.responses
    assert all(type(k) is int for k in httplib.responses)
    assert httplib.responses[httplib.REQUEST_ENTITY_TOO_LARGE] == 'Request Entity Too Large'
    assert httplib.responses[306] == '(Unused)'
    # The phrases 2.7 and 3.x share are the same text.
    shared = set(httplib.responses) & set(int(k) for k in http.client.responses)
    renamed_in_313 = {413, 414, 416}
    for code in shared - renamed_in_313:
        assert httplib.responses[code] == http.client.responses[code]


def test_limits_and_ports():
    assert (httplib.MAXAMOUNT, httplib._MAXLINE, httplib._MAXHEADERS) == (1048576, 65536, 100)
    assert (httplib.HTTP_PORT, httplib.HTTPS_PORT) == (80, 443)
    assert httplib._MAXLINE == http.client._MAXLINE


@pytest.mark.parametrize('name', [n for n in exceptions.__all__ if n != 'error'])
def test_exceptions_are_http_clients_own_classes(name):
    # D39: `except http.client.X` and `except httplib.X` catch the same things.
    assert getattr(httplib, name) is getattr(http.client, name)


def test_error_alias_and_catching_across_names():
    assert httplib.error is httplib.HTTPException is http.client.HTTPException
    with pytest.raises(http.client.HTTPException):
        raise httplib.IncompleteRead(b'x', 3)
    with pytest.raises(httplib.error):
        raise http.client.LineTooLong('header line')


def test_star_exports_are_only_the_listed_names():
    for module in (constants, exceptions):
        for name in module.__all__:
            assert hasattr(httplib, name)
    assert '_client' not in constants.__all__ and '_STATUS_NAMES' not in constants.__all__
