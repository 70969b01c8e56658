"""The request side against real Python 2.7: the bytes the server receives and
what the client sees (D28-D37, D42), scenario by scenario."""
import textwrap

import pytest

from harness import compare

OK = b'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi'

# Every scenario starts with a connection ``c`` to the recording server and
# ``done()``, which reads the reply so that the next request can go out.
PRELUDE = '''
import io, os, sys, tempfile
c = httplib.HTTPConnection(HOST, PORT)
def done(label='reply'):
    r = c.getresponse()
    out(label, (r.status, r.reason, r.read()))
def text_of(f, *a):
    r = T(f, *a)
    return ('raised', type(r.exc).__name__, str(r.exc)) if isinstance(r, Raised) else r
'''

SCENARIOS = {
    'methods without a body': '''
        for method in ('GET', 'DELETE', 'OPTIONS', 'get', 'HEAD'):
            c.request(method, '/m'); r = c.getresponse(); out(method, (r.status, r.read()))
        ''',
    'Content-Length: 0 for PUT/POST/PATCH without a body (S02)': '''
        for method in ('POST', 'PUT', 'PATCH', 'post'):
            c.request(method, '/empty'); done(method)
        ''',
    'str body (D28)': '''
        c.request('POST', '/form', 'a=1&b=2', {'Content-Type': 'application/x-www-form-urlencoded'})
        done()
        ''',
    'str body of bytes 0x80-0xFF (D28)': '''
        c.request('POST', '/latin', 'caf\\xe9 \\xff')
        done()
        ''',
    'bytes, bytearray and memoryview bodies (D30)': '''
        c.request('POST', '/b', b'raw\\xff\\x00'); done('bytes')
        c.request('POST', '/ba', bytearray(b'ab')); done('bytearray')
        c.request('POST', '/mv', memoryview(b'mv')); done('memoryview')
        c.request('POST', '/empty-bytes', b''); done('empty')
        ''',
    'real file body: Content-Length from its size (D29)': '''
        tf = tempfile.TemporaryFile(); tf.write(b'0123456789' * 2000); tf.seek(0)
        c.request('PUT', '/f', tf); done()
        ''',
    'a read()able with a fileno() but no tell(): the file\'s size (D29)': '''
        tf = tempfile.TemporaryFile(); tf.write(b'0123456789'); tf.seek(0)
        class Reader(object):
            def read(self, size=-1):
                return tf.read(size)
            def fileno(self):
                return tf.fileno()
        c.request('PUT', '/r', Reader()); done()
        ''',
    'a read()able body is read in 2.7\'s blocks of 8192 (D31)': '''
        sizes = []
        class Reader(object):
            def __init__(self):
                self.left = 20000
            def read(self, size=-1):
                sizes.append(size)
                n = min(size, self.left); self.left -= n
                return b'r' * n
        c.request('PUT', '/blocks', Reader(), {'Content-Length': '20000'}); done()
        out('read sizes', sizes)
        ''',
    'caller Content-Length wins (D37)': '''
        c.request('POST', '/cl', b'abc', {'Content-Length': '3'}); done()
        tf = tempfile.TemporaryFile(); tf.write(b'file-body'); tf.seek(0)
        c.request('PUT', '/clf', tf, {'content-length': 9}); done('file')
        ''',
    'caller Host and Accept-Encoding win (D36, D37)': '''
        c.request('GET', '/', headers={'HOST': 'h.example'}); done('host')
        c.request('GET', '/', headers={'accept-encoding': 'gzip'}); done('accept-encoding')
        c.request('GET', '/', headers={'X-Int': 1}); done('int value')
        ''',
    'absolute URL: its netloc is the Host (D36)': '''
        c.request('GET', 'http://other.example:81/x?q=1'); done('port')
        c.request('GET', 'http://other.example/x'); done('no port')
        c.request('GET', ''); done('empty url')
        ''',
    'putrequest skip flags, putheader values (D32)': '''
        c.putrequest('GET', '/', skip_host=1, skip_accept_encoding=1)
        for i, args in enumerate([('X-Multi', 'a', 'b'), ('X-Int', 42), ('X-Float', 1.5), ('X-Third', 1.0 / 3),
                     ('X-Big', 1e16), ('X-Whole', 2.0), ('X-None', None), ('X-Bytes', b'b\\xff'),
                     (b'X-BName', 'v'), ('X-Empty',), ('X-Bool', True)]):
            out('putheader %d' % i, T(c.putheader, *args))
        c.endheaders(); done()
        ''',
    'putheader names of other types go through %s (D32)': '''
        c.putrequest('GET', '/', skip_host=1, skip_accept_encoding=1)
        for i, name in enumerate([5, 1.5, 1.0 / 3, 2.0, bytearray(b'X-BA'), u'X-Uni', True]):
            out('name %d' % i, T(c.putheader, name, 'v'))
        c.endheaders(); done()
        ''',
    'putrequest positional skip flags and HTTP/1.1 Host with port': '''
        c.putrequest('GET', '/a', 0, 1); c.endheaders(); done('skip accept-encoding')
        c.putrequest('GET', '/b', 1, 0); c.endheaders(); done('skip host')
        c.putrequest('GET', '/c'); c.putheader('Host', 'x'); c.endheaders(); done('both')
        ''',
    'header validation: same accept/reject set, 2.7 texts (D33)': '''
        c.putrequest('GET', '/', 1, 1)
        for name, value in [('X Space', 'v'), ('X:Colon', 'v'), ('X-CRLF', 'a\\r\\nInjected: 1'),
                            ('X-Fold', 'a\\r\\n b'), ('X-Trail', 'a\\r\\n'), ('X-NUL', 'a\\x00b'),
                            ('X-LF', 'a\\nb'), ('', 'v'), (' X', 'v')]:
            out(repr((name, value)), text_of(c.putheader, name, value))
        c.endheaders(); done()
        ''',
    'endheaders(str body) (D31)': '''
        c.putrequest('POST', '/e', 1, 1); c.putheader('Content-Length', '3'); c.endheaders('abc'); done()
        c.putrequest('POST', '/e2'); c.putheader('Content-Length', 5); c.endheaders(b'bytes'); done('bytes')
        c.putrequest('POST', '/e3'); c.putheader('Content-Length', 2); c.endheaders(bytearray(b'ba')); done('bytearray')
        ''',
    'send() of str, bytes, bytearray and a file after endheaders (D31)': '''
        tf = tempfile.TemporaryFile(); tf.write(b'FILE'); tf.seek(0)
        c.putrequest('POST', '/s', 1, 1); c.putheader('Content-Length', '15'); c.endheaders()
        out('str', T(c.send, 'abc')); out('bytes', T(c.send, b'def'))
        out('bytearray', T(c.send, bytearray(b'gh'))); out('file', T(c.send, tf))
        out('more str', T(c.send, 'ijk\\xe9'))
        done()
        ''',
    'URL checks: controls, space, DEL and 0x80-0xFF are InvalidURL (D34)': '''
        urls = ['/a b', '/a\\tb', '/a\\r\\nX: y', '/\\x7f', '/\\x00', '/ok%20?q=1#f']
        for i, url in enumerate(urls):
            c = httplib.HTTPConnection(HOST, PORT)
            out('url %d' % i, T(c.putrequest, 'GET', url))
            out('then request()', T(c.request, 'GET', '/'))
        c = httplib.HTTPConnection(HOST, PORT); c.request('GET', '/ok'); done()
        ''',
    'non-ASCII URLs: 2.7\'s classes, nothing sent (D34; the texts say to percent-encode)': '''
        urls = ['/caf\\xc3\\xa9', u'/caf\\xe9', u'/\\u20ac', u'http://\\u4f8b.example/x',
                u'/a\\u3000b', u'/\\u20ac x', u'/\\u20ac\\xe9']
        for i, url in enumerate(urls):
            c = httplib.HTTPConnection(HOST, PORT)
            r = T(c.request, 'GET', url)
            out('url %d' % i, type(r.exc).__name__ if isinstance(r, Raised) else r)
            out('then request()', T(c.request, 'GET', '/'))
        c = httplib.HTTPConnection(HOST, PORT); c.request('GET', '/ok'); done()
        ''',
    'state errors keep 2.7 texts (D38)': '''
        out('getresponse() before a request', T(c.getresponse))
        out('putheader() before a request', T(c.putheader, 'X', 'y'))
        out('endheaders() before a request', T(c.endheaders))
        c.request('GET', '/')
        out('request() again', T(c.request, 'GET', '/'))
        out('putrequest() again', T(c.putrequest, 'GET', '/'))
        out('putheader() after request()', T(c.putheader, 'X', 'y'))
        out('endheaders() again', T(c.endheaders))
        r = c.getresponse()
        out('getresponse() twice', T(c.getresponse))
        out('request() before reading the body', T(c.request, 'GET', '/next'))
        out('getresponse() before the first body is read', T(c.getresponse))
        out('body', r.read()); done('next')
        c.putrequest('GET', '/unfinished')
        out('getresponse() before endheaders()', T(c.getresponse))
        c.endheaders(); done('finished')
        ''',
    'set_debuglevel(0) and (-1) print nothing (D42)': '''
        buf = io.BytesIO() if str is bytes else io.StringIO()
        real, sys.stdout = sys.stdout, buf
        try:
            for level in (0, -1):
                c.set_debuglevel(level)
                c.request('POST', '/x', 'abc', {'X-A': 1}); r = c.getresponse()
                out('response', (r.debuglevel, r.read()))
                tf = tempfile.TemporaryFile(); tf.write(b'file-data'); tf.seek(0)
                c.request('PUT', '/f', tf); out('file body', c.getresponse().read())
        finally:
            sys.stdout = real
        out('printed', buf.getvalue())
        ''',
    'set_debuglevel(1) prints 2.7 send: lines (D42)': '''
        buf = io.BytesIO() if str is bytes else io.StringIO()
        real, sys.stdout = sys.stdout, buf
        try:
            c.set_debuglevel(1)
            c.request('POST', '/x', 'abc', {'X-A': 1}); c.getresponse().read()
            c.putrequest('POST', '/p', 1, 1); c.putheader('Content-Length', 4); c.endheaders(b'data')
            c.getresponse().read()
            tf = tempfile.TemporaryFile(); tf.write(b'file-data'); tf.seek(0)
            c.request('PUT', '/f', tf, {'Host': 'h'}); c.getresponse().read()
            c.request('GET', "/q'uote\\"d"); c.getresponse().read()
        finally:
            sys.stdout = real
        for line in buf.getvalue().replace(str(PORT), 'PORT').splitlines(True):
            out('line', 'send: <file object>\\n' if line.startswith('send: <') else line)
        ''',
}


@pytest.mark.parametrize('name', sorted(SCENARIOS))
def test_request_matches_python27(name):
    code = PRELUDE + textwrap.dedent(SCENARIOS[name])
    compare(code, [OK] * 12)


def test_a_wrong_request_byte_is_seen():
    # The comparison really looks at the bytes: a scenario that sends
    # different bytes under each interpreter must fail.
    code = PRELUDE + textwrap.dedent('''
        c.request('POST', '/', b'py%d' % sys.version_info[0]); done()
        ''')
    with pytest.raises(AssertionError):
        compare(code, [OK])
