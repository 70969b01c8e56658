"""``strict`` and HTTP/0.9, as docs/security.rst describes them: 2.7's default takes a
reply without a status line as an HTTP/0.9 body (D09); ``strict=True`` per
connection, or ``HTTPConnection.strict = True`` process-wide, refuses it with
BadStatusLine.  Runs on 2.7 too, where it checks that page against the real
httplib."""
import socket

import pytest

import httplib_compat as httplib

NOT_HTTP = b'220 smtp.example ESMTP ready\r\n'


def _connection(cls=None, **kwargs):
    conn = (cls or httplib.HTTPConnection)('127.0.0.1', 80, **kwargs)
    conn.sock, peer = socket.socketpair()
    peer.sendall(NOT_HTTP)
    peer.shutdown(socket.SHUT_WR)
    conn._peer = peer
    return conn


def _reply(conn):
    conn.request('GET', '/')
    try:
        r = conn.getresponse()
        return r.status, r.version, r.read()
    finally:
        conn._peer.close()
        conn.close()


def test_the_default_reads_anything_as_an_http09_200():
    assert _reply(_connection()) == (200, 9, NOT_HTTP)


def test_strict_per_connection_refuses():
    with pytest.raises(httplib.BadStatusLine):
        _reply(_connection(strict=True))


def test_strict_process_wide_refuses(monkeypatch):
    monkeypatch.setattr(httplib.HTTPConnection, 'strict', True)
    with pytest.raises(httplib.BadStatusLine):
        _reply(_connection())
    # HTTPSConnection inherits the class attribute, as on 2.7.
    assert httplib.HTTPSConnection('127.0.0.1', 443).strict is True
