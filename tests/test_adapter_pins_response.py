"""Pins: a negative chunk size on a connection the server keeps open.

2.7 took ``-1`` for a size, read nothing for it and then waited for the next
size line, hanging on a kept-alive socket; 3.8 and 3.10+ raise a bare
ValueError.  The shim treats it as the broken frame it is: IncompleteRead at
once, with what the body had so far, and the connection closed (its framing
is lost).  The client's socket timeout bounds the test: a hang would surface
as a timeout error, not as IncompleteRead.
"""
import socket
import threading

import pytest

import httplib_compat
import httplib_compat.native

from loopback import LoopbackServer

CLIENT_TIMEOUT = 3  # seconds; the server holds the socket open far longer
HEAD = b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'


class HoldOpenServer(LoopbackServer):
    """Answers one request with ``reply`` and keeps the connection open (no
    close, no shutdown) until ``release`` is set or 10 s have passed."""

    def __init__(self, reply):
        self.reply = reply
        self.release = threading.Event()
        LoopbackServer.__init__(self)

    def handle(self, conn):
        try:
            conn.settimeout(5)
            received = b''
            while b'\r\n\r\n' not in received:
                data = conn.recv(65536)
                if not data:
                    return
                received += data
            conn.sendall(self.reply)
            self.release.wait(10)
        except socket.error:
            pass
        finally:
            conn.close()

    def close(self):
        self.release.set()
        LoopbackServer.close(self)


def response_from(reply, module=httplib_compat):
    server = HoldOpenServer(reply)
    conn = module.HTTPConnection('127.0.0.1', server.port, timeout=CLIENT_TIMEOUT)
    conn.request('GET', '/')
    return server, conn, conn.getresponse()


SIZE_LINES = [b'-1\r\n', b'-01\r\n', b' -1 \r\n', b'-1;ext=1\r\n', b'-0x1\r\n', b'-ffff\r\n']


@pytest.mark.parametrize('size_line', SIZE_LINES)
@pytest.mark.parametrize('module', [httplib_compat, httplib_compat.native], ids=['bytes', 'native'])
def test_negative_chunk_size_fails_at_once_on_an_open_socket(module, size_line):
    server, conn, resp = response_from(HEAD + b'3\r\nabc\r\n' + size_line + b'def\r\n', module)
    try:
        with pytest.raises(httplib_compat.IncompleteRead) as info:
            resp.read()
        partial = info.value.partial
        assert partial == (b'abc' if module is httplib_compat else 'abc')
        assert resp.isclosed()  # framing lost: the response lets the socket go
    finally:
        conn.close()
        server.close()


@pytest.mark.parametrize('amt', [1, 3, 4, 100])
def test_negative_chunk_size_fails_at_once_for_read_amt(amt):
    server, conn, resp = response_from(HEAD + b'3\r\nabc\r\n-1\r\n')
    try:
        got = b''
        with pytest.raises(httplib_compat.IncompleteRead) as info:
            for _ in range(10):  # bounded: 3 bytes then the bad size
                got += resp.read(amt)
        # What read() returned before the error plus its partial: the whole good chunk.
        assert got + info.value.partial == b'abc'
    finally:
        conn.close()
        server.close()


@pytest.mark.parametrize('use', ['readinto', 'read1'])
def test_negative_first_chunk_size_fails_for_the_python3_reads(use):
    server, conn, resp = response_from(HEAD + b'-1\r\nabc\r\n')
    try:
        with pytest.raises(httplib_compat.IncompleteRead):
            getattr(resp, use)(bytearray(10) if use == 'readinto' else 10)
        assert resp.isclosed()
    finally:
        conn.close()
        server.close()


@pytest.mark.parametrize('use', ['readline', 'iteration', 'native readline', 'native iteration'])
def test_negative_first_chunk_size_fails_for_readline(use):
    # Not a clean end of the body: http.client (3.13) raises IncompleteRead here too.
    module = httplib_compat.native if use.startswith('native') else httplib_compat
    server, conn, resp = response_from(HEAD + b'-1\r\nabc\r\n', module)
    try:
        with pytest.raises(httplib_compat.IncompleteRead):
            if use.endswith('iteration'):
                list(resp)
            else:
                resp.readline()
    finally:
        conn.close()
        server.close()
