"""The legacy HTTP/HTTPS classes on Python 3 (D41, D01): warnings, file
lifetime, and the parts the 2.7 comparison cannot see."""
import gc
import socket
import warnings

import pytest

import httplib_compat as httplib
from httplib_compat import Py2CompatWarning

REPLY = b'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nlegacy body'


def legacy(reply=REPLY, cls=httplib.HTTP, *args):
    h = cls('127.0.0.1', *args)
    h._conn.sock, peer = socket.socketpair()
    peer.sendall(reply)
    peer.shutdown(socket.SHUT_WR)
    return h, peer


def test_getreply_and_getfile():
    h, peer = legacy()
    h.putrequest('GET', '/')
    h.putheader('X', 'y')
    h.endheaders()
    code, reason, headers = h.getreply()
    assert (code, reason, headers['content-type']) == (200, 'OK', 'text/plain')
    assert h.getfile().read() == b'legacy body'
    assert peer.recv(999) == b'GET / HTTP/1.0\r\nX: y\r\n\r\n'


def test_getfile_outlives_the_http_object_and_the_response():
    h, peer = legacy()
    h.putrequest('GET', '/')
    h.endheaders()
    h.getreply()
    f = h.getfile()
    del h
    gc.collect()
    assert f.read() == b'legacy body'


def test_getreply_buffering_and_bad_status_line():
    h, peer = legacy(b'garbage\r\n', httplib.HTTP, None, 1)  # strict
    h.putrequest('GET', '/')
    h.endheaders()
    assert h.getreply(buffering=True) == (-1, 'garbage\r\n', None)
    assert h.headers is None and h.getfile() is None  # as 2.7: close() dropped it


def test_empty_reply_gives_minus_one_and_no_file():
    h, peer = legacy(b'')
    h.putrequest('GET', '/')
    h.endheaders()
    code, line, headers = h.getreply()
    assert (code, headers) == (-1, None)
    assert 'No status line received' in line
    assert h.getfile() is None


def test_legacy_names_warn_with_the_python_3_idiom():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        h, peer = legacy()
        httplib.HTTPS('127.0.0.1')
        h.putrequest('GET', '/')
        h.endheaders()
        h.getreply()
        httplib.FakeSocket(None, None)
    messages = [str(w.message) for w in caught if issubclass(w.category, Py2CompatWarning)]
    for what, idiom in [('httplib.HTTP ', 'HTTPConnection'), ('httplib.HTTPS ', 'HTTPSConnection'),
                        ('getreply()', 'getresponse()'), ('FakeSocket', 'wrap_socket')]:
        assert any(what in m and idiom in m for m in messages), (what, messages)
    assert all(w.filename == __file__ for w in caught if issubclass(w.category, Py2CompatWarning))


def test_fakesocket_warning_is_a_deprecation_warning():
    with pytest.warns(DeprecationWarning):
        assert httplib.FakeSocket(None, 'ssl') == 'ssl'


def test_connect_checks_the_new_host():
    h = httplib.HTTP()
    with pytest.raises(httplib.InvalidURL):
        h.connect('bad host')
