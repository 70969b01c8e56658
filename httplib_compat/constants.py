"""Module constants of 2.7's httplib: ports, limits, status codes, ``responses``.

Python 3 only (the package's top passes the real httplib through on 2.7).
"""
import http.client as _client

HTTP_PORT = 80
HTTPS_PORT = 443

# 2.7's read limits; MAXAMOUNT left http.client in some 3.x releases (D01).
MAXAMOUNT = 1048576
_MAXLINE = 65536
_MAXHEADERS = 100

# Status codes as plain ints (D43): 3.x exposes HTTPStatus members whose str()
# is 'HTTPStatus.NOT_FOUND' on 3.6-3.10.  Only 2.7's 49 names (D44).
_STATUS_NAMES = (
    'CONTINUE', 'SWITCHING_PROTOCOLS', 'PROCESSING',
    'OK', 'CREATED', 'ACCEPTED', 'NON_AUTHORITATIVE_INFORMATION', 'NO_CONTENT',
    'RESET_CONTENT', 'PARTIAL_CONTENT', 'MULTI_STATUS', 'IM_USED',
    'MULTIPLE_CHOICES', 'MOVED_PERMANENTLY', 'FOUND', 'SEE_OTHER', 'NOT_MODIFIED',
    'USE_PROXY', 'TEMPORARY_REDIRECT',
    'BAD_REQUEST', 'UNAUTHORIZED', 'PAYMENT_REQUIRED', 'FORBIDDEN', 'NOT_FOUND',
    'METHOD_NOT_ALLOWED', 'NOT_ACCEPTABLE', 'PROXY_AUTHENTICATION_REQUIRED',
    'REQUEST_TIMEOUT', 'CONFLICT', 'GONE', 'LENGTH_REQUIRED', 'PRECONDITION_FAILED',
    'REQUEST_ENTITY_TOO_LARGE', 'REQUEST_URI_TOO_LONG', 'UNSUPPORTED_MEDIA_TYPE',
    'REQUESTED_RANGE_NOT_SATISFIABLE', 'EXPECTATION_FAILED', 'UNPROCESSABLE_ENTITY',
    'LOCKED', 'FAILED_DEPENDENCY', 'UPGRADE_REQUIRED',
    'INTERNAL_SERVER_ERROR', 'NOT_IMPLEMENTED', 'BAD_GATEWAY', 'SERVICE_UNAVAILABLE',
    'GATEWAY_TIMEOUT', 'HTTP_VERSION_NOT_SUPPORTED', 'INSUFFICIENT_STORAGE',
    'NOT_EXTENDED',
)
globals().update((_name, int(getattr(_client, _name))) for _name in _STATUS_NAMES)

# 2.7.18's table exactly (D45): int keys, 41 entries, 306 '(Unused)', none of
# the WebDAV codes, and the pre-3.13 phrases for 413, 414 and 416.
responses = {
    100: 'Continue',
    101: 'Switching Protocols',
    200: 'OK',
    201: 'Created',
    202: 'Accepted',
    203: 'Non-Authoritative Information',
    204: 'No Content',
    205: 'Reset Content',
    206: 'Partial Content',
    300: 'Multiple Choices',
    301: 'Moved Permanently',
    302: 'Found',
    303: 'See Other',
    304: 'Not Modified',
    305: 'Use Proxy',
    306: '(Unused)',
    307: 'Temporary Redirect',
    400: 'Bad Request',
    401: 'Unauthorized',
    402: 'Payment Required',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    406: 'Not Acceptable',
    407: 'Proxy Authentication Required',
    408: 'Request Timeout',
    409: 'Conflict',
    410: 'Gone',
    411: 'Length Required',
    412: 'Precondition Failed',
    413: 'Request Entity Too Large',
    414: 'Request-URI Too Long',
    415: 'Unsupported Media Type',
    416: 'Requested Range Not Satisfiable',
    417: 'Expectation Failed',
    500: 'Internal Server Error',
    501: 'Not Implemented',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
    505: 'HTTP Version Not Supported',
}

__all__ = ['HTTP_PORT', 'HTTPS_PORT', 'MAXAMOUNT', '_MAXLINE', '_MAXHEADERS',
           'responses'] + list(_STATUS_NAMES)
