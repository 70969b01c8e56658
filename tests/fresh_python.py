"""``run_python``: this interpreter in a fresh process, importing httplib_compat from
the code under test, with none of the caller's warning settings (for tests of
what a program sees: default filters, -W, -X, HTTPLIB_COMPAT_REPORT...), and
``active_filters``: the filter list this process's warnings.warn reads."""
import os
import subprocess
import sys
import warnings

import httplib_compat

SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(httplib_compat.__file__)))
# Settings that would change what the child sees, unless a test passes them.
_CLEARED = ('PYTHONWARNINGS', 'HTTPLIB_COMPAT_REPORT', 'PYTEST_ADDOPTS')


def run_python(args, cwd, **environ):
    """(exit code, stdout and stderr as text) of ``python ARGS`` run in ``cwd``."""
    env = dict((name, value) for name, value in os.environ.items() if name not in _CLEARED)
    env.update(environ)
    env['PYTHONPATH'] = SOURCE_ROOT
    proc = subprocess.Popen([sys.executable] + list(args), env=env, cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = proc.communicate()[0].decode('utf-8', 'replace')
    return proc.returncode, out


def active_filters():
    """The list warnings.warn reads now: under 3.14's -X context_aware_warnings=1
    each catch_warnings() has its own, and warnings.filters is the global one."""
    get_filters = getattr(warnings, '_get_filters', None)
    return warnings.filters if get_filters is None else get_filters()
