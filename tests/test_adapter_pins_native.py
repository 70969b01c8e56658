"""Pins for the native-str face (``httplib_compat.native``).

A truncated chunked body read line by line keeps its text in
``IncompleteRead.partial`` (as a native str, like 2.7's); ``readline``,
``readlines`` and iteration give what the default face gives, decoded
ISO-8859-1, for every limit and hint; the legacy ``HTTP.getfile()`` reads as
2.7's file did (compared with real 2.7).
"""
import io
import os
import socket
import sys
import textwrap

import pytest

import httplib_compat
import httplib_compat.native as native

from loopback import answered_response

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'py27'))
from harness import Comparison, observe_py27, observe_shim  # noqa: E402

HEAD = b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'


def chunked(body, size=3):
    out = b''
    for start in range(0, len(body), size):
        piece = body[start:start + size]
        out += b'%x\r\n' % len(piece) + piece + b'\r\n'
    return HEAD + out + b'0\r\n\r\n'


# (chunked body cut short, the complete lines before the cut, the partial text)
CUT = [
    (b'5\r\nab', [], 'ab'),                                  # inside the first chunk
    (b'5\r\nab\xe9', [], 'ab\xe9'),                          # latin-1, not bytes
    (b'3\r\nabc\r\n5\r\nde', [], 'abcde'),                   # the line spans the cut chunk
    (b'4\r\nab\nc\r\n5\r\nde', ['ab\n'], 'cde'),             # a whole line first
    (b'3\r\nab\n\r\n3\r\ncd\n\r\n4\r\nef', ['ab\n', 'cd\n'], 'ef'),
]
CUT_IDS = ['inside the first chunk', 'latin-1', 'line spans the cut chunk', 'a whole line first',
           'two whole lines first']
# Not here: a body cut just before a chunk's CRLF.  2.7's read() drops that
# chunk's data from IncompleteRead.partial (it fails reading the CRLF), and so
# do the shim's read() and the line reads built on it.


def lines_then_error(resp):
    """The lines readline() gives (at most 10) before IncompleteRead, and the error."""
    got = []
    with pytest.raises(httplib_compat.IncompleteRead) as info:
        for _ in range(10):
            got.append(resp.readline())
    return got, info.value


@pytest.mark.parametrize('cut,lines,partial', CUT, ids=CUT_IDS)
def test_readline_on_a_cut_chunked_body_keeps_the_partial_text(cut, lines, partial):
    got, error = lines_then_error(answered_response(HEAD + cut, native))
    assert got == lines
    assert type(error.partial) is str
    assert error.partial == partial
    # Otherwise the default face's error: the read of one more byte failed.
    _, bytes_error = lines_then_error(answered_response(HEAD + cut, httplib_compat))
    assert error.expected == bytes_error.expected == 1
    assert str(error) == 'IncompleteRead(%d bytes read, 1 more expected)' % len(partial)


@pytest.mark.parametrize('cut,lines,partial', CUT, ids=CUT_IDS)
def test_iteration_on_a_cut_chunked_body_keeps_the_partial_text(cut, lines, partial):
    resp = answered_response(HEAD + cut, native)
    got = []
    with pytest.raises(httplib_compat.IncompleteRead) as info:
        for line in resp:
            got.append(line)
    assert (got, info.value.partial) == (lines, partial)


# Cut where a chunk size line should start: read() raises IncompleteRead (2.7's
# and http.client's), readline() must not take it for the end of the body.
CUT_AT_SIZE_LINE = [
    (b'3\r\nabc\r\n', [], 'abc'),
    (b'3\r\nab\n\r\n', ['ab\n'], ''),
]


@pytest.mark.parametrize('cut,lines,partial', CUT_AT_SIZE_LINE, ids=['in a line', 'after a line'])
def test_readline_on_a_body_cut_before_a_size_line_raises(cut, lines, partial):
    got, error = lines_then_error(answered_response(HEAD + cut, native))
    assert (got, error.partial) == (lines, partial)


def test_readline_with_a_limit_on_a_cut_chunked_body():
    resp = answered_response(HEAD + b'3\r\nabc\r\n5\r\nde', native)
    assert resp.readline(4) == 'abcd'
    with pytest.raises(httplib_compat.IncompleteRead) as info:
        resp.readline(4)
    assert info.value.partial == 'e'


BODY = b'one\ntwo\r\n\nfour is longer\n\xe9\xff\nlast, no newline'


def framed(framing, body=BODY):
    if framing == 'chunked':
        return chunked(body)
    return b'HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n' % len(body) + body


def lines_of(body, limit):
    """The lines a file gives for readline(limit): io.BytesIO's, which keeps to
    the limit (IOBase.readline, which http.client's chunked readline uses, can
    read past it when peek() offers more than one byte)."""
    stream, lines = io.BytesIO(body), []
    while len(lines) < 100:
        line = stream.readline(limit)
        if not line:
            break
        lines.append(line.decode('latin-1'))
    return lines


@pytest.mark.parametrize('framing', ['chunked', 'content-length'])
@pytest.mark.parametrize('limit', [None, -1, -5, 1, 2, 3, 4, 5, 100])
def test_readline_keeps_to_its_limit(framing, limit):
    # (The default face's chunked readline() may overshoot a limit: it is
    # io.IOBase's, as in http.client; io.BytesIO shows what a limit means.)
    resp = answered_response(framed(framing), native)
    lines = []
    for _ in range(100):
        line = resp.readline(limit)  # None: no limit, as for io's readline
        assert type(line) is str
        if not line:
            break
        lines.append(line)
    assert lines == lines_of(BODY, -1 if limit is None else limit)


@pytest.mark.parametrize('framing', ['chunked', 'content-length'])
def test_readline_zero_reads_nothing(framing):
    resp = answered_response(framed(framing), native)
    assert resp.readline(0) == '' and resp.readline(0) == ''
    assert resp.read() == BODY.decode('latin-1')


def test_readline_zero_reads_nothing_even_before_a_broken_size_line():
    resp = answered_response(HEAD + b'zz\r\nabc\r\n', native)
    assert resp.readline(0) == ''
    assert resp.readline(0) == ''
    with pytest.raises(httplib_compat.IncompleteRead):
        resp.read()


@pytest.mark.parametrize('framing', ['chunked', 'content-length'])
@pytest.mark.parametrize('hint', [None, -1, 0, 1, 3, 4, 5, 8, 9, 10, 11, 200])
def test_readlines_hint_matches_the_default_face(framing, hint):
    # "The same API as httplib_compat, with str bodies": the default face's
    # readlines(hint) is io's (it stops once the lines read exceed the hint).
    ours, default = answered_response(framed(framing), native), answered_response(framed(framing), httplib_compat)
    args = () if hint is None else (hint,)
    expected = [line.decode('latin-1') for line in default.readlines(*args)]
    assert ours.readlines(*args) == expected
    assert ours.read() == default.read().decode('latin-1')


def held_open_response(raw):
    """A response on a socket whose peer sent ``raw`` and stays open: a read
    that waits for more fails with a timeout after 2 s instead of hanging."""
    sock, peer = socket.socketpair()
    sock.settimeout(2)
    peer.sendall(raw)
    resp = native.HTTPResponse(sock)
    resp.begin()
    resp._test_peer = peer
    return resp


@pytest.mark.parametrize('data,limit,line', [
    (b'3\r\nabc\r\n', 3, 'abc'),            # the limit is reached at a chunk's end
    (b'5\r\nabcde\r\n', 3, 'abc'),          # ... inside a chunk
    (b'4\r\nab\nc\r\n', -1, 'ab\n'),       # the line ends inside a chunk
    (b'3\r\nab\n\r\n', -1, 'ab\n'),        # ... at a chunk's end
    (b'2\r\nab\r\n1\r\n\n\r\n', 5, 'ab\n'),
    (b'12c\r\n' + b'x' * 300 + b'\r\n', 300, 'x' * 300),  # a limit past the small ints
])
def test_readline_returns_once_its_line_is_complete(data, limit, line):
    # The rest of the body is not there yet: the line must not wait for it.
    resp = held_open_response(HEAD + data)
    assert resp.readline(limit) == line


# 2.7's HTTP.getfile() was the reply's socket file: every way of reading it.
GETFILE_SCENARIO = textwrap.dedent('''
    import warnings
    warnings.simplefilter('ignore')
    def reply(path):
        h = httplib.HTTP(HOST, PORT)
        h.putrequest('GET', path)
        h.endheaders()
        out(path + ' reply', h.getreply()[:2])
        return h.getfile()
    f = reply('/a')
    out('read(3)', f.read(3))
    out('readline()', f.readline())
    out('readline(2)', f.readline(2))
    out('readline(-1)', f.readline(-1))
    out('readlines(1)', f.readlines(1))
    out('next', next(iter(f)))
    out('readlines()', f.readlines())
    out('read() at the end', f.read())
    f.close()
    f = reply('/b')
    out('read(None)', f.read(None))
    f = reply('/c')
    out('iteration', [line for line in f])
    f = reply('/d')
    out('read()', f.read())
    f = reply('/e')
    out('readlines(0)', f.readlines(0))
    ''')
GETFILE_BODY = b'first\nsecond\r\nthird \xe9\xff\n\nfifth\nsixth\nlast'


def test_native_legacy_getfile_reads_as_python27():
    reply = (b'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n' + GETFILE_BODY, 'close')
    replies = [reply] * 5
    result = Comparison(observe_py27(GETFILE_SCENARIO, replies),
                        observe_shim(GETFILE_SCENARIO, replies, module=native))
    result.assert_same()
    seen = dict(result.shim_seen)
    assert seen['read(None)'] == GETFILE_BODY.decode('latin-1')  # the scenario read for real
