"""The migration report (httplib_compat/report.py, httplib_compat/pytest_plugin.py):
every Python-2-only use counted per call site whatever the warning filters, from
pytest (--httplib-compat-report), HTTPLIB_COMPAT_REPORT=PATH or recording().

The end-to-end case is the one docs/measure.rst shows: 2.7's own xmlrpclib
(tests/data/xmlrpclib_py27.py) run through install(), reported, then one of its
call sites moved to the idiom the report names, and reported again.
"""
import json
import os
import platform
import shutil
import sys
import textwrap
import threading
import warnings

import pytest

import httplib_compat
from httplib_compat import Py2CompatWarning, _warnings
from httplib_compat.report import MigrationReport, load, recording

from fresh_python import active_filters, run_python
from loopback import answered_response

HERE = os.path.dirname(os.path.abspath(__file__))
XMLRPCLIB = os.path.join(HERE, 'data', 'xmlrpclib_py27.py')
THIS_FILE = os.path.abspath(__file__).rstrip('c')


def line_of(path, text):
    with open(path) as f:
        lines = [i for i, line in enumerate(f, 1) if text in line]
    assert len(lines) == 1, (text, lines)
    return lines[0]


X_A_ANSWER = b'HTTP/1.1 200 OK\r\nX-A: 1\r\nContent-Length: 0\r\n\r\n'


def getheader_twice():
    resp = answered_response(X_A_ANSWER, httplib_compat)
    resp.msg.getheader('x-a')  # the first site
    resp.msg.getheader('x-a')  # the second site
    resp.close()
    resp._test_peer.close()


GETHEADER_LINE = line_of(THIS_FILE, "# the first" + " site")
GETHEADER_IDIOM = 'msg.get(name, default) or response.getheader(name)'


def sites_of(report):
    return [(site['file'], site['line'], site['what'], site['count']) for site in report.sites()]


# -- recording(): whatever the filters -----------------------------------------

@pytest.mark.parametrize('action', ['ignore', 'always', 'default', 'error'])
def test_every_use_is_counted_whatever_the_filters(action):
    with warnings.catch_warnings(record=True):
        warnings.simplefilter(action, Py2CompatWarning)
        with recording() as report:
            for _ in range(3):
                try:
                    getheader_twice()
                except Py2CompatWarning:
                    assert action == 'error'
    second = 1 if action == 'error' else 3  # 'error' stops at the first line
    file = os.path.relpath(THIS_FILE)
    assert sites_of(report) == [(file, GETHEADER_LINE, 'msg.getheader()', 3),
                                (file, GETHEADER_LINE + 1, 'msg.getheader()', second)][
        :1 if action == 'error' else 2]
    assert report.sites()[0]['idiom'] == GETHEADER_IDIOM


def test_nothing_is_counted_outside_recording_and_the_fast_path_comes_back():
    with recording() as outer:
        getheader_twice()
        with recording() as inner:
            getheader_twice()
        getheader_twice()
    getheader_twice()
    assert [site[3] for site in sites_of(outer)] == [3, 3]
    assert [site[3] for site in sites_of(inner)] == [1, 1]
    assert _warnings._reports == ()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', Py2CompatWarning)
        getheader_twice()
        assert _warnings._fast_state[0] == active_filters()  # silent calls skip warnings again


def test_counts_from_many_threads_add_up():
    report = MigrationReport()

    def use():
        for _ in range(500):
            _warnings.warn_py2('x()', 'y()', stacklevel=2)  # counted at this line
    threads = [threading.Thread(target=use) for _ in range(4)]
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', Py2CompatWarning)
        _warnings.start_recording(report)
        try:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        finally:
            _warnings.stop_recording(report)
    line = line_of(THIS_FILE, "# counted at" + " this line")
    assert sites_of(report) == [(os.path.relpath(THIS_FILE), line, 'x()', 2000)]



def use_at_one_line(times):
    for _ in range(times):
        _warnings.warn_py2('x()', 'y()', stacklevel=2)  # the logged line


def test_uses_logged_in_batches_keep_exact_counts_first_labels_and_bounded_memory(monkeypatch):
    # The reports count the log every _COUNT_EVERY uses: make that 3, and check
    # counts across batch edges, a label change mid-batch, a read mid-batch, and
    # that the log never holds more than one batch.
    monkeypatch.setattr(_warnings, '_COUNT_EVERY', 3)
    line = line_of(THIS_FILE, "# the logged" + " line")
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', Py2CompatWarning)
        with recording() as outer:
            use_at_one_line(2)  # logged, not yet counted
            outer.label = 'second'  # the two uses above stay the first label's
            assert [s['count'] for s in outer.sites()] == [2]  # a read counts the log
            with recording() as inner:
                inner.label = 'inner'
                use_at_one_line(7)
                assert len(_warnings._logged_uses) < 3
                getheader_twice()
            outer.label = 'third'
            getheader_twice()
    assert _warnings._logged_uses == []
    rows = [(s['line'], s['count'], s['first_test']) for s in outer.sites()]
    assert rows == [(line, 9, None), (GETHEADER_LINE, 2, 'second'),
                    (GETHEADER_LINE + 1, 2, 'second')]
    rows = [(s['line'], s['count'], s['first_test']) for s in inner.sites()]
    assert rows == [(line, 7, 'inner'), (GETHEADER_LINE, 1, 'inner'),
                    (GETHEADER_LINE + 1, 1, 'inner')]

def test_the_log_holds_less_than_one_batch_of_the_shipped_size():
    uses = 2 * _warnings._COUNT_EVERY + 1
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', Py2CompatWarning)
        with recording() as report:
            use_at_one_line(uses)
            assert len(_warnings._logged_uses) < _warnings._COUNT_EVERY
    assert [s['count'] for s in report.sites()] == [uses]


def test_a_log_that_threads_pushed_past_the_bound_is_counted_at_the_next_use(monkeypatch):
    # Threads appending at once can take the log from below the bound to past it
    # between two checks; the next use must still count it, not let it grow.
    monkeypatch.setattr(_warnings, '_COUNT_EVERY', 3)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', Py2CompatWarning)
        with recording() as report:
            use_at_one_line(2)
            _warnings._logged_uses.append(('racing.py', 1, 'x()', 'y()'))
            _warnings._logged_uses.append(('racing.py', 1, 'x()', 'y()'))  # 4: past 3
            use_at_one_line(1)
            assert _warnings._logged_uses == []
    assert sorted((s['file'], s['count']) for s in report.sites()) == sorted([
        (os.path.relpath(THIS_FILE), 3), ('racing.py', 2)])


def test_a_use_made_while_the_reports_count_does_not_deadlock(monkeypatch):
    # As a finaliser or a signal handler would: a Python-2-only use in the middle
    # of counting (here from inside add_uses, with a count after every use).
    monkeypatch.setattr(_warnings, '_COUNT_EVERY', 1)

    class ReenteringReport(MigrationReport):
        entered = False

        def add_uses(self, uses):
            MigrationReport.add_uses(self, uses)
            if not self.entered:
                self.entered = True
                _warnings.warn_py2('z()', 'w()', stacklevel=2)

    report = ReenteringReport()

    def record():
        with warnings.catch_warnings():
            warnings.simplefilter('ignore', Py2CompatWarning)
            _warnings.start_recording(report)
            try:
                use_at_one_line(2)
            finally:
                _warnings.stop_recording(report)
    thread = threading.Thread(target=record)
    thread.daemon = True
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), 'counting deadlocked'
    assert sorted((s['what'], s['count']) for s in report.sites()) == [('x()', 2), ('z()', 1)]


# A loop's next use from the same call instruction reuses the last log entry
# instead of reading f_lineno again; these check it never takes a use for another.
SITES_SOURCE = """
def deep(msg, rounds):
%s
    for _ in range(rounds):
        msg.getheader('x-a')  # site: deep
        msg.getheader('x-a'); msg.getheader('x-a')  # site: two calls, one line
        for method in (msg.getheader, msg.getheaders, msg.getheader):
            method('x-a')  # site: one call, two uses
        shallow(msg)
        shallow_lower(msg)  # the same bytecode, another code object and line


def shallow(msg):
    msg.getheader('x-a')  # site: shallow


def shallow_lower(msg):


    msg.getheader('x-a')  # site: lower
""" % '\n'.join('    filler_%d = %d' % (i, i) for i in range(300))


def test_uses_are_counted_at_the_lines_warnings_names_in_any_order_of_call_sites():
    response = answered_response(X_A_ANSWER, httplib_compat)
    namespace = {'__file__': 'sites.py'}  # (3.6's warnings names a file from it)
    exec(compile(SITES_SOURCE, 'sites.py', 'exec'), namespace)
    with warnings.catch_warnings(record=True) as shown:
        warnings.simplefilter('always', Py2CompatWarning)
        with recording() as report:
            namespace['deep'](response.msg, 3)
    response.close()
    response._test_peer.close()
    named_by_warnings = {}
    for warning in [w for w in shown if w.category is Py2CompatWarning]:
        key = (warning.filename, warning.lineno, str(warning.message))
        named_by_warnings[key] = named_by_warnings.get(key, 0) + 1
    counted = dict(((site['file'], site['line'], _warnings.warning_text(site['what'], site['idiom'])),
                    site['count']) for site in report.sites())
    assert counted == named_by_warnings
    lines = dict((line.split('# site: ')[1], number)
                 for number, line in enumerate(SITES_SOURCE.splitlines(), 1) if '# site: ' in line)
    assert sorted((line, count) for (_, line, _), count in counted.items()) == [
        (lines['deep'], 3), (lines['two calls, one line'], 6),
        (lines['one call, two uses'], 3), (lines['one call, two uses'], 6),
        (lines['shallow'], 3), (lines['lower'], 3)]


def test_the_same_code_in_two_files_is_counted_in_each():
    # Two code objects compiled from the same text under two names compare equal
    # (== ignores the file name); the uses of each must stay in its own file.
    response = answered_response(X_A_ANSWER, httplib_compat)
    callers = []
    for name in ('one.py', 'two.py'):
        namespace = {}
        exec(compile('def caller(msg):\n    msg.getheader("x-a")\n', name, 'exec'), namespace)
        callers.append(namespace['caller'])
    assert callers[0].__code__ == callers[1].__code__
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', Py2CompatWarning)
        with recording() as report:
            for _ in range(2):
                for caller in callers:
                    caller(response.msg)
    response.close()
    response._test_peer.close()
    assert sorted((site['file'], site['line'], site['count']) for site in report.sites()) == [
        ('one.py', 2, 2), ('two.py', 2, 2)]


def use_with_idiom(idiom):
    _warnings.warn_py2('x()', idiom, stacklevel=2)  # one call site, the idiom given


def test_a_report_started_between_two_uses_of_a_site_names_the_idiom_it_saw_first():
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', Py2CompatWarning)
        with recording() as outer:
            use_with_idiom('the first idiom')
            with recording() as inner:
                use_with_idiom('another idiom')
            use_with_idiom('a third idiom')
    assert [(s['count'], s['idiom']) for s in outer.sites()] == [(3, 'the first idiom')]
    assert [(s['count'], s['idiom']) for s in inner.sites()] == [(1, 'another idiom')]


def test_no_code_object_is_kept_once_recording_stops():
    import gc
    import weakref
    namespace = {}
    exec(compile('def caller():\n    warn_py2("x()", "y()", stacklevel=2)\n', 'gone.py', 'exec'),
         {'warn_py2': _warnings.warn_py2}, namespace)
    code = weakref.ref(namespace['caller'].__code__)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', Py2CompatWarning)
        with recording() as report:
            namespace['caller']()
    assert [(s['file'], s['line']) for s in report.sites()] == [('gone.py', 2)]
    del namespace['caller']
    gc.collect()
    assert code() is None


def test_the_table_is_sorted_by_count_and_names_the_idiom():
    report = MigrationReport()
    report.label = 'first'
    report.count(('/nowhere/a.py', 10, 'msg.dict'), 'dict(msg.items()) or msg.get(name)')
    report.label = 'second'
    for _ in range(3):
        report.count(('/nowhere/b.py', 7, 'HTTP.getreply()'), 'HTTPConnection.getresponse()')
    report.count(('/nowhere/a.py', 10, 'msg.dict'), 'dict(msg.items()) or msg.get(name)')
    table = report.format_table(root='/nowhere', previous={'uses': 9, 'call_sites': 3})
    assert table.splitlines() == [
        'httplib_compat: 5 Python-2-only uses at 2 call sites '
        '(last report: 9 uses at 3 call sites)',
        'count  call site  Python 2 use     Python 3 idiom                      first test',
        '    3  b.py:7     HTTP.getreply()  HTTPConnection.getresponse()        second',
        '    2  a.py:10    msg.dict         dict(msg.items()) or msg.get(name)  first',
    ]


def test_one_call_site_with_two_idioms_is_one_row_with_the_first():
    report = MigrationReport()
    report.count(('/nowhere/a.py', 3, 'x()'), 'the first idiom')
    for _ in range(2):
        report.count(('/nowhere/a.py', 3, 'x()'), 'another idiom')
    assert [(s['line'], s['count'], s['idiom']) for s in report.sites('/nowhere')] == \
        [(3, 3, 'the first idiom')]


def test_a_last_report_without_counts_reads_as_none():
    table = MigrationReport().format_table(previous={'httplib_compat_report': 1})
    assert table == ('httplib_compat: 0 Python-2-only uses at 0 call sites '
                     '(last report: 0 uses at 0 call sites)\n')


def test_the_json_file_is_laid_out_as_the_docs_show(tmp_path):
    # docs/measure.rst shows this layout: format 1, keys sorted, one space a level.
    report = MigrationReport()
    for _ in range(2):
        report.count((str(tmp_path / 'prog.py'), 7, 'msg.getheader()'), GETHEADER_IDIOM)
    path = str(tmp_path / 'r.json')
    report.write(path, str(tmp_path))
    with open(path) as f:
        assert f.read() == (
            '{\n'
            ' "call_sites": 1,\n'
            ' "httplib_compat_report": 1,\n'
            ' "python": "%s",\n'
            ' "sites": [\n'
            '  {\n'
            '   "count": 2,\n'
            '   "file": "prog.py",\n'
            '   "first_test": null,\n'
            '   "idiom": "msg.get(name, default) or response.getheader(name)",\n'
            '   "line": 7,\n'
            '   "what": "msg.getheader()"\n'
            '  }\n'
            ' ],\n'
            ' "uses": 2\n'
            '}\n' % platform.python_version())


@pytest.mark.parametrize('form', [0, 2, '"1"'])
def test_a_report_of_another_format_is_not_taken_for_the_last_one(tmp_path, form):
    path = tmp_path / 'r.json'
    path.write_text(u'{"httplib_compat_report": %s, "uses": 3, "call_sites": 1, "sites": []}' % form)
    assert load(str(path)) is None
    path.write_text(u'{"httplib_compat_report": 1, "uses": 3, "call_sites": 1, "sites": []}')
    assert load(str(path))['uses'] == 3


# -- HTTPLIB_COMPAT_REPORT=PATH ------------------------------------------------

PROGRAM = textwrap.dedent('''\
    import atexit
    import socket
    import httplib_compat as httplib

    def fetch_header():
        a, b = socket.socketpair()
        b.sendall(b'HTTP/1.1 200 OK\\r\\nX-A: 1\\r\\nContent-Length: 0\\r\\n\\r\\n')
        r = httplib.HTTPResponse(a)
        r.begin()
        return r.msg.getheader('x-a')

    for _ in range(4):
        fetch_header()
    httplib.HTTPConnection('127.0.0.1', 80, True)
    atexit.register(httplib.FakeSocket, None, 'sslobj')  # called with no Python caller
    print('ok')
    ''')


def test_the_environment_variable_writes_the_report_at_exit(tmp_path):
    (tmp_path / 'prog.py').write_text(PROGRAM)
    path = str(tmp_path / 'report.json')
    code, out = run_python(['prog.py'], str(tmp_path), HTTPLIB_COMPAT_REPORT=path)
    assert code == 0 and 'ok' in out.splitlines(), out
    # 3.7+ shows __main__'s DeprecationWarnings once per site; the report counts each use.
    assert out.count('Py2CompatWarning') == (2 if sys.version_info >= (3, 7) else 0), out
    with open(path) as f:
        data = json.load(f)
    assert (data['uses'], data['call_sites']) == (6, 3)
    assert [(s['file'], s['line'], s['what'], s['count'], s['first_test']) for s in data['sites']] \
        == [('prog.py', 10, 'msg.getheader()', 4, None),
            ('<sys>', 0, 'FakeSocket(sock, sslobj)', 1, None),  # as warnings names it
            ('prog.py', 14, 'HTTPConnection(strict=...)', 1, None)]


# -- the pytest plugin, on 2.7's xmlrpclib -------------------------------------

RPC_TESTS = textwrap.dedent('''\
    import threading
    from xmlrpc.server import SimpleXMLRPCServer

    import pytest
    import httplib_compat

    httplib_compat.install()
    import xmlrpclib_py27 as xmlrpclib  # 2.7's xmlrpclib: its `import httplib` gets the shim


    @pytest.fixture(scope='module')
    def proxy():
        server = SimpleXMLRPCServer(('127.0.0.1', 0), logRequests=False)
        server.register_function(lambda a, b: a + b, 'add')
        thread = threading.Thread(target=server.serve_forever)
        thread.start()
        yield xmlrpclib.ServerProxy('http://127.0.0.1:%d/RPC2' % server.server_address[1])
        server.shutdown()
        server.server_close()
        thread.join(5)


    def test_three_calls(proxy):
        assert [proxy.add(i, 1) for i in range(3)] == [1, 2, 3]


    def test_two_calls(proxy):
        assert proxy.add(2, 2) + proxy.add(3, 3) == 10
    ''')


def rpc_session(folder, *options):
    return run_python(['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-p',
                       'httplib_compat.pytest_plugin'] + list(options) + ['test_rpc.py'],
                      str(folder))


def report_rows(path):
    with open(path) as f:
        data = json.load(f)
    rows = [(s['file'], s['line'], s['what'], s['idiom'], s['count'], s['first_test'])
            for s in data['sites']]
    return data, rows


def test_plugin_on_python27_xmlrpclib_then_one_call_site_moved_to_the_idiom(tmp_path):
    shutil.copy(XMLRPCLIB, str(tmp_path / 'xmlrpclib_py27.py'))
    (tmp_path / 'test_rpc.py').write_text(RPC_TESTS)
    lib = str(tmp_path / 'xmlrpclib_py27.py')
    getresponse = line_of(lib, 'response = h.getresponse(buffering=True)')
    endheaders = line_of(lib, 'connection.endheaders(request_body)')
    path = str(tmp_path / 'r.json')

    code, out = rpc_session(tmp_path, '--httplib-compat-report=' + path)
    assert code == 0, out
    data, rows = report_rows(path)
    first = 'test_rpc.py::test_three_calls'
    assert (data['uses'], data['call_sites']) == (10, 2)
    assert sorted(rows) == [
        ('xmlrpclib_py27.py', getresponse, 'getresponse(buffering=True)',
         'getresponse() (always buffered)', 5, first),
        ('xmlrpclib_py27.py', endheaders, 'endheaders(str)',
         "endheaders(body.encode('latin-1')) with the encoding the server expects", 5, first)]
    assert 'httplib_compat migration report' in out
    assert 'httplib_compat: 10 Python-2-only uses at 2 call sites\n' in out, out
    assert '    5  xmlrpclib_py27.py:%d' % getresponse in out, out
    assert 'JSON report: ' + path in out, out

    # Move the getresponse() call site to the idiom the report names (and
    # silence the warnings: the report counts all the same).
    with open(lib) as f:
        source = f.read()
    with open(lib, 'w') as f:
        f.write(source.replace('h.getresponse(buffering=True)', 'h.getresponse()'))
    code, out = rpc_session(tmp_path, '--httplib-compat-report=' + path,
                            '-W', 'ignore::DeprecationWarning')
    assert code == 0, out
    data, rows = report_rows(path)
    assert (data['uses'], data['call_sites']) == (5, 1)
    assert rows == [('xmlrpclib_py27.py', endheaders, 'endheaders(str)',
                     "endheaders(body.encode('latin-1')) with the encoding the server expects", 5, first)]
    assert ('httplib_compat: 5 Python-2-only uses at 1 call site '
            '(last report: 10 uses at 2 call sites)\n') in out, out


def test_plugin_counts_a_use_that_raises_and_needs_no_path(tmp_path):
    shutil.copy(XMLRPCLIB, str(tmp_path / 'xmlrpclib_py27.py'))
    (tmp_path / 'test_rpc.py').write_text(RPC_TESTS)
    # -W error: the first use raises (xmlrpclib gives up the request), and is counted.
    code, out = rpc_session(tmp_path, '--httplib-compat-report', '-W',
                            'error::httplib_compat.Py2CompatWarning')
    assert code == 1 and '2 failed' in out, out
    assert 'httplib_compat: 2 Python-2-only uses at 1 call site\n' in out, out
    assert 'JSON report' not in out


def test_the_plugin_is_loaded_only_on_request(tmp_path):
    (tmp_path / 'test_nothing.py').write_text(u'def test_nothing():\n    pass\n')
    code, out = run_python(['-m', 'pytest', '-q', '-p', 'no:cacheprovider',
                            '--httplib-compat-report', 'test_nothing.py'], str(tmp_path))
    assert code == 4 and 'unrecognized arguments: --httplib-compat-report' in out, out


def test_a_test_path_taken_as_the_report_path_is_refused_not_overwritten(tmp_path):
    test_file = tmp_path / 'test_nothing.py'
    test_file.write_text(u'def test_nothing():\n    pass\n')
    code, out = run_python(['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-p',
                            'httplib_compat.pytest_plugin', '--httplib-compat-report',
                            'test_nothing.py'], str(tmp_path))
    assert code == 4, out
    assert ('ERROR: --httplib-compat-report: test_nothing.py exists and is no httplib_compat '
            'report; not overwriting it: write the option as --httplib-compat-report=PATH\n'
            in out), out
    assert test_file.read_text() == u'def test_nothing():\n    pass\n'


def test_a_report_path_in_no_directory_is_refused_before_the_tests_run(tmp_path):
    # Not an internal error once the whole session has run, the report lost.
    (tmp_path / 'test_nothing.py').write_text(u'def test_nothing():\n    pass\n')
    code, out = run_python(['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-p',
                            'httplib_compat.pytest_plugin',
                            '--httplib-compat-report=missing/r.json', 'test_nothing.py'],
                           str(tmp_path))
    assert code == 4, out
    assert ('ERROR: --httplib-compat-report: cannot write missing/r.json: '
            'no such directory\n' in out), out
    assert 'passed' not in out, out


def test_the_report_is_written_once_at_the_end_of_the_session(tmp_path):
    # A conftest's pytest_sessionfinish (run after the plugin's) can take the
    # report away, e.g. to upload it; nothing writes it again afterwards.  Also
    # without pytest's legacy py.path plugin (config.rootdir).
    (tmp_path / 'test_nothing.py').write_text(u'def test_nothing():\n    pass\n')
    (tmp_path / 'conftest.py').write_text(textwrap.dedent(u'''\
        import os

        def pytest_sessionfinish(session):
            os.rename('r.json', 'uploaded.json')
        '''))
    code, out = run_python(['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-p', 'no:legacypath',
                            '-p', 'httplib_compat.pytest_plugin',
                            '--httplib-compat-report=r.json', 'test_nothing.py'], str(tmp_path))
    assert code == 0 and '1 passed' in out, out
    assert 'httplib_compat: 0 Python-2-only uses at 0 call sites\n' in out, out
    assert not (tmp_path / 'r.json').exists()
    with open(str(tmp_path / 'uploaded.json')) as f:
        data = json.load(f)
    assert (data['uses'], data['call_sites'], data['sites']) == (0, 0, [])
