"""httplib_compat.native: the same API with latin-1 native str bodies.

Bodies are compared with real 2.7 (where the body is a native str) through the
harness; readline/readlines/iteration, which 2.7's response did not have, are
checked against read() for every body framing.
"""
import io
import http.client
import os
import sys
import textwrap
import warnings

import pytest

import httplib_compat
import httplib_compat.native as native
from loopback import answered_response

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'py27'))
from harness import Comparison, observe_py27, observe_shim  # noqa: E402

EVERY_BYTE = bytes(bytearray(range(256)))
# Lines of every byte value, one ending without a newline; CR alone is not a line end.
BODY = b'first line\n' + EVERY_BYTE + b'\n' + b'error: x\r\n' + b'\r\n' + b'a\rb\n' + b'last, no newline'


def framed(kind, body=BODY):
    """A raw response carrying ``body`` with the given framing."""
    if kind == 'content-length':
        return b'HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n' % len(body) + body
    if kind == 'chunked':
        chunks = b''
        for start in range(0, len(body), 7):  # small chunks: lines straddle them
            piece = body[start:start + 7]
            chunks += b'%x\r\n' % len(piece) + piece + b'\r\n'
        return (b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n' + chunks
                + b'0\r\nX-Trailer: t\r\n\r\n')
    if kind == 'until-close':
        return b'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n' + body
    if kind == 'http/0.9':
        return body  # no status line: the whole reply is the body (2.7 non-strict)
    raise ValueError(kind)


FRAMINGS = ['content-length', 'chunked', 'until-close', 'http/0.9']


def expected_body(kind):
    # HTTP/0.9: the "status line" was body too; 2.7 gives it back in read().
    return BODY


@pytest.mark.parametrize('kind', FRAMINGS)
def test_read_returns_latin1_str_and_every_byte_round_trips(kind):
    resp = answered_response(framed(kind), native)
    body = resp.read()
    assert type(body) is str
    assert body.encode('latin-1') == expected_body(kind)
    assert 'error' in body  # the 2.7 idiom this face exists for
    assert resp.read() == '' and type(resp.read()) is str
    assert resp.isclosed()


@pytest.mark.parametrize('kind', FRAMINGS)
def test_read_amt_returns_str_pieces(kind):
    resp = answered_response(framed(kind), native)
    pieces = []
    while True:
        piece = resp.read(5)
        assert type(piece) is str and len(piece) <= 5
        if not piece:
            break
        pieces.append(piece)
    assert ''.join(pieces).encode('latin-1') == expected_body(kind)


@pytest.mark.parametrize('kind', FRAMINGS)
def test_readline_gives_the_lines_of_read(kind):
    wanted = answered_response(framed(kind), native).read().splitlines(True)
    # splitlines() also splits on a lone CR and on \x1c etc.; readline splits on \n only.
    wanted = [line + '\n' for line in ''.join(wanted).split('\n')]
    wanted[-1] = wanted[-1][:-1]
    resp = answered_response(framed(kind), native)
    lines = []
    while True:
        line = resp.readline()
        assert type(line) is str
        if not line:
            break
        lines.append(line)
    assert lines == wanted
    assert resp.readline() == '' and resp.read() == ''


@pytest.mark.parametrize('kind', FRAMINGS)
def test_readlines_and_iteration(kind):
    wanted = [line + '\n' for line in BODY.decode('latin-1').split('\n')]
    wanted[-1] = wanted[-1][:-1]
    assert answered_response(framed(kind), native).readlines() == wanted
    assert list(answered_response(framed(kind), native)) == wanted
    resp = answered_response(framed(kind), native)
    assert [line for line in resp] == wanted
    # a size hint stops once that many characters were returned
    resp = answered_response(framed(kind), native)
    assert resp.readlines(5) == wanted[:1]
    assert resp.readlines() == wanted[1:]


@pytest.mark.parametrize('kind', FRAMINGS)
def test_readline_limit_then_read_mix(kind):
    resp = answered_response(framed(kind), native)
    assert resp.readline(5) == 'first'
    assert resp.readline(100) == ' line\n'
    assert resp.read(3) == EVERY_BYTE[:3].decode('latin-1')
    rest = resp.readline() + resp.read()
    assert rest.encode('latin-1') == BODY[len(b'first line\n') + 3:]


def test_head_response_reads_empty_str():
    resp = answered_response(b'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n', native, method='HEAD')
    assert resp.read() == '' and resp.readline() == '' and list(resp) == []


@pytest.mark.parametrize('kind', ['content-length', 'chunked'])
def test_incomplete_read_partial_is_str(kind):
    raw = framed(kind)[:-30] if kind == 'content-length' else framed(kind)[:90]
    with pytest.raises(httplib_compat.IncompleteRead) as info:
        answered_response(raw, native).read()
    assert type(info.value.partial) is str
    assert info.value.partial.encode('latin-1') in BODY  # 2.7: the cut chunk's part only


def test_chunked_readline_raises_on_a_cut_body():
    # A chunked body cut inside a chunk: IncompleteRead, not a silent short line.
    raw = framed('chunked', b'abcdefghij\n')[:65]  # inside the 2nd chunk
    resp = answered_response(raw, native)
    with pytest.raises(httplib_compat.IncompleteRead):
        while resp.readline():
            pass


def test_the_default_face_stays_bytes():
    resp = answered_response(framed('chunked'), httplib_compat)
    assert type(resp.readline()) is bytes
    assert resp.read() == BODY[len(b'first line\n'):]


def test_classes_stay_in_the_default_and_python3_hierarchies():
    assert issubclass(native.HTTPResponse, httplib_compat.HTTPResponse)
    assert issubclass(native.HTTPResponse, http.client.HTTPResponse)
    assert issubclass(native.HTTPConnection, httplib_compat.HTTPConnection)
    assert issubclass(native.HTTPSConnection, httplib_compat.HTTPSConnection)
    assert issubclass(native.HTTP, httplib_compat.HTTP)
    assert issubclass(native.HTTPS, httplib_compat.HTTPS)
    assert native.HTTPConnection.response_class is native.HTTPResponse
    assert native.HTTPSConnection.response_class is native.HTTPResponse
    assert native.HTTPMessage is httplib_compat.HTTPMessage
    for name in ('responses', 'OK', 'NOT_FOUND', 'HTTPException', 'IncompleteRead',
                 'BadStatusLine', 'error', 'HTTP_PORT', 'MAXAMOUNT', 'LineAndFileWrapper',
                 'Py2CompatWarning'):
        assert getattr(native, name) is getattr(httplib_compat, name), name
    assert native.__all__ == httplib_compat.__all__
    assert not hasattr(native, 'install')


# -- compared with Python 2.7, where the body is a native str ----------------

NATIVE_BODY_SCENARIO = textwrap.dedent('''
    c = httplib.HTTPConnection(HOST, PORT)
    c.request('POST', '/text', 'caf\\xe9 body')
    r = c.getresponse()
    out('status', (r.status, r.reason, type(r.reason).__name__))
    out('header type', type(r.getheader('content-type')).__name__)
    out('raw header lines', r.msg.headers)
    out('raw header line type', [type(l).__name__ for l in r.msg.headers])
    first = r.read(4)
    out('read(4)', (type(first).__name__, first))
    body = r.read()
    out('read()', (type(body).__name__, body))
    out("'error' in body", 'error' in body)
    out('ord of every byte', [ord(ch) for ch in body[-256:]])
    out('read() at EOF', (type(r.read()).__name__, r.read()))
    c.request('GET', '/chunked')
    r = c.getresponse()
    out('chunked read()', (type(r.read()).__name__, r.read()))
    ''')


def test_native_bodies_are_what_python27_returned():
    reply = (b'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Raw: caf\xe9\r\n'
             b'Content-Length: %d\r\n\r\n' % (len(BODY) + 256) + BODY + EVERY_BYTE)
    chunked = framed('chunked', b'error\n' + EVERY_BYTE)
    result = Comparison(observe_py27(NATIVE_BODY_SCENARIO, [reply, chunked]),
                        observe_shim(NATIVE_BODY_SCENARIO, [reply, chunked], module=native))
    result.assert_same()  # what the client saw and the bytes the server got
    seen = dict(result.shim_seen)
    assert seen['read()'][0] == 'str' and seen["'error' in body"] is True
    assert seen['ord of every byte'] == list(range(256))
    # the default face differs from 2.7 exactly there: bytes bodies
    default = dict(observe_shim(NATIVE_BODY_SCENARIO, [reply, chunked])[0])
    assert default['read()'][0] == 'bytes'


def test_native_connection_over_a_loopback_server():
    from harness import RecordingServer
    with RecordingServer([framed('chunked')]) as server:
        conn = native.HTTPConnection('127.0.0.1', server.port)
        conn.request('PUT', '/x', 'caf\xe9')  # str accepted where 2.7 took str
        resp = conn.getresponse()
        assert isinstance(resp, native.HTTPResponse)
        assert isinstance(resp, http.client.HTTPResponse)
        lines = list(resp)
        assert ''.join(lines).encode('latin-1') == BODY
        conn.close()
    assert server.requests[0].endswith(b'\r\n\r\ncaf\xe9')


def test_native_legacy_http_getfile_reads_str():
    from harness import RecordingServer
    reply = b'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nbody \xff'
    with RecordingServer([(reply, 'close')]) as server:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')  # HTTP is legacy: it warns, as it should
            h = native.HTTP('127.0.0.1', server.port)
            h.putrequest('GET', '/')
            h.endheaders()
            status, reason, msg = h.getreply()
            assert (status, reason) == (200, 'OK')
            body = h.getfile().read()
        assert body == 'body \xff'
        h.close()


def test_str_read_does_not_leak_into_io_helpers():
    # TextIOWrapper-style consumers keep working on the bytes-level API.
    resp = answered_response(framed('content-length'), native)
    assert type(resp.peek(1)) is bytes
    buf = bytearray(5)
    assert resp.readinto(buf) == 5 and bytes(buf) == BODY[:5]
    assert resp.read(5) == BODY[5:10].decode('latin-1')


# -- issue 12.6: next() only where 2.7 had it; __next__ wherever next is ------------

def test_iteration_protocol_of_each_object_matches_2_7():
    # 2.7's HTTPResponse had neither next nor __iter__; its getfile() file
    # (socket._fileobject) had both.  Compared with 2.7.
    code = textwrap.dedent('''
        c = httplib.HTTPConnection(HOST, PORT)
        c.request('GET', '/'); r = c.getresponse()
        out('response has next', hasattr(r, 'next'))
        r.read()
        import warnings
        warnings.simplefilter('ignore')
        h = httplib.HTTP(HOST, PORT)
        h.putrequest('GET', '/'); h.endheaders(); h.getreply()
        f = h.getfile()
        out('getfile() has next', hasattr(f, 'next'))
        out('next()', f.next())
        out('iteration', [line for line in f])
        h.close()
        ''')
    reply = b'HTTP/1.0 200 OK\r\nContent-Length: 9\r\n\r\nab\ncd\nef\n'
    result = Comparison(observe_py27(code, [reply, (reply, 'close')]),
                        observe_shim(code, [reply, (reply, 'close')], module=native))
    result.assert_same()
    assert dict(result.shim_seen)['response has next'] is False


class _ConvertedAddbase(object):
    """2.7's urllib.addbase as 2to3 leaves it (``fp.next`` -> ``fp.__next__``):
    the base of urllib2's addinfourl and HTTPError."""

    def __init__(self, fp):
        self.fp = fp
        self.read = self.fp.read
        self.readline = self.fp.readline
        if hasattr(self.fp, 'readlines'):
            self.readlines = self.fp.readlines
        if hasattr(self.fp, 'fileno'):
            self.fileno = self.fp.fileno
        else:
            self.fileno = lambda: None
        if hasattr(self.fp, '__iter__'):
            self.__iter__ = self.fp.__iter__
            if hasattr(self.fp, 'next'):
                self.next = self.fp.__next__


@pytest.mark.parametrize('face', [native, httplib_compat], ids=['native', 'bytes'])
def test_a_converted_urllib2_http_error_wraps_a_response(face):
    # Issue 12.6: urllib2 wraps the response in an addinfourl, and an error
    # reply's addinfourl again in an HTTPError (both addbase).  A response with
    # next() gave the first wrapper a next but no __next__: AttributeError.
    resp = answered_response(b'HTTP/1.1 404 Not Found\r\nContent-Length: 12\r\n\r\nno\nsuch\npage', face)
    addinfourl = _ConvertedAddbase(resp)
    http_error = _ConvertedAddbase(addinfourl)
    assert http_error.readline() == ('no\n' if face is native else b'no\n')
    assert list(http_error.fp.fp) == (['such\n', 'page'] if face is native
                                      else [b'such\n', b'page'])
    for obj in (resp, native._Latin1File(io.BytesIO(b'x'))):
        if hasattr(obj, 'next'):
            assert hasattr(obj, '__next__')
    f = native._Latin1File(io.BytesIO(b'a\nb'))
    wrapped = _ConvertedAddbase(f)
    assert (wrapped.next(), next(f)) == ('a\n', 'b')


# -- issue 14.8 pins -------------------------------------------------------------------

def test_native_readlines_0_reads_every_line():
    # 0 (or a negative hint, or None) means no hint, as io's readlines and
    # 2.7's socket file readlines(0).
    wanted = [line + '\n' for line in BODY.decode('latin-1').split('\n')]
    wanted[-1] = wanted[-1][:-1]
    for kind in FRAMINGS:
        for hint in (0, -1, None):
            assert answered_response(framed(kind), native).readlines(hint) == wanted, (kind, hint)
    f = native._Latin1File(io.BytesIO(BODY))
    assert f.readlines(0) == wanted
    assert type(f.readlines(0)) is list


def test_native_getfile_readlines_0_matches_2_7():
    code = textwrap.dedent('''
        import warnings
        warnings.simplefilter('ignore')
        h = httplib.HTTP(HOST, PORT)
        h.putrequest('GET', '/'); h.endheaders(); h.getreply()
        out('readlines(0)', h.getfile().readlines(0))
        h.close()
        ''')
    reply = (b'HTTP/1.0 200 OK\r\n\r\nfirst\n\xff\xfe\nlast', 'close')
    Comparison(observe_py27(code, [reply]),
               observe_shim(code, [reply], module=native)).assert_same()


def test_what_the_native_face_exports():
    # dir(): the limits are properties of the face's module type, shared with the default face.
    public = sorted(n for n in dir(native) if not n.startswith('__'))
    default = sorted(n for n in vars(httplib_compat) if not n.startswith('__'))
    assert 'uninstall' not in public and 'install' not in public
    # Every name of the default face but the install functions and the submodules.
    submodules = [n for n in default if isinstance(getattr(httplib_compat, n), type(sys))]
    assert set(default) - set(public) == {'install', 'uninstall'} | set(submodules)
    for name in ('_CS_IDLE', '_CS_REQ_STARTED', '_CS_REQ_SENT', '_UNKNOWN',
                 'set_text_encoding', 'Py2TextWarning', 'Py2CompatWarning'):
        assert getattr(native, name) is getattr(httplib_compat, name), name
    # Its own classes: str bodies.
    for name in ('HTTPResponse', 'HTTPConnection', 'HTTPSConnection', 'HTTP', 'HTTPS'):
        assert getattr(native, name) is not getattr(httplib_compat, name), name
    assert native.__all__ == httplib_compat.__all__


def test_uninstall_leaves_a_native_face_the_user_imported(monkeypatch):
    # The user imported the native face before install(native=True): uninstall()
    # takes back the 'httplib' entry only.
    monkeypatch.delitem(sys.modules, 'httplib', raising=False)
    assert sys.modules['httplib_compat.native'] is native
    assert httplib_compat.install(native=True) is native
    assert sys.modules['httplib'] is native
    httplib_compat.uninstall()
    assert 'httplib' not in sys.modules
    assert sys.modules['httplib_compat.native'] is native
    assert httplib_compat.native is native
    import httplib_compat.native as again
    assert again is native
