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


def test_importing_the_package_loads_only_six_beyond_what_httplib_loads(tmp_path):
    # Each module a fresh process must find and load adds to the import-time
    # target (docs/performance.rst); e.g. threading cost about 1 ms on 3.13.
    from fresh_python import run_python
    httplib_name = 'httplib' if six.PY2 else 'http.client'
    code, out = run_python(['-c', (
        'import sys, %s, six\n'
        'before = set(sys.modules)\n'
        'import httplib_compat\n'
        'print(" ".join(m for m in set(sys.modules) - before\n'
        '               if m.split(".")[0] != "httplib_compat"))\n') % httplib_name], str(tmp_path))
    assert code == 0, out
    # 2.7 has no import-time target: its pass-through may load its lock's threading
    # and install()'s importlib.
    allowed = set(['threading', 'importlib', 'importlib.sys']) if six.PY2 else set()
    assert set(out.split()) <= allowed


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
    # arguments, f-strings...).  And without a SyntaxWarning (`is` with a
    # literal, an invalid escape): under `python -W error` with no cached
    # bytecode, importing the package would fail.
    import os
    import warnings
    folder = os.path.dirname(httplib_compat.__file__)
    for name in sorted(os.listdir(folder)):
        if name.endswith('.py'):
            with open(os.path.join(folder, name), 'rb') as source:
                with warnings.catch_warnings():
                    warnings.simplefilter('error')
                    compile(source.read(), name, 'exec')


def test_the_mutation_run_has_tests_chosen_for_every_module_with_code():
    # tests/tools/mutation.py --all must reach the whole package: each module
    # with code to mutate has its selection of tests, and each selected file exists.
    import ast
    import os
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sys.path.insert(0, os.path.join(root, 'tests', 'tools'))
    try:
        import mutation
    finally:
        sys.path.pop(0)
    package = os.path.join(root, 'httplib_compat')
    # What a mutation operator changes: definitions, branches, operators, numbers.
    mutable = (ast.FunctionDef, ast.ClassDef, ast.If, ast.For, ast.While, ast.Try
               if hasattr(ast, 'Try') else ast.TryExcept, ast.BinOp, ast.BoolOp,
               ast.Compare, ast.UnaryOp, ast.AugAssign, ast.Num if sys.version_info < (3, 8)
               else ast.Constant)
    with_code = set()
    for name in os.listdir(package):
        if name.endswith('.py'):
            with open(os.path.join(package, name), 'rb') as source:
                tree = ast.parse(source.read())
            if any(isinstance(node, mutable) and not (
                    # a str constant (docstrings, names) is not mutated
                    sys.version_info >= (3, 8) and isinstance(node, ast.Constant)
                    and isinstance(node.value, str))
                   for node in ast.walk(tree)):
                with_code.add(name)
    assert sorted(with_code - set(mutation.SELECTION)) == []
    # Every equivalent mutant listed parses (four fields) and names such a module.
    assert set(module for module, _, _ in mutation.equivalent_mutants()) <= set(mutation.SELECTION)
    for tests in mutation.SELECTION.values():
        for test in tests:
            if not test.startswith('-'):
                assert os.path.exists(os.path.join(root, test.split('::')[0])), test
