"""warn_py2 obeys the warning filters exactly as ``warnings.warn`` does.

warn_py2 skips the ``warnings`` machinery when the filters ignore the category;
these tests hold it to the outcome ``warnings.warn`` itself gives (shown, raised
or ignored, with the same file and line), side by side: the shim's warn_py2 and
a plain ``warnings.warn`` of the same text run from the same line of the same
module under the same filters.  The filters are changed every way a program can:
the warnings API, in place, by assignment, inside catch_warnings() (3.14's
context-aware mode included), for one module, one line, one message.
"""
import os
import re
import sys
import textwrap
import types
import warnings

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from httplib_compat import Py2CompatWarning
from httplib_compat._warnings import warn_py2
from httplib_compat.report import recording

from fresh_python import active_filters, run_python

HERE = os.path.dirname(os.path.abspath(__file__))
TEXT = '%s is Python 2 httplib behaviour; on Python 3 use %s'
WHAT, IDIOM = 'msg.getheader()', 'msg.get(name, default) or response.getheader(name)'

# Stands for a program's module calling a method of the shim: warn_py2's
# stacklevel (3) names the line of ``caller``'s call, line 6.
CALLER_SOURCE = '''\
def shim_method(warn):
    warn(%r, %r)


def caller(warn):
    shim_method(warn)
''' % (WHAT, IDIOM)
CALL_LINE = 6


def reference_warn(what, idiom, stacklevel=3):
    """What warn_py2 must be equivalent to."""
    warnings.warn(TEXT % (what, idiom), Py2CompatWarning, stacklevel=stacklevel)


# CPython 3.6 (as 2.7) also remembered an *ignored* warning in the caller's
# __warningregistry__ until the next filter change made through the warnings
# functions, so after an in-place edit of warnings.filters such a site stayed
# silent; 3.7 dropped that (bpo-27535).  warn_py2 skips warnings.warn when the
# filters ignore, so on 3.6 it does not leave that memory (documented in
# docs/measure.rst): there, after an in-place edit, the shim follows 3.7+.
IGNORED_REMEMBERED = sys.version_info < (3, 7)


def make_module(name):
    module = types.ModuleType(name)
    module.__file__ = os.path.join(HERE, name + '.py')
    exec(compile(CALLER_SOURCE, module.__file__, 'exec'), module.__dict__)
    return module


MODULE_A, MODULE_B = make_module('calls_a'), make_module('calls_b')


# Python's own default filters (3.7+: DeprecationWarning shown in __main__ only).
PYTHON_DEFAULTS = [('ignore', None, DeprecationWarning, None, 0),
                   ('ignore', None, PendingDeprecationWarning, None, 0)]
if sys.version_info >= (3, 7):
    PYTHON_DEFAULTS.insert(0, ('default', None, DeprecationWarning, '__main__', 0))


def run_steps(warn, steps):
    """Run ``steps`` (callables; a module means "its caller() calls ``warn``")
    inside catch_warnings(record=True), from Python's default filters; return
    what each call did."""
    outcomes = []
    saved_default, saved_filters = warnings.defaultaction, warnings.filters
    with warnings.catch_warnings(record=True) as log:
        warnings.resetwarnings()
        active_filters()[:] = PYTHON_DEFAULTS
        warnings.onceregistry.clear()
        try:
            for step in steps:
                if not isinstance(step, types.ModuleType):
                    step()
                    continue
                del log[:]
                try:
                    step.caller(warn)
                except Warning as raised:
                    outcomes.append(('raised', step.__name__, type(raised), str(raised)))
                else:
                    # (only ours: a socket another test left may be collected meanwhile)
                    outcomes.append(('shown', step.__name__, [
                        (w.category, str(w.message), w.filename, w.lineno) for w in log
                        if issubclass(w.category, Py2CompatWarning)]))
        finally:
            # catch_warnings() restores warnings.filters, but not when context-aware.
            warnings.defaultaction, warnings.filters = saved_default, saved_filters
    return outcomes


def assert_same_as_warnings(steps, in_place=False):
    """The outcomes of ``steps``, the same for warn_py2 and warnings.warn; with
    ``in_place`` edits of the filters, on 3.6, those of warn_py2 (see above)."""
    expected = run_steps(reference_warn, steps)
    got = run_steps(warn_py2, steps)
    if not (in_place and IGNORED_REMEMBERED):
        assert got == expected
    return got


def shown(outcomes):
    return [len(o[2]) if o[0] == 'shown' else o[0] for o in outcomes]


def test_a_filter_replaced_in_place_is_seen():
    # Same length, same first entry: only the second entry changes.
    def first():
        warnings.simplefilter('ignore', Py2CompatWarning)
        warnings.simplefilter('always', UserWarning)

    def in_place():
        active_filters()[1] = ('always', None, Py2CompatWarning, None, 0)
    outcomes = assert_same_as_warnings([first, MODULE_A, in_place, MODULE_A], in_place=True)
    assert shown(outcomes) == [0, 1]


def test_filters_assigned_in_place_by_slice_are_seen():
    def silent():
        warnings.simplefilter('ignore')

    def loud():
        active_filters()[:] = [('error', None, Warning, None, 0)]
    outcomes = assert_same_as_warnings([silent, MODULE_A, loud, MODULE_A, silent, MODULE_A],
                                       in_place=True)
    assert shown(outcomes) == [0, 'raised', 0]


def test_an_ignore_for_one_line_silences_only_that_line():
    def filters():
        warnings.simplefilter('error')
        warnings.filterwarnings('ignore', category=Py2CompatWarning, lineno=CALL_LINE + 1)
    assert shown(assert_same_as_warnings([filters, MODULE_A])) == ['raised']

    def this_line():
        warnings.simplefilter('error')
        warnings.filterwarnings('ignore', category=Py2CompatWarning, lineno=CALL_LINE)
    assert shown(assert_same_as_warnings([this_line, MODULE_A])) == [0]


def test_an_ignore_for_one_module_silences_only_that_module():
    def filters():
        warnings.simplefilter('always')
        warnings.filterwarnings('ignore', category=Py2CompatWarning, module='calls_a')
    outcomes = assert_same_as_warnings([filters, MODULE_A, MODULE_B, MODULE_A])
    assert shown(outcomes) == [0, 1, 0]


@pytest.mark.parametrize('ignored', ['calls_b', 'calls_a'])
def test_module_filters_by_name_and_by_pattern_together(ignored):
    # Plain-str module names (3.7+) beside compiled patterns: tried in order.
    name = ignored if sys.version_info >= (3, 7) else re.compile(ignored + r'\Z')

    def filters():
        active_filters()[:] = [('ignore', None, Py2CompatWarning, name, 0),
                               ('always', None, Py2CompatWarning, re.compile('calls_'), 0),
                               ('ignore', None, Warning, None, 0)]
    outcomes = assert_same_as_warnings([filters, MODULE_A, MODULE_B, MODULE_A])
    assert shown(outcomes) == ([1, 0, 1] if ignored == 'calls_b' else [0, 1, 0])


def test_a_module_filter_applies_whatever_the_module_is_called():
    # A user's module may have any name, even one the shim uses for itself, and
    # the filter's name may be built at run time (equal, not the same object),
    # beside a pattern or not.
    for called, pattern in [('silent', None), ('ask', None), ('calls_c', 'no_such_module')]:
        caller = make_module(called)
        name = called[:1] + called[1:]
        name = name if sys.version_info >= (3, 7) else re.compile(name + r'\Z')
        others = [('always', None, Py2CompatWarning, re.compile(pattern), 0)] if pattern else []

        def filters():
            active_filters()[:] = [('always', None, Py2CompatWarning, name, 0)] + others + [
                ('ignore', None, Warning, None, 0)]
        assert shown(assert_same_as_warnings([filters, caller, MODULE_A, caller])) == [1, 0, 1]


def test_switching_ignore_back_to_always():
    def always():
        warnings.simplefilter('always', Py2CompatWarning)

    def ignore():
        warnings.simplefilter('ignore', Py2CompatWarning)
    outcomes = assert_same_as_warnings([always, MODULE_A, ignore, MODULE_A, MODULE_B,
                                        always, MODULE_A, MODULE_A, ignore, MODULE_B])
    assert shown(outcomes) == [1, 0, 0, 1, 1, 0]


def test_a_message_filter_is_matched_on_the_whole_text():
    def filters():
        warnings.simplefilter('ignore')
        warnings.filterwarnings('error', message=re.escape(WHAT), category=Py2CompatWarning)
    assert shown(assert_same_as_warnings([filters, MODULE_A])) == ['raised']

    def other_text():
        warnings.simplefilter('ignore')
        warnings.filterwarnings('error', message='msg.dict', category=Py2CompatWarning)
    assert shown(assert_same_as_warnings([other_text, MODULE_A])) == [0]


def test_default_once_and_module_show_a_warning_once_per_place():
    def default():
        warnings.simplefilter('default', Py2CompatWarning)

    def once():
        warnings.simplefilter('once', Py2CompatWarning)

    def module():
        warnings.simplefilter('module', Py2CompatWarning)
    # The per-module registry keeps "once" to each module, as CPython does.
    for action in (default, once, module):
        assert shown(assert_same_as_warnings([action, MODULE_A, MODULE_A, MODULE_B])) == \
            [1, 0, 1]


@pytest.mark.parametrize('recorded', [False, True], ids=['no report', 'a report records'])
def test_defaultaction_applies_when_no_filter_matches(recorded):
    # A change of defaultaction alone is seen, whether the fast path or (while
    # a report records) the counting branch decides.  (Each scenario starts from
    # filters of its own, which match no Py2CompatWarning.)
    def ignore_by_default():
        warnings.defaultaction = 'ignore'

    def error_by_default():
        warnings.defaultaction = 'error'

    def module_by_default():
        warnings.defaultaction = 'module'
    for other, then, expected in [(UserWarning, error_by_default, [0, 'raised']),
                                  (ResourceWarning, module_by_default, [0, 1, 1])]:
        steps = [set_filters([('error', None, other, None, 0)]), ignore_by_default, MODULE_A,
                 then, MODULE_A, MODULE_B][:len(expected) + 3]
        if recorded:
            with recording():
                outcomes = assert_same_as_warnings(steps, in_place=True)
        else:
            outcomes = assert_same_as_warnings(steps, in_place=True)
        assert shown(outcomes) == expected


def test_python_default_filters_show_main_only():
    # What `python prog.py` starts with (3.7+): default::DeprecationWarning:__main__.
    main = make_module('__main__')

    def defaults():
        active_filters()[:] = [('default', None, DeprecationWarning, '__main__', 0),
                               ('ignore', None, DeprecationWarning, None, 0)]
    if sys.version_info >= (3, 7):
        assert shown(assert_same_as_warnings([defaults, MODULE_A, main, MODULE_B, main])) == \
            [0, 1, 0, 0]
    else:  # 3.6's warnings cannot match a plain-str module: both fail alike
        for warn in (reference_warn, warn_py2):
            with pytest.raises(AttributeError):
                run_steps(warn, [defaults, MODULE_A])


# -- any filters, changed any way between calls: hypothesis -------------------

ACTIONS = ['error', 'ignore', 'always', 'default', 'module', 'once', 'ignore', 'ignore']
CATEGORIES = [Warning, DeprecationWarning, Py2CompatWarning, UserWarning]
# Weighted towards entries that apply to every call, the ones warn_py2 summarises.
MESSAGES = [None] * 3 + [re.compile(re.escape(WHAT)), re.compile('msg.dict'),
                         re.compile('.*Python 2', re.I)]
MODULES = [None] * 3 + [re.compile('calls_a'), re.compile(r'calls_b\Z'), re.compile('calls')]
if sys.version_info >= (3, 7):
    MODULES += ['calls_a', '__main__']  # plain strings are compared whole since 3.7
entries = st.tuples(st.sampled_from(ACTIONS), st.sampled_from(MESSAGES),
                    st.sampled_from(CATEGORIES), st.sampled_from(MODULES),
                    st.sampled_from([0, 0, CALL_LINE, CALL_LINE + 1]))
filter_lists = st.lists(entries, max_size=4)


class Step(object):
    """A change of the filters, named by what it does (hypothesis prints it)."""

    def __init__(self, label, change):
        self.label, self.change = label, change

    def __call__(self):
        self.change()

    def __repr__(self):
        return self.label


def set_filters(new):
    return Step('filters[:] = %r' % (new,), lambda: active_filters().__setitem__(slice(None), new))


def replace_entry(index, entry):
    def change():
        filters = active_filters()
        if filters:
            filters[index % len(filters)] = entry
    return Step('filters[%d %% len] = %r' % (index, entry), change)


def assign_list(new):
    return Step('warnings.filters = %r' % (new,), lambda: setattr(warnings, 'filters', list(new)))


def api_filter(action, category, module, append):
    return Step('filterwarnings(%r, category=%s, module=%r, append=%r)' % (
        action, category.__name__, module, append),
        lambda: warnings.filterwarnings(action, category=category, module=module, append=append))


def default_action(action):
    return Step('defaultaction = %r' % action, lambda: setattr(warnings, 'defaultaction', action))


api_steps = [
    st.builds(api_filter, st.sampled_from(ACTIONS), st.sampled_from(CATEGORIES),
              st.sampled_from(['', 'calls_a', 'calls_b']), st.booleans()),
    st.just(Step('resetwarnings()', warnings.resetwarnings)),
]
in_place_steps = [
    filter_lists.map(set_filters),
    filter_lists.map(assign_list),
    st.builds(replace_entry, st.integers(0, 4), entries),
    st.sampled_from(ACTIONS).map(default_action),
]
changes = st.one_of(*(api_steps if IGNORED_REMEMBERED else api_steps + in_place_steps))
# Rounds of up to two changes, then a call from one of the modules.
rounds = st.tuples(st.lists(changes, max_size=2), st.sampled_from([MODULE_A, MODULE_B]))
scenarios = st.lists(rounds, min_size=1, max_size=6).map(
    lambda rounds: [step for round_changes, call in rounds for step in round_changes + [call]])
EXAMPLES = int(os.environ.get('HTTPLIB_COMPAT_FUZZ_EXAMPLES') or 300)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 300,
          suppress_health_check=[HealthCheck.too_slow])
@given(scenarios)
def test_any_filters_any_change_same_outcome_as_warnings(scenario):
    assert_same_as_warnings(scenario)


class ModuleMatcher(object):
    """Not a compiled pattern, but warnings calls any .match() of a filter."""

    def match(self, name):
        return name == 'calls_a'


def test_filters_warnings_would_reject_or_match_oddly_give_the_same_outcome():
    odd_filter_lists = [
        [('always', None, Warning, ModuleMatcher(), 0)],
        [('always', None, Warning, ModuleMatcher(), 0), ('ignore', None, Warning, None, 0)],
        [('ignore', None, Warning, b'calls_a', 0), ('ignore', None, Warning, None, 0)],
        [('ignore', None, 'not a class', None, 0)],
        [['ignore', None, Warning, None, 0]],
        [('ignore', None, Warning, None)],
        [(b'ignore', None, Warning, None, 0)],
        [('ignore', None, Warning, None, 0, 'a sixth item')],
    ]
    scenarios = [[default_action('ignore'), set_filters(filters), MODULE_A, MODULE_B]
                 for filters in odd_filter_lists]
    # A negative line number, which no call has: warnings never matches it.
    scenarios.append([default_action('always'), set_filters([('ignore', None, Warning, None, -1)]),
                      MODULE_A])
    # Not a list (CPython refuses it, PyPy takes it).
    scenarios.append([Step('warnings.filters = a tuple', lambda: setattr(
        warnings, 'filters', tuple(PYTHON_DEFAULTS))), MODULE_A])
    for steps in scenarios:
        outcomes = {}
        for warn in (reference_warn, warn_py2):
            try:
                outcomes[warn] = run_steps(warn, steps)
            except Exception as error:  # warnings refuses some: the shim must do the same
                outcomes[warn] = type(error), str(error)
        assert outcomes[warn_py2] == outcomes[reference_warn], steps
    assert shown(run_steps(warn_py2, scenarios[0])) == [1, 0]


# -- the fast path: a silent call never enters warnings -----------------------

def no_warnings_call(*args, **kwargs):
    raise AssertionError('warnings.warn called for a Py2CompatWarning the filters ignore')


SILENT_FILTERS = {
    "Python's defaults, from a library module": PYTHON_DEFAULTS,
    'an ignore for the calling module': [
        ('ignore', None, Py2CompatWarning, re.compile('calls_a'), 0),
        ('always', None, Warning, None, 0)],
    'filters for other categories first': [
        ('error', None, UserWarning, None, 0),
        ('error', re.compile('x'), ResourceWarning, None, 7),
        ('ignore', None, DeprecationWarning, None, 0)],
    'no filter, defaultaction ignore': [],
}


def test_silent_calls_skip_the_warnings_machinery(monkeypatch):
    for label, filters in sorted(SILENT_FILTERS.items()):
        with warnings.catch_warnings():
            active_filters()[:] = filters
            saved = warnings.defaultaction
            warnings.defaultaction = 'ignore' if not filters else saved
            try:
                with monkeypatch.context() as patch:
                    patch.setattr(warnings, 'warn', no_warnings_call)
                    for _ in range(3):
                        MODULE_A.caller(warn_py2)
            finally:
                warnings.defaultaction = saved


# -- fresh interpreters --------------------------------------------------------

MAIN_SCRIPT = textwrap.dedent('''\
    import atexit
    import httplib_compat as httplib

    conn = httplib.HTTPConnection('127.0.0.1', 80, True)
    atexit.register(httplib.FakeSocket, None, 'sslobj')  # called with no Python caller
    print('done')
    ''')


def test_a_main_script_under_default_filters_shows_its_warning(tmp_path):
    (tmp_path / 'prog.py').write_text(MAIN_SCRIPT)
    code, out = run_python(['prog.py'], str(tmp_path))
    assert code == 0, out
    assert 'Traceback' not in out and 'Exception ignored' not in out, out
    lines = [line for line in out.splitlines() if 'Py2CompatWarning' in line]
    if sys.version_info >= (3, 7):  # PEP 565: DeprecationWarnings of __main__ are shown
        assert len(lines) == 1, out
        assert lines[0].endswith('prog.py:4: Py2CompatWarning: HTTPConnection(strict=...) is '
                                 'Python 2 httplib behaviour; on Python 3 use nothing: Python 3 '
                                 'has no strict mode (pass timeout= by keyword)'), out
    else:
        assert lines == [], out
    assert 'done' in out.splitlines(), out  # (stdout and stderr share the pipe, in any order)


CONTEXT_SCRIPT = textwrap.dedent('''\
    import sys, threading, warnings
    import httplib_compat as httplib

    def use():
        httplib.FakeSocket(None, 'sslobj')

    warnings.simplefilter('ignore', httplib.Py2CompatWarning)
    use()
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter('always', httplib.Py2CompatWarning)
        use()
    print('inside catch_warnings:', len(log))
    use()
    with warnings.catch_warnings():
        warnings.simplefilter('error', httplib.Py2CompatWarning)
        try:
            use()
            print('error filter: not raised')
        except httplib.Py2CompatWarning:
            print('error filter: raised')
    print('context-aware:', bool(getattr(sys.flags, 'context_aware_warnings', False)))
    ''')


def test_filters_set_inside_catch_warnings_are_honoured_context_aware_or_not(tmp_path):
    # -X context_aware_warnings=1 is 3.14's; older interpreters ignore the option,
    # and the same program must behave the same.
    (tmp_path / 'prog.py').write_text(CONTEXT_SCRIPT)
    code, out = run_python(['-X', 'context_aware_warnings=1', 'prog.py'], str(tmp_path))
    assert code == 0, out
    assert 'inside catch_warnings: 1\n' in out, out
    assert 'error filter: raised\n' in out, out
    context_aware = sys.version_info >= (3, 14) and not hasattr(sys, 'pypy_version_info')
    assert ('context-aware: %s' % context_aware) in out, out


@pytest.mark.skipif(not hasattr(sys.flags, 'context_aware_warnings'),
                    reason='-X context_aware_warnings is new in CPython 3.14')
def test_this_module_passes_with_context_aware_warnings(tmp_path):
    # Every test above again, with catch_warnings() switching a context variable.
    code, out = run_python(['-X', 'context_aware_warnings=1', '-m', 'pytest', '-q',
                            '-p', 'no:cacheprovider', '-k', 'not context_aware_warnings',
                            os.path.abspath(__file__)], str(tmp_path),
                           HTTPLIB_COMPAT_FUZZ_EXAMPLES='100')
    assert code == 0, out
    assert ' passed' in out and 'failed' not in out, out
