"""The package's top: which httplib you get on each interpreter."""
import sys

import six

import httplib_compat


def test_version_is_a_string():
    assert isinstance(httplib_compat.__version__, str)
    assert httplib_compat.__version__.count('.') == 2


def test_setup_cfg_declares_the_package_version():
    # setup.cfg holds the version as a literal (reading it with `attr:` would import
    # the package, and six, in pip's isolated build); the two must agree.
    import os
    import re
    setup_cfg = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'setup.cfg')
    with open(setup_cfg) as f:
        declared = re.findall(r'^version = (\S+)$', f.read(), re.MULTILINE)
    assert declared == [httplib_compat.__version__]


def test_the_version_branch_gives_real_httplib_on_2_and_the_adapter_on_3():
    if six.PY2:
        import httplib
        for name in ('HTTPConnection', 'HTTPSConnection', 'HTTPResponse', 'HTTPMessage',
                     'HTTP', 'HTTPS', 'HTTPException', 'error', 'responses', 'OK'):
            assert getattr(httplib_compat, name) is getattr(httplib, name), name
        assert httplib_compat.__all__ == httplib.__all__
    else:
        import http.client
        assert issubclass(httplib_compat.HTTPConnection, http.client.HTTPConnection)
        assert issubclass(httplib_compat.HTTPSConnection, http.client.HTTPSConnection)
        assert issubclass(httplib_compat.HTTPResponse, http.client.HTTPResponse)
        assert issubclass(httplib_compat.HTTPMessage, http.client.HTTPMessage)
        assert httplib_compat.HTTPException is http.client.HTTPException
        assert httplib_compat.error is http.client.HTTPException


def test_the_package_under_test_is_the_one_tox_installed():
    # Under tox the wheel, not the source tree, must be what the tests import:
    # that is how a missing file in the wheel shows up.
    import os
    if os.environ.get('TOX_ENV_NAME'):
        assert 'site-packages' in httplib_compat.__file__


def test_every_public_name_of_python27_exists():
    import json
    import os
    ref = os.path.join(os.path.dirname(__file__), 'data', 'py27_names.json')
    with open(ref) as f:
        names = json.load(f)
    missing = [n for n in names if not hasattr(httplib_compat, n)]
    assert missing == []


def test_every_module_parses_on_this_interpreter():
    # One universal wheel: pip byte-compiles all of it on 2.7 too, so the
    # Python 3-only modules must still be valid 2.7 syntax (no keyword-only
    # arguments, f-strings...).
    import os
    folder = os.path.dirname(httplib_compat.__file__)
    for name in sorted(os.listdir(folder)):
        if name.endswith('.py'):
            with open(os.path.join(folder, name), 'rb') as source:
                compile(source.read(), name, 'exec')
