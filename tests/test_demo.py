"""The demo (httplib_compat/_demo.py, ``python -m httplib_compat``): it prints
what the httplib documentation's examples print, and its loopback server plays
the documentation's hosts as its docstring says.  Runs on 2.7 too, where the
demo drives the real httplib."""
import os
import subprocess
import sys
from contextlib import closing

import pytest

import httplib_compat
from httplib_compat import _demo


def test_demo_runs_and_prints_the_documented_results(tmp_path):
    # From another directory, finding the same package this test imported.
    env = dict(os.environ)
    env['PYTHONPATH'] = os.path.dirname(os.path.dirname(httplib_compat.__file__))
    out = subprocess.check_output([sys.executable, '-m', 'httplib_compat'],
                                  cwd=str(tmp_path), env=env, universal_newlines=True)
    lines = [line for line in out.splitlines() if not line.startswith(('>>>', 'httplib_compat'))]
    assert lines == [
        '200 OK', '404 Not Found',
        '200 OK', '0', 'True',
        '302 Found',
        repr('Redirecting to <a href="http://bugs.python.org/issue12524">'
             'http://bugs.python.org/issue12524</a>'),
        '200 OK']


@pytest.fixture
def demo_port():
    server = _demo.start_server()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def exchange(conn, method, path, body=None):
    if body is None:
        conn.putrequest(method, path)  # no body: no Content-Length either
        conn.endheaders()
    else:
        conn.request(method, path, body)
    resp = conn.getresponse()
    return resp.status, resp.getheader('content-length'), resp.read()


def test_the_hosts_answer_as_the_documentation_shows(demo_port):
    conn = httplib_compat.HTTPConnection('127.0.0.1', demo_port, timeout=5)
    with closing(conn):
        assert exchange(conn, 'GET', '/') == (200, '23', b'<html>python.org</html>')
        # Every GET after the first on a connection is the documentation's 404.
        for _ in range(2):
            assert exchange(conn, 'GET', '/') == (404, '22', b'<html>Not Found</html>')
        # HEAD: the length of a page, and no body.
        assert exchange(conn, 'HEAD', '/') == (200, '1234', b'')
        # Any other form than the documentation's: 400 (a POST without a body too).
        assert exchange(conn, 'POST', '/', 'number=1') == (400, '8', b'bad form')
        assert exchange(conn, 'POST', '/') == (400, '8', b'bad form')
        assert exchange(conn, 'PUT', '/file', 'x') == (200, '0', b'')
        for path in ('/elsewhere', '/other'):  # before and after '/file'
            assert exchange(conn, 'PUT', path, 'x') == (404, '0', b'')


def test_two_demos_can_run_at_once(demo_port):
    # Each server takes a port of its own (the system's choice).
    second = _demo.start_server()
    try:
        assert second.server_address[1] != demo_port
        conn = httplib_compat.HTTPConnection('127.0.0.1', second.server_address[1], timeout=5)
        with closing(conn):
            assert exchange(conn, 'GET', '/')[0] == 200
    finally:
        second.shutdown()
        second.server_close()
