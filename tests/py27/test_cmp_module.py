"""The module surface under real 2.7 httplib and under the shim (D01, D39-D40, D43-D45)."""
import textwrap

from harness import compare


def same(code):
    return compare(textwrap.dedent(code), requests=False)


def test_names_and_all():
    # D01: 2.7's names (legacy ones included), its __all__, the limits, error.
    same('''
        want = ['HTTP', 'HTTPS', 'FakeSocket', 'LineAndFileWrapper', 'MAXAMOUNT', '_MAXLINE',
                '_MAXHEADERS', 'HTTP_PORT', 'HTTPS_PORT', 'HTTPMessage', 'HTTPResponse',
                'HTTPConnection', 'HTTPSConnection', 'LineTooLong', 'error', 'responses']
        out('missing', [n for n in want if not hasattr(httplib, n)])
        out('__all__', sorted(httplib.__all__))
        out('values', [httplib.MAXAMOUNT, httplib._MAXLINE, httplib._MAXHEADERS,
                       httplib.HTTP_PORT, httplib.HTTPS_PORT])
        out('error is HTTPException', httplib.error is httplib.HTTPException)
        ''')


def test_status_constants_are_plain_ints():
    # D43, D44: 49 int names; str()/%s/format give the number.
    same('''
        names = sorted(n for n in dir(httplib) if n.isupper() and not n.startswith('_')
                       and isinstance(getattr(httplib, n), int)
                       and n not in ('HTTP_PORT', 'HTTPS_PORT', 'MAXAMOUNT'))
        out('names', names)
        out('values', [getattr(httplib, n) for n in names])
        out('types', sorted(set(type(getattr(httplib, n)).__name__ for n in names)))
        v = httplib.NOT_FOUND
        out('formats', [str(v), repr(v), '%s' % v, '%d' % v, '{0}'.format(v), '{0!s}'.format(v),
                        str(httplib.OK)])
        out('attributes', [hasattr(v, 'phrase'), hasattr(v, 'name')])
        import json
        out('json', json.dumps([httplib.OK, httplib.NOT_FOUND]))
        ''')


def test_responses_table():
    # D45: 2.7.18's table exactly.
    same('''
        R = httplib.responses
        out('table', R)
        out('key types', sorted(set(type(k).__name__ for k in R)))
        out('lookups', [R[httplib.NOT_FOUND], R.get(306), R.get(418), R.get(422), 'OK' in R])
        ''')


def test_exception_hierarchy_and_fields():
    # D39, D40 (but .message: see README's deliberate differences).
    same('''
        names = ['HTTPException', 'NotConnected', 'InvalidURL', 'UnknownProtocol',
                 'UnknownTransferEncoding', 'UnimplementedFileMode', 'IncompleteRead',
                 'ImproperConnectionState', 'CannotSendRequest', 'CannotSendHeader',
                 'ResponseNotReady', 'BadStatusLine', 'LineTooLong', 'error']
        for n in names:
            k = getattr(httplib, n)
            out(n, [b.__name__ for b in k.__bases__] + [issubclass(k, Exception),
                    issubclass(k, httplib.HTTPException)])
        e = httplib.IncompleteRead(b'abc', 2)
        out('IncompleteRead', [repr(e), str(e), e.partial, e.expected, e.args])
        e = httplib.IncompleteRead(b'abc')
        out('IncompleteRead no expected', [repr(e), str(e), e.expected])
        e = httplib.BadStatusLine('')
        out('BadStatusLine empty', [e.line, e.args, str(e)])
        e = httplib.BadStatusLine('junk\\r\\n')
        out('BadStatusLine', [e.line, e.args, str(e)])
        e = httplib.LineTooLong('header line')
        out('LineTooLong', [str(e), e.args])
        e = httplib.UnknownProtocol('HTTP/2.0')
        out('UnknownProtocol', [e.version, e.args, str(e)])
        e = httplib.CannotSendRequest()
        out('CannotSendRequest', [str(e), e.args])
        e = httplib.InvalidURL('nonnumeric port')
        out('InvalidURL', [str(e), e.args])
        ''')


def test_response_constructor_signature():
    # D05: HTTPResponse(sock, debuglevel=0, strict=0, method=None, buffering=False).
    same('''
        import inspect
        spec = getattr(inspect, 'getfullargspec', None) or inspect.getargspec
        s = spec(httplib.HTTPResponse.__init__)
        out('args', s.args[:6])
        out('defaults', list(s.defaults)[:4])
        ''')


def test_connection_state_names_and_unknown():
    # Issue 12.5: 2.7's module-level state names, compared with a connection's state.
    same('''
        out('values', [httplib._CS_IDLE, httplib._CS_REQ_STARTED, httplib._CS_REQ_SENT,
                       httplib._UNKNOWN])
        c = httplib.HTTPConnection(HOST, PORT)
        states = [c._HTTPConnection__state == httplib._CS_IDLE]
        c.putrequest('GET', '/')
        states.append(c._HTTPConnection__state == httplib._CS_REQ_STARTED)
        c.endheaders()
        states.append(c._HTTPConnection__state == httplib._CS_REQ_SENT)
        out('states', states)
        a, b = raw_pair(b'HTTP/1.0 200 OK\\r\\n\\r\\n')
        r = httplib.HTTPResponse(a)
        out('before begin()', [r.version == httplib._UNKNOWN, r.status == httplib._UNKNOWN,
                               r.reason == httplib._UNKNOWN, r.chunked == httplib._UNKNOWN])
        ''')


def test_line_and_file_wrapper_parameter_names():
    # Issue 12.5: read(amt), readlines(size), called by keyword as 2.7 code may.
    same('''
        import inspect, io
        spec = getattr(inspect, 'getfullargspec', None) or inspect.getargspec
        for name in ('__init__', 'read', 'readlines'):
            s = spec(getattr(httplib.LineAndFileWrapper, name))
            out(name, [s.args, s.defaults])
        def wrapper():
            return httplib.LineAndFileWrapper(b'first\\n', io.BytesIO(b'second\\nthird\\nfourth\\n'))
        out('read(amt=3)', wrapper().read(amt=3))
        out('read(amt=None)', wrapper().read(amt=None))
        w = wrapper()
        out('readline()', [w.readline(), w.readline()])
        out('then readlines(3)', w.readlines(3))
        out('readlines(size=None)', wrapper().readlines(size=None))
        out('readlines()', wrapper().readlines())
        ''')
