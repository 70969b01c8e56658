"""Py2CompatWarning: every Python-2-only adaptation warns once per call site,
naming the Python 3 idiom; plain Python 3 usage never warns; silent (and kept
out of the warnings machinery) by default.
"""
import io
import os
import textwrap
import warnings

import pytest

import httplib_compat
import httplib_compat.native
from httplib_compat import Py2CompatWarning
from httplib_compat import _warnings

from fresh_python import run_python
from loopback import RecordingServer, sent_pair

THIS_FILE = os.path.abspath(__file__).rstrip('c')
DUP = (b'HTTP/1.1 200 OK\r\nZ-Last: 1\r\nSet-Cookie: a=1\r\nContent-Type: text/html; charset="utf-8"'
       b'\r\nset-cookie: b=2\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nFrom: A <a@b.c>, d@e.f\r\n'
       b'Content-Length: 2\r\n\r\nhi')
OK = b'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi'
TLS = {}  # a key/cert pair made by the tls_files fixture


def response(raw=DUP):
    sock, peer = sent_pair(raw)
    resp = httplib_compat.HTTPResponse(sock)
    resp.begin()
    resp._test_peer = peer
    return resp


def connection(raw=OK, cls=httplib_compat.HTTPConnection, **kwargs):
    conn = cls('127.0.0.1', 80, **kwargs)
    conn.sock, conn._test_peer = sent_pair(raw)
    return conn


def msg():
    return response().msg


def started(raw=OK):
    conn = connection(raw)
    conn.putrequest('POST', '/')
    conn.putheader('Content-Length', '3')
    return conn


def legacy_http():
    h = httplib_compat.HTTP('127.0.0.1')
    h._conn.sock, h._test_peer = sent_pair(OK)
    h.putrequest('GET', '/')
    h.endheaders()
    return h


# (id, setup returning an object (may warn: not counted), the Python 2 usage,
#  a fragment the idiom must contain, or None where the issue names none)
# 2.7's plain data attributes (msg.status, typeheader, fp, unixfrom...) do not warn:
# they are read on the response's hot path.
ADAPTATIONS = [
    # D21-D27: HTTPMessage's mimetools/rfc822 API
    ('D21 msg.getheader', msg, lambda m: m.getheader('set-cookie'), 'msg.get'),
    ('D21 msg.getheaders', msg, lambda m: m.getheaders('set-cookie'), 'get_all'),
    ('D21 msg.has_key', msg, lambda m: m.has_key('z-last'), ' in '),
    ('D21 msg.getfirstmatchingheader', msg, lambda m: m.getfirstmatchingheader('set-cookie'), None),
    ('D22 msg.dict', msg, lambda m: m.dict, None),
    ('D23 msg.headers', msg, lambda m: m.headers, None),
    ('D23 msg.getallmatchingheaders', msg, lambda m: m.getallmatchingheaders('set-cookie'), None),
    ('D23 msg.getrawheader', msg, lambda m: m.getrawheader('set-cookie'), None),
    ('D24 msg.gettype', msg, lambda m: m.gettype(), 'get_content_type'),
    ('D24 msg.getmaintype', msg, lambda m: m.getmaintype(), 'get_content_maintype'),
    ('D24 msg.getsubtype', msg, lambda m: m.getsubtype(), 'get_content_subtype'),
    ('D24 msg.getplist', msg, lambda m: m.getplist(), None),
    ('D24 msg.getparam', msg, lambda m: m.getparam('charset'), 'get_param'),
    ('D24 msg.getencoding', msg, lambda m: m.getencoding(), None),
    ('D26 msg.addheader', msg, lambda m: m.addheader('x-up', '1'), 'add_header'),
    ('D26 msg.setdefault', msg, lambda m: m.setdefault('X-New', 'v'), None),
    ('D27 msg.getdate', msg, lambda m: m.getdate('date'), 'email.utils'),
    ('D27 msg.getdate_tz', msg, lambda m: m.getdate_tz('date'), 'email.utils'),
    ('D27 msg.getaddr', msg, lambda m: m.getaddr('from'), 'email.utils'),
    ('D27 msg.getaddrlist', msg, lambda m: m.getaddrlist('from'), 'email.utils'),
    ('D20 HTTPMessage(fp)', lambda: None,
     lambda _: httplib_compat.HTTPMessage(io.BytesIO(b'A: 1\r\n\r\n')), 'parse_headers'),
    # D15-D16: the response's header views
    ('D15 resp.getheaders()', response, lambda r: r.getheaders(), None),
    # D03-D06: 2.7 signatures
    ('D03 HTTPConnection(strict=)', lambda: None,
     lambda _: httplib_compat.HTTPConnection('127.0.0.1', 80, strict=True), None),
    ('D03 HTTPConnection(host, port, strict)', lambda: None,
     lambda _: httplib_compat.HTTPConnection('127.0.0.1', 80, True), None),
    ('D04 HTTPSConnection(key_file, cert_file)', lambda: None,
     lambda _: httplib_compat.HTTPSConnection('127.0.0.1', 443, key_file=TLS['key'],
                                              cert_file=TLS['cert']),
     'load_cert_chain'),
    ('D04 HTTPSConnection(strict=)', lambda: None,
     lambda _: httplib_compat.HTTPSConnection('127.0.0.1', strict=1), None),
    ('D05 HTTPResponse(strict=)', lambda: sent_pair(OK)[0],
     lambda sock: httplib_compat.HTTPResponse(sock, strict=1), None),
    ('D05 HTTPResponse(buffering=)', lambda: sent_pair(OK)[0],
     lambda sock: httplib_compat.HTTPResponse(sock, buffering=True), None),
    ('D05 HTTPResponse(sock, 0, 0, method)', lambda: sent_pair(OK)[0],
     lambda sock: httplib_compat.HTTPResponse(sock, 0, 0, 'HEAD'), None),
    ('D06 getresponse(buffering=True)', lambda: _requested(connection()),
     lambda c: c.getresponse(buffering=True), None),
    # D28-D32: the request side
    ('D31 send(str)', connection, lambda c: c.send('abc'), '.encode('),  # str bodies -> bytes
    ('D31 endheaders(str)', started, lambda c: c.endheaders('abc'), '.encode('),
    ('D32 putheader(None)', started, lambda c: c.putheader('X-None', None), 'str('),
    ('D32 putheader(float)', started, lambda c: c.putheader('X-Float', 1.5), 'str('),
    # D01, D41: the legacy names
    ('D41 HTTP()', lambda: None, lambda _: httplib_compat.HTTP('127.0.0.1'), 'HTTPConnection'),
    ('D41 HTTPS()', lambda: None, lambda _: httplib_compat.HTTPS('127.0.0.1'), 'HTTPSConnection'),
    ('D41 HTTP.getreply()', legacy_http, lambda h: h.getreply(), 'getresponse'),
    ('D01 FakeSocket()', lambda: None, lambda _: httplib_compat.FakeSocket(None, 'sslobj'), None),
]


def _requested(conn):
    conn.request('GET', '/')
    return conn


@pytest.fixture(scope='module', autouse=True)
def tls_files(throwaway_cert):
    # HTTPSConnection(key_file=, cert_file=) loads them into its context at once.
    TLS['key'], TLS['cert'], _ = throwaway_cert


@pytest.mark.parametrize('label,setup,use,idiom', ADAPTATIONS, ids=[a[0] for a in ADAPTATIONS])
def test_each_python2_adaptation_warns_once_per_call_site_with_the_idiom(label, setup, use, idiom):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('ignore')
        objects = [setup() for _ in range(3)]  # setup is not what is measured
        warnings.simplefilter('default', Py2CompatWarning)  # Python's "once per location"
        del caught[:]
        for obj in objects:
            use(obj)  # the same call site three times
    ours = [w for w in caught if issubclass(w.category, Py2CompatWarning)]
    assert len(ours) == 1, [str(w.message) for w in caught]
    warning = ours[0]
    text = str(warning.message)
    assert 'Python 2 httplib behaviour' in text and 'on Python 3 use' in text, text
    if idiom is not None:
        assert idiom in text.split('on Python 3 use', 1)[1], text
    # stacklevel: the warning names the user's line (the lambda above), not the shim's
    assert os.path.abspath(warning.filename).rstrip('c') == THIS_FILE, (warning.filename, text)


def test_two_call_sites_warn_twice():
    m = msg()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('default', Py2CompatWarning)
        for _ in range(2):
            m.getheader('z-last')
            m.getheader('z-last')
    assert len([w for w in caught if w.category is Py2CompatWarning]) == 2


def test_the_category_is_a_deprecation_warning_exported_by_the_package():
    assert issubclass(Py2CompatWarning, DeprecationWarning)
    assert httplib_compat.Py2CompatWarning is Py2CompatWarning
    assert httplib_compat.native.Py2CompatWarning is Py2CompatWarning


PYTHON3_SESSION = '''
import io, socket, ssl, email.utils
import http.client
conn = httplib.HTTPConnection(HOST, PORT, timeout=5)
conn.set_debuglevel(0)
conn.request('POST', '/bytes', b'payload', {'Content-Type': 'text/plain', 'X-Int': 1})
resp = conn.getresponse()
assert isinstance(resp, http.client.HTTPResponse)
seen = [resp.status, resp.reason, resp.version, resp.getheader('Content-Type'),
        resp.getheader('missing', 'default'), resp.headers.get_all('set-cookie'),
        resp.headers.get('set-cookie'), resp.msg['content-type'], 'Set-Cookie' in resp.msg,
        resp.headers.get_content_type(), resp.headers.get_param('charset'),
        resp.headers.get_content_charset(), list(resp.headers.keys()),
        list(resp.headers.values()), list(resp.headers.items()), len(resp.headers),
        list(resp.headers), resp.headers.as_string(), str(resp.headers), resp.info() is resp.msg,
        resp.getcode(), resp.code, resp.closed, resp.readable(), resp.isclosed()]
seen.append(resp.read(1) + resp.readline() + resp.read())
conn.request('POST', '/text', 'latin-1 text \\xe9')          # documented Python 3: str is ISO-8859-1
with conn.getresponse() as resp:
    seen.append([line for line in resp])
conn.putrequest('PUT', '/manual', skip_accept_encoding=True)
conn.putheader('Content-Length', 3)
conn.putheader('X-Bytes', b'v')
conn.putheader('X-Multi', 'a', 'b')
conn.endheaders(b'abc')
resp = conn.getresponse()
buf = bytearray(2)
seen.append((resp.readinto(buf), resp.peek(1)[:0], resp.read1(3), resp.read()))
conn.request('GET', '/chunked', headers={'Host': 'example'})
resp = conn.getresponse()
seen.append(resp.read(3) + resp.read())
conn.request('POST', '/iter', (piece for piece in [b'a', b'b']))
seen.append(conn.getresponse().read())
conn.request('POST', '/file', io.BytesIO(b'file body'))
seen.append(conn.getresponse().read())
conn.close()
a, b = socket.socketpair()
b.sendall(b'HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nhi')
r = httplib.HTTPResponse(a, method='GET', url='/x')
r.begin()
seen.append((r.read(), r.getcode()))
a.close(); b.close()
msg = httplib.HTTPMessage()
msg['X-A'] = 'one'
msg.add_header('X-B', 'two', p='1')
msg.replace_header('X-A', 'uno')
del msg['X-B']
seen.append((msg.get('x-a'), msg.get_all('x-a'), list(msg.items())))
ctx = ssl.create_default_context()
seen.append(type(httplib.HTTPSConnection('127.0.0.1', 443, context=ctx, timeout=2)).__name__)
seen.append((httplib.OK, httplib.responses[httplib.NOT_FOUND], httplib.HTTP_PORT))
for exc in (httplib.HTTPException, httplib.IncompleteRead, httplib.BadStatusLine):
    seen.append(exc.__name__)
'''

CHUNKED = b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n'
REPLY = (b'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset="utf-8"\r\nSet-Cookie: a=1\r\n'
         b'set-cookie: b=2\r\nContent-Length: 12\r\n\r\nline1\nline2\n')


@pytest.mark.parametrize('module', [httplib_compat, httplib_compat.native], ids=['bytes', 'native'])
def test_plain_python3_usage_never_warns(module):
    replies = [REPLY, REPLY, REPLY, CHUNKED, OK, OK]
    with RecordingServer(replies) as server:
        namespace = {'httplib': module, 'HOST': '127.0.0.1', 'PORT': server.port}
        with warnings.catch_warnings():
            warnings.simplefilter('error', Py2CompatWarning)
            exec(compile(PYTHON3_SESSION, '<python3 session>', 'exec'), namespace)
    seen = namespace['seen']
    assert seen[-4:] == [(200, 'Not Found', 80), 'HTTPException', 'IncompleteRead', 'BadStatusLine']
    assert seen[25] in (b'line1\nline2\n', 'line1\nline2\n')


LEGACY_MODULE = textwrap.dedent(u'''
    import socket
    import httplib_compat as httplib

    HEAD = b'HTTP/1.1 200 OK\\r\\nX-A: 1\\r\\nContent-Length: 0\\r\\n\\r\\n'


    def _response():
        a, b = socket.socketpair()
        b.sendall(HEAD)
        r = httplib.HTTPResponse(a)
        r.begin()
        return r


    def first_header():
        return _response().msg.getheader('x-a')  # Python 2 only


    def first_header_py3():
        return _response().headers.get('x-a')
    ''')


def test_silent_by_default_in_a_fresh_interpreter(tmp_path):
    # Library code, not __main__ (where Python shows every DeprecationWarning).
    (tmp_path / 'legacy.py').write_text(LEGACY_MODULE)
    code, out = run_python(['-c', 'import legacy; print(legacy.first_header())'], str(tmp_path))
    assert (code, out) == (0, '1\n')


def test_pytest_w_error_lists_what_is_left_to_migrate(tmp_path):
    (tmp_path / 'legacy.py').write_text(LEGACY_MODULE)
    (tmp_path / 'test_legacy.py').write_text(textwrap.dedent(u'''
        import legacy

        def test_python2_call():
            assert legacy.first_header() == '1'

        def test_python3_call():
            assert legacy.first_header_py3() == '1'
        '''))
    code, out = run_python(['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-W',
                     'error::httplib_compat.Py2CompatWarning', 'test_legacy.py'], str(tmp_path))
    assert code == 1, out
    assert '1 failed, 1 passed' in out, out
    assert 'test_python2_call' in out and 'msg.getheader()' in out, out


def test_silent_warn_py2_never_enters_the_warnings_machinery(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError('warnings.warn called while Py2CompatWarning is ignored')
    with warnings.catch_warnings():
        warnings.resetwarnings()
        warnings.simplefilter('ignore', DeprecationWarning)  # like Python's default filters
        monkeypatch.setattr(_warnings.warnings, 'warn', fail)
        m = msg()
        for _ in range(3):
            m.getheader('z-last')
            _warnings.warn_py2('x', 'y')
