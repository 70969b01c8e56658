"""Migration warnings: ``Py2CompatWarning`` and the one function that emits it.

Every adaptation that restores a Python-2-only behaviour calls ``warn_py2`` with
the Python 3 idiom to move to.  The category subclasses DeprecationWarning, so
it is silent by default.  ``warn_py2`` gives exactly the outcome ``warnings.warn``
would (shown, raised or ignored), but where the active filters ignore the
category it returns without entering the ``warnings`` machinery: it reads the
filters through a summary that is made again whenever the filter list differs,
in any entry, from the one the summary was made from.  (One difference, on
CPython 3.6 only: its warnings.warn also remembered an ignored call site until
the next change through the warnings functions; 3.7 dropped that, bpo-27535, and
the shim follows 3.7+ everywhere.)

While a migration report is recording (httplib_compat/report.py), every call is
counted first, whatever the filters then decide.
"""
import os
import re
import sys
import warnings

try:  # Python 3: threading.RLock itself, without the cost of importing threading
    from _thread import RLock
except ImportError:  # Python 2.7, where the pass-through never counts a use
    from threading import RLock


class Py2CompatWarning(DeprecationWarning):
    """A Python 2 only httplib behaviour was used; the message names the Python 3 idiom."""


def warning_text(what, idiom):
    """The message of the warning for ``what``; the stubs' @deprecated say the same."""
    return '%s is Python 2 httplib behaviour; on Python 3 use %s' % (what, idiom)


# 3.14's -X context_aware_warnings: catch_warnings() then swaps a context
# variable's filter list, and warnings.filters stays the global one.
if getattr(sys.flags, 'context_aware_warnings', False):
    _context_var = warnings._warnings_context
else:
    _context_var = None

# CPython 3.7 (PEP 565) compares a plain-str module in a filter with the
# caller's __name__; 3.6 calls .match() on it and fails.
_PLAIN_MODULE_NAMES = sys.version_info >= (3, 7)
_PATTERN = type(re.compile(''))

# What the summary says for a call: return at once, or hand it to warnings.warn.
_SILENT = 'silent'
_ASK = 'ask'


def _active_filters():
    if _context_var is not None:
        context = _context_var.get(None)
        if context is not None:
            return context._filters
    return warnings.filters


def _matches_everything(pattern):
    # CPython 3.6's filterwarnings() stores an empty message or module as the
    # pattern re.compile(''); 3.7 stores None.
    return pattern is None or (pattern.__class__ is _PATTERN and pattern.pattern == '')


def _module_matcher(module):
    """``module`` of a filter entry if warn_py2 can test it as warnings does, else None."""
    if module.__class__ is _PATTERN:
        return module
    if module.__class__ is str and _PLAIN_MODULE_NAMES:
        return module
    return None


def _summarise(filters, default_action):
    """What ``warnings.warn`` does with a Py2CompatWarning under ``filters``, as far
    as the caller's module tells: _SILENT, _ASK, or (rules, otherwise) where rules
    are (module matcher, outcome) tried in order on the caller's ``__name__``."""
    if filters.__class__ is not list:
        return _ASK  # warnings reports what is wrong with it
    rules = []
    otherwise = _SILENT if default_action == 'ignore' else _ASK
    for entry in filters:
        if entry.__class__ is not tuple or len(entry) != 5:
            return _ASK
        action, message, category, module, lineno = entry
        try:
            if not issubclass(Py2CompatWarning, category):
                continue
        except TypeError:
            return _ASK
        if not _matches_everything(message) or lineno != 0:
            otherwise = _ASK  # depends on the text or the line: warnings decides
            break
        outcome = _SILENT if action.__class__ is str and action == 'ignore' else _ASK
        if _matches_everything(module):
            otherwise = outcome
            break
        matcher = _module_matcher(module)
        if matcher is None:
            otherwise = _ASK
            break
        rules.append((matcher, outcome))
    # A last rule that agrees with what follows it changes nothing.
    while rules and rules[-1][1] == otherwise:
        rules.pop()
    if not rules:
        return otherwise
    if all(matcher.__class__ is str for matcher, _ in rules):
        # Names compared whole (e.g. Python's default filter for __main__): a
        # dict lookup, the first rule for a name winning as in warnings.
        return dict(reversed(rules)), otherwise
    return tuple(rules), otherwise


# (filters copied, defaultaction, summary) of the last summary made; the fast
# state is the same while no report records, else one no list equals, so that
# every call comes by the counting branch.  One tuple: threads never see a
# half-updated pair.
_NO_STATE = (None, None, _ASK)
_summary_state = _NO_STATE
_fast_state = _NO_STATE

# While reports record, warn_py2 appends each use to one log (one cheap,
# thread-safe list.append per call) and the reports count the log in bulk:
# every _COUNT_EVERY uses, and whenever one is read, starts, stops or changes
# its label.
_reports = ()
_logged_uses = []
_COUNT_EVERY = 2048
# The last use logged: (code, offset of the call in it, what, its log entry).
# The next use from the same call instruction, as a loop makes, reuses the
# entry: reading f_lineno scans the code's line table (1.8 us per read at line
# 300 on CPython 3.13).  The entry's idiom may be an earlier one of the site's:
# the reports name a site's first idiom anyway, and starting one clears this.
# One tuple, so that threads never see a half-updated one.
_NO_USE = (None, None, None, None)
_last_use = _NO_USE
_counting = RLock()  # re-entrant: a signal handler or finaliser may warn mid-count


def _summary_for(filters):
    """The summary of ``filters``, made again only if they changed since the last."""
    global _summary_state, _fast_state
    default_action = warnings.defaultaction
    state = _summary_state
    if filters != state[0] or default_action != state[1]:
        state = (list(filters) if filters.__class__ is list else None, default_action,
                 _summarise(filters, default_action))
        _summary_state = state
    if not _reports:  # else every call must come by to be counted
        _fast_state = state
    return state[2]


_UNKNOWN = object()


def _caller_name(stacklevel):
    """``__name__`` of the module warnings.warn(stacklevel=...) would name, or None
    (no Python caller, e.g. an atexit callback: warnings says "sys").  (warnings
    skips importlib's bootstrap frames; a caller of the shim's methods is never one.)"""
    try:
        return sys._getframe(stacklevel).f_globals.get('__name__')
    except ValueError:
        return None


def warn_py2(what, idiom, stacklevel=3):
    """Warn that Python 2 behaviour ``what`` was used; ``idiom`` is its Python 3 form.

    ``stacklevel`` 3 points at the caller of the shim method that calls this.
    """
    global _last_use
    state = _fast_state
    # Filters for some modules (Python's defaults: __main__): the caller's
    # __name__ decides, as in warnings.  Looked up before the filters are
    # compared, which lets PyPy's JIT keep the frames virtual.
    name = _caller_name(stacklevel) if state[2].__class__ is tuple else _UNKNOWN
    filters = warnings.filters if _context_var is None else _active_filters()
    if filters == state[0] and warnings.defaultaction == state[1]:
        summary = state[2]
    else:
        if _reports:
            # A report records: log the use at the call site warnings names
            # (that frame also gives the caller's __name__ for the filters).
            try:
                caller = sys._getframe(stacklevel - 1)
            except ValueError:  # no Python caller: warnings says '<sys>'
                _logged_uses.append(('<sys>', 0, what, idiom))
                name = None
            else:
                code = caller.f_code
                offset = caller.f_lasti
                last = _last_use
                if last[0] is code and last[1] == offset and last[2] == what:
                    _logged_uses.append(last[3])  # a loop's next use: no f_lineno, no new tuple
                else:
                    use = (code.co_filename, caller.f_lineno, what, idiom)
                    _last_use = (code, offset, what, use)
                    _logged_uses.append(use)
                name = caller.f_globals.get('__name__')
            if len(_logged_uses) >= _COUNT_EVERY:
                count_logged_uses()
            state = _summary_state
        if filters == state[0] and warnings.defaultaction == state[1]:
            summary = state[2]
        else:
            summary = _summary_for(filters)
    if summary is _SILENT:
        return
    if summary is not _ASK:
        rules, otherwise = summary
        if name is _UNKNOWN:
            name = _caller_name(stacklevel)
        if name.__class__ is str:
            if rules.__class__ is dict:
                outcome = rules.get(name, otherwise)
            else:
                for matcher, outcome in rules:
                    if (matcher == name) if matcher.__class__ is str else matcher.match(name):
                        break
                else:
                    outcome = otherwise
            if outcome is _SILENT:
                return
    warnings.warn(warning_text(what, idiom), Py2CompatWarning, stacklevel=stacklevel)


def start_recording(report):
    """Count every warn_py2 call until stopped: ``report.add_uses(uses)`` gets
    the uses, (file, line, what, idiom), in batches (httplib_compat/report.py)."""
    global _reports, _fast_state, _last_use
    with _counting:
        _count_logged_uses_locked()  # the uses so far are not the new report's
        _reports = _reports + (report,)
        _last_use = _NO_USE  # its entry's idiom may not be the first this report sees
        _fast_state = _NO_STATE


def stop_recording(report):
    global _reports, _last_use
    with _counting:
        _count_logged_uses_locked()
        _reports = tuple(r for r in _reports if r is not report)
        _last_use = _NO_USE  # it holds a code object: let it go


def count_logged_uses():
    """Hand the uses logged so far to the recording reports."""
    with _counting:
        _count_logged_uses_locked()


def _count_logged_uses_locked():
    taken = len(_logged_uses)
    if taken:
        uses = _logged_uses[:taken]  # other threads may log meanwhile, past
        del _logged_uses[:taken]     # ``taken``: their uses wait for the next turn
        for report in _reports:
            report.add_uses(uses)


def _record_until_exit(path):
    """HTTPLIB_COMPAT_REPORT=PATH: record from now on, write the JSON report at exit."""
    import atexit
    from httplib_compat.report import MigrationReport
    report = MigrationReport()
    start_recording(report)

    def write():
        stop_recording(report)
        report.write(path)
    atexit.register(write)


if os.environ.get('HTTPLIB_COMPAT_REPORT'):
    _record_until_exit(os.environ['HTTPLIB_COMPAT_REPORT'])


class Py2TextWarning(UserWarning):
    """Text that is not ASCII was encoded without the caller choosing the encoding
    (shown by default; httplib_compat.set_text_encoding() or a connection's
    text_encoding chooses it)."""
