"""HTTPConnection and HTTPSConnection with 2.7's signatures and request side."""
import http.client as _client

from httplib_compat.response import HTTPResponse


class HTTPConnection(_client.HTTPConnection):
    """Skeleton: the 2.7 behaviour arrives with the connections issue."""
    response_class = HTTPResponse


class HTTPSConnection(_client.HTTPSConnection):
    """Skeleton: the 2.7 behaviour arrives with the connections issue."""
    response_class = HTTPResponse
