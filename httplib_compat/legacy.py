"""2.7's compatibility corner: the 1.5.2 ``HTTP``/``HTTPS`` classes, ``LineAndFileWrapper``
and ``FakeSocket`` (D01, D41), none of which http.client kept.

``LineAndFileWrapper`` is the HTTP/0.9 reader response.py already builds (D09),
re-exported here under 2.7's name rather than written twice.
"""
from httplib_compat._warnings import warn_py2
from httplib_compat.connection import HTTPConnection, HTTPSConnection
from httplib_compat.exceptions import BadStatusLine
from httplib_compat.response import LineAndFileWrapper  # noqa: F401 -- D01: 2.7's name

__all__ = ['HTTP', 'HTTPS', 'LineAndFileWrapper', 'FakeSocket']


class HTTP(object):
    """D41: the Python 1.5.2 interface: an HTTP/1.0 request built with
    putrequest/putheader/endheaders/send, answered by getreply()/getfile()."""

    _http_vsn = 10
    _http_vsn_str = 'HTTP/1.0'

    debuglevel = 0

    _connection_class = HTTPConnection

    def __init__(self, host='', port=None, strict=None):
        warn_py2('httplib.HTTP', 'HTTPConnection (request()/getresponse())')
        if port == 0:  # 2.7: 0 means the default port
            port = None
        self._setup(self._connection_class(host, port, strict))

    def _setup(self, conn):
        self._conn = conn
        # The 1.5.2 methods are the connection's own bound methods, as in 2.7.
        self.send = conn.send
        self.putrequest = conn.putrequest
        self.putheader = conn.putheader
        self.endheaders = conn.endheaders
        self.set_debuglevel = conn.set_debuglevel
        conn._http_vsn = self._http_vsn
        conn._http_vsn_str = self._http_vsn_str
        self.file = None

    def connect(self, host=None, port=None):
        """Connect, optionally to another host and port than the constructor's."""
        if host is not None:
            self._conn.host, self._conn.port = self._conn._get_hostport(host, port)
            self._conn._validate_host(self._conn.host)  # D36: the constructor's check
        self._conn.connect()

    def getfile(self):
        """The file the last reply's body is read from (it outlives this object)."""
        return self.file

    def getreply(self, buffering=False):
        """(status, reason, headers) of the reply, or (-1, line, None) when the
        status line is bad."""
        warn_py2('HTTP.getreply()', 'HTTPConnection.getresponse()')
        try:
            if buffering:
                response = self._conn.getresponse(buffering)
            else:
                response = self._conn.getresponse()
        except BadStatusLine as e:
            # 2.7 made a file on the socket here, then its own close() dropped
            # it: getfile() is None after a bad status line.
            self.close()
            self.headers = None
            return -1, e.line, None
        self.headers = response.msg
        # 2.7's getfile() is the response's file and outlives the response.
        self.file = response.fp
        response.fp = None
        return response.status, response.reason, response.msg

    def close(self):
        self._conn.close()
        # The file from getfile() stays usable; this object just lets it go.
        self.file = None


class HTTPS(HTTP):
    """D41: HTTP over TLS, with 2.7's key_file, cert_file and context."""

    _connection_class = HTTPSConnection

    def __init__(self, host='', port=None, key_file=None, cert_file=None, strict=None,
                 context=None):
        warn_py2('httplib.HTTPS', 'HTTPSConnection (request()/getresponse())')
        if port == 0:
            port = None
        self._setup(self._connection_class(host, port, key_file, cert_file, strict,
                                           context=context))
        self.key_file = key_file
        self.cert_file = cert_file


def FakeSocket(sock, sslobj):
    """D01: 2.7's deprecated helper; returns ``sslobj``."""
    warn_py2('FakeSocket(sock, sslobj)', 'the result of SSLContext.wrap_socket() directly')
    return sslobj
