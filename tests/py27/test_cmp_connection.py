"""Connections against real Python 2.7: constructors, the response_class call,
tunnels and HTTPS construction (D03, D04, D06, D38, D51)."""
import textwrap

import pytest

from harness import Comparison, Requests, compare, observe_py27, observe_shim

OK = b'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi'
TUNNEL_OK = b'HTTP/1.0 200 Connection established\r\nX-Proxy: 1\r\n\r\n'

PRELUDE = '''
import io, socket, sys
def text_of(f, *a, **k):
    r = T(f, *a, **k)
    return ('raised', type(r.exc).__name__, str(r.exc)) if isinstance(r, Raised) else r
'''

SCENARIOS = {
    'host:port parsing and InvalidURL (D03)': '''
        for host, port in [('127.0.0.1:8080', None), ('127.0.0.1:', None), ('[::1]:8080', None),
                           ('[::1]', None), ('example.com', 8000), ('127.0.0.1:8080', 9)]:
            c = httplib.HTTPConnection(host, port)
            out('%s %r' % (host, port), (c.host, c.port))
        out('nonnumeric port', T(httplib.HTTPConnection, '127.0.0.1:x'))
        out('control character in host', T(httplib.HTTPConnection, '127.0.0.1\\r\\nX-y'))
        out('space in host', T(httplib.HTTPConnection, 'a b'))
        # The class is 2.7's; the text says what to do instead (issue 12.8).
        out('byte 0xE9 in host', type(T(httplib.HTTPConnection, 'caf\\xe9.example').exc).__name__)
        ''',
    'hosts beyond Latin-1: IDNA Host header; controls, space, DEL, U+0080-U+00FF refused (D36)': '''
        def to_server(c):
            seen = []
            def create_connection(address, *args, **kwargs):
                seen.append(address)  # the host asked for; the socket goes to the recorder
                return socket.create_connection((HOST, PORT), *args)
            c._create_connection = create_connection
            return seen
        for host, port in [(u'\\u4f8b\\u3048.example', 8080), (u'\\u0391\\u0392.example', None),
                           (u'\\u4f8b.example:8081', None), (u'\\u4f8b.EXAMPLE', 80)]:
            c = httplib.HTTPConnection(host, port)
            seen = to_server(c)
            c.request('GET', '/idna'); r = c.getresponse()
            out(host, (c.host, c.port, seen, r.status, r.read()))
        for i, host in enumerate([u'caf\\xe9.example', u'\\u4f8b\\xa0.example', u'\\u4f8b \\u3048',
                                  u'\\u4f8b\\x7f', u'\\u4f8b\\r\\nX: 1', u'\\xff']):
            out('refused %d' % i, type(T(httplib.HTTPConnection, host, 80).exc).__name__)
        # A Host header of the caller's own: 2.7's str() could not encode it either.
        c = httplib.HTTPConnection(HOST, PORT)
        c.putrequest('GET', '/own-host', skip_host=1)
        out('own Host header', type(T(c.putheader, 'Host', u'\\u4f8b.example').exc).__name__)
        c.putheader('Host', u'\\u4f8b.example'.encode('idna')); c.endheaders()
        r = c.getresponse(); out('own Host header, IDNA bytes', (r.status, r.read()))
        ''',
    'a host IDNA cannot encode fails at the request, not at construction (D36)': '''
        host = u'\\u4f8b' * 70  # a label too long for IDNA
        c = T(httplib.HTTPConnection, host, 80)
        out('constructed', c.host == host)
        r = T(c.request, 'GET', '/')
        out('request', isinstance(r.exc, UnicodeError) if isinstance(r, Raised) else r)
        ''',
    'strict is the third positional argument, not the timeout (D03)': '''
        c = httplib.HTTPConnection(HOST, PORT, True)
        out('positional', (c.strict, c.timeout is socket.getdefaulttimeout() or c.timeout))
        c = httplib.HTTPConnection(HOST, PORT, strict=1, timeout=3.5, source_address=None)
        out('keywords', (c.strict, c.timeout, c.source_address))
        c = httplib.HTTPConnection(HOST, PORT, None, 2.0)
        out('positional timeout', (c.strict, c.timeout))
        out('class default', (httplib.HTTPConnection.strict, httplib.HTTPConnection(HOST).strict))
        c = httplib.HTTPConnection(HOST, PORT, timeout=2.0); c.connect()
        out('socket timeout', c.sock.gettimeout())
        ''',
    'strict reaches the response: HTTP/0.9 reply (D03, D06, D09)': '''
        c = httplib.HTTPConnection(HOST, PORT)
        c.request('GET', '/'); r = c.getresponse()
        out('non-strict', (r.version, r.status, r.reason, r.read()))
        c = httplib.HTTPConnection(HOST, PORT, True)
        c.request('GET', '/'); out('strict', T(c.getresponse))
        ''',
    'response_class is called as 2.7 calls it (D06)': '''
        calls = []
        class R(httplib.HTTPResponse):
            def __init__(self, *a, **k):
                calls.append([len(a), sorted(k), k.get('strict'), k.get('method'), k.get('buffering')])
                httplib.HTTPResponse.__init__(self, *a, **k)
        buf = io.BytesIO() if str is bytes else io.StringIO()
        c = httplib.HTTPConnection(HOST, PORT); c.response_class = R
        c.request('GET', '/'); out('plain', c.getresponse().read())
        c.request('GET', '/'); out('buffering', c.getresponse(buffering=True).read())
        c.request('GET', '/'); out('buffering positional', c.getresponse(True).read())
        c = httplib.HTTPConnection(HOST, PORT, 1); c.response_class = R
        c.request('GET', '/'); out('strict', c.getresponse().read())
        real, sys.stdout = sys.stdout, buf
        try:
            c.set_debuglevel(1); c.request('GET', '/'); r = c.getresponse(); r.read()
        finally:
            sys.stdout = real
        out('calls', calls)
        out('debuglevel of the response', r.debuglevel)
        ''',
    'response_class is called as 2.7 calls it for the CONNECT reply too (D06, D51)': '''
        calls = []
        class R(httplib.HTTPResponse):
            def __init__(self, *a, **k):
                calls.append([len(a), sorted(k), k.get('strict'), k.get('method'), k.get('buffering')])
                httplib.HTTPResponse.__init__(self, *a, **k)
        c = httplib.HTTPConnection(HOST, PORT, 1); c.response_class = R
        c.set_tunnel('example.com', 443)
        c.request('GET', '/'); out('through', c.getresponse().read())
        out('calls', calls)
        ''',
    'set_debuglevel(1) through a tunnel: the CONNECT reply is not printed (D42, D51)': '''
        buf = io.BytesIO() if str is bytes else io.StringIO()
        c = httplib.HTTPConnection(HOST, PORT); c.set_debuglevel(1)
        c.set_tunnel('example.com', 443)
        real, sys.stdout = sys.stdout, buf
        try:
            c.request('GET', '/'); r = c.getresponse(); r.read()
        finally:
            sys.stdout = real
        for line in buf.getvalue().replace(str(PORT), 'PORT').splitlines(True):
            out('line', line)
        ''',
    'state errors and reuse (D38)': '''
        c = httplib.HTTPConnection(HOST, PORT)
        out('getresponse() first', T(c.getresponse))
        c.request('GET', '/a')
        out('request() twice', T(c.request, 'GET', '/b'))
        r = c.getresponse(); out('read', r.read())
        out('getresponse() twice', T(c.getresponse))
        c.request('GET', '/c'); r = c.getresponse(); out('reuse', (r.read(), r.isclosed()))
        c.close(); c.request('GET', '/d'); out('after close()', c.getresponse().read())
        c.auto_open = 0; c.close(); out('auto_open off', T(c.request, 'GET', '/e'))
        ''',
    'set_tunnel: 2.7 CONNECT request, then the request through it (D51)': '''
        c = httplib.HTTPConnection(HOST, PORT)
        c.set_tunnel('example.com', 8443, {'Proxy-Authorization': 'Basic eA=='})
        out('hosts', (c.host, c.port == PORT, c._tunnel_host, c._tunnel_port))
        c.request('GET', '/t'); r = c.getresponse(); out('through', (r.status, r.read()))
        out('set_tunnel() when connected', text_of(c.set_tunnel, 'other.example'))
        c = httplib.HTTPConnection(HOST, PORT); c.set_tunnel('example.com:8080')
        out('host:port', (c._tunnel_host, c._tunnel_port, c._tunnel_headers))
        c.set_tunnel('example.com')
        out('default port', (c._tunnel_host, c._tunnel_port))
        ''',
    'set_tunnel: a proxy answering in other HTTP versions, or HTTP/0.9, or 1xx (D51)': '''
        for i in range(5):
            c = httplib.HTTPConnection(HOST, PORT); c.set_tunnel('example.com', 443)
            r = T(c.request, 'GET', '/v%d' % i)
            out('connect %d' % i,
                (isinstance(r.exc, socket.error), str(r.exc)) if isinstance(r, Raised) else r)
            if not isinstance(r, Raised):
                r = c.getresponse(); out('through %d' % i, (r.status, r.read()))
        ''',
    'set_tunnel: a refusing proxy (D51)': '''
        c = httplib.HTTPConnection(HOST, PORT); c.set_tunnel('example.com', 443)
        r = T(c.request, 'GET', '/')
        out('error', (isinstance(r.exc, socket.error), str(r.exc)) if isinstance(r, Raised) else r)
        out('closed', c.sock is None)
        ''',
    'HTTPSConnection signature, key_file/cert_file errors (D04)': '''
        c = httplib.HTTPSConnection(HOST)
        out('defaults', (c.host, c.port, c.key_file, c.cert_file, c.strict))
        c = httplib.HTTPSConnection('example.com:8443', None, None, None, True, 4.0)
        out('positional', (c.host, c.port, c.strict, c.timeout))
        c = httplib.HTTPSConnection(HOST, 443, KEY, CERT)
        out('key and cert', (c.key_file == KEY, c.cert_file == CERT))
        c = httplib.HTTPSConnection(HOST, 443, cert_file=BOTH)
        out('cert_file holding the key', c.cert_file == BOTH)
        r = T(httplib.HTTPSConnection, HOST, 443, KEY + '.missing', CERT)
        out('missing key', (isinstance(r.exc, (IOError, OSError)), r.exc.errno))
        r = T(httplib.HTTPSConnection, HOST, 443, KEY, CERT + '.missing')
        out('missing cert', (isinstance(r.exc, (IOError, OSError)), r.exc.errno))
        out('key_file only', type(T(httplib.HTTPSConnection, HOST, 443, KEY).exc).__name__)
        import ssl
        out('cert that is not PEM', isinstance(T(httplib.HTTPSConnection, HOST, 443, KEY, KEY).exc, ssl.SSLError))
        ''',
}

RESPONSES = {
    'strict reaches the response: HTTP/0.9 reply (D03, D06, D09)':
        [(b'<html>0.9</html>\r\n', 'close'), (b'<html>0.9</html>\r\n', 'close')],
    'set_tunnel: 2.7 CONNECT request, then the request through it (D51)': [TUNNEL_OK, OK],
    'set_tunnel: a refusing proxy (D51)':
        [b'HTTP/1.0 407 Proxy Authentication Required  \r\n\r\n'],
    'response_class is called as 2.7 calls it for the CONNECT reply too (D06, D51)': [TUNNEL_OK, OK],
    'set_debuglevel(1) through a tunnel: the CONNECT reply is not printed (D42, D51)': [TUNNEL_OK, OK],
    'set_tunnel: a proxy answering in other HTTP versions, or HTTP/0.9, or 1xx (D51)':
        [b'HTTP/0.5 200 OK\r\n\r\n', OK, b'HTTP/1.1 200 OK\r\nX: 1\r\n\r\n', OK,
         b'HTTP/ 200 OK\r\n\r\n', OK, (b'200 OK\r\n\r\n', 'close'),
         (b'HTTP/1.1 100 Continue\r\n\r\n', 'close')],
    'state errors and reuse (D38)': [OK, OK, OK],
    'hosts beyond Latin-1: IDNA Host header; controls, space, DEL, U+0080-U+00FF refused (D36)':
        [(OK, 'close')] * 5,
}


@pytest.mark.parametrize('name', sorted(SCENARIOS))
def test_connection_matches_python27(name, throwaway_cert):
    key, cert, both = throwaway_cert
    code = ('KEY, CERT, BOTH = %r, %r, %r\n' % (key, cert, both) + PRELUDE
            + textwrap.dedent(SCENARIOS[name]))
    compare(code, RESPONSES.get(name, [OK] * 8))


def test_port_normalisation_still_sees_a_wrong_port():
    # harness.Requests writes each side's own port as PORT: a Host header
    # naming another port must still count as a difference.
    right = Requests([b'GET / HTTP/1.1\r\nHost: 127.0.0.1:1234\r\n\r\n'], 1234)
    wrong = Requests([b'GET / HTTP/1.1\r\nHost: 127.0.0.1:80\r\n\r\n'], 4321)
    same = Requests([b'GET / HTTP/1.1\r\nHost: 127.0.0.1:4321\r\n\r\n'], 4321)
    Comparison(([], right), ([], same)).assert_same()
    with pytest.raises(AssertionError):
        Comparison(([], right), ([], wrong)).assert_same()


def test_tunnel_header_injection_2_7_sent_the_shim_refuses():
    # Issue 14.1: deliberately stricter than 2.7 (as 3.14): ValueError from set_tunnel().
    code = PRELUDE + textwrap.dedent('''
        c = httplib.HTTPConnection(HOST, PORT)
        out('set_tunnel', T(c.set_tunnel, 'example.com', 443, {'X': 'v\\r\\nX-Inj: 1'}))
        c.request('GET', '/'); out('reply', c.getresponse().read())
        ''')
    py27_seen, py27_requests = observe_py27(code, [TUNNEL_OK, OK])
    shim_seen, shim_requests = observe_shim(code, [OK])
    assert py27_seen == [['set_tunnel', None], ['reply', 'hi']]
    assert py27_requests[0] == b'CONNECT example.com:443 HTTP/1.0\r\nX: v\r\nX-Inj: 1\r\n\r\n'
    assert shim_seen == [['set_tunnel', {'raised': 'ValueError', 'httplib_bases': []}],
                         ['reply', 'hi']]
    assert [r for r in shim_requests if b'X-Inj' in r or b'CONNECT' in r] == []
