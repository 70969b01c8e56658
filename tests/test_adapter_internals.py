"""httplib_compat/_internals.py: the one list of private http.client/email names.

The list must be complete (every private name of http.client or email that the
package touches is in it), have no stale entries, and be enforced: an
interpreter that lacks any entry fails ``import httplib_compat`` with an
ImportError naming it.
"""
import ast
import os
import platform
import subprocess
import sys
import types

import http.client
import email.message
from email import _parseaddr, _policybase

import pytest

import httplib_compat
from httplib_compat import _internals

PACKAGE = os.path.dirname(os.path.abspath(httplib_compat.__file__))
SOURCES = sorted(os.path.join(PACKAGE, name) for name in os.listdir(PACKAGE)
                 if name.endswith('.py'))
# The shim's own copies of 2.7's module constants (D01), not read from http.client.
SHIM_OWN = frozenset(['_MAXLINE', '_MAXHEADERS', '_MAXINTERIMRESPONSES', '_UNKNOWN'])


def _private(name):
    return name.startswith('_') and not (name.startswith('__') and name.endswith('__'))


def _code_names(code, names):
    names.update(getattr(code, 'co_names', ()))  # PyPy's built-in functions have none
    for const in getattr(code, 'co_consts', ()):
        if isinstance(const, types.CodeType):
            _code_names(const, names)


def names_known_to_the_stdlib():
    """Private names that http.client and the email modules the shim uses define
    or touch on this interpreter (their module/class attributes and every
    attribute name their code reads or sets)."""
    names = set()
    for module in (http.client, email.message, _parseaddr, _policybase):
        names.update(vars(module))
        for value in vars(module).values():
            members = vars(value).values() if isinstance(value, type) else [value]
            if isinstance(value, type):
                names.update(vars(value))
            for member in members:
                member = getattr(member, '__func__', member)
                member = getattr(member, 'fget', member)
                code = getattr(member, '__code__', None)
                if code is not None:
                    _code_names(code, names)
    return set(name for name in names if _private(name))


def names_used_by_the_package():
    """{name: [file:line, ...]} of every private name the package's sources
    access as an attribute, define as a method, or import from a private module."""
    used = {}
    for path in SOURCES:
        with open(path) as source:
            tree = ast.parse(source.read(), path)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                name = node.attr
            elif isinstance(node, ast.FunctionDef):
                name = node.name
            elif (isinstance(node, ast.ImportFrom) and node.module and '._' in node.module
                  and not node.module.startswith('httplib_compat')):
                name = node.module
            elif isinstance(node, ast.Import):
                name = ' '.join(alias.name for alias in node.names if '._' in alias.name)
            else:
                continue
            if name:
                used.setdefault(name, []).append('%s:%d' % (os.path.basename(path), node.lineno))
    return used


LISTED = set(entry.name for entry in _internals.REQUIRED)


def test_every_private_stdlib_name_the_package_touches_is_listed():
    known = names_known_to_the_stdlib()
    used = names_used_by_the_package()
    unlisted = dict((name, where) for name, where in used.items()
                    if name in known and name not in LISTED and name not in SHIM_OWN)
    assert unlisted == {}, 'add these to httplib_compat/_internals.py: %r' % unlisted


def test_private_modules_and_functions_are_imported_only_by_internals():
    # Private modules (email._parseaddr...) and http.client's private module-level
    # names reach the other modules through _internals only.
    offenders = []
    for path in SOURCES:
        if os.path.basename(path) == '_internals.py':
            continue
        with open(path) as source:
            tree = ast.parse(source.read(), path)
        for node in ast.walk(tree):
            module = node.module if isinstance(node, ast.ImportFrom) else None
            if module and ('._' in module and not module.startswith('httplib_compat')
                           or module in ('email', 'http.client')
                           and any(_private(alias.name) for alias in node.names)):
                offenders.append('%s:%d' % (os.path.basename(path), node.lineno))
            elif (isinstance(node, ast.Attribute) and _private(node.attr)
                  and isinstance(node.value, ast.Name) and node.value.id == '_client'):
                offenders.append('%s:%d %s' % (os.path.basename(path), node.lineno, node.attr))
    assert offenders == []


def test_no_stale_entries():
    # Each entry is used by the package (name-mangled ones as written in the
    # source), or links http.client's public methods to the shim's overrides.
    used = names_used_by_the_package()
    links = set(entry.found_in for entry in _internals.REQUIRED)
    exported = set(id(value) for value in vars(_internals).values())
    stale = sorted(entry.name for entry in _internals.REQUIRED
                   if entry.name not in used and entry.name not in links
                   and entry.name.replace('_HTTPConnection', '', 1) not in used
                   and id(getattr(entry.owner, entry.name, None)) not in exported)
    assert stale == []


def test_the_stdlib_has_every_entry_on_this_interpreter():
    _internals.check()  # what the import already did, explicitly


def _entry_id(entry):
    return '%s.%s' % (getattr(entry.owner, '__name__', entry.owner), entry.name)


def _without(code_owner_function, name):
    """A stand-in for an http.client method whose code no longer mentions ``name``."""
    def stand_in(*args, **kwargs):
        return code_owner_function(*args, **kwargs)
    assert name not in stand_in.__code__.co_names
    return stand_in


@pytest.mark.parametrize('entry', _internals.REQUIRED, ids=_entry_id)
def test_a_missing_entry_fails_the_check_naming_it(entry, monkeypatch):
    if entry.found_in is None:
        monkeypatch.delattr(entry.owner, entry.name)
    else:
        original = getattr(entry.owner, entry.found_in)
        monkeypatch.setattr(entry.owner, entry.found_in, _without(original, entry.name))
    with pytest.raises(ImportError) as info:
        _internals.check()
    assert entry.name in str(info.value)
    assert sys.executable in str(info.value)


def test_the_error_is_one_text_naming_each_missing_name_its_user_and_why(monkeypatch):
    # The whole message a user would paste into a report, two names missing:
    # one a module attribute, one an attribute an http.client method's code uses.
    monkeypatch.delattr(http.client, '_is_legal_header_name')
    monkeypatch.setattr(http.client.HTTPResponse, 'peek',
                        _without(http.client.HTTPResponse.peek, '_peek_chunked'))
    with pytest.raises(ImportError) as info:
        _internals.check()
    assert str(info.value) == (
        'httplib_compat %s cannot adapt the http.client of %s %s (%s): it lacks '
        "http.client._is_legal_header_name, for putheader()'s name check (D33); "
        'http.client.HTTPResponse._peek_chunked (used by http.client.HTTPResponse.peek), '
        'for peek() on a chunked body. Please report it with this message.' % (
            httplib_compat.__version__, platform.python_implementation(),
            platform.python_version(), sys.executable))


@pytest.mark.parametrize('deletion, name', [
    ('del http.client.HTTPResponse._safe_read', 'http.client.HTTPResponse._safe_read'),
    ('del http.client._is_legal_header_name', 'http.client._is_legal_header_name'),
])
def test_importing_the_package_fails_with_the_missing_name(deletion, name):
    code = 'import http.client\n%s\nimport httplib_compat\n' % deletion
    proc = subprocess.run([sys.executable, '-c', code], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=60)
    assert proc.returncode != 0
    error = proc.stderr.decode('utf-8', 'replace').strip().splitlines()[-1]
    assert error.startswith('ImportError: httplib_compat ')
    assert name in error
