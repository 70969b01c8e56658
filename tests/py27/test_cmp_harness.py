"""The comparison harness itself: it must see differences, not only agreement."""
import textwrap

import pytest

from harness import Comparison, RecordingServer, compare, observe_py27, observe_shim

OK = b'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi'


def test_recording_server_keeps_the_exact_request_bytes():
    import socket
    with RecordingServer([OK]) as server:
        s = socket.create_connection(('127.0.0.1', server.port))
        s.sendall(b'POST /x HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc')
        assert s.recv(100) == OK
        s.close()
    assert server.requests == [b'POST /x HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc']


def test_python27_really_is_python27():
    seen, _ = observe_py27('import sys\nout("major", sys.version_info[0])\n'
                           'out("module", httplib.__name__)')
    assert seen == [['major', 2], ['module', 'httplib']]


def test_a_difference_is_reported():
    code = 'import sys\nout("major", sys.version_info[0])'
    result = Comparison(observe_py27(code), observe_shim(code))
    with pytest.raises(AssertionError):
        result.assert_same()


def test_a_simple_get_is_the_same_on_both():
    code = textwrap.dedent('''
        c = httplib.HTTPConnection(HOST, PORT)
        c.request('GET', '/path?q=1')
        r = c.getresponse()
        out('status', (r.status, r.reason, r.version))
        out('body', r.read())
        ''')
    result = compare(code, [OK], requests=False)
    assert result.shim_seen == [['status', [200, 'OK', 11]], ['body', 'hi']]
    assert result.shim_requests[0].startswith(b'GET /path?q=1 HTTP/1.1\r\n')
