"""Migration warnings: ``Py2CompatWarning`` and the one function that emits it.

Every adaptation that restores a Python-2-only behaviour calls ``warn_py2`` with
the Python 3 idiom to move to.  The category subclasses DeprecationWarning, so
it is silent by default; while it is silent, ``warn_py2`` costs one cached
comparison and never enters the ``warnings`` machinery.
"""
import sys
import warnings


class Py2CompatWarning(DeprecationWarning):
    """A Python 2 only httplib behaviour was used; the message names the Python 3 idiom."""


_ALWAYS, _NEVER = True, False
_cache_key = None
_cache_decision = _ALWAYS


def _filters_key(filters):
    return id(filters), len(filters), filters[0] if filters else None


def _decide():
    """Walk the filters as ``warnings`` would for a Py2CompatWarning: the result
    is _ALWAYS, _NEVER, or the modules whose call sites it would show, as
    (names compared whole, compiled patterns)."""
    names, patterns = set(), []
    for action, message, category, module, _lineno in warnings.filters:
        if not issubclass(Py2CompatWarning, category):
            continue
        if message is not None:
            return _ALWAYS  # depends on the text: let warnings decide
        if module is None:
            if action == 'ignore':
                return (frozenset(names), tuple(patterns)) if names or patterns else _NEVER
            return _ALWAYS
        if action == 'ignore':
            return _ALWAYS  # a module-specific ignore: let warnings decide
        # e.g. Python's default for __main__.  Filters hold compiled patterns, or
        # plain strings compared whole (the interpreter's own default filters).
        if isinstance(module, str):
            names.add(module)
        else:
            patterns.append(module)
    return _ALWAYS


def warn_py2(what, idiom, stacklevel=3):
    """Warn that Python 2 behaviour ``what`` was used; ``idiom`` is its Python 3 form.

    ``stacklevel`` 3 points at the caller of the shim method that calls this.
    """
    global _cache_key, _cache_decision
    key = _filters_key(warnings.filters)
    if key != _cache_key:
        _cache_decision, _cache_key = _decide(), key
    decision = _cache_decision
    if decision is _NEVER:
        return
    if decision is not _ALWAYS:
        # The common case on a hot path: Python's defaults show it for __main__ only.
        names, patterns = decision
        caller = sys._getframe(stacklevel - 1).f_globals.get('__name__', '')
        if caller not in names and not (patterns and any(
                pattern.match(caller) is not None for pattern in patterns)):
            return
    warnings.warn('%s is Python 2 httplib behaviour; on Python 3 use %s' % (what, idiom),
                  Py2CompatWarning, stacklevel=stacklevel)


class Py2TextWarning(UserWarning):
    """Text that is not ASCII was encoded without the caller choosing the encoding
    (shown by default; httplib_compat.set_text_encoding() or a connection's
    text_encoding chooses it)."""
