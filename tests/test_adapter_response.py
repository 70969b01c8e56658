"""httplib_compat.HTTPResponse on Python 3: the Python 3 API next to 2.7's rules."""
import gc
import http
import http.client
import io
import pickle
import random
import socket
import warnings

import pytest

import httplib_compat as httplib
from httplib_compat import Py2CompatWarning
from httplib_compat.response import LineAndFileWrapper
from loopback import answered_response, sent_pair

CHUNKED = b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'
BODIES = {
    'length': b'HTTP/1.1 200 OK\r\nContent-Length: 16\r\n\r\nline1\nline2\nlast',
    'chunked': CHUNKED + b'4\r\nline\r\n8\r\n1\nline2\n\r\n4\r\nlast\r\n0\r\n\r\n',
    'until-close': b'HTTP/1.0 200 OK\r\n\r\nline1\nline2\nlast',
    'http09': b'line1\nline2\nlast',
}
LINES = [b'line1\n', b'line2\n', b'last']


def test_is_an_http_client_response():
    r = answered_response(BODIES['length'], httplib)
    assert isinstance(r, http.client.HTTPResponse) and isinstance(r, io.IOBase)


@pytest.mark.parametrize('kind', sorted(BODIES))
def test_readline_and_iteration_on_every_framing(kind):
    # D12: the Python 3 file API keeps working after 2.7's begin()/read().
    r = answered_response(BODIES[kind], httplib)
    assert r.readline() == LINES[0]
    assert list(r) == LINES[1:]
    assert r.read() == b''


@pytest.mark.parametrize('kind', sorted(BODIES))
def test_mixing_read_readinto_peek_read1(kind):
    r = answered_response(BODIES[kind], httplib)
    assert r.read(3) == b'lin'
    buf = bytearray(4)
    assert r.readinto(buf) == 4 and bytes(buf) == b'e1\nl'
    assert r.peek(1)[:1] == b'i'
    assert r.read1(2) == b'in'
    assert r.readline() == b'e2\n'
    assert r.read() == b'last'
    assert r.read() == b'' and r.isclosed()


def test_read_after_readinto_ended_a_chunk_exactly():
    # readinto() leaves http.client's "chunk read, its CRLF not yet" state;
    # read() goes on from there, with no byte lost or taken for a size line.
    for amt in (None, 3, 8, 12):
        r = answered_response(BODIES['chunked'], httplib)
        buf = bytearray(4)
        assert r.readinto(buf) == 4 and bytes(buf) == b'line'
        rest = r.read(amt)
        assert rest == b'1\nline2\nlast'[:amt]
    # After the last chunk's data, read(0) reads the end of the body and
    # closes, as 2.7's read(0) did after read(4) had taken the chunk.
    for take in ('read', 'read1'):
        r = answered_response(CHUNKED + b'4\r\nlast\r\n0\r\n\r\n', httplib)
        assert (r.read(4) if take == 'read' else r.read1(4)) == b'last'
        assert (r.read(0), r.isclosed()) == (b'', True)


@pytest.mark.parametrize('first', ['readline', 'iteration', 'read'])
def test_a_broken_chunk_size_line_is_raised_once(first):
    # As 2.7's read(): one IncompleteRead, then the response is closed and
    # every read is empty, whichever Python 3 read ran into the broken frame.
    r = answered_response(CHUNKED + b'3\r\nab\n\r\nzz\r\nabc\r\n', httplib)
    assert r.readline() == b'ab\n'
    with pytest.raises(httplib.IncompleteRead):
        if first == 'iteration':
            list(r)
        else:
            getattr(r, first)()
    assert r.isclosed()
    assert (r.read(), r.read(2), r.readline(), list(r)) == (b'', b'', b'', [])


@pytest.mark.parametrize('kind', sorted(BODIES))
def test_readlines_and_with(kind):
    with answered_response(BODIES[kind], httplib) as r:
        assert r.readlines() == LINES
    assert r.closed and r.isclosed()


def test_python3_extras_stay():
    # D13: info(), getcode(), headers, code; the url= keyword is accepted.
    sock, _ = sent_pair(BODIES['length'])
    r = httplib.HTTPResponse(sock, method='GET', url='http://h/x')
    r.begin()
    assert r.info() is r.msg is r.headers
    assert r.getcode() == r.code == r.status == 200
    assert r.headers.get_all('Content-Length') == ['16']


def test_python3_positional_order_still_means_method():
    # D05: (sock, debuglevel, method, url) from 3.x code is recognised by the str.
    sock, _ = sent_pair(BODIES['length'])
    r = httplib.HTTPResponse(sock, 0, 'HEAD', 'http://h/x')
    assert (r._method, r.strict) == ('HEAD', 0)
    r.begin()
    assert r.length == 0 and r.read() == b''


def test_read_before_begin_is_response_not_ready():
    sock, _ = sent_pair(BODIES['length'])
    r = httplib.HTTPResponse(sock)
    with pytest.raises(httplib.ResponseNotReady):
        r.read()


def test_negative_read_reads_the_body_without_waiting_for_eof():
    # 2.7's read(-1) waited for EOF past a Content-Length body (a hang on keep-alive).
    a, b = socket.socketpair()
    b.sendall(BODIES['length'])
    a.settimeout(2)
    r = httplib.HTTPResponse(a)
    r.begin()
    assert r.read(-1) == b'line1\nline2\nlast'
    b.close()


def test_dropped_response_leaves_its_file_open():
    # 2.7's getreply()/getfile() hand fp on; 3.x's IOBase.__del__ would close it.
    r = answered_response(b'HTTP/1.0 200 OK\r\n\r\nbody', httplib)
    fp = r.fp
    del r
    gc.collect()
    assert not fp.closed and fp.read() == b'body'


def test_unreferenced_file_is_still_closed():
    # As in 2.7, a dropped response's file is closed when it is freed (the
    # response's own __del__ leaves it open, for getfile()).  CPython frees it
    # at once; PyPy runs the response's finalizer in one collection and frees
    # the file it held in the next.
    r = answered_response(b'HTTP/1.0 200 OK\r\n\r\nbody', httplib)
    raw = r.fp.raw
    del r
    gc.collect()
    gc.collect()
    assert raw.closed


def test_closing_an_http09_response_closes_the_socket_file():
    r = answered_response(b'<html>\r\n', httplib)
    inner = r.fp._file
    r.close()
    assert inner.closed and r.isclosed()


def test_line_and_file_wrapper_api():
    # D09: 2.7's LineAndFileWrapper(line, file): read/readline/readlines, delegation.
    w = LineAndFileWrapper(b'first\n', io.BytesIO(b'second\nthird'))
    assert w.read(3) == b'fir'
    assert w.readline() == b'st\n'
    assert w.readlines() == [b'second\n', b'third']
    w = LineAndFileWrapper(b'ab', io.BytesIO(b'cd'))
    assert w.read(3) == b'abc' and w.read() == b'd'
    assert LineAndFileWrapper(b'x', io.BytesIO(b'')).getvalue() == b''


def test_peer_closed_error_is_a_python3_and_a_python2_error():
    # D10: 2.7's text and .line; still RemoteDisconnected/ConnectionError for 3.x code.
    with pytest.raises(http.client.RemoteDisconnected) as info:
        answered_response(b'', httplib)
    e = info.value
    text = 'No status line received - the server has closed the connection'
    assert isinstance(e, ConnectionError) and isinstance(e, httplib.BadStatusLine)
    assert type(e).__name__ == 'BadStatusLine'
    assert (str(e), e.line, e.args) == (text, text, (text,))
    copy = pickle.loads(pickle.dumps(e))
    assert type(copy) is type(e) and copy.line == text


def test_bad_status_line_is_http_clients_class():
    with pytest.raises(http.client.BadStatusLine) as info:
        answered_response(b'garbage\r\n', httplib, strict=1)
    assert type(info.value) is http.client.BadStatusLine
    assert info.value.line == 'garbage\r\n'


def test_incomplete_read_is_http_clients_class():
    with pytest.raises(http.client.IncompleteRead) as info:
        answered_response(CHUNKED + b'5\r\nhel', httplib).read()
    assert (info.value.partial, info.value.expected) == (b'hel', 2)


def test_status_constants_in_begin_are_plain_ints():
    r = answered_response(BODIES['length'], httplib)
    assert type(r.status) is int and type(r.version) is int and type(r.reason) is str


def _warnings_of(f):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        f()
    return [w for w in caught if issubclass(w.category, Py2CompatWarning)]


def test_python2_only_usage_warns_at_the_callers_line():
    sock, _ = sent_pair(BODIES['length'])
    caught = _warnings_of(lambda: httplib.HTTPResponse(sock, strict=1))
    assert len(caught) == 1 and caught[0].filename == __file__
    for buffering in (True, None, 0, 1):  # any value given: 2.7's argument
        sock, _ = sent_pair(BODIES['length'])
        assert len(_warnings_of(lambda: httplib.HTTPResponse(sock, buffering=buffering))) == 1
    r = answered_response(BODIES['length'], httplib)
    caught = _warnings_of(r.getheaders)
    assert len(caught) == 1 and caught[0].filename == __file__
    assert 'get_all' in str(caught[0].message)


def test_python3_usage_does_not_warn():
    def python3_code():
        sock, _ = sent_pair(BODIES['chunked'])
        r = httplib.HTTPResponse(sock, method='GET')
        r.begin()
        r.getheader('transfer-encoding')
        r.readline()
        r.read(2)
        list(r)
        r.info()
        r.close()
        answered_response(b'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi', httplib, 1).read()
    assert _warnings_of(python3_code) == []


def test_debug_output_does_not_warn(capsys):
    assert _warnings_of(lambda: answered_response(BODIES['length'], httplib, 1)) == []
    assert 'header: Content-Length: 16\r\n' in capsys.readouterr().out


def test_getresponse_through_a_connection():
    # The connection builds our response class (contract with "connection").
    c = httplib.HTTPConnection('127.0.0.1', 80)
    c.sock, peer = sent_pair(BODIES['chunked'])
    c.request('GET', '/')
    r = c.getresponse()
    assert isinstance(r, httplib.HTTPResponse)
    assert r.read() == b''.join(LINES)


def _mutations(count):
    rng = random.Random(7)
    seeds = list(BODIES.values()) + [
        b'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No\r\nContent-Length: 4\r\n\r\n',
        CHUNKED + b'3;x=1\r\nabc\r\n0\r\nTrailer: 1\r\n\r\n']
    for _ in range(count):
        data = bytearray(rng.choice(seeds))
        for _ in range(rng.randint(1, 6)):
            pos = rng.randrange(len(data) + 1)
            data[pos:pos + rng.randint(0, 2)] = bytes(bytearray(
                rng.choice(b'\r\n :;-_0123456789abcdefxHTP/\t\x00\x80\xa0\xff') for _ in range(rng.randint(0, 3))))
        yield bytes(data)


@pytest.mark.parametrize('strict', [0, 1])
def test_malformed_input_raises_only_httplib_errors(strict):
    # Never ValueError/IndexError/TypeError/UnicodeError out of the response.
    for raw in _mutations(400):
        for amt in (None, 1, 3, 64):
            try:
                r = answered_response(raw, httplib, strict=strict)
                for _ in range(30):
                    if not (r.read(amt) if amt else r.read()):
                        break
                r.readline()
                r.readinto(bytearray(5))
            except httplib.HTTPException:
                pass


def test_a_27_subclass_overriding_read_status_with_byte_strings():
    # 2.7 code (e.g. ICY servers) overrides _read_status; on 3.x its line is bytes.
    class ICYResponse(httplib.HTTPResponse):
        def _read_status(self):
            line = self.fp.readline()
            if line.startswith(b'ICY '):
                line = b'HTTP/1.0 ' + line[4:]
            version, status, reason = line.split(None, 2)
            return version, int(status), reason
    sock, _ = sent_pair(b'ICY 200 OK\r\nContent-Length: 2\r\n\r\nhi')
    r = ICYResponse(sock)
    r.begin()
    assert (r.version, r.status, r.reason, r.read()) == (10, 200, 'OK', b'hi')


def test_a_subclass_read_status_may_return_http_status_members():
    # Python 3 code may return http.HTTPStatus members (equal to the ints, not
    # the same objects): 100 is still interim, 204/304 still have no body.
    class Typed(httplib.HTTPResponse):
        def _read_status(self):
            version, status, reason = httplib.HTTPResponse._read_status(self)
            return version, http.HTTPStatus(status), reason

    body = b'Content-Length: 5\r\n\r\nhello'
    for raw, seen in [(b'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n' + body, (200, 5, b'hello')),
                      (b'HTTP/1.1 204 No Content\r\n' + body, (204, 0, b'')),
                      (b'HTTP/1.1 304 Not Modified\r\n' + body, (304, 0, b''))]:
        r = Typed(sent_pair(raw)[0])
        r.begin()
        assert (r.status, r.length, r.read()) == seen
