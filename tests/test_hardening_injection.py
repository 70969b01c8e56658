"""Injection and limits: the shim is never easier to attack than 2.7.18 or the
running 3.x.

Every case runs three times: under real Python 2.7 httplib (one subprocess),
under plain ``http.client`` of this interpreter, and under the shim.  A request
that either of them refuses, the shim refuses, with the class the running 3.x
raises (or 2.7's where only 2.7 refuses: its URL check of bytes 0x80-0xFF, D34);
what both accept, the shim accepts and buffers as one of them did (D33-D36).
Over-long lines and too many headers hit the limits with 2.7's exception
classes and texts (D46).

On 2.7 the package is the real httplib: the rule is the adapter's, Python 3 only.
"""
import os
import sys
import textwrap

import pytest
import six

if six.PY2:
    pytest.skip('the stricter-of-2.7-and-3.x rule is the adapter\'s (Python 3 only); on 2.7 '
                'the package is the real httplib', allow_module_level=True)

import http.client  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'py27'))
from harness import observe_py27, observe_shim  # noqa: E402

# Runs on 2.7 and 3.x; every line of output is one case.
REQUEST_CASES = textwrap.dedent(r'''
    def label(kind, text):
        # The same on 2.7 and 3.x: code points escaped (2.7's repr of a byte
        # string and 3.x's of a text string differ).
        return kind + ' ' + ''.join(
            c if 32 < ord(c) < 127 else '\\x%02x' % ord(c) for c in
            (text.decode('latin-1') if isinstance(text, bytes) else text))

    def fresh():
        return httplib.HTTPConnection(HOST, PORT)

    def buffered(c):
        return [line for line in c._buffer]

    def put_request(method, url):
        c = fresh()
        c.putrequest(method, url, skip_host=1, skip_accept_encoding=1)
        return buffered(c)

    def put_header(name, value):
        c = fresh()
        c.putrequest('GET', '/', skip_host=1, skip_accept_encoding=1)
        c.putheader(name, value)
        return buffered(c)

    def put_header_values(name, *values):
        c = fresh()
        c.putrequest('GET', '/', skip_host=1, skip_accept_encoding=1)
        c.putheader(name, *values)
        return buffered(c)

    # header names (D33)
    for name in ['X-Ok', 'X Space', 'X:Colon', 'X\x00', 'X\r\nY', 'X\n', 'X\r', '', ' X',
                 'X\t', ':', 'X\x7f', 'X\x0b']:
        out(label('name', name), T(put_header, name, 'v'))
    # header values (D33)
    for value in ['ok', 'a\r\nInjected: 1', 'a\r\n b', 'a\r\n\tb', 'a\r\n', 'a\x00b', 'a\nb',
                  'a\rb', 'a\n', 'a\r', '\r\n', 'a\x7f', 'a\x0bb', 'a\r\n\r\nGET / HTTP/1.1',
                  ' leading', 'trailing ']:
        out(label('value', value), T(put_header, 'X', value))
    out('values a, b\\r\\nI: 1', T(put_header_values, 'X', 'a', 'b\r\nI: 1'))
    out('int value', T(put_header, 'X', 5))
    # URLs (D34)
    for url in ['/ok?q=1&r=%20', '/a b', '/a\tb', '/a\r\nX: y', '/a\nb', '/a\rb', '/\x7f',
                '/\x00', '/\x01', '/caf\xc3\xa9', u'/caf\xe9', 'http://h:8080/x?q',
                '/a HTTP/1.1\r\nHost: evil']:
        out(label('url', url), T(put_request, 'GET', url))
    # methods (D35)
    for method in ['GET', 'get', 'G ET', 'GET\r\nX: 1', 'GET\n', 'M\x00', 'M\x7f', 'M\t',
                   u'G\xc9T', 'GET / HTTP/1.1\r\nHost: evil\r\n\r\nGET']:
        out(label('method', method), T(put_request, method, '/'))
    # hosts (D36)
    for host in ['127.0.0.1', '127.0.0.1\r\nX-y', 'h\nx', 'h\x00', 'h x', u'b\xfccher.example']:
        out(label('host', host), T(lambda: httplib.HTTPConnection(host, 80).host))
    ''')


def _by_label(seen):
    return dict((label, value) for label, value in seen)


def _refused(value):
    return isinstance(value, dict) and 'raised' in value


def _class_names(value):
    return [value['raised']] + value['httplib_bases']


@pytest.fixture(scope='module')
def outcomes():
    py27 = _by_label(observe_py27(REQUEST_CASES)[0])
    py3 = _by_label(observe_shim(REQUEST_CASES, module=http.client)[0])
    shim = _by_label(observe_shim(REQUEST_CASES)[0])
    assert 'uncaught' not in py27 and 'uncaught' not in py3 and 'uncaught' not in shim, (
        py27.get('uncaught'), py3.get('uncaught'), shim.get('uncaught'))
    assert set(py27) == set(py3) == set(shim)
    return py27, py3, shim


def test_the_cases_cover_refusals_on_each_side(outcomes):
    py27, py3, _ = outcomes
    only_3x = [k for k in py27 if _refused(py3[k]) and not _refused(py27[k])]
    only_27 = [k for k in py27 if _refused(py27[k]) and not _refused(py3[k])]
    both = [k for k in py27 if _refused(py27[k]) and _refused(py3[k])]
    # The rule below is tested in all three directions (D35 methods, D34 URLs).
    assert only_3x and only_27 and both, (only_3x, only_27, both)


def test_never_accepted_where_2_7_or_3x_refused(outcomes):
    py27, py3, shim = outcomes
    wrong = []
    for case in sorted(py27):
        p, q, s = py27[case], py3[case], shim[case]
        if _refused(q):
            # The running 3.x's class; or 2.7's where the shim keeps 2.7's check (D34).
            expected = [q['raised']] + ([p['raised']] if _refused(p) else [])
        elif _refused(p):
            expected = [p['raised']]
        else:
            if _refused(s) or s not in (p, q):
                wrong.append((case, 'accepted by 2.7 and 3.x', p, q, s))
            continue
        if not _refused(s) or not set(expected) & set(_class_names(s)):
            wrong.append((case, 'expected one of %s' % expected, p, q, s))
    assert wrong == []


# -- limits (D46) ------------------------------------------------------------------

BIG = 65537
LIMIT_CASES = textwrap.dedent(r'''
    big = b'x' * %(big)d
    ch = b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'
    cases = [
        ('status line', b'HTTP/1.1 200 ' + big + b'\r\n\r\n'),
        ('status line, no newline', b'HTTP/1.1 200 ' + big),
        ('header line', b'HTTP/1.1 200 OK\r\nX: ' + big + b'\r\n\r\n'),
        ('folded header line', b'HTTP/1.1 200 OK\r\nX: a\r\n ' + big + b'\r\n\r\n'),
        ('chunk size line', ch + b'1' * %(big)d + b'\r\n'),
        ('trailer line', ch + b'0\r\nT: ' + big + b'\r\n\r\n'),
        ('100 continue line', b'HTTP/1.1 100 Continue\r\nX: ' + big + b'\r\n\r\n'),
        ('HTTP/0.9 line', b'<html>' + big + b'\r\n'),
    ]
    for n in (99, 100, 101, 1000):
        cases.append(('%%d headers' %% n, b'HTTP/1.1 200 OK\r\n' + b'X: 1\r\n' * n + b'\r\n'))
    cases.append(('101 folded lines', b'HTTP/1.1 200 OK\r\nX: 1\r\n' + b' more\r\n' * 101 + b'\r\n'))
    for label, raw in cases:
        a, b = raw_pair(raw)
        def go():
            r = httplib.HTTPResponse(a)
            r.begin()
            return [r.status, len(r.read())]
        out(label, T(go))
        a.close()
        b.close()
    ''') % {'big': BIG}


def test_limits_hit_with_2_7s_classes():
    py27 = observe_py27(LIMIT_CASES)[0]
    shim = observe_shim(LIMIT_CASES)[0]
    labels = [label for label, _ in py27]
    assert 'uncaught' not in labels
    # 2.7 does refuse these (a regression guard on the cases themselves).
    refused = _by_label(py27)
    assert _refused(refused['status line']) and _refused(refused['101 headers'])
    assert shim == py27
