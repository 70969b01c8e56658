"""pytest plugin: count the Python-2-only httplib uses a test session makes.

Loaded only on request (installing httplib_compat changes no one's pytest)::

    pytest -p httplib_compat.pytest_plugin --httplib-compat-report=report.json
    # or, in a conftest.py:  pytest_plugins = ['httplib_compat.pytest_plugin']

``--httplib-compat-report`` records every ``Py2CompatWarning`` of the session,
whatever the warning filters, per call site (file, line, what, the Python 3
idiom, count, first test), prints the table sorted by count at the end, and with
``=PATH`` writes the JSON report there (an earlier report at PATH gives the
change since).  Write the option with ``=``: a space would take the next
argument as PATH.
"""
import os

import pytest

from httplib_compat import _warnings
from httplib_compat import report as _report


def pytest_addoption(parser):
    group = parser.getgroup('httplib_compat', 'httplib_compat migration report')
    group.addoption(
        '--httplib-compat-report', nargs='?', const='', default=None, metavar='PATH',
        dest='httplib_compat_report',
        help='count the Python-2-only httplib uses per call site, whatever the warning '
             'filters; print the table at the end and, with =PATH, write it as JSON')


def pytest_configure(config):
    path = config.getoption('httplib_compat_report')
    if path is None:
        return
    if path:
        if (os.path.isdir(path) or
                os.path.exists(path) and os.path.getsize(path) and _report.load(path) is None):
            # Most likely a test path taken as PATH ("--httplib-compat-report tests").
            raise pytest.UsageError(
                '--httplib-compat-report: %s exists and is no httplib_compat report; not '
                'overwriting it: write the option as --httplib-compat-report=PATH' % path)
        if not os.path.isdir(os.path.dirname(os.path.abspath(path))):
            # Now, not as an internal error once the whole session has run.
            raise pytest.UsageError(
                '--httplib-compat-report: cannot write %s: no such directory' % path)
    config.pluginmanager.register(ReportPlugin(config, path), 'httplib_compat_report')


class ReportPlugin(object):
    """Records from configuration (collection included) to the end of the session."""

    def __init__(self, config, path):
        self.path = path
        self.root = str(getattr(config, 'rootpath', None) or config.rootdir)
        self.previous = _report.load(path) if path else None
        self.report = _report.MigrationReport()
        self.finished = False
        _warnings.start_recording(self.report)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item, nextitem):
        self.report.label = item.nodeid
        try:
            yield
        finally:
            self.report.label = None

    def pytest_sessionfinish(self, session):
        self.finish()

    def pytest_unconfigure(self, config):
        self.finish()

    def finish(self):
        if self.finished:
            return
        self.finished = True
        _warnings.stop_recording(self.report)
        if self.path:
            self.report.write(self.path, self.root)

    def pytest_terminal_summary(self, terminalreporter):
        terminalreporter.write_sep('=', 'httplib_compat migration report')
        terminalreporter.write(self.report.format_table(self.root, self.previous))
        if self.path:
            terminalreporter.write_line('JSON report: %s' % self.path)
