"""Responses that never end, desync on kept-alive connections, HTTP/0.9 reads,
one copy of a large body, explicit closes (issue 14 items 2-4, 6, 7; issue 10
item 4), each bounded in time and count, on 127.0.0.1 only.

2.7 itself reads endless responses forever; these bounds are 3.14/3.15's,
given to every interpreter on purpose (the README's security section).
"""
import gc
import io
import socket
import sys
import threading
import time

import pytest

import httplib_compat as httplib
import httplib_compat.native as native
from httplib_compat import _py2text, response as response_module
from loopback import LoopbackServer, answered_response, sent_pair

OK = b'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi'
CPYTHON = sys.implementation.name == 'cpython'


def error_of(f):
    try:
        f()
    except Exception as e:
        return type(e), str(e)
    raise AssertionError('no error')


class Streaming(object):
    """A peer that sends ``head`` then repeats ``line`` until the client stops
    reading (at most ``limit`` times): an endless response."""

    def __init__(self, head, line, limit=100000):
        self.client, self.peer = socket.socketpair()
        self.client.settimeout(10)
        self.sent = 0
        self.thread = threading.Thread(target=self._send, args=(head, line, limit))
        self.thread.daemon = True
        self.thread.start()

    def _send(self, head, line, limit):
        try:
            self.peer.sendall(head)
            for _ in range(limit):
                self.peer.sendall(line)
                self.sent += 1
        except socket.error:
            pass

    def close(self):
        # shutdown() wakes a sendall() blocked in the sender thread; close()
        # alone does not (and the response's file keeps the client's fd open).
        for sock in (self.client, self.peer):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except socket.error:
                pass
        self.client.close()
        self.peer.close()
        self.thread.join(10)


@pytest.mark.parametrize('module', [httplib, native], ids=['bytes', 'native'])
def test_endless_100_continue_stops_at_100_interim_responses(module):
    stream = Streaming(b'', b'HTTP/1.1 100 Continue\r\n\r\n')
    try:
        start = time.time()
        r = module.HTTPResponse(stream.client)
        assert error_of(r.begin) == (httplib.HTTPException,
                                     'got more than 100 interim responses')
        assert time.time() - start < 5
    finally:
        stream.close()


def test_99_interim_responses_then_the_final_one_are_read():
    raw = b'HTTP/1.1 100 Continue\r\nX: 1\r\n\r\n' * 99 + OK
    assert answered_response(raw, httplib).read() == b'hi'
    with pytest.raises(httplib.HTTPException):
        answered_response(b'HTTP/1.1 100 Continue\r\n\r\n' * 100 + OK, httplib)


def test_endless_header_block_inside_100_continue():
    stream = Streaming(b'HTTP/1.1 100 Continue\r\n', b'X-Again: 1\r\n')
    try:
        r = httplib.HTTPResponse(stream.client)
        assert error_of(r.begin) == (httplib.HTTPException, 'got more than 100 headers')
    finally:
        stream.close()
    head = b'HTTP/1.1 100 Continue\r\n'
    assert answered_response(head + b'X: 1\r\n' * 100 + b'\r\n' + OK, httplib).read() == b'hi'
    with pytest.raises(httplib.HTTPException):
        answered_response(head + b'X: 1\r\n' * 101 + b'\r\n' + OK, httplib)


def test_the_100_continue_header_count_follows_the_module(monkeypatch):
    monkeypatch.setattr(httplib, '_MAXHEADERS', 3)
    head = b'HTTP/1.1 100 Continue\r\n'
    assert answered_response(head + b'X: 1\r\n' * 3 + b'\r\n' + OK, httplib).status == 200
    assert error_of(lambda: answered_response(head + b'X: 1\r\n' * 4 + b'\r\n' + OK, httplib)) == (
        httplib.HTTPException, 'got more than 3 headers')


CHUNKED = b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n'


@pytest.mark.parametrize('module', [httplib, native], ids=['bytes', 'native'])
def test_endless_trailer_stops_at_maxheaders(module):
    # 3.14's bound (2.7 and 3.6-3.13 read trailer lines forever).
    stream = Streaming(CHUNKED, b'X-Trailer: 1\r\n')
    try:
        r = module.HTTPResponse(stream.client)
        r.begin()
        assert error_of(r.read) == (httplib.HTTPException, 'got more than 100 trailers')
    finally:
        stream.close()


def test_trailer_bound_counts_lines_and_follows_the_module(monkeypatch):
    assert answered_response(CHUNKED + b'T: 1\r\n' * 100 + b'\r\n', httplib).read() == b'hi'
    for limit in (2, 3):
        monkeypatch.setattr(httplib, '_MAXHEADERS', limit)
        trailer = b'T: 1\r\n' * limit
        assert answered_response(CHUNKED + trailer + b'\r\n', httplib).read() == b'hi'
        assert error_of(answered_response(CHUNKED + trailer + b'T: 1\r\n\r\n', httplib).read) == (
            httplib.HTTPException, 'got more than %d trailers' % limit)


def test_trailer_bound_on_readline_too():
    # readline() on a chunked body goes through http.client's chunk helpers.
    r = answered_response(CHUNKED + b'T: 1\r\n' * 101 + b'\r\n', httplib)
    with pytest.raises(httplib.HTTPException):
        for _ in range(3):
            r.readline()


class Scripted(LoopbackServer):
    """Answers each request on a connection with the next raw reply of ``replies``."""

    def __init__(self, replies, close=False):
        self.replies = list(replies)
        self.close_after = close  # close once the replies are sent (EOF ends the body)
        LoopbackServer.__init__(self)

    def handle(self, conn):
        conn.settimeout(10)
        buf = b''
        try:
            for reply in self.replies:
                while b'\r\n\r\n' not in buf:
                    data = conn.recv(65536)
                    if not data:
                        return
                    buf += data
                buf = buf[buf.index(b'\r\n\r\n') + 4:]
                conn.sendall(reply)
            if not self.close_after:
                conn.recv(65536)  # until the client closes
        except socket.error:
            pass
        finally:
            conn.close()


def exchange(server, count, module=httplib):
    conn = module.HTTPConnection('127.0.0.1', server.port, timeout=10)
    seen = []
    try:
        for _ in range(count):
            conn.request('GET', '/')
            try:
                r = conn.getresponse()
            except Exception as e:
                seen.append(type(e))
                break
            seen.append((r.version, r.status, r.read()))
    finally:
        conn.close()
    return seen


def test_http09_only_as_the_first_response_on_a_connection():
    # 2.7 took junk after a complete response as an HTTP/0.9 200 whose body
    # swallowed the next real response; 3.x (and the shim) refuse it.
    with Scripted([OK, b'junk\r\n' + OK]) as server:
        assert exchange(server, 2) == [(11, 200, b'hi'), httplib.BadStatusLine]
    with Scripted([b'<html>first</html>'], close=True) as server:
        assert exchange(server, 1) == [(9, 200, b'<html>first</html>')]


@pytest.mark.parametrize('module', [httplib, native], ids=['bytes', 'native'])
def test_a_new_connection_may_answer_http09_again(module):
    # The guard is per socket: after the connection closed, a new one starts over.
    with Scripted([b'HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi']) as server:
        conn = module.HTTPConnection('127.0.0.1', server.port, timeout=10)
        conn.request('GET', '/')
        r = conn.getresponse()
        assert r.read() in (b'hi', 'hi') and r.will_close
        conn.close()


@pytest.mark.parametrize('framing', [
    b'Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n',
    b'Content-Length: 3\r\nTransfer-Encoding: \r\n chunked\r\n',
    b'Transfer-Encoding: chunked\r\n chunked\r\nContent-Length: 3\r\n',
    b'Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n',
], ids=['repeated', 'folded', 'folded-repeat', 'second-header'])
def test_a_transfer_encoding_saying_chunked_wins_over_content_length(framing):
    body = b'5\r\nhello\r\n0\r\n\r\n'
    with Scripted([b'HTTP/1.1 200 OK\r\n' + framing + b'\r\n' + body, OK]) as server:
        assert exchange(server, 2) == [(11, 200, b'hello'), (11, 200, b'hi')]


def test_other_transfer_codings_keep_2_7s_framing():
    # 'gzip, chunked' in one header: 2.7 and 3.x both read it by length or to EOF.
    r = answered_response(b'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\nContent-Length: 3\r\n\r\n'
                          b'abcdef', httplib)
    assert (r.chunked, r.read()) == (0, b'abc')


def test_http09_read_n_returns_once_n_bytes_are_there():
    # The peer keeps the connection open: 2.7 returned the 20 bytes at once.
    client, peer = socket.socketpair()
    try:
        client.settimeout(10)
        peer.sendall(b'<html>this is the first line\r\nand the second line')
        r = httplib.HTTPResponse(client)
        r.begin()
        start = time.time()
        assert r.read(20) == b'<html>this is the fi'
        assert r.read(20) == b'rst line\r\nand the se'
        assert time.time() - start < 5
    finally:
        client.close()
        peer.close()


def _peak_of_read(module, size):
    import tracemalloc
    body = b'm' * size
    client, peer = socket.socketpair()
    head = b'HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n' % size
    sender = threading.Thread(target=lambda: (peer.sendall(head), peer.sendall(memoryview(body)),
                                              peer.close()))
    sender.daemon = True
    gc.collect()
    tracemalloc.start()
    try:
        sender.start()
        r = module.HTTPResponse(client)
        r.begin()
        data = r.read()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        sender.join(10)
        client.close()
    assert len(data) == size and data[-1:] in (b'm', 'm')
    return float(peak) / size


@pytest.mark.skipif(not CPYTHON, reason='tracemalloc is CPython\'s; PyPy reads in pieces '
                    '(its BytesIO cannot lend its buffer), measured by benchmarks/bench.py')
def test_a_large_body_is_read_in_one_copy():
    # The shim joined 1 MiB pieces: about twice the body at the join.
    assert _peak_of_read(httplib, 24 * 1024 * 1024) < 1.3


@pytest.mark.parametrize('handover', [True, False], ids=['cpython-buffer', 'pieces'])
def test_a_bogus_huge_length_is_not_allocated(monkeypatch, handover):
    if handover and not CPYTHON:
        handover = False
    monkeypatch.setattr(response_module, 'BYTESIO_HANDS_OVER_ITS_BUFFER', handover)
    huge = 10 ** 12
    r = answered_response(b'HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n' % huge + b'x' * 3000, httplib)
    with pytest.raises(httplib.IncompleteRead) as info:
        r.read()
    assert (info.value.partial, info.value.expected) == (b'x' * 3000, huge - 3000)
    r = answered_response(b'HTTP/1.0 200 OK\r\n\r\n' + b'y' * 3000, httplib)
    assert r.read(huge) == b'y' * 3000


@pytest.mark.parametrize('handover', [True, False], ids=['cpython-buffer', 'pieces'])
def test_large_reads_give_every_byte(monkeypatch, handover):
    monkeypatch.setattr(response_module, 'BYTESIO_HANDS_OVER_ITS_BUFFER', handover and CPYTHON)
    monkeypatch.setattr(httplib, 'MAXAMOUNT', 1000)  # read at call time, as 2.7 did
    body = bytes(bytearray(range(256))) * 40 + b'end'
    raw = b'HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n' % len(body) + body
    assert answered_response(raw, httplib).read() == body
    r = answered_response(raw, httplib)
    parts = [r.read(4500), r.read(1001), r.read(1499), r.read()]  # 1001: a 1-byte last piece
    assert [len(part) for part in parts[:3]] == [4500, 1001, 1499] and b''.join(parts) == body
    chunked = (b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n' % len(body) +
               body + b'\r\n0\r\n\r\n')
    assert answered_response(chunked, httplib).read() == body
    assert answered_response(raw, native).read() == body.decode('latin-1')


def _socket_of(r):
    return r.fp.raw._sock


def test_sockets_are_closed_without_the_garbage_collector():
    # Where 2.7 closed deterministically (read to the end, will_close, errors),
    # the shim closes explicitly: nothing waits for a collection (PyPy).
    gc.disable()
    try:
        with Scripted([b'HTTP/1.0 200 OK\r\n\r\nuntil close'], close=True) as server:
            conn = httplib.HTTPConnection('127.0.0.1', server.port, timeout=10)
            conn.request('GET', '/')
            r = conn.getresponse()
            sock = _socket_of(r)
            assert conn.sock is None and sock.fileno() >= 0  # will_close: the response owns it
            assert r.read() == b'until close'
            assert sock.fileno() == -1
        with Scripted([b'HTTP/1.1 200 OK\r\nContent-Length: 9\r\nConnection: close\r\n\r\nshort'],
                      close=True) as server:
            conn = httplib.HTTPConnection('127.0.0.1', server.port, timeout=10)
            conn.request('GET', '/')
            r = conn.getresponse()
            sock = _socket_of(r)
            with pytest.raises(httplib.IncompleteRead):
                r.read()
            assert sock.fileno() == -1
        with Scripted([b'garbage\r\n']) as server:
            conn = httplib.HTTPConnection('127.0.0.1', server.port, strict=True, timeout=10)
            conn.request('GET', '/')
            sock = conn.sock
            with pytest.raises(httplib.BadStatusLine):
                conn.getresponse()
            conn.close()
            assert sock.fileno() == -1
    finally:
        gc.enable()


def _max_response_headers_reach_begin_and_the_trailer():
    head = b'HTTP/1.1 200 OK\r\n' + b'X: 1\r\n' * 150
    with Scripted([head + b'Content-Length: 2\r\n\r\nhi',
                   CHUNKED + b'T: 1\r\n' * 150 + b'\r\n', OK]) as server:
        conn = httplib.HTTPConnection('127.0.0.1', server.port, timeout=10,
                                      max_response_headers=200)
        conn.request('GET', '/')
        assert conn.getresponse().read() == b'hi'
        conn.request('GET', '/')
        assert conn.getresponse().read() == b'hi'
        conn.close()
    with Scripted([head + b'\r\n']) as server:
        conn = httplib.HTTPConnection('127.0.0.1', server.port, timeout=10,
                                      max_response_headers=120)
        conn.request('GET', '/')
        assert error_of(conn.getresponse) == (httplib.HTTPException, 'got more than 120 headers')


def test_max_response_headers_is_what_http_client_accepts():
    # A Python 3 keyword of the running version works as on http.client; the
    # shim does not invent it where http.client lacks it.
    import http.client
    try:
        http.client.HTTPConnection('127.0.0.1', 80, max_response_headers=5)
    except TypeError:
        with pytest.raises(TypeError):
            httplib.HTTPConnection('127.0.0.1', 80, max_response_headers=5)
    else:
        assert httplib.HTTPConnection('127.0.0.1', 80, max_response_headers=5) \
            .max_response_headers == 5
        _max_response_headers_reach_begin_and_the_trailer()  # 3.15+


def test_begin_takes_the_header_bound_as_3_15_connections_pass_it():
    # 3.15's HTTPConnection calls begin(_max_headers=max_response_headers): the
    # bound then stands for _MAXHEADERS (header block, trailer) and nothing
    # else changes; the message is 2.7's (not seekable even on a seekable
    # file, such as the BytesIO of a test's fake socket; no file kept).
    raw = (b'HTTP/1.1 200 OK\r\nA: 1\r\nTransfer-Encoding: chunked\r\n\r\n'
           b'2\r\nhi\r\n0\r\nT: 1\r\nT: 2\r\n\r\n')

    class FakeSocket(object):
        def __init__(self, data):
            self.data = data

        def makefile(self, mode, *args):
            return io.BytesIO(self.data)

    def begun(raw, **kwargs):
        r = httplib.HTTPResponse(FakeSocket(raw))
        r.begin(**kwargs)
        return r

    def seen(r):
        m = r.msg
        return [m.seekable, m.startofheaders, m.startofbody, m.fp, m.items(), r.chunked, r.read()]

    assert seen(begun(raw, _max_headers=2)) == seen(begun(raw)) == [
        0, None, None, None, [('a', '1'), ('transfer-encoding', 'chunked')], 1, b'hi']
    assert error_of(lambda: begun(raw, _max_headers=1)) == (
        httplib.HTTPException, 'got more than 1 headers')
    assert error_of(begun(raw.replace(b'T: 2', b'T: 2\r\nT: 3'), _max_headers=2).read) == (
        httplib.HTTPException, 'got more than 2 trailers')


def test_line_too_long_names_the_limit_in_force(monkeypatch):
    monkeypatch.setattr(httplib, '_MAXLINE', 25)
    error = error_of(lambda: answered_response(b'HTTP/1.1 200 OK 12345678901234567890\r\n\r\n', httplib))
    assert error == (httplib.LineTooLong, 'got more than 25 bytes when reading header line')
    raw = b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n' + b'0' * 30 + b'1\r\nx'
    monkeypatch.setattr(httplib, '_MAXLINE', 29)
    assert error_of(answered_response(raw, httplib).read) == (httplib.LineTooLong,
                                        'got more than 29 bytes when reading chunk size')


def test_native_face_limits_are_the_default_faces_and_its_httpmessage_its_own(monkeypatch):
    # The limits are one setting of both faces, as 2.7 had one httplib (and the
    # HTTPMessage both faces share reads them); HTTPMessage is each face's own.
    long_status = b'HTTP/1.1 200 OK 12345678901234567890\r\n\r\n'
    monkeypatch.setattr(native, '_MAXLINE', 25)
    assert httplib._MAXLINE == 25
    for face in (native, httplib):
        with pytest.raises(httplib.LineTooLong):
            answered_response(long_status, face)

    class Sub(httplib.HTTPMessage):
        pass
    monkeypatch.setattr(native, 'HTTPMessage', Sub)
    assert type(answered_response(OK, native).msg) is Sub
    assert type(answered_response(OK, httplib).msg) is httplib.HTTPMessage


def test_tunnel_reads_the_proxy_headers_with_the_modules_limits(monkeypatch):
    proxy = b'HTTP/1.0 200 Connection established\r\n' + b'X: 1\r\n' * 5 + b'\r\n'
    with Scripted([proxy]) as server:
        monkeypatch.setattr(httplib, '_MAXHEADERS', 4)
        conn = httplib.HTTPConnection('127.0.0.1', server.port, timeout=10)
        conn.set_tunnel('example.invalid', 80)
        assert error_of(conn.connect) == (httplib.HTTPException, 'got more than 4 headers')
        conn.close()
    with Scripted([proxy.replace(b'X: 1\r\n', b'', 1)]) as server:  # 4 lines: within the bound
        conn = httplib.HTTPConnection('127.0.0.1', server.port, timeout=10)
        conn.set_tunnel('example.invalid', 80)
        conn.connect()
        conn.close()
    with Scripted([b'HTTP/1.0 200 OK\r\nX-Long: 123456789012345678901234567890\r\n\r\n']) \
            as server:
        monkeypatch.setattr(httplib, '_MAXLINE', 30)
        conn = httplib.HTTPConnection('127.0.0.1', server.port, timeout=10)
        conn.set_tunnel('example.invalid', 80)
        assert error_of(conn.connect) == (httplib.LineTooLong,
                                          'got more than 30 bytes when reading header line')
        conn.close()


@pytest.mark.parametrize('text, base, value', [
    (b'12', 10, 12), (' 12\t', 10, 12), (b'+7', 10, 7), (b'-7', 10, -7), ('ff', 16, 255),
    (b'1_0', 10, ValueError), ('1_0', 10, ValueError), ('\xb2', 10, ValueError),
    ('\u0661', 10, ValueError), (b'\xa012', 10, ValueError), ('', 10, ValueError),
])
def test_int27_parses_as_python_2_did(text, base, value):
    if value is ValueError:
        with pytest.raises(ValueError):
            _py2text.int27(text, base)
    else:
        assert _py2text.int27(text, base) == value


def test_the_connections_strict_does_not_warn_but_a_callers_does(recwarn):
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter('error', httplib.Py2CompatWarning)
        with Scripted([OK]) as server:
            conn = httplib.HTTPConnection('127.0.0.1', server.port, timeout=10)
            conn.request('GET', '/')
            r = conn.getresponse()
            assert (r.read(), r.strict, type(r.strict)) == (b'hi', 0, int)
            conn.close()
        with pytest.raises(httplib.Py2CompatWarning):
            httplib.HTTPResponse(sent_pair(OK)[0], strict=0)
