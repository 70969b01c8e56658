"""The two pieces every 2.7 comparison test is built on.

``RecordingServer``: a loopback server that answers each request it reads with
the next scripted raw response and records the exact bytes it received.

``compare(code, responses)``: runs one scenario (see runner.py) under the real
Python 2.7 ``httplib`` in a subprocess and under ``httplib_compat`` in this
process, each against a fresh RecordingServer playing the same script, and
returns both observations (what the client saw, what the server received).
"""
import json
import os
import socket
import subprocess
import sys
import threading

import pytest

import httplib_compat

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import runner  # noqa: E402


class RecordingServer(object):
    """Serves ``responses`` (raw bytes, one per request, in order, across
    connections) on 127.0.0.1 and records every request's raw bytes.

    A request ends after its header block and its body, framed by
    Content-Length or chunked encoding.  When the script runs out, the
    connection is closed after reading whatever the client still sends.
    A response given as ``(raw, 'close')`` closes the connection after it.
    """

    def __init__(self, responses=(), timeout=2.0):
        self.responses = list(responses)
        self.requests = []
        self.timeout = timeout
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(('127.0.0.1', 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self._stop = False
        self._threads = []
        self._accept_thread = threading.Thread(target=self._accept_loop)
        self._accept_thread.daemon = True
        self._accept_thread.start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        # The client is done: whatever it sent is already here, so readers stop
        # at the first quiet poll instead of waiting out their timeout.
        self._stop = True
        try:
            # Wake accept() up.
            socket.create_connection(('127.0.0.1', self.port), 1).close()
        except socket.error:
            pass
        self._accept_thread.join(5)
        for t in self._threads:
            t.join(5)
        self.listener.close()

    def _accept_loop(self):
        while True:
            conn, _ = self.listener.accept()
            if self._stop:
                conn.close()
                return
            t = threading.Thread(target=self._serve, args=(conn,))
            t.daemon = True
            self._threads.append(t)
            t.start()

    def _serve(self, conn):
        conn.settimeout(_POLL)
        reader = _Reader(conn, self.timeout, lambda: self._stop)
        try:
            while True:
                request = reader.read_request()
                if request is None:
                    break
                self.requests.append(request)
                if not self.responses:
                    break
                answer = self.responses.pop(0)
                close = False
                if isinstance(answer, tuple):
                    answer, close = answer[0], answer[1] == 'close'
                conn.sendall(answer)
                if close:
                    break
            # Tell the client we are done (it may be reading to EOF), then
            # keep recording whatever it still sends.
            conn.shutdown(socket.SHUT_WR)
            leftover = reader.drain()
            if leftover:
                self.requests.append(leftover)
        except socket.error:
            pass
        finally:
            conn.close()


_POLL = 0.02


class _Reader(object):
    """Reads HTTP requests off a socket, keeping their raw bytes.  A read gives
    up after ``timeout`` seconds of silence, or at once once ``stopping()``."""

    def __init__(self, conn, timeout, stopping):
        self.conn = conn
        self.timeout = timeout
        self.stopping = stopping
        self.buf = b''
        self.eof = False

    def _fill(self):
        if self.eof:
            return False
        data, waited = b'', 0.0
        while waited < self.timeout:
            try:
                data = self.conn.recv(65536)
                break
            except socket.timeout:
                if self.stopping():
                    break
                waited += _POLL
        if not data:
            self.eof = True
            return False
        self.buf += data
        return True

    def _take(self, n):
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def _line(self):
        while b'\n' not in self.buf:
            if not self._fill():
                return None
        return self._take(self.buf.index(b'\n') + 1)

    def read_request(self):
        while b'\r\n\r\n' not in self.buf:
            if not self._fill():
                return self.drain() or None
        head = self._take(self.buf.index(b'\r\n\r\n') + 4)
        fields = {}
        for line in head.split(b'\r\n')[1:]:
            name, _, value = line.partition(b':')
            fields[name.strip().lower()] = value.strip()
        body = b''
        if fields.get(b'transfer-encoding', b'').lower() == b'chunked':
            while True:
                size_line = self._line()
                if size_line is None:
                    break
                body += size_line
                size = int(size_line.split(b';')[0].strip() or b'0', 16)
                while len(self.buf) < size + 2 and self._fill():
                    pass
                body += self._take(size + 2)
                if size == 0:
                    break
        elif fields.get(b'content-length', b'').isdigit():
            size = int(fields[b'content-length'])
            while len(self.buf) < size and self._fill():
                pass
            body = self._take(size)
        return head + body

    def drain(self):
        while self._fill():
            pass
        return self._take(len(self.buf))


def python27():
    """The Python 2.7 interpreter to compare with, or None."""
    candidates = [os.environ.get('HTTPLIB_COMPAT_PY27')]
    root = os.environ.get('PYENV_ROOT') or os.path.expanduser('~/.pyenv')
    candidates.append(os.path.join(root, 'versions', '2.7.18', 'bin', 'python'))
    for path in os.environ.get('PATH', '').split(os.pathsep):
        candidates.append(os.path.join(path, 'python2.7'))
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def require_python27():
    """The 2.7 interpreter; skips when there is none, unless CI demands it."""
    path = python27()
    if path is None:
        if os.environ.get('HTTPLIB_COMPAT_REQUIRE_PY27'):
            pytest.fail('HTTPLIB_COMPAT_REQUIRE_PY27 is set but no Python 2.7 was found '
                        '(set HTTPLIB_COMPAT_PY27 to its path)')
        pytest.skip('no Python 2.7 interpreter to compare with '
                    '(set HTTPLIB_COMPAT_PY27 to its path)')
    return path


def _env_without_python3_paths():
    env = dict(os.environ)
    for name in ('PYTHONPATH', 'PYTHONHOME', 'PYTHONSTARTUP'):
        env.pop(name, None)
    return env


class Requests(list):
    """The raw requests one RecordingServer received; ``port`` is its port.

    Both runs use their own server, so a Host header (or CONNECT line) names
    a different port; ``normalised()`` writes each side's own port as PORT.
    """

    def __init__(self, requests, port):
        list.__init__(self, requests)
        self.port = port

    def normalised(self):
        own = ('127.0.0.1:%d' % self.port).encode('ascii')
        return [r.replace(own, b'127.0.0.1:PORT') for r in self]


def _normalised(requests):
    return requests.normalised() if isinstance(requests, Requests) else list(requests)


def observe_py27(code, responses=()):
    """(what the scenario saw, the requests the server got) under real 2.7 httplib."""
    with RecordingServer(responses) as server:
        proc = subprocess.Popen(
            [require_python27(), os.path.join(HERE, 'runner.py')],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=_env_without_python3_paths())
        payload = json.dumps({'code': code, 'port': server.port}).encode('utf-8')
        out, err = proc.communicate(payload, timeout=60)
        if proc.returncode != 0:
            raise AssertionError('python2.7 runner failed:\n' + err.decode('utf-8', 'replace'))
    return json.loads(out.decode('utf-8')), Requests(server.requests, server.port)


def observe_shim(code, responses=(), module=httplib_compat):
    """(what the scenario saw, the requests the server got) under the shim."""
    with RecordingServer(responses) as server:
        seen = runner.run(code, server.port, module)
    return json.loads(json.dumps(seen)), Requests(server.requests, server.port)


class Comparison(object):
    def __init__(self, py27, shim):
        (self.py27_seen, self.py27_requests), (self.shim_seen, self.shim_requests) = py27, shim

    def assert_same(self, requests=True):
        assert self.shim_seen == self.py27_seen
        if requests:  # each side's own server port reads PORT
            assert _normalised(self.shim_requests) == _normalised(self.py27_requests)


def compare(code, responses=(), requests=True):
    """Run ``code`` under Python 2.7's httplib and under the shim; assert that the
    client saw the same values and (unless ``requests=False``) that the server
    received the same bytes.  Returns the Comparison for further checks."""
    result = Comparison(observe_py27(code, responses), observe_shim(code, responses))
    result.assert_same(requests=requests)
    return result
