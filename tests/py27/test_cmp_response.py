"""HTTPResponse under real 2.7 httplib and under the shim, on the same raw bytes.

Each scenario builds responses from socket pairs whose peer already sent the
raw reply (``raw_pair``), so nothing but the response class is involved.
"""
import random
import textwrap

import pytest

from harness import compare, observe_py27, observe_shim

PRELUDE = textwrap.dedent('''
    import sys

    _out = out

    def out(label, value):
        if not isinstance(label, type(u'')):
            label = label.decode('latin-1')
        _out(label, value)

    def resp(raw, *args, **kwargs):
        r = httplib.HTTPResponse(raw_pair(raw)[0], *args, **kwargs)
        r.begin()
        return r

    def err(f, *args, **kwargs):
        """f's result, or the exception's class, text and httplib fields."""
        try:
            return ['ok', f(*args, **kwargs)]
        except Exception as e:
            return [type(e).__name__, isinstance(e, httplib.HTTPException), str(e),
                    getattr(e, 'partial', None), getattr(e, 'expected', None),
                    getattr(e, 'line', None), list(e.args)]

    def state(r):
        return [r.version, r.status, r.reason, r.length, r.chunked, r.will_close]

    def parse(raw, **kwargs):
        """begin() and read(): the state and body, or the error."""
        def run():
            r = resp(raw, **kwargs)
            return state(r) + [err(r.read), r.isclosed()]
        return err(run)

    class Capture(object):
        def __init__(self):
            self.parts = []
        def write(self, text):
            self.parts.append(text)
        def flush(self):
            pass
    ''')


def same(code, responses=()):
    return compare(PRELUDE + textwrap.dedent(code), responses, requests=False)


STATUS_LINES = [
    b'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi',
    b'HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi',
    b'HTTP/1.1 200\r\nContent-Length: 2\r\n\r\nhi',
    b'HTTP/1.2 201  Created  \r\nContent-Length: 2\r\n\r\nhi',
    b'HTTP/1.1 200 OK\nContent-Length: 2\n\nhi',
    b'HTTP/2.0 200 OK\r\n\r\n',
    b'HTTP/0.9 200 OK\r\nX: 1\r\n\r\nbody',
    b'HTTP/1.1 abc OK\r\n\r\n',
    b'HTTP/1.1 99 Low\r\n\r\n',
    b'HTTP/1.1 1000 High\r\n\r\n',
    b'HTTP/1.1 999 High\r\nContent-Length: 0\r\n\r\n',
    b'HTTP/1.1 2_00 OK\r\n\r\n',
    b'HTTP/1.1 +200 OK\r\nContent-Length: 0\r\n\r\n',
    b'HTTP/1.1\xa0200 OK\r\n\r\nbody',
    b'HTTP/1.1 200 \xc3\x89t\xc3\xa9\xa0 \x0b\r\nContent-Length: 0\r\n\r\n',
    b'HTTP/1.1\r\n\r\n',
    b'HTTP/\r\n',
    b'http/1.1 200 OK\r\n\r\nbody',
    b' HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi',
    b'<html>hello</html>\r\n',
    b'<html>hello</html>',
    b'\r\nHTTP/1.1 200 OK\r\n\r\n',
    b'ICY 200 OK\r\nContent-Length: 2\r\n\r\nhi',
    b'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi',
    b'HTTP/1.1 100 Continue\r\nX: 1\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n'
    b'HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno',
    b'HTTP/1.1 100 Continue\r\n\r\n<html>',
    b'HTTP/1.1 100 Continue\r\n',
    b'HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\nrest',
]


@pytest.mark.parametrize('strict', [0, 1])
def test_status_lines_strict_and_http09(strict):
    # D09, D10, S01: every status line form, with 2.7's default and strict.
    same('''
        for raw in %r:
            out(raw, parse(raw, strict=%d))
        ''' % (STATUS_LINES, strict))


def test_http09_reads_like_27():
    # D09: the first line is body; read(n) across the re-fed line; no headers.
    same('''
        raw = b'<html>hello</html>\\r\\nsecond line\\nthird'
        r = resp(raw)
        out('state', state(r))
        out('getheaders', r.getheaders())
        out('getheader', r.getheader('content-length', 'none'))
        out('reads', [r.read(3), r.read(20), r.read(0), r.read()])
        out('after', [r.read(), r.isclosed()])
        out('strict positional', err(resp, raw, 0, 1))
        ''')


def test_peer_closed_before_status_line():
    # D10: 2.7's BadStatusLine text and .line, for both strict settings.
    same('''
        for kwargs in ({}, {'strict': 1}):
            out(repr(kwargs), err(resp, b'', **kwargs))
            try:
                resp(b'')
            except httplib.BadStatusLine as e:
                out('caught as BadStatusLine', [type(e).__name__, e.line, e.args, str(e)])
        ''')


def test_constructor_positional_orders():
    # D05: 2.7's (sock, debuglevel, strict, method, buffering).
    same('''
        raw = b'HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nhi'
        r = httplib.HTTPResponse(raw_pair(raw)[0], 0, 0, 'HEAD')
        out('HEAD positional', [r._method, r.strict, r.debuglevel])
        r.begin()
        out('HEAD after begin', state(r) + [r.read(), r.isclosed()])
        r = httplib.HTTPResponse(raw_pair(raw)[0], strict=1, method='GET', buffering=True)
        out('keywords', [r.strict, r._method])
        r.begin()
        out('keywords read', [r.read(), r.isclosed()])
        r = httplib.HTTPResponse(raw_pair(raw)[0], 0, 1, 'GET', True)
        out('all positional', [r.strict, r._method, r.debuglevel])
        r.begin()
        out('all positional read', r.read())
        ''')


def test_read_sizes_eof_and_close():
    # D14, D49: short reads, empty after EOF, fp None once consumed.
    same('''
        r = resp(b'HTTP/1.1 200 OK\\r\\nContent-Length: 5\\r\\n\\r\\nhello')
        out('reads', [r.read(2), r.read(10), r.read(), r.isclosed(), r.fp is None, r.length])
        out('read(0)', [r.read(0), r.length])
        r.close()
        out('after close', [r.read(), r.read(3), r.isclosed()])
        r = resp(b'HTTP/1.1 200 OK\\r\\nContent-Length: 5\\r\\n\\r\\nhello')
        out('read(5) then', [r.read(5), r.isclosed(), r.read(1)])
        r = resp(b'HTTP/1.1 200 OK\\r\\nContent-Length: 5\\r\\n\\r\\nhello')
        out('read(0) first', [r.read(0), r.length, r.isclosed(), r.read()])
        r = resp(b'HTTP/1.1 200 OK\\r\\nContent-Length: 0\\r\\n\\r\\n')
        out('empty', [r.read(0), r.isclosed(), r.read()])
        r = resp(b'HTTP/1.1 200 OK\\r\\nContent-Length: 5\\r\\n\\r\\nhello')
        out('read() at once', [r.length, r.read(), r.length, r.isclosed(), r.read(), r.length])
        raw = b'HTTP/1.1 200 OK\\r\\nContent-Length: 10\\r\\n\\r\\nhello'
        out('short read()', err(resp(raw).read))
        r = resp(raw)
        out('short read(3)', [err(r.read, 3) for i in range(4)] + [r.isclosed(), r.length])
        r = resp(b'HTTP/1.0 200 OK\\r\\n\\r\\nuntil close')
        out('until close', state(r) + [r.read(5), r.read(), r.isclosed()])
        r = resp(b'HTTP/1.0 200 OK\\r\\n\\r\\nuntil close')
        out('until close by 4', [r.read(4) for i in range(4)] + [r.isclosed()])
        ''')


def test_a_subclass_read_status_decides_which_statuses_are_interim():
    # begin() skips a response only while _read_status() says 100: any other
    # status a 2.7 subclass returns (even one the base class refuses) is final.
    same('''
        class Lenient(httplib.HTTPResponse):
            def _read_status(self):
                version, status, reason = self.fp.readline().split(None, 2)
                return version, int(status), reason

        for raw in [b'HTTP/1.0 99 Odd\\r\\nX: 1\\r\\n\\r\\nbody',
                    b'HTTP/1.0 0 Zero\\r\\n\\r\\nbody',
                    b'HTTP/1.0 100 Continue\\r\\nX: 1\\r\\n\\r\\nHTTP/1.0 99 Odd\\r\\n\\r\\nbody']:
            def run():
                r = Lenient(raw_pair(raw)[0])
                r.begin()
                return state(r) + [r.getheader('x'), err(r.read)]
            out(raw, err(run))
        ''')


def test_line_and_file_wrapper_hands_other_attributes_to_its_file():
    # 2.7's LineAndFileWrapper looked every attribute it lacks up on the file.
    same('''
        import io

        class Source(io.BytesIO):
            Name, _cache, zone = 'upper', 'private', 'last'

        w = httplib.LineAndFileWrapper(b'first\\n', Source(b'rest'))
        out('attributes', [w.Name, w._cache, w.zone, err(getattr, w, 'missing')[0]])
        out('read', [w.readline(), w.read()])
        ''')


def test_a_fake_socket_with_a_seekable_file():
    # 2.7's tests and many of its users' fed responses a fake socket whose
    # makefile() is a BytesIO: the message still took the file as unseekable.
    same('''
        import io

        class FakeSocket(object):
            def __init__(self, data):
                self.data = data
            def makefile(self, *args):
                return io.BytesIO(self.data)

        for raw in [b'HTTP/1.1 200 OK\\r\\nA: 1\\r\\nContent-Length: 2\\r\\n\\r\\nhi', b'<html>\\r\\n']:
            r = httplib.HTTPResponse(FakeSocket(raw))
            r.begin()
            m = r.msg
            out(raw, [m.seekable, m.startofheaders, m.startofbody, r.getheader('a'), r.read()])
        ''')


def test_getheaders_and_getheader():
    # D15, D16: 2.7's shape (compared sorted: 2.7's order is its dict's hash order).
    same('''
        raw = (b'HTTP/1.1 200 OK\\r\\nZ-Last: 1\\r\\nSet-Cookie: a=1\\r\\n'
               b'Content-Type: text/html; charset="utf-8"\\r\\nset-cookie: b=2\\r\\n'
               b'X-Mixed-CASE: v\\r\\nX-Empty:\\r\\nX-Latin: caf\\xc3\\xa9\\r\\nContent-Length: 2\\r\\n\\r\\nhi')
        r = resp(raw)
        out('getheaders', sorted(r.getheaders()))
        for args in [('SET-COOKIE',), ('set-cookie', 'd'), ('missing',), ('missing', 'dflt'),
                     ('missing', ['x', 'y']), ('missing', 5), ('missing', ()), ('x-empty', 'd'),
                     ('X-LATIN',)]:
            out('getheader%r' % (args,), err(r.getheader, *args))
        fresh = httplib.HTTPResponse(raw_pair()[0])
        out('before begin', [err(fresh.getheaders), err(fresh.getheader, 'x')])
        ''')


CHUNKED = b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'
CHUNK_BODIES = [
    b'5\r\nhello\r\n0\r\n\r\n',
    b'5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n',
    b'5;ext=1\r\nhello\r\n0;x\r\nTrailer: t\r\n\r\n',
    b'A\r\n0123456789\r\n0\r\n',
    b'a\r\n0123456789\r\n0\r\n\r\n',
    b'0x5\r\nhello\r\n0\r\n\r\n',
    b' 5 \r\nhello\r\n0\r\n\r\n',
    b'1_0\r\n0123456789abcdef\r\n0\r\n\r\n',
    b'+5\r\nhello\r\n0\r\n\r\n',
    b'-0\r\n\r\n',
    b'zz\r\nhello\r\n',
    b'5\r\nhel',
    b'5\r\nhello',
    b'5\r\nhello\r',
    b'5\r\nhello\r\n',
    b'5\r\nhello\r\n3\r\nab',
    b'-5\r\nhello\r\n0\r\n\r\n',
    b'',
    b'\r\n',
    b'5\xa0\r\nhello\r\n0\r\n\r\n',
    b'\xb2\r\nhi\r\n0\r\n\r\n',
    b'1' * 65537 + b'\r\n',
    b'0\r\nT: ' + b'x' * 65537 + b'\r\n\r\n',
]


def test_chunked_read_all():
    # D47: results and IncompleteRead(partial, expected) of read().
    same('''
        for body in %r:
            r = resp(%r + body)
            out(body[:20], [err(r.read), r.isclosed(), r.chunk_left])
        ''' % (CHUNK_BODIES, CHUNKED))


@pytest.mark.parametrize('amt', [1, 3, 5, 7])
def test_chunked_read_amt(amt):
    # D48: read(amt) step by step, errors repeated as in 2.7.
    same('''
        for body in %r:
            r = resp(%r + body)
            out(body[:20], [err(r.read, %d) for i in range(6)] + [r.isclosed()])
        ''' % (CHUNK_BODIES, CHUNKED, amt))


def test_content_length_forms():
    # D50: unparsable, negative, repeated (2.7 merges them) Content-Length.
    same('''
        for cl in [b'5', b'abc', b'-1', b'5, 5', b'5\\r\\nContent-Length: 3', b' 5 ', b'+5',
                   b'0x5', b'1_0', b'05', b'', b'\\xb2', b'5\\x0b']:
            raw = b'HTTP/1.1 200 OK\\r\\nContent-Length: ' + cl + b'\\r\\n\\r\\nhello world'
            out(cl, parse(raw))
        raw = (b'HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\nContent-Length: 3\\r\\n\\r\\n'
               b'5\\r\\nhello\\r\\n0\\r\\n\\r\\n')
        out('chunked wins', parse(raw))
        raw = b'HTTP/1.1 200 OK\\r\\nTransfer-Encoding: gzip, chunked\\r\\n\\r\\n5\\r\\nhello\\r\\n0\\r\\n\\r\\n'
        out('not only chunked', parse(raw))
        raw = b'HTTP/1.1 200 OK\\r\\nTransfer-Encoding: CHUNKED\\r\\n\\r\\n5\\r\\nhello\\r\\n0\\r\\n\\r\\n'
        out('upper case', parse(raw))
        ''')


def test_bodiless_statuses_and_connection_close():
    # HEAD/204/304/1xx lengths and will_close by version and headers (merged, D50).
    same('''
        for status in [b'204 No Content', b'304 Not Modified', b'199 X', b'200 OK']:
            raw = b'HTTP/1.1 ' + status + b'\\r\\nContent-Length: 5\\r\\n\\r\\nhello'
            out(status, parse(raw))
        raw = b'HTTP/1.1 200 OK\\r\\nContent-Length: 5\\r\\n\\r\\nhello'
        out('HEAD', parse(raw, method='HEAD'))
        for version, headers in [
                (b'1.1', b''), (b'1.1', b'Connection: close\\r\\n'), (b'1.1', b'Connection: Close, TE\\r\\n'),
                (b'1.1', b'Connection: keep-alive\\r\\nConnection: close\\r\\n'),
                (b'1.0', b''), (b'1.0', b'Connection: keep-alive\\r\\n'), (b'1.0', b'Keep-Alive: 300\\r\\n'),
                (b'1.0', b'Proxy-Connection: keep-alive\\r\\n'),
                (b'1.0', b'Connection: close\\r\\nConnection: Keep-Alive\\r\\n')]:
            raw = b'HTTP/' + version + b' 200 OK\\r\\n' + headers + b'Content-Length: 2\\r\\n\\r\\nhi'
            out(version + b' ' + headers, parse(raw))
        ''')


def test_limits():
    # D46: status line too long is a 'header line' in 2.7; header count; chunk lines.
    same('''
        big = b'x' * 65537
        cases = [b'HTTP/1.1 200 ' + big + b'\\r\\n\\r\\n', b'HTTP/1.1 200 OK\\r\\nX: ' + big + b'\\r\\n\\r\\n',
                 big + b'\\r\\n', b'x' * 65536 + b'\\r\\n',
                 b'HTTP/1.1 100 Continue\\r\\nX: ' + big + b'\\r\\n\\r\\n']
        cases += [b'HTTP/1.1 200 OK\\r\\n' + b'X: 1\\r\\n' * n + b'\\r\\n' for n in (99, 100, 101)]
        for raw in cases:
            result = parse(raw)
            if result[0] == 'ok':
                result[1][-2] = len(result[1][-2][1])
            out(len(raw), result)
        ''')


def test_lines_at_the_limit_and_what_a_refused_line_leaves():
    # A line of exactly _MAXLINE bytes is read; a longer one is refused after
    # _MAXLINE + 1 bytes, and a read() after the refusal goes on from there.
    same('''
        saved = httplib._MAXLINE
        try:
            httplib._MAXLINE = 17
            out('status line of 17', parse(b'HTTP/1.0 200 OK\\r\\n\\r\\nhi'))
            httplib._MAXLINE = 40
            r = resp(b'HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n' +
                     b'0' * 14 + b'2\\r\\nhi\\r\\n0\\r\\nX-T: 1234567890\\r\\n\\r\\n')
            httplib._MAXLINE = 17
            out('chunk size and trailer lines of 17', [err(r.read), r.isclosed()])
            httplib._MAXLINE = 40
            r = resp(b'HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n' +
                     b'0' * 17 + b'13\\r\\nabc\\r\\n0\\r\\n\\r\\n')
            httplib._MAXLINE = 17
            out('chunk size line of 20, read twice', [err(r.read), err(r.read), r.isclosed()])
        finally:
            httplib._MAXLINE = saved
        ''')


def test_debuglevel_output():
    # D42: 'reply:' with 2.7's repr of the line, 'header:' with the raw line.
    same('''
        raws = [b'HTTP/1.1 200 OK\\r\\nX-A: 1\\r\\nContent-Length: 2\\r\\n\\r\\nhi',
                b"HTTP/1.1 200 it's \\"q\\" \\xe9\\r\\nX-B:  two  \\r\\n\\r\\nrest",
                b'HTTP/1.1 100 Continue\\r\\nX-C: 3\\r\\n\\r\\nHTTP/1.0 204 None\\r\\n\\r\\n',
                b'<html>\\r\\n', b'']
        for level in (1, 0, -1):  # 2.7 printed for a level above 0 only
            for raw in raws:
                capture, real = Capture(), sys.stdout
                sys.stdout = capture
                try:
                    result = err(lambda: httplib.HTTPResponse(raw_pair(raw)[0], level).begin())
                finally:
                    sys.stdout = real
                out(raw, [level, result, ''.join(capture.parts)])
        ''')


def test_non_ascii_reason_and_values_are_latin1():
    # D11: reason and values keep every byte (latin-1 text on 3.x, byte str on 2.7).
    same('''
        r = resp(b'HTTP/1.1 200 \\xc3\\x89t\\xc3\\xa9\\r\\n'
                 b'X-Name: caf\\xc3\\xa9\\xff\\r\\nContent-Length: 2\\r\\n\\r\\nhi')
        out('reason', r.reason)
        out('header', r.getheader('x-name'))
        out('types', [type(r.status).__name__, type(r.version).__name__])
        ''')


def _mutations(count, seed):
    rng = random.Random(seed)
    seeds = [b'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello',
             CHUNKED + b'5\r\nhello\r\n3;x\r\nabc\r\n0\r\nT: 1\r\n\r\n',
             b'HTTP/1.0 100 Continue\r\n\r\nHTTP/1.0 301 Moved\r\nLocation: /x\r\n\r\nbye']
    alphabet = b'\r\n :;-0123456789aAfFxHTP/\t\xff\x00_'
    cases = []
    for i in range(count):
        data = bytearray(rng.choice(seeds))
        for _ in range(rng.randint(1, 4)):
            pos = rng.randrange(len(data) + 1)
            action = rng.randrange(3)
            if action == 0:
                data[pos:pos + 1] = b''
            elif action == 1:
                data[pos:pos] = bytes(bytearray([rng.choice(bytearray(alphabet))]))
            else:
                data = data[:pos]
        cases.append(bytes(data))
    return cases


@pytest.mark.parametrize('seed', [1, 2, 3, 4])
def test_mutated_responses(seed):
    # Malformed input: the same outcome (value or httplib exception) as 2.7.
    same('''
        for raw in %r:
            out(raw, parse(raw))
            r = err(resp, raw)
            if r[0] == 'ok':
                out('by 3', [err(r[1].read, 3) for i in range(8)])
        ''' % (_mutations(150, seed),))


# Issue 12.2: the module's globals are read when used, as 2.7 read httplib's.
# Each scenario sets them on the module it is given and puts them back.
GLOBALS_AT_CALL_TIME = '''
    long_status = b'HTTP/1.1 200 OK 123456789012345678901234567890\\r\\nContent-Length: 2\\r\\n\\r\\nhi'
    long_header = b'HTTP/1.1 200 OK\\r\\nX-Long: 123456789012345678901234567890\\r\\n\\r\\n'
    long_continue = (b'HTTP/1.1 100 Continue\\r\\nX-Long: 123456789012345678901234567890\\r\\n\\r\\n'
                     b'HTTP/1.1 200 OK\\r\\n\\r\\n')
    chunk_line = (b'HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n' +
                  b'0' * 35 + b'2\\r\\nhi\\r\\n0\\r\\n\\r\\n')
    trailer = (b'HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n'
               b'2\\r\\nhi\\r\\n0\\r\\nX-Trailer: 123456789012345678901234567890\\r\\n\\r\\n')
    saved = httplib._MAXLINE
    try:
        for limit in (30, 65536, 32):  # the header block's lines stay under 30
            httplib._MAXLINE = limit
            for name, raw in [('status', long_status), ('continue', long_continue),
                              ('chunk size', chunk_line), ('trailer', trailer)]:
                out('%s %d' % (name, limit), parse(raw))
    finally:
        httplib._MAXLINE = saved
    saved = httplib.MAXAMOUNT
    try:
        httplib.MAXAMOUNT = 3
        out('MAXAMOUNT 3', parse(b'HTTP/1.1 200 OK\\r\\nContent-Length: 10\\r\\n\\r\\n0123456789'))
        out('MAXAMOUNT 3 short', parse(b'HTTP/1.1 200 OK\\r\\nContent-Length: 10\\r\\n\\r\\n01234'))
    finally:
        httplib.MAXAMOUNT = saved

    class Sub(httplib.HTTPMessage):
        pass

    saved = httplib.HTTPMessage
    try:
        httplib.HTTPMessage = Sub
        for raw in [b'HTTP/1.1 200 OK\\r\\nA: 1\\r\\n\\r\\n', b'<html>\\r\\n']:
            r = resp(raw)
            out('subclass', [r.msg.__class__ is Sub, r.msg.seekable, r.msg.startofheaders,
                             r.msg.startofbody, r.msg.fp is None, r.getheader('a')])
    finally:
        httplib.HTTPMessage = saved
    out('restored', resp(b'HTTP/1.1 200 OK\\r\\n\\r\\n').msg.__class__ is httplib.HTTPMessage)

    class OwnInit(saved):
        # 2.7's signature, as a 2.7 subclass overriding __init__ wrote it.
        def __init__(self, fp, seekable=1):
            saved.__init__(self, fp, seekable)
            self.made_here = True

    try:
        httplib.HTTPMessage = OwnInit
        r = err(resp, b'HTTP/1.1 200 OK\\r\\nA: 1\\r\\nContent-Length: 2\\r\\n\\r\\nhi')
        out('own __init__', r[:1] + [r[1].msg.made_here, r[1].getheader('a'), r[1].read()]
            if r[0] == 'ok' else r)
    finally:
        httplib.HTTPMessage = saved
'''


def test_module_globals_are_read_at_call_time():
    same(GLOBALS_AT_CALL_TIME)


def test_module_globals_of_the_native_face_are_read_at_call_time():
    # The native face is a module of its own: its globals govern its responses
    # (bodies are str there; the comparison reads both as latin-1 text).
    import httplib_compat.native as native
    code = PRELUDE + textwrap.dedent(GLOBALS_AT_CALL_TIME)
    py27 = observe_py27(code)
    shim = observe_shim(code, module=native)
    assert shim[0] == py27[0]
