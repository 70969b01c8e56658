"""``install()``: make ``import httplib`` give httplib_compat, for code that cannot be edited yet.

On Python 3 it adds a ``sys.modules['httplib']`` entry (the default face, or
``httplib_compat.native`` with ``native=True``).  On Python 2.7 it does nothing:
the real ``httplib`` is never shadowed.  ``uninstall()`` removes only what
``install()`` added, for test suites.
"""
import importlib
import sys

_MISSING = object()
# What install() changed, so that uninstall() can undo exactly that: the entry
# 'httplib' had before (or _MISSING), and whether install() imported the native face.
_saved_httplib = _MISSING
_imported_native = False


def install(native=False):
    """Bind ``httplib`` to httplib_compat (Python 3; a no-op on 2.7) and return the
    module that ``import httplib`` now gives.  Calling it again is harmless;
    ``native=True`` binds the latin-1 str face instead (and may switch between the two)."""
    global _saved_httplib, _imported_native
    if sys.version_info[0] == 2:
        return importlib.import_module('httplib')
    if native:
        _imported_native = _imported_native or 'httplib_compat.native' not in sys.modules
        module = importlib.import_module('httplib_compat.native')
    else:
        module = importlib.import_module('httplib_compat')
    current = sys.modules.get('httplib', _MISSING)
    if current is not module:
        if not _installed(current):
            _saved_httplib = current  # first install(): remember what was there
        sys.modules['httplib'] = module
    return module


def uninstall():
    """Undo ``install()``: remove (or restore) the ``httplib`` entry it set and the
    native face if install() was the one that imported it.  A no-op when nothing
    is installed, and on 2.7."""
    global _saved_httplib, _imported_native
    if sys.version_info[0] == 2:
        return
    if _installed(sys.modules.get('httplib', _MISSING)):
        if _saved_httplib is _MISSING:
            del sys.modules['httplib']
        else:
            sys.modules['httplib'] = _saved_httplib
    if _imported_native:
        sys.modules.pop('httplib_compat.native', None)
        package = sys.modules.get('httplib_compat')
        if package is not None and 'native' in vars(package):
            del package.native
    _saved_httplib, _imported_native = _MISSING, False


def _installed(module):
    name = getattr(module, '__name__', None)
    return name in ('httplib_compat', 'httplib_compat.native') and module is sys.modules.get(name)
