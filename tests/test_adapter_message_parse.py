"""HTTPMessage's parse on Python 3: what no 2.7 run can show.

The bounds 2.7 did not have (issue 14.2), measured against http.client on this
interpreter; the limits as one setting of both faces; ``max_headers``; the
Python 3 views after a parse that called a subclass's hooks; the pins of
issue 14.8 for a value that starts on a continuation line; addresses nested
deeper than 2.7 could read.  (2.7's own behaviour is compared with real 2.7 in
tests/py27/test_cmp_message.py.)
"""
import http.client
import io
import signal
import socket
import warnings

import pytest

import httplib_compat
import httplib_compat.native
from httplib_compat import HTTPException, HTTPMessage, LineTooLong, Py2CompatWarning

pytestmark = pytest.mark.filterwarnings('ignore::httplib_compat.Py2CompatWarning')

BOUND_TEXT = 'got more than 100 headers'


class Endless(object):
    """A header block that never ends: ``head`` then ``line`` forever.  It
    counts the lines read, and fails the test (instead of hanging) once a
    reader takes far more than any bound allows."""

    def __init__(self, line, head=b'', give_up=5000):
        self.pending = io.BytesIO(head)
        self.line = line
        self.reads = 0
        self.give_up = give_up

    def readline(self, size=-1):
        self.reads += 1
        if self.reads > self.give_up:
            raise AssertionError('read %d lines of an endless header block' % self.reads)
        return self.pending.readline(size) or self.line


class Commented(HTTPMessage):
    def iscomment(self, line):
        return line.startswith('#')


ENDLESS = [
    ('non-header lines', b'this is not a header\r\n', b''),
    ('lines without a name', b': v\r\n', b''),
    ("'From ' lines at the top", b'From someone Mon Jan 1\r\n', b''),
    ('non-header lines after headers', b'junk\r\n', b'A: 1\r\n  folded\r\n'),
    ('header lines', b'X: 1\r\n', b''),
    ('continuation lines', b'  more\r\n', b'A: 1\r\n'),
]


@pytest.mark.parametrize('label,line,head', ENDLESS, ids=[case[0] for case in ENDLESS])
@pytest.mark.parametrize('cls', [HTTPMessage, Commented], ids=['one-pass', 'hooks'])
def test_an_endless_header_block_stops_at_the_bound_as_http_client_does(cls, label, line, head):
    shim = Endless(line, head)
    with pytest.raises(HTTPException) as info:
        cls(shim, 0)
    assert type(info.value) is HTTPException and str(info.value) == BOUND_TEXT
    client = Endless(line, head)
    with pytest.raises(HTTPException):
        http.client.parse_headers(client)
    # Never weaker than 3.x: the shim reads no more lines than http.client.
    assert shim.reads == 101 and shim.reads <= client.reads


def test_endless_comment_lines_of_a_subclass_are_bounded():
    fp = Endless(b'# comment\r\n')
    with pytest.raises(HTTPException) as info:
        Commented(fp, 0)
    assert str(info.value) == BOUND_TEXT and fp.reads == 101


def test_an_endless_block_through_a_response_is_refused_in_milliseconds():
    sock, peer = socket.socketpair()
    try:
        peer.sendall(b'HTTP/1.1 200 OK\r\n' + b'no colon here\r\n' * 2000)
        sock.settimeout(5)
        response = httplib_compat.HTTPResponse(sock)
        with pytest.raises(HTTPException) as info:
            response.begin()  # the peer keeps the connection open: no EOF to stop at
        assert str(info.value) == BOUND_TEXT
    finally:
        sock.close()
        peer.close()


# -- max_headers and the limits in force ---------------------------------------

def test_max_headers_bounds_this_message_whatever_the_module_says(monkeypatch):
    block = b'X: 1\r\n' * 150 + b'\r\n'
    assert len(HTTPMessage(io.BytesIO(block), 0, max_headers=150).get('x')) == 150 * 3 - 2
    with pytest.raises(HTTPException) as info:
        HTTPMessage(io.BytesIO(b'A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n'), 0, max_headers=3)
    assert str(info.value) == 'got more than 3 headers'
    monkeypatch.setattr(httplib_compat, '_MAXHEADERS', 2)
    m = HTTPMessage(io.BytesIO(b'A: 1\r\nB: 2\r\nC: 3\r\n\r\n'), 0, max_headers=3)
    assert m.keys() == ['a', 'b', 'c']
    m.fp = io.BytesIO(b'A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n')
    with pytest.raises(HTTPException) as info:
        m.readheaders()  # a later parse keeps the message's own bound
    assert str(info.value) == 'got more than 3 headers'
    with pytest.raises(HTTPException) as info:
        HTTPMessage(io.BytesIO(b'A: 1\r\nB: 2\r\nC: 3\r\n\r\n'), 0)  # None: the module's
    assert str(info.value) == 'got more than 2 headers'


def test_the_native_face_sets_the_limits_of_both_faces(monkeypatch):
    native = httplib_compat.native
    assert (native._MAXLINE, native._MAXHEADERS, native.MAXAMOUNT) == (65536, 100, 1048576)
    monkeypatch.setattr(native, '_MAXHEADERS', 3)
    monkeypatch.setattr(native, '_MAXLINE', 20)
    assert (httplib_compat._MAXHEADERS, httplib_compat._MAXLINE) == (3, 20)
    with pytest.raises(HTTPException) as info:
        native.HTTPMessage(io.BytesIO(b'A: 1\r\n' * 4 + b'\r\n'), 0)
    assert str(info.value) == 'got more than 3 headers'
    with pytest.raises(LineTooLong) as info:
        native.HTTPMessage(io.BytesIO(b'X-Header: ' + b'v' * 20 + b'\r\n\r\n'), 0)
    assert str(info.value) == 'got more than 20 bytes when reading header line'
    monkeypatch.setattr(httplib_compat, '_MAXHEADERS', 7)
    assert native._MAXHEADERS == 7
    assert {'_MAXLINE', '_MAXHEADERS', 'MAXAMOUNT'} <= set(dir(native))


def test_a_native_response_reads_its_header_block_with_the_limits_set_on_the_native_face(
        monkeypatch):
    # Before, native._MAXHEADERS and _MAXLINE bounded the status line and chunks
    # of a native response but not its header block (read by the shared HTTPMessage).
    block = b'HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\nC: 3\r\nContent-Length: 0\r\n\r\n'
    monkeypatch.setattr(httplib_compat.native, '_MAXHEADERS', 2)
    for face in (httplib_compat.native, httplib_compat):
        sock, peer = socket.socketpair()
        try:
            peer.sendall(block)
            sock.settimeout(5)
            with pytest.raises(HTTPException) as info:
                face.HTTPResponse(sock).begin()
            assert str(info.value) == 'got more than 2 headers'
        finally:
            sock.close()
            peer.close()


def test_the_native_face_limits_survive_mock_patch():
    from unittest import mock
    with mock.patch.object(httplib_compat.native, '_MAXHEADERS', 5):
        assert httplib_compat._MAXHEADERS == 5
    assert httplib_compat._MAXHEADERS == httplib_compat.native._MAXHEADERS == 100


# -- The Python 3 views after a parse that called the hooks ---------------------

BLOCKS = [
    b'Z-Last: 1\r\nSet-Cookie: a=1\r\nContent-Type: text/html; charset="utf-8"\r\n'
    b'set-cookie: b=2\r\nX-Long: part1\r\n   part2\r\nX-Mixed-CASE: v\r\n\r\nhi',
    b'From someone\r\nA: 1\r\n  folded\r\nnot a header\r\n: empty\r\n  after-empty: y\r\n'
    b'B:2\r\n\tmore\r\nC : spaced\r\nX-\xc0: \xe9\r\n\r\nbody',
    b' Lead: space first\r\nA: 1\r\n\r\n',
    b'X-Empty-First:\r\n  cont\r\n\tmore\r\nX-Blank:   \r\n \r\nLF: 1\nEnd: 2',
    b'',
]


class PassThrough(HTTPMessage):
    """Overrides every hook with the base's: 2.7's parse, the one-pass result."""

    def readheaders(self):
        HTTPMessage.readheaders(self)

    def iscomment(self, line):
        return HTTPMessage.iscomment(self, line)

    def islast(self, line):
        return HTTPMessage.islast(self, line)

    def isheader(self, line):
        return HTTPMessage.isheader(self, line)

    def addheader(self, key, value):
        HTTPMessage.addheader(self, key, value)

    def addcontinue(self, key, more):
        HTTPMessage.addcontinue(self, key, more)


def views(m):
    return (m.items(), str(m), m.status, m.unixfrom, list(m.raw_items()), m.as_string(),
            [(k, m.get_all(k)) for k in m], m.get_content_type(), m.get_params())


@pytest.mark.parametrize('block', BLOCKS)
def test_a_parse_through_the_hooks_gives_the_one_pass_parse(block):
    one_pass = HTTPMessage(io.BytesIO(block), 0)
    hooks = PassThrough(io.BytesIO(block), 0)
    assert views(hooks) == views(one_pass)


class Upper(HTTPMessage):
    """Post-processes values and drops one header from the dict, as 2.7 allowed."""

    def addheader(self, key, value):
        if key != 'x-secret':
            HTTPMessage.addheader(self, key, value.upper())

    def isheader(self, line):
        name = HTTPMessage.isheader(self, line)
        if name is None and ' ' in line.strip():
            return line[:line.index(' ')].lower()  # 'Key value' lines
        return name


def test_after_a_hooked_parse_get_all_answers_as_getheaders_and_get_as_the_dict():
    m = Upper(io.BytesIO(b'A: x\r\n  y\r\nX-Secret: s\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\n'
                         b'Key value one\r\nContent-Type: Text/HTML\r\n\r\n'), 0)
    for name in ['a', 'x-secret', 'set-cookie', 'content-type']:
        assert m.get_all(name) == m.getheaders(name)
    assert m.get('a') == 'X\n y' and m.get_all('a') == ['x\n y']
    assert m.get('x-secret') is None and m.get_all('x-secret') == ['s']  # as getheaders()
    assert m.get('set-cookie') == 'A=1, B=2'
    assert m.get('key') == 'VALUE ONE' and m.get_all('key') == ['value one']
    assert m.get_content_type() == 'text/html' and m.gettype() == 'text/html'
    assert [name for name, _ in m.raw_items()] == ['A', 'X-Secret', 'Set-Cookie', 'set-cookie',
                                                   'Key', 'Content-Type']


class Renaming(HTTPMessage):
    """An isheader() that files one header under another name, as 2.7 allowed."""

    def isheader(self, line):
        name = HTTPMessage.isheader(self, line)
        return {'old-name': 'new-name', 'a-name': 'b-name'}.get(name, name)


def test_the_email_view_names_a_header_as_the_subclass_isheader_did():
    m = Renaming(io.BytesIO(b'Old-Name: v\r\nA: 1\r\nA-Name: w\r\n\r\n'), 0)
    assert m.get('new-name') == 'v' and m.get('old-name') is None  # 2.7's dict
    assert m.get_all('new-name') == ['v'] and m.get_all('old-name') is None
    assert m.get('b-name') == 'w' and m.get_all('b-name') == ['w'] and m.get_all('a-name') is None
    assert list(m.raw_items()) == [('new-name', 'v'), ('A', '1'), ('b-name', 'w')]


class OwnLoop(HTTPMessage):
    def readheaders(self):
        self.dict, self.headers = {}, []
        for line in self.fp:
            if not line.strip():
                break
            key, value = line.split('=', 1)
            self.dict[key.lower()] = value.strip()
            self.headers.append('%s: %s\r\n' % (key, value.strip()))


def test_a_readheaders_of_its_own_reads_str_lines_and_feeds_the_email_view():
    fp = io.BytesIO(b'A=1\r\nContent-Type=text/x; q=1\r\nX=caf\xe9\r\n\r\nbody')
    m = OwnLoop(fp, 0)
    assert m.fp is fp and fp.read() == b'body'
    assert m.get('x') == 'caf\xe9' and m.get_all('x') == ['caf\xe9']
    assert m.get_content_type() == 'text/x' and m.get_param('q') == '1'
    assert m.as_string().startswith('A: 1\nContent-Type: text/x; q=1\nX: ')


class KeepsEveryLine(HTTPMessage):
    """A readheaders() of its own that keeps every line of the block in headers."""

    def readheaders(self):
        self.headers = []
        for line in self.fp:
            if not line.strip():
                break
            self.headers.append(line)


def test_lines_an_own_readheaders_keeps_reach_the_email_view_as_the_one_pass_parse_reads_them():
    # A line without a name (': x') is no header for the one-pass parse, nor is
    # a continuation line after it; the lines an override kept read the same.
    block = b'  lead\r\nA: 1\r\n: no name\r\n  cont\r\nno colon\r\n  more\r\nB: 2\r\n  folded\r\nC:3\r\n\r\n'
    kept = KeepsEveryLine(io.BytesIO(block), 0)
    one_pass = HTTPMessage(io.BytesIO(block), 0)
    expected = [('A', '1'), ('B', '2\n folded'), ('C', '3')]
    assert list(kept.raw_items()) == list(one_pass.raw_items()) == expected
    assert kept.get_all('') is None and kept.as_string() == one_pass.as_string()


def test_the_shim_calls_its_own_hooks_without_warnings():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        Commented(io.BytesIO(b'#c\r\nA: 1\r\n  more\r\n\r\n'), 0)
    # Only the construction from a file, at this call site: none for the hooks
    # the subclass did not override.
    assert [(w.category, w.filename) for w in caught] == [(Py2CompatWarning, __file__)]
    assert 'HTTPMessage(fp)' in str(caught[0].message)


def test_a_message_class_set_on_the_module_and_built_by_a_response_does_not_warn(monkeypatch):
    # The response says it built the message (no frame inspection): even a
    # subclass set as httplib.HTTPMessage, whose __init__ lives in the caller's
    # module, gets no HTTPMessage(fp) warning from the shim's own response.
    class Sub(HTTPMessage):
        def __init__(self, fp, seekable=1):
            HTTPMessage.__init__(self, fp, seekable)

    monkeypatch.setattr(httplib_compat, 'HTTPMessage', Sub)
    ours, theirs = socket.socketpair()
    theirs.sendall(b'HTTP/1.0 200 OK\r\nA: 1\r\n\r\n')
    theirs.close()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        response = httplib_compat.HTTPResponse(ours)
        response.begin()
        Sub(io.BytesIO(b'A: 1\r\n\r\n'))  # the caller's own construction still warns
    ours.close()
    assert type(response.msg) is Sub and response.msg.seekable == 0
    assert [str(w.message).split(' is ')[0] for w in caught] == ['HTTPMessage(fp)']


# -- Issue 14.8 pins ----------------------------------------------------------------

@pytest.mark.parametrize('cls', [HTTPMessage, PassThrough], ids=['one-pass', 'hooks'])
def test_a_value_that_starts_on_a_continuation_line_in_the_python_3_views(cls):
    # 2.7 has no Python 3 view.  The shim's follows 2.7's getheaders(), which
    # drops the empty first piece ('cont\n more'), where 2.7's dict (get(),
    # items()) keeps it ('\n cont\n more'); as_string() then writes a header
    # line that a parser reads back as the same value.
    m = cls(io.BytesIO(b'X-Empty-First:\r\n  cont\r\n\tmore\r\nA: 1\r\n\r\n'), 0)
    assert m.get_all('x-empty-first') == ['cont\n more'] == m.getheaders('x-empty-first')
    assert list(m.raw_items()) == [('X-Empty-First', 'cont\n more'), ('A', '1')]
    assert m.as_string() == 'X-Empty-First: cont\n more\nA: 1\n\n'
    assert m.items() == [('x-empty-first', '\n cont\n more'), ('a', '1')]
    assert m.get('x-empty-first') == '\n cont\n more'
    again = http.client.parse_headers(io.BytesIO(m.as_string().encode('latin-1')))
    assert again.get_all('x-empty-first') == ['cont\n more']


# -- Never a hang on malformed input -------------------------------------------------

def finishes_within(seconds, work):
    """work()'s result, or a failure (not a hang) when it runs longer than
    ``seconds``: an interval timer interrupts the parse in this thread."""
    def expired(signum, frame):
        raise AssertionError('still parsing after %s s' % seconds)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return work()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


ODD_FIELDS = [
    b'<<x', b'<@r1,@r2:a@b>', b'<:a@b>', b'a (c1) @ (c2) b', b'((nested) comment) a@b',
    b'(a\\) b) c@d', b'(unterminated a@b', b'"a\\"b" <c@d>', b'"unterminated@b', b'a@[x\\]y]',
    b'a@[1.2', b'g1: g2: a@b;; c@d', b'group:', b'Dr. Who <who@tardis>', b'a@b,,c@d', b'a. b <c@d>',
    b'a@b\r\n c@d', b'<a@b)', b'[', b'a@b <c@d>', b'a@', b'@', b'a..b@c', b'a@b.', b',', b';',
]
ODD_TYPES = ['a/b;;c;d=e=f', 'TEXT/HTML ; Charset = "UTF-8" ; q=1', ';', ';;;', 'a/b; k="x;y"', 'x']


def test_malformed_addresses_content_types_and_folded_headers_never_hang():
    # Each is compared with 2.7 in tests/py27/test_cmp_message.py; here only
    # the bound: every parse ends within seconds, whatever the input.
    def addresses():
        block = b''.join(b'To: ' + field + b'\r\n' for field in ODD_FIELDS)
        m = HTTPMessage(io.BytesIO(block + b'\r\n'), 0)
        return [m.getaddrlist('to')] + [
            HTTPMessage(io.BytesIO(b'To: ' + field + b'\r\n\r\n'), 0).getaddr('to')
            for field in ODD_FIELDS]

    found = finishes_within(2, addresses)
    assert len(found) == len(ODD_FIELDS) + 1 and len(found[0]) >= len(ODD_FIELDS)

    def content_types():
        return [HTTPMessage(io.BytesIO(b'Content-Type: ' + ctype.encode('latin-1') + b'\r\n\r\n'),
                            0).getplist() for ctype in ODD_TYPES]

    assert finishes_within(2, content_types)[0] == ['', 'c', 'd=e=f']

    def replace_folded():
        m = HTTPMessage(io.BytesIO(b'A: 1\r\n  2\r\n\t3\r\n 4\r\nB: 5\r\n  6\r\n\r\n'), 0)
        m.replace_header('a', 'x')
        return str(m)

    assert finishes_within(2, replace_folded) == 'A: x\r\nB: 5\r\n  6\r\n'


# -- Addresses 2.7 could not read ---------------------------------------------------

@pytest.mark.parametrize('field,expected', [
    (b'(' * 30000 + b'x' + b')' * 30000 + b' a@b', [('x', 'a@b')]),
    (b'g:' * 20000 + b'a@b' + b';' * 20000 + b', c@d', [('', 'a@b'), ('', 'c@d')]),
    (b'(' * 60000, []),
])
def test_addresses_nested_deeper_than_2_7_could_recurse(field, expected):
    # 2.7 recursed once per '(' or group and raised RuntimeError (maximum
    # recursion depth): deliberate, the shim reads them (as it reads 40 levels,
    # compared with 2.7 in tests/py27).
    m = HTTPMessage(io.BytesIO(b'To: ' + field + b'\r\n\r\n'), 0)
    assert m.getaddrlist('to') == expected
    assert m.getaddr('to') == (expected[0] if expected else (None, None))


def test_a_hook_patched_onto_the_shim_class_itself_is_called_for_responses(monkeypatch):
    # As in 2.7, where ``httplib.HTTPMessage.iscomment = f`` reached every response.
    monkeypatch.setattr(HTTPMessage, 'iscomment', lambda self, line: line.startswith('#'))
    sock, peer = socket.socketpair()
    try:
        peer.sendall(b'HTTP/1.1 200 OK\r\n#X-Hidden: 1\r\nA: 1\r\nContent-Length: 0\r\n\r\n')
        sock.settimeout(5)
        response = httplib_compat.HTTPResponse(sock)
        response.begin()
        assert response.msg.keys() == ['a', 'content-length']
        assert response.msg.get_all('#x-hidden') is None
    finally:
        sock.close()
        peer.close()
