#!/usr/bin/env python
"""How much httplib_compat costs over plain http.client, and how both compare with 2.7's httplib.

    python benchmarks/bench.py                 # http.client vs httplib_compat, this interpreter
    python benchmarks/bench.py --py2 PATH      # plus the same loops on Python 2.7's own httplib
    python benchmarks/bench.py --py2           # PATH from $HTTPLIB_COMPAT_PY27 or pyenv's 2.7.18
    python benchmarks/bench.py --quick         # a smoke run of a few seconds
    python benchmarks/bench.py --json out.json # also write the figures as JSON ('-': stdout only)
    python benchmarks/bench.py --profile get_small   # cProfile of the shim on one case
    python benchmarks/bench.py --report-cost   # plus httplib_compat with a migration report on

Standard library only; this file runs on Python 2.7, 3.6-3.15 and PyPy3 alike.  A
keep-alive HTTP/1.1 server on 127.0.0.1 (an ephemeral port) runs in its own
process and answers from precomputed bytes.  The same loop code runs against
http.client and httplib_compat in one worker process (and against 2.7's httplib
in a Python 2.7 worker); the rounds alternate A B A B...  Each measurement records
the client process's CPU time (the figure the targets are held to: it excludes the
server and the scheduler) and the wall-clock time; the figures are medians over the
rounds, and the ratio is median(httplib_compat) / median(http.client).  Client and
server are pinned to the idlest CPU (Linux, Python 3; --no-pin to not).  Import time
is measured in fresh processes, alternating, median.

httplib_compat is imported from the checkout this file lives in when there is
one (so the code under your eyes is what gets measured), else the installed
package; --installed forces the installed one.  Either way the report names the file.
"""
from __future__ import print_function

import argparse
import gc
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import threading
import time

PY2 = sys.version_info[0] == 2
if PY2:
    from timeit import default_timer as timer
    cpu_timer = time.clock  # CPU time of this process on Unix
    range = xrange  # noqa: F821 (Python 2 only)
else:
    timer = time.perf_counter
    cpu_timer = time.process_time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
HOST = '127.0.0.1'

# ---------------------------------------------------------------------------
# What the server sends, and what the client loops send.

SMALL_BODY = b's' * 1024
BIG_BODY = b'b' * (1024 * 1024)
HEADERS_BODY = b'h' * 256
POST_SIZE = 64 * 1024
UPLOAD_SIZE = 256 * 1024

# 40 header lines: the usual ones, three Set-Cookie repeats, and X- fillers.
_COMMON_HEADERS = [
    ('Server', 'bench/1.0'),
    ('Date', 'Mon, 06 Jan 2025 10:00:00 GMT'),
    ('Content-Type', 'text/html; charset=utf-8'),
    ('Content-Length', str(len(HEADERS_BODY))),
    ('Cache-Control', 'private, max-age=0'),
    ('Expires', 'Mon, 06 Jan 2025 10:00:00 GMT'),
    ('Last-Modified', 'Sun, 05 Jan 2025 10:00:00 GMT'),
    ('ETag', '"5e3a-1f2b3c4d"'),
    ('Vary', 'Accept-Encoding'),
    ('Set-Cookie', 'session=abcdef0123456789; Path=/; HttpOnly'),
    ('Set-Cookie', 'prefs=compact; Path=/'),
    ('Set-Cookie', 'tracking=0; Path=/; Max-Age=0'),
    ('X-Frame-Options', 'SAMEORIGIN'),
    ('X-Content-Type-Options', 'nosniff'),
    ('Strict-Transport-Security', 'max-age=31536000'),
    ('Access-Control-Allow-Origin', '*'),
]
HEADER_LINES = _COMMON_HEADERS + [
    ('X-Bench-%02d' % i, 'value-%02d-' % i + 'v' * 24)
    for i in range(40 - len(_COMMON_HEADERS))]
# The distinct names, as a program would spell them when asking.
HEADER_NAMES = []
for _name, _value in HEADER_LINES:
    if _name.lower() not in HEADER_NAMES:
        HEADER_NAMES.append(_name.lower())
del _name, _value


def _response(body, header_lines=None):
    if header_lines is None:
        header_lines = [('Server', 'bench/1.0'),
                        ('Content-Type', 'application/octet-stream'),
                        ('Content-Length', str(len(body)))]
    head = 'HTTP/1.1 200 OK\r\n' + ''.join('%s: %s\r\n' % pair for pair in header_lines) + '\r\n'
    return head.encode('latin-1') + body


def _responses():
    return {
        b'/small': _response(SMALL_BODY),
        b'/big': _response(BIG_BODY),
        b'/headers': _response(HEADERS_BODY, HEADER_LINES),
        b'/post': _response(b'posted'),
        b'/upload': _response(b'uploaded'),
    }


NOT_FOUND = b'HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n'

# ---------------------------------------------------------------------------
# The server: raw sockets, one thread per keep-alive connection.


class _Peer(object):
    """Reads one client's requests off a socket; a request body is counted and dropped."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = b''

    def fill(self):
        data = self.sock.recv(262144)
        if not data:
            raise EOFError
        self.buf += data

    def read_until(self, delimiter):
        while True:
            end = self.buf.find(delimiter)
            if end >= 0:
                chunk, self.buf = self.buf[:end], self.buf[end + len(delimiter):]
                return chunk
            self.fill()

    def skip(self, length):
        if len(self.buf) >= length:
            self.buf = self.buf[length:]
            return
        length -= len(self.buf)
        self.buf = b''
        recv = self.sock.recv
        while length:
            data = recv(min(length, 262144))
            if not data:
                raise EOFError
            length -= len(data)

    def skip_chunked(self):
        while True:
            size = int(self.read_until(b'\r\n').split(b';')[0], 16)
            if size == 0:
                while self.read_until(b'\r\n'):
                    pass  # trailers
                return
            self.skip(size + 2)


def _serve_connection(sock, responses):
    peer = _Peer(sock)
    try:
        while True:
            head = peer.read_until(b'\r\n\r\n')
            line_end = head.find(b'\r\n')
            request_line = head if line_end < 0 else head[:line_end]
            parts = request_line.split(b' ')
            path = parts[1] if len(parts) > 1 else b''
            lower = head.lower()
            at = lower.find(b'\r\ncontent-length:')
            if at >= 0:
                end = lower.find(b'\r\n', at + 2)
                peer.skip(int(head[at + 17:end if end >= 0 else len(head)]))
            elif b'\r\ntransfer-encoding: chunked' in lower:
                peer.skip_chunked()
            sock.sendall(responses.get(path, NOT_FOUND))
    except (EOFError, socket.error, ValueError):
        pass
    finally:
        sock.close()


def _exit_when_parent_goes():
    # The parent holds our stdin; EOF means it has finished (or died).
    while sys.stdin.readline():
        pass
    os._exit(0)


def server_main():
    responses = _responses()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((HOST, 0))
    listener.listen(16)
    sys.stdout.write('%d\n' % listener.getsockname()[1])
    sys.stdout.flush()
    watcher = threading.Thread(target=_exit_when_parent_goes)
    watcher.daemon = True
    watcher.start()
    while True:
        sock, _ = listener.accept()
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        thread = threading.Thread(target=_serve_connection, args=(sock, responses))
        thread.daemon = True
        thread.start()


# ---------------------------------------------------------------------------
# The client loops: written once, run against http.client, httplib_compat or 2.7's httplib.

def loop_get_small(conn, n, ctx):
    for _ in range(n):
        conn.request('GET', '/small')
        resp = conn.getresponse()
        resp.read()


def loop_get_big(conn, n, ctx):
    for _ in range(n):
        conn.request('GET', '/big')
        resp = conn.getresponse()
        resp.read()


def loop_headers(conn, n, ctx):
    names = HEADER_NAMES
    for _ in range(n):
        conn.request('GET', '/headers')
        resp = conn.getresponse()
        for name in names:
            resp.getheader(name)
        msg = resp.msg
        msg.get('content-type')
        msg.get('set-cookie')
        msg.get('etag')
        msg.get('x-missing')
        msg['content-length']
        'last-modified' in msg
        resp.getheaders()
        resp.read()


def loop_py2_message(conn, n, ctx):
    # Python 2 only API (no http.client baseline): compared with 2.7's httplib only.
    names = HEADER_NAMES
    for _ in range(n):
        conn.request('GET', '/headers')
        resp = conn.getresponse()
        msg = resp.msg
        for name in names:
            msg.getheader(name)
        msg.getheaders('set-cookie')
        msg.dict['content-type']
        len(msg.headers)
        msg.has_key('etag')
        resp.read()


def loop_post(conn, n, ctx):
    body = ctx['post_body']
    headers = {'Content-Type': 'text/plain'}
    for _ in range(n):
        conn.request('POST', '/post', body, headers)
        resp = conn.getresponse()
        resp.read()


def loop_upload(conn, n, ctx):
    upload = ctx['upload_file']
    headers = {'Content-Type': 'application/octet-stream', 'Content-Length': str(UPLOAD_SIZE)}
    for _ in range(n):
        upload.seek(0)
        conn.request('PUT', '/upload', upload, headers)
        resp = conn.getresponse()
        resp.read()


# (name, title, loop, path requested, expected body)
CASES = [
    ('get_small', 'GET, 1 KiB body', loop_get_small, '/small', SMALL_BODY),
    ('get_big', 'GET, 1 MiB body', loop_get_big, '/big', BIG_BODY),
    ('headers', '40 headers: getheader + msg', loop_headers, '/headers', HEADERS_BODY),
    ('post_str', 'POST, 64 KiB str body', loop_post, '/post', b'posted'),
    ('upload_file', 'PUT, 256 KiB file object', loop_upload, '/upload', b'uploaded'),
    ('py2_message', '40 headers: 2.7-only msg API', loop_py2_message, '/headers', HEADERS_BODY),
]
CASE_BY_NAME = dict((case[0], case) for case in CASES)
# Cases whose loop uses names that only 2.7's httplib and the shim have.
PY2_ONLY = frozenset(['py2_message'])


def check_case(mod, port, name):
    """One request of the case, checked, so a figure never comes from a broken exchange."""
    _, _, loop, path, expected = CASE_BY_NAME[name]
    conn = mod.HTTPConnection(HOST, port)
    try:
        conn.request('GET', path)
        resp = conn.getresponse()
        body = resp.read()
        if resp.status != 200 or body != expected:
            raise AssertionError('%s: %s answered %r with %d bytes' % (
                mod.__name__, path, resp.status, len(body)))
        if name == 'headers':
            cookies = resp.getheader('set-cookie')
            if 'prefs=compact' not in cookies or resp.getheader('x-bench-23') is None:
                raise AssertionError('%s: headers not read: %r' % (mod.__name__, cookies))
    finally:
        conn.close()


# ---------------------------------------------------------------------------
# The worker: one process runs the loops for its client modules (http.client and
# httplib_compat share one process, so one allocator and one interpreter state),
# driven line by line over stdin/stdout.

def import_module(module_name, installed_only):
    if module_name == 'httplib_compat':
        in_checkout = os.path.isfile(os.path.join(REPO, 'httplib_compat', '__init__.py'))
        if in_checkout and not installed_only and REPO not in sys.path:
            sys.path.insert(0, REPO)
    __import__(module_name)
    return sys.modules[module_name]


def _module_state(module):
    """What a monkeypatch would change: the module's names and its classes' attributes."""
    state = {}
    for name, value in vars(module).items():
        state[name] = value
        if isinstance(value, type):
            for attribute, member in vars(value).items():
                state[name + '.' + attribute] = member
    return state


def patched_names(before, after):
    return sorted(name for name in set(before) | set(after)
                  if before.get(name, before) is not after.get(name, after))


class Worker(object):

    def __init__(self, modules, port, post_body, upload_path):
        self.modules = modules
        self.port = port
        self.ctx = {'post_body': post_body, 'upload_file': open(upload_path, 'rb')}

    def measure(self, module_name, name, n, warmup=3):
        loop = CASE_BY_NAME[name][2]
        # 'httplib_compat+report': the same module, with a migration report recording.
        module_name, _, with_report = module_name.partition('+')
        recording = None
        if with_report:
            import httplib_compat.report
            recording = httplib_compat.report.recording()
            recording.__enter__()
        conn = self.modules[module_name].HTTPConnection(HOST, self.port)
        try:
            loop(conn, warmup, self.ctx)
            gc.collect()
            start, cpu_start = timer(), cpu_timer()
            loop(conn, n, self.ctx)
            return timer() - start, cpu_timer() - cpu_start
        finally:
            conn.close()
            if recording is not None:
                recording.__exit__(None, None, None)

    def calibrate(self, module_name, name, target):
        n = 4
        while True:
            seconds = self.measure(module_name, name, n)[1]
            if seconds >= target * 0.8:
                return n
            n = max(n + 1, int(n * min(target * 1.1 / max(seconds, 1e-6), 10)))

    def profile(self, module_name, name, n, limit):
        import cProfile
        import pstats
        try:
            from StringIO import StringIO
        except ImportError:
            from io import StringIO
        loop = CASE_BY_NAME[name][2]
        conn = self.modules[module_name].HTTPConnection(HOST, self.port)
        loop(conn, 3, self.ctx)
        profiler = cProfile.Profile()
        profiler.enable()
        loop(conn, n, self.ctx)
        profiler.disable()
        conn.close()
        out = StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats('tottime').print_stats(limit)
        stats.sort_stats('cumulative').print_stats(limit)
        return out.getvalue()


def worker_main(args):
    reply = {'python': platform.python_version(), 'executable': sys.executable, 'files': {}}
    modules = {}
    try:
        for module_name in args.worker.split(','):
            before = _module_state(modules[args.worker.split(',')[0]]) if modules else None
            modules[module_name] = import_module(module_name, args.installed)
            reply['files'][module_name] = getattr(modules[module_name], '__file__', None)
            if before is not None:
                first = modules[args.worker.split(',')[0]]
                reply['patched'] = patched_names(before, _module_state(first))
            for name in CASE_BY_NAME:
                check_case(modules[module_name], args.port, name)
    except ImportError as exc:
        reply['error'] = ('cannot import %s (%s): install what it needs (pip install six), '
                          'or run bench.py with a tox env\'s python, e.g. .tox/py311/bin/python'
                          % (module_name, exc))
    except Exception as exc:
        reply['error'] = '%s: %s' % (type(exc).__name__, exc)
    _send(reply)
    if 'error' in reply:
        return 1
    worker = Worker(modules, args.port, 'p' * POST_SIZE, args.upload)
    while True:
        line = sys.stdin.readline()
        if not line:
            return 0
        command = json.loads(line)
        op = command['op']
        if op == 'measure':
            wall, cpu = worker.measure(command['module'], command['case'], command['n'])
            _send({'wall': wall, 'cpu': cpu})
        elif op == 'calibrate':
            _send({'n': worker.calibrate(command['module'], command['case'],
                                         command['target'])})
        elif op == 'profile':
            _send({'text': worker.profile(command['module'], command['case'], command['n'],
                                          command['limit'])})
        else:
            return 0


def _send(obj):
    sys.stdout.write(json.dumps(obj) + '\n')
    sys.stdout.flush()


class WorkerProcess(object):
    """The parent's handle on one worker process."""

    def __init__(self, python, module_names, port, upload_path, installed):
        self.python = python
        argv = [python, os.path.abspath(__file__), '--worker', ','.join(module_names),
                '--port', str(port), '--upload', upload_path]
        if installed:
            argv.append('--installed')
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     universal_newlines=True, bufsize=1)
        self.info = self._receive()
        if 'error' in self.info:
            raise RuntimeError('%s: %s' % (python, self.info['error']))

    def _receive(self):
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError('the worker on %s exited' % self.python)
        return json.loads(line)

    def ask(self, **command):
        self.proc.stdin.write(json.dumps(command) + '\n')
        self.proc.stdin.flush()
        return self._receive()

    def close(self):
        try:
            self.proc.stdin.close()
        except Exception:
            pass
        self.proc.wait()


# ---------------------------------------------------------------------------
# Import time, in fresh processes.

_IMPORT_CODE = ('import time, sys\n'
                'timer = getattr(time, "perf_counter", time.time)\n'
                'start = timer()\n'
                'import %s\n'
                'sys.stdout.write("%%r\\n" %% (timer() - start))\n')


def _import_env(installed):
    env = dict(os.environ)
    # Cached bytecode, as an installed package has: else each fresh process compiles.
    env.pop('PYTHONDONTWRITEBYTECODE', None)
    # The checkout goes on sys.path for every module measured, the baseline too, so
    # that its extra path entry is not counted as the package's cost.
    if not installed and os.path.isfile(os.path.join(REPO, 'httplib_compat', '__init__.py')):
        env['PYTHONPATH'] = os.pathsep.join([REPO] + [p for p in [env.get('PYTHONPATH')] if p])
    return env


def import_seconds(python, module_name, installed):
    out = subprocess.check_output([python, '-c', _IMPORT_CODE % module_name],
                                  env=_import_env(installed))
    return float(out.decode('ascii').strip())


def measure_imports(python, baseline, rounds, installed):
    modules = [baseline, 'httplib_compat']
    for module_name in modules:  # warm the bytecode caches and the page cache
        import_seconds(python, module_name, installed)
        import_seconds(python, module_name, installed)
    samples = dict((m, []) for m in modules)
    for _ in range(rounds):
        for module_name in modules:
            samples[module_name].append(import_seconds(python, module_name, installed))
    return dict((m, median(s)) for m, s in samples.items()), samples


# ---------------------------------------------------------------------------
# The parent: server, workers, rounds, table.

# ---------------------------------------------------------------------------
# Peak memory of one read() of a large body, each module in a fresh process.

_PEAK_CODE = r"""
import gc, socket, sys, threading
module_name, size = sys.argv[1], int(sys.argv[2])
if module_name == 'httplib_compat.native':
    import httplib_compat.native as module
else:
    module = __import__(module_name)
    module = sys.modules[module_name]
body = b'm' * size
head = b'HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n' % size
client, peer = socket.socketpair()
def send():
    peer.sendall(head)
    peer.sendall(memoryview(body))
    peer.close()
sender = threading.Thread(target=send)
sender.daemon = True
try:
    import tracemalloc
except ImportError:
    tracemalloc = None
import resource
gc.collect()
rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if tracemalloc is not None:
    tracemalloc.start()
sender.start()
response = module.HTTPResponse(client, method='GET')
response.begin()
data = response.read()
peak = tracemalloc.get_traced_memory()[1] if tracemalloc is not None else None
rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
assert len(data) == size
sys.stdout.write('%r %r\n' % (peak, rss_peak * 1024))
"""


def peak_memory(python, module_name, size, installed):
    """(peak bytes traced by tracemalloc or None, growth of the peak RSS in bytes)
    while ``module_name`` reads a ``size``-byte body with read(), in a fresh process."""
    env = _import_env(installed)
    out = subprocess.check_output([python, '-c', _PEAK_CODE, module_name, str(size)], env=env)
    traced, rss = out.decode('ascii').split()
    return (None if traced == 'None' else int(traced)), int(rss)


def measure_peaks(python, baseline, size, installed, py2=None):
    """{label: {'traced': bytes or None, 'rss': bytes}} for one large body."""
    peaks = {}
    labels = [(baseline, python, baseline)]
    if not PY2:
        labels += [('httplib_compat', python, 'httplib_compat'),
                   ('httplib_compat.native', python, 'httplib_compat.native')]
    if py2:
        labels.append(('2.7 httplib', py2, 'httplib'))
    for label, interpreter, module_name in labels:
        traced, rss = peak_memory(interpreter, module_name, size, installed)
        peaks[label] = {'traced': traced, 'rss': rss}
    return peaks


def median(values):
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2.0


def find_py2(value):
    if value and value != 'auto':
        return value
    candidates = [os.environ.get('HTTPLIB_COMPAT_PY27')]
    root = os.environ.get('PYENV_ROOT') or os.path.expanduser('~/.pyenv')
    candidates.append(os.path.join(root, 'versions', '2.7.18', 'bin', 'python'))
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    raise SystemExit('bench.py: no Python 2.7 found: give --py2 PATH or set HTTPLIB_COMPAT_PY27')


def machine_description():
    cpu = platform.processor() or platform.machine()
    try:
        with open('/proc/cpuinfo') as cpuinfo:
            for line in cpuinfo:
                if line.startswith('model name'):
                    cpu = line.split(':', 1)[1].strip()
                    break
    except (IOError, OSError):
        pass
    try:
        import multiprocessing
        cores = multiprocessing.cpu_count()
    except (ImportError, NotImplementedError):
        cores = '?'
    return '%s, %s cores, %s %s' % (cpu, cores, platform.system(), platform.release())


def start_server():
    proc = subprocess.Popen([sys.executable, os.path.abspath(__file__), '--serve'],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    port = int(proc.stdout.readline())
    return proc, port


def _cpu_idle_ticks():
    ticks = {}
    with open('/proc/stat') as stat:
        for line in stat:
            fields = line.split()
            if fields[0].startswith('cpu') and fields[0] != 'cpu':
                ticks[int(fields[0][3:])] = int(fields[4])
    return ticks


def pin_to_one_cpu():
    """Pin this process, and so the server and workers it starts, to the idlest CPU.

    Client and server then hand the CPU to each other instead of waking each other
    across CPUs, which on small VMs costs more than the client's own work.
    Returns the CPU, or None where that is not possible (Python 2, not Linux).
    """
    if not hasattr(os, 'sched_setaffinity'):
        return None
    allowed = sorted(os.sched_getaffinity(0))
    try:
        before = _cpu_idle_ticks()
        time.sleep(0.3)
        after = _cpu_idle_ticks()
        cpu = max(allowed, key=lambda c: after.get(c, 0) - before.get(c, 0))
    except (IOError, OSError, ValueError, IndexError):
        cpu = allowed[-1]
    os.sched_setaffinity(0, [cpu])
    return cpu


def case_runs(name, runs):
    if name in PY2_ONLY and not PY2:
        return [run for run in runs if run[2] != 'http.client']
    return runs


def run(args):
    baseline = 'httplib' if PY2 else 'http.client'
    rounds = args.rounds or (3 if args.quick else 7)
    target = args.seconds or (0.05 if args.quick else 0.2)
    import_rounds = 5 if args.quick else 15
    cases = [CASE_BY_NAME[name] for name in args.cases.split(',')] if args.cases else CASES
    py2 = find_py2(args.py2) if args.py2 is not None else None
    cpu = None if args.no_pin else pin_to_one_cpu()

    fd, upload_path = tempfile.mkstemp(prefix='httplib_compat-bench-')
    with os.fdopen(fd, 'wb') as upload:
        upload.write(b'u' * UPLOAD_SIZE)
    server, port = start_server()
    workers = []
    try:
        main = WorkerProcess(sys.executable, [baseline, 'httplib_compat'], port, upload_path,
                             args.installed)
        workers.append(main)
        # (label, worker, module): the A B (C) order of every round.
        runs = [(baseline, main, baseline), ('httplib_compat', main, 'httplib_compat')]
        if args.report_cost:
            runs.append(('compat+report', main, 'httplib_compat+report'))
        if py2:
            anchor = WorkerProcess(py2, ['httplib'], port, upload_path, args.installed)
            workers.append(anchor)
            runs.append(('2.7 httplib', anchor, 'httplib'))
        if args.profile:
            n = main.ask(op='calibrate', case=args.profile, target=target,
                         module=case_runs(args.profile, runs)[0][2])['n']
            return main.ask(op='profile', module='httplib_compat', case=args.profile, n=n,
                            limit=args.profile_limit)['text']
        counts = {}
        for case in cases:
            counts[case[0]] = main.ask(op='calibrate', case=case[0], target=target,
                                       module=case_runs(case[0], runs)[0][2])['n']
        samples = dict((case[0], dict((run[0], {'wall': [], 'cpu': []})
                                      for run in case_runs(case[0], runs)))
                       for case in cases)
        for _ in range(rounds):
            for case in cases:
                for label, worker, module_name in case_runs(case[0], runs):
                    answer = worker.ask(op='measure', module=module_name, case=case[0],
                                        n=counts[case[0]])
                    for clock in ('wall', 'cpu'):
                        samples[case[0]][label][clock].append(answer[clock])
    finally:
        for worker in workers:
            worker.close()
        server.stdin.close()
        server.wait()
        os.remove(upload_path)

    imports, import_samples = measure_imports(sys.executable, baseline, import_rounds,
                                              args.installed)
    body_size = (args.memory_mib or (16 if args.quick else 200)) * 1024 * 1024
    peaks = measure_peaks(sys.executable, baseline, body_size, args.installed, py2)
    result = {
        'python': platform.python_version(),
        'executable': sys.executable,
        'machine': machine_description(),
        'pinned_cpu': cpu,
        'command': ' '.join(['python', 'benchmarks/bench.py'] + sys.argv[1:]),
        'httplib_compat_file': main.info['files']['httplib_compat'],
        'http_client_patched': main.info.get('patched', []),
        'py2': py2 and {'executable': py2, 'python': anchor.info['python']},
        'rounds': rounds,
        'baseline': baseline,
        'cases': [],
        'import': {
            'baseline_ms': imports[baseline] * 1e3,
            'compat_ms': imports['httplib_compat'] * 1e3,
            'added_ms': (imports['httplib_compat'] - imports[baseline]) * 1e3,
            'rounds': import_rounds,
            'samples_s': import_samples,
        },
        'memory': {'body_bytes': body_size, 'peaks': peaks},
    }
    for name, title, _, _, _ in cases:
        n = counts[name]
        entry = {'case': name, 'title': title, 'n': n, 'samples_s': samples[name]}
        for clock in ('cpu', 'wall'):
            per_op = dict((label, median(by_clock[clock]) / n)
                          for label, by_clock in samples[name].items())
            by_label = samples[name]
            entry[clock] = {'compat_us': per_op['httplib_compat'] * 1e6}
            if baseline in per_op:
                entry[clock].update({
                    'baseline_us': per_op[baseline] * 1e6,
                    'ratio': per_op['httplib_compat'] / per_op[baseline],
                    # Noise only ever adds time: the fastest rounds are a second opinion.
                    'best_ratio': (min(by_label['httplib_compat'][clock]) /
                                   min(by_label[baseline][clock])),
                })
            if 'compat+report' in per_op:
                entry[clock]['report_us'] = per_op['compat+report'] * 1e6
                entry[clock]['report_ratio'] = per_op['compat+report'] / per_op['httplib_compat']
            if py2:
                entry[clock]['py27_us'] = per_op['2.7 httplib'] * 1e6
                entry[clock]['speedup_vs_py27'] = per_op['2.7 httplib'] / per_op['httplib_compat']
        result['cases'].append(entry)
    result['targets'] = check_targets(result)
    return result


def check_targets(result):
    """The targets (held on every CPython of the matrix), on the client's CPU time: (what, met)."""
    targets = []
    for entry in result['cases']:
        if 'ratio' not in entry['cpu']:
            continue
        ratio = entry['cpu']['ratio']
        targets.append(('%s: ratio %.3f <= 1.03' % (entry['case'], ratio), ratio <= 1.03))
    added = result['import']['added_ms']
    targets.append(('import adds %.1f ms <= 5 ms' % added, added <= 5.0))
    for entry in result['cases']:
        if entry['case'] == 'get_small' and 'speedup_vs_py27' in entry['cpu']:
            speedup = entry['cpu']['speedup_vs_py27']
            targets.append(('get_small: %.2fx faster than 2.7 httplib >= 3x' % speedup,
                            speedup >= 3.0))
    return targets


def print_table(result, stream=sys.stdout):
    w = stream.write
    baseline = result['baseline']
    py2 = result['py2']
    w('httplib_compat benchmark\n')
    w('  python:  %s (%s)\n' % (result['python'], result['executable']))
    w('  shim:    %s\n' % result['httplib_compat_file'])
    if result['http_client_patched']:
        w('  WARNING: importing httplib_compat changed %s: the baseline is not plain %s\n'
          % (', '.join(result['http_client_patched']), baseline))
    if py2:
        w('  anchor:  Python %s httplib (%s)\n' % (py2['python'], py2['executable']))
    w('  machine: %s; %s\n' % (result['machine'], 'no CPU pinning' if result['pinned_cpu'] is None
                               else 'client and server pinned to CPU %d' % result['pinned_cpu']))
    w('  command: %s\n' % result['command'])
    w('  per request, medians of %d alternating rounds; "cpu" is the client process\'s CPU time;\n'
      '  ratio = compat / %s on the medians, best = on the fastest rounds; "wall" (ratio and\n'
      '  speedup) includes the loopback server and the kernel\n\n' % (result['rounds'], baseline))
    header = '%-28s %5s %11s %14s %6s %6s %6s' % ('case', 'n', baseline + ' cpu', 'compat cpu',
                                                 'ratio', 'best', 'wall')
    if py2:
        header += ' %12s %7s %7s' % ('2.7 cpu', 'vs 2.7', 'wall')
    w(header + '\n')
    for entry in result['cases']:
        cpu, wall = entry['cpu'], entry['wall']
        if 'ratio' in cpu:
            line = '%-28s %5d %8.1f us %11.1f us %6.3f %6.3f %6.3f' % (
                entry['title'], entry['n'], cpu['baseline_us'], cpu['compat_us'], cpu['ratio'],
                cpu['best_ratio'], wall['ratio'])
        else:
            line = '%-28s %5d %11s %11.1f us %6s %6s %6s' % (
                entry['title'], entry['n'], '-', cpu['compat_us'], '-', '-', '-')
        if py2:
            line += ' %9.1f us %6.2fx %6.2fx' % (cpu['py27_us'], cpu['speedup_vs_py27'],
                                                 wall['speedup_vs_py27'])
        w(line + '\n')
    if any('report_us' in entry['cpu'] for entry in result['cases']):
        w('\nmigration report on (httplib_compat.report.recording()), client cpu:\n')
        for entry in result['cases']:
            cpu = entry['cpu']
            w('  %-28s %9.1f us off %9.1f us on  ratio %6.3f\n' % (
                entry['title'], cpu['compat_us'], cpu['report_us'], cpu['report_ratio']))
    imp = result['import']
    w('\nimport (fresh processes, median of %d): %s %.1f ms, httplib_compat %.1f ms, '
      'added %.1f ms\n' % (imp['rounds'], baseline, imp['baseline_ms'], imp['compat_ms'],
                           imp['added_ms']))
    memory = result['memory']
    w('\npeak memory of read() of a %d MiB body (x body size; tracemalloc peak where the\n'
      'interpreter has it, else the growth of the peak RSS), fresh process each:\n'
      % (memory['body_bytes'] // (1024 * 1024)))
    for label in sorted(memory['peaks']):
        peak = memory['peaks'][label]
        traced = peak['traced']
        w('  %-24s %s   RSS +%.2fx\n' % (
            label, 'traced %.2fx' % (float(traced) / memory['body_bytes']) if traced is not None
            else 'traced   -  ', float(peak['rss']) / memory['body_bytes']))
    w('\ntargets (held on every CPython of the matrix; ratios on CPU time):\n')
    for what, met in result['targets']:
        w('  %-4s %s\n' % ('ok' if met else 'MISS', what))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--py2', nargs='?', const='auto', default=None, metavar='PATH',
                        help='also run the loops on Python 2.7 httplib (PATH, or found)')
    parser.add_argument('--quick', action='store_true', help='a smoke run: 3 short rounds')
    parser.add_argument('--rounds', type=int, help='rounds (default 7, quick 3)')
    parser.add_argument('--memory-mib', type=int, metavar='MIB',
                        help='body size for the peak memory of read() (default 200, quick 16)')
    parser.add_argument('--seconds', type=float,
                        help='target seconds of one measurement (default 0.2, quick 0.05)')
    parser.add_argument('--cases', help='comma-separated subset of: ' +
                        ', '.join(case[0] for case in CASES))
    parser.add_argument('--json', metavar='PATH', help="write the figures as JSON ('-': stdout)")
    parser.add_argument('--check', action='store_true',
                        help='exit 1 when a target is missed')
    parser.add_argument('--no-pin', action='store_true',
                        help='do not pin client and server to one CPU')
    parser.add_argument('--installed', action='store_true',
                        help='measure the installed httplib_compat, not the checkout')
    parser.add_argument('--report-cost', action='store_true',
                        help='also run httplib_compat with a migration report recording')
    parser.add_argument('--profile', metavar='CASE',
                        help='print a cProfile of httplib_compat on CASE, then exit')
    parser.add_argument('--profile-limit', type=int, default=30)
    # Internal: the roles of the child processes.
    parser.add_argument('--serve', action='store_true', help=argparse.SUPPRESS)
    parser.add_argument('--worker', metavar='MODULE', help=argparse.SUPPRESS)
    parser.add_argument('--port', type=int, help=argparse.SUPPRESS)
    parser.add_argument('--upload', help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.serve:
        return server_main()
    if args.worker:
        if __name__ == '__main__':
            # Run the loops from the module 'bench', not '__main__': they stand for a
            # program's library code, where Python's default filters hide
            # DeprecationWarnings (and so Py2CompatWarning).
            sys.path.insert(0, HERE)
            import bench
            return bench.worker_main(args)
        return worker_main(args)
    if args.cases:
        unknown = [name for name in args.cases.split(',') if name not in CASE_BY_NAME]
        if unknown:
            parser.error('unknown case(s): %s' % ', '.join(unknown))
    if args.profile and args.profile not in CASE_BY_NAME:
        parser.error('unknown case: %s' % args.profile)
    try:
        result = run(args)
    except RuntimeError as exc:
        sys.stderr.write('bench.py: %s\n' % exc)
        return 2
    if not isinstance(result, dict):  # --profile
        print(result)
        return 0
    if args.json == '-':
        json.dump(result, sys.stdout, indent=1, sort_keys=True)
        sys.stdout.write('\n')
    else:
        print_table(result)
        if args.json:
            with open(args.json, 'w') as out:
                json.dump(result, out, indent=1, sort_keys=True)
    if args.check and not all(met for _, met in result['targets']):
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
