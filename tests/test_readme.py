"""The README's quick start runs as written on Python 3, and the README names no
file that does not exist.

The quick start talks to 127.0.0.1:8080, where the README starts
``python3 -m http.server``.  The test runs that server command on an ephemeral
port instead (8080 may be taken) and runs the README's Python blocks verbatim
in a fresh interpreter whose ``socket.create_connection`` sends 127.0.0.1:8080
to that port and refuses every other address."""
import ast
import os
import re
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(sys.version_info[0] == 2, reason='the README quick start is Python 3 code')

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
README = os.path.join(ROOT, 'README.md')
SERVER_COMMAND = 'python3 -m http.server 8080 --bind 127.0.0.1'

REDIRECT = '''\
import socket
_connect = socket.create_connection
def _only_the_readme_server(address, *args, **kwargs):
    if tuple(address) != ('127.0.0.1', 8080):
        raise AssertionError('the quick start must only talk to 127.0.0.1:8080, not %r' % (address,))
    return _connect(('127.0.0.1', {port}), *args, **kwargs)
socket.create_connection = _only_the_readme_server
del socket
'''


def _readme():
    with open(README, encoding='utf-8') as f:
        return f.read()


def _blocks(text, language):
    return re.findall(r'^```%s\n(.*?)^```' % language, text, re.MULTILINE | re.DOTALL)


@pytest.fixture
def readme_server(tmp_path):
    """The README's server command, on an ephemeral port, serving an empty folder."""
    commands = [line for block in _blocks(_readme(), 'sh') for line in block.splitlines()
                if line.strip() == SERVER_COMMAND]
    assert commands, 'the README no longer starts its server with %r' % SERVER_COMMAND
    argv = [sys.executable, '-u'] + SERVER_COMMAND.split()[1:]
    argv[argv.index('8080')] = '0'
    server = subprocess.Popen(argv, cwd=str(tmp_path), stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, universal_newlines=True)
    try:
        banner = server.stdout.readline()          # Serving HTTP on 127.0.0.1 port N ...
        port = re.search(r'port (\d+)', banner)
        assert port, banner
        yield int(port.group(1))
    finally:
        server.terminate()
        server.wait()
        server.stdout.close()


def test_the_quick_start_runs_as_written(readme_server, tmp_path):
    blocks = _blocks(_readme(), 'python')
    assert len(blocks) == 2, blocks   # the one-line import, then the quick start
    quick_start = blocks[1]
    assert "HTTPConnection('127.0.0.1', 8080)" in quick_start
    code = REDIRECT.format(port=readme_server) + '\n'.join(blocks)
    proc = subprocess.Popen([sys.executable, '-c', code], cwd=str(tmp_path),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    status, content_type, headers = out.splitlines()
    assert status == '200 OK'
    assert content_type == 'text/html'
    headers = ast.literal_eval(headers)
    assert ('content-type', 'text/html; charset=utf-8') in headers
    assert all(name == name.lower() for name, _ in headers)
    if sys.version_info >= (3, 7):   # PEP 565: DeprecationWarning subclasses show in __main__
        assert 'Py2CompatWarning' in err


def test_the_getting_started_page_shows_the_same_quick_start():
    with open(os.path.join(ROOT, 'docs', 'getting-started.rst'), encoding='utf-8') as f:
        page = f.read()
    quick_start = _blocks(_readme(), 'python')[1]
    indented = ''.join('   ' + line if line.strip() else line
                       for line in quick_start.splitlines(True))
    assert indented in page


def test_every_file_the_readme_names_exists():
    text = _readme()
    named = set(re.findall(r'`((?:docs|tools|tests|benchmarks)/[^`\s]+|[A-Z]+\.md|LICENSE)`',
                           text))
    named.discard('docs/_build/html/index.html')   # built by tox -e docs
    assert 'docs/migration.rst' in named
    missing = sorted(name for name in named if not os.path.exists(os.path.join(ROOT, name)))
    assert missing == []


def test_the_pinning_example_names_this_version():
    import httplib_compat
    pins = re.findall(r'`httplib-compat==([^`]+)`', _readme())
    assert pins == [httplib_compat.__version__]
