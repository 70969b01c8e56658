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
import subprocess
import sys

import pytest

import httplib_compat

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import runner  # noqa: E402

sys.path.insert(0, os.path.dirname(HERE))
from loopback import RecordingServer  # noqa: E402,F401 -- the comparisons' server


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
