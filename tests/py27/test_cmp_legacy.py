"""The 1.5.2 interface (HTTP, HTTPS, getreply, getfile), LineAndFileWrapper and
FakeSocket against real Python 2.7 (D01, D41)."""
import textwrap

import pytest

from harness import compare

OK10 = b'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nX-Two: a\r\nx-two: b\r\n\r\nbody'

PRELUDE = '''
import gc, io, warnings
'''

SCENARIOS = {
    'HTTP: putrequest/putheader/endheaders, getreply, getfile (D41)': '''
        h = httplib.HTTP(HOST, PORT)
        h.putrequest('GET', '/old'); h.putheader('X', 'y'); h.putheader('X-Multi', 'a', 2)
        h.endheaders()
        code, reason, headers = h.getreply()
        out('reply', (code, reason, headers.getheader('content-type'), headers.getheader('x-two')))
        out('headers attribute', h.headers is headers)
        out('body', h.getfile().read())
        h.close(); out('file after close()', h.getfile())
        ''',
    'HTTP: POST with send() of the body (D41)': '''
        h = httplib.HTTP(HOST + ':' + str(PORT))
        h.putrequest('POST', '/form'); h.putheader('Content-Length', 7); h.endheaders()
        h.send('a=1&b=2')
        errcode, errmsg, headers = h.getreply()
        out('reply', (errcode, errmsg, headers.getheader('x-two')))
        out('body', h.getfile().read())
        ''',
    'HTTP: endheaders(body), port 0, connect(host, port) (D41)': '''
        h = httplib.HTTP('', 0)
        out('before connect', (h._conn.host, h._conn.port))
        h.connect(HOST, PORT)
        h.putrequest('PUT', '/x'); h.putheader('Content-Length', '3'); h.endheaders('abc')
        out('reply', h.getreply()[:2]); out('body', h.getfile().read())
        ''',
    'HTTP: the file from getfile() outlives the HTTP object (D41)': '''
        def fetch():
            h = httplib.HTTP(HOST, PORT)
            h.putrequest('GET', '/'); h.endheaders()
            h.getreply()
            return h.getfile()
        f = fetch(); gc.collect()
        out('first bytes', f.read(2)); gc.collect(); out('rest', f.read())
        ''',
    'HTTP: empty reply is (-1, line, None) (D41, D10)': '''
        h = httplib.HTTP(HOST, PORT)
        h.putrequest('GET', '/'); h.endheaders()
        out('reply', h.getreply())
        out('headers', h.headers)
        out('file', h.getfile())
        ''',
    'HTTP: HTTP/0.9 reply (D41, D09)': '''
        h = httplib.HTTP(HOST, PORT)
        h.putrequest('GET', '/'); h.endheaders()
        code, reason, headers = h.getreply()
        out('reply', (code, reason, headers.items()))
        out('file', h.getfile().read())
        ''',
    'HTTP: set_debuglevel (D41, D42)': '''
        import sys
        buf = io.BytesIO() if str is bytes else io.StringIO()
        real, sys.stdout = sys.stdout, buf
        try:
            h = httplib.HTTP(HOST, PORT); h.set_debuglevel(1)
            h.putrequest('GET', '/dbg'); h.putheader('X', 'y'); h.endheaders()
            h.getreply(); h.getfile().read()
        finally:
            sys.stdout = real
        out('log', buf.getvalue())
        ''',
    'HTTPS: signature and connection class (D41)': '''
        s = httplib.HTTPS(HOST, 0)
        out('conn', (s._conn.__class__.__name__, s._conn.port, s._conn._http_vsn_str,
                     s.key_file, s.cert_file, s._conn.key_file))
        s = httplib.HTTPS('example.com:8443', None, None, None, 1)
        out('host:port, strict', (s._conn.host, s._conn.port, s._conn.strict))
        out('subclass', issubclass(httplib.HTTPS, httplib.HTTP))
        ''',
    'FakeSocket and LineAndFileWrapper (D01)': '''
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            marker = object()
            out('FakeSocket returns sslobj', httplib.FakeSocket(None, marker) is marker)
            out('warning', [issubclass(x.category, DeprecationWarning) for x in w])
        wrapper = httplib.LineAndFileWrapper(b'first line\\r\\n', io.BytesIO(b'second\\nthird\\n'))
        out('read(3)', wrapper.read(3)); out('readline()', wrapper.readline())
        out('readline() from the file', wrapper.readline()); out('read()', wrapper.read())
        wrapper = httplib.LineAndFileWrapper(b'abc', io.BytesIO(b'def'))
        out('read(5) across', wrapper.read(5)); out('rest', wrapper.read())
        wrapper = httplib.LineAndFileWrapper(b'x\\n', io.BytesIO(b'y\\nz\\n'))
        out('readlines()', wrapper.readlines())
        out('getattr goes to the file',
            httplib.LineAndFileWrapper(b'l', io.BytesIO(b'v')).getvalue())
        ''',
    'LineAndFileWrapper: dropping it leaves the file open, close() closes it (D01)': '''
        import gc
        f = io.BytesIO(b'rest')
        out('read()', httplib.LineAndFileWrapper(b'line\\n', f).read())
        gc.collect()
        out('file closed after the wrapper is dropped', f.closed)
        wrapper = httplib.LineAndFileWrapper(b'x', f)
        wrapper.close()
        out('file closed by close()', f.closed)
        ''',
}

RESPONSES = {
    'HTTP: empty reply is (-1, line, None) (D41, D10)': [],
    'HTTP: HTTP/0.9 reply (D41, D09)': [(b'just a body\r\nline two', 'close')],
    'HTTP: the file from getfile() outlives the HTTP object (D41)': [(OK10, 'close')],
}


@pytest.mark.parametrize('name', sorted(SCENARIOS))
def test_legacy_matches_python27(name):
    code = PRELUDE + textwrap.dedent(SCENARIOS[name])
    compare(code, RESPONSES.get(name, [(OK10, 'close')]))
