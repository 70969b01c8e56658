"""install()/uninstall(): ``import httplib`` for code that cannot be edited yet.

Runs on 2.7 too, where install() must never shadow the real httplib.  The
xmlrpclib test drives CPython 2.7.18's own xmlrpclib.py (tests/data, converted
for syntax only, its ``import httplib`` untouched) against a loopback XML-RPC
server.
"""
import importlib
import os
import subprocess
import sys
import textwrap
import threading

import pytest
import six

import httplib_compat

from fresh_python import run_python

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data')
py3_only = pytest.mark.skipif(six.PY2, reason='on 2.7 install() is a no-op (tested separately)')


@pytest.fixture
def clean_httplib():
    """Each test starts and ends without an installed httplib (on 3.x)."""
    httplib_compat.uninstall()
    before = sys.modules.get('httplib')
    yield
    httplib_compat.uninstall()
    assert sys.modules.get('httplib') is before


def import_httplib():
    return importlib.import_module('httplib')


@py3_only
def test_before_install_there_is_no_httplib_on_python3(clean_httplib):
    with pytest.raises(ImportError):
        import_httplib()


@py3_only
def test_install_binds_httplib_to_the_package(clean_httplib):
    returned = httplib_compat.install()
    import httplib
    from httplib import HTTPConnection, HTTPResponse, responses, OK, HTTPException
    assert httplib is httplib_compat is returned
    assert HTTPConnection is httplib_compat.HTTPConnection
    assert HTTPResponse is httplib_compat.HTTPResponse
    assert responses is httplib_compat.responses and OK == 200
    assert HTTPException is httplib_compat.HTTPException


@py3_only
def test_install_is_idempotent_and_uninstall_removes_only_its_entry(clean_httplib):
    httplib_compat.install()
    httplib_compat.install()
    assert sys.modules['httplib'] is httplib_compat
    httplib_compat.uninstall()
    assert 'httplib' not in sys.modules
    assert 'httplib_compat' in sys.modules  # the package itself stays
    httplib_compat.uninstall()  # nothing installed: harmless
    assert 'httplib' not in sys.modules


@py3_only
def test_uninstall_restores_a_previous_httplib_entry(clean_httplib):
    import types
    other = types.ModuleType('httplib')
    sys.modules['httplib'] = other
    try:
        httplib_compat.install()
        assert sys.modules['httplib'] is httplib_compat
        httplib_compat.install(native=True)
        httplib_compat.uninstall()
        assert sys.modules['httplib'] is other
    finally:
        sys.modules.pop('httplib', None)


@py3_only
def test_install_native_binds_the_native_face(clean_httplib):
    # Start as if nothing had imported the native face yet; put it back afterwards
    # (other test modules hold it).
    original = sys.modules.pop('httplib_compat.native', None)
    if original is not None:
        del httplib_compat.native
    try:
        check_install_native()
    finally:
        if original is not None:
            sys.modules['httplib_compat.native'] = httplib_compat.native = original


def check_install_native():
    returned = httplib_compat.install(native=True)
    import httplib
    from httplib import HTTPConnection
    import httplib_compat.native as native
    assert httplib is native is returned
    assert HTTPConnection is native.HTTPConnection
    assert issubclass(HTTPConnection, httplib_compat.HTTPConnection)
    # switching faces and back is allowed
    assert httplib_compat.install() is httplib_compat
    assert httplib_compat.install(native=True) is native
    httplib_compat.uninstall()
    # install() imported the native face, so uninstall() takes it away again,
    # the package's attribute too: as if it had never been imported
    assert 'httplib' not in sys.modules
    assert 'httplib_compat.native' not in sys.modules
    assert not hasattr(httplib_compat, 'native')


@py3_only
def test_uninstall_after_the_package_left_sys_modules(tmp_path):
    # Test suites that purge sys.modules between install() and uninstall() (a
    # fresh interpreter here, so the purge touches no other test).
    code = textwrap.dedent("""\
        import sys
        import httplib_compat
        httplib_compat.install(native=True)
        del sys.modules['httplib_compat']
        httplib_compat.uninstall()
        print(sorted(name for name in ('httplib', 'httplib_compat.native') if name in sys.modules))
        """)
    status, out = run_python(['-c', code], str(tmp_path))
    assert (status, out.strip()) == (0, '[]')


@pytest.mark.skipif(not six.PY2, reason='the pass-through exists only on 2.7')
def test_on_python27_install_never_shadows_the_real_httplib():
    import httplib
    assert httplib_compat.install() is httplib
    assert httplib_compat.install(native=True) is httplib
    assert sys.modules['httplib'] is httplib
    httplib_compat.uninstall()
    assert sys.modules['httplib'] is httplib
    assert httplib.__file__.startswith(os.path.dirname(os.__file__))


def test_conftest_recipe_from_the_readme(tmp_path):
    """The conftest.py of docs/unedited-code.rst: install() there, unedited `import httplib` in the tests."""
    (tmp_path / 'conftest.py').write_text(textwrap.dedent(u'''\
        import httplib_compat
        httplib_compat.install()
        '''))
    (tmp_path / 'test_legacy.py').write_text(textwrap.dedent(u'''\
        import sys
        import httplib
        from httplib import HTTPConnection, OK

        def test_legacy_code_gets_a_working_httplib():
            assert OK == 200 and str(OK) == '200'
            conn = HTTPConnection('127.0.0.1', 80)
            assert isinstance(conn, httplib.HTTPConnection)
            if sys.version_info[0] >= 3:
                import http.client
                assert isinstance(conn, http.client.HTTPConnection)
                assert httplib.__name__ == 'httplib_compat'
            else:
                assert httplib.__name__ == 'httplib'
        '''))
    env = dict(os.environ)
    env['PYTHONPATH'] = os.path.dirname(os.path.dirname(os.path.abspath(httplib_compat.__file__)))
    proc = subprocess.Popen([sys.executable, '-m', 'pytest', '-q', '-p', 'no:cacheprovider', str(tmp_path)],
                            cwd=str(tmp_path), env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    out = proc.communicate()[0].decode('utf-8', 'replace')
    assert proc.returncode == 0, out
    assert '1 passed' in out, out


# -- 2.7's own xmlrpclib, unedited apart from syntax, through install() --------

if six.PY2:
    from SimpleXMLRPCServer import SimpleXMLRPCServer
else:
    from xmlrpc.server import SimpleXMLRPCServer


class RemoteError(Exception):
    pass


@pytest.fixture
def xmlrpc_server():
    server = SimpleXMLRPCServer(('127.0.0.1', 0), logRequests=False, allow_none=True)
    server.register_function(lambda a, b: a + b, 'add')
    server.register_function(lambda value: value, 'echo')
    server.register_function(lambda n: 'x' * n, 'text')

    def fail():
        raise RemoteError('nope')
    server.register_function(fail, 'fail')
    server.register_multicall_functions()
    thread = threading.Thread(target=server.serve_forever)
    thread.daemon = True
    thread.start()
    yield 'http://127.0.0.1:%d/RPC2' % server.server_address[1]
    server.shutdown()
    server.server_close()
    thread.join(5)


def load_py27_xmlrpclib():
    """A fresh copy of tests/data/xmlrpclib_py27.py; its `import httplib` runs now."""
    name = 'xmlrpclib_py27_under_test'
    path = os.path.join(DATA, 'xmlrpclib_py27.py')
    sys.modules.pop(name, None)
    if six.PY2:
        import imp
        return imp.load_source(name, path)
    import importlib.util
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # as an import would: the module looks itself up
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


@pytest.mark.parametrize('native', [False, True], ids=['bytes', 'native'])
def test_python27_xmlrpclib_runs_through_install(clean_httplib, xmlrpc_server, native):
    face = httplib_compat.install(native=native)
    xmlrpclib = load_py27_xmlrpclib()
    if six.PY2:
        import httplib
        assert xmlrpclib.httplib is httplib
    else:
        assert xmlrpclib.httplib is face
        assert face.__name__ == ('httplib_compat.native' if native else 'httplib_compat')

    proxy = xmlrpclib.ServerProxy(xmlrpc_server, allow_none=True)
    assert proxy.add(2, 3) == 5
    value = ['text', 7, 2.5, True, None, {'k': ['v', 1]}]
    assert proxy.echo(value) == value
    # 2.7.18's Transport keeps the connection open: the next call reuses it.
    transport = proxy._ServerProxy__transport
    first_connection = transport._connection[1]
    assert isinstance(first_connection, face.HTTPConnection)
    assert proxy.add(-1, 1) == 0
    assert transport._connection[1] is first_connection

    with pytest.raises(xmlrpclib.Fault) as info:
        proxy.fail()
    assert 'nope' in info.value.faultString

    multi = xmlrpclib.MultiCall(proxy)
    multi.add(1, 2)
    multi.echo('x')
    assert list(multi()) == [3, 'x']

    if not native:
        # Big enough for the server to gzip it (the client offers gzip): the
        # body goes through GzipDecodedResponse(response.read()), which needs bytes.
        assert proxy.text(5000) == 'x' * 5000


@py3_only
def test_python27_xmlrpclib_without_install_cannot_import(clean_httplib):
    with pytest.raises(ImportError):
        load_py27_xmlrpclib()
