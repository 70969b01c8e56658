"""Parsing under arbitrary input (property-based, hypothesis).

Arbitrary and mutated response bytes fed to ``httplib_compat.HTTPResponse``
through a socket pair: whatever the bytes, the shim returns a response or raises
an httplib exception (HTTPException and subclasses) or a transport error; never
AttributeError, ValueError, TypeError, UnicodeError, IndexError..., never a hang.

On 2.7 the package *is* the real httplib, which does crash on some inputs: that
is recorded by tests/py27/test_cmp_corpus.py, so these properties hold for the
adapter, on Python 3.
"""
import os
import socket
import time

import pytest
import six

if six.PY2:
    pytest.skip('the adapter exists only on Python 3; on 2.7 the package is the real '
                'httplib, whose crashes test_cmp_corpus.py records', allow_module_level=True)

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

import httplib_compat  # noqa: E402

# Bounded so the matrix stays fast; a deadline catches slow paths, the socket
# timeout below catches hangs.
# HTTPLIB_COMPAT_FUZZ_EXAMPLES=20000 for a deep run (not derandomized then); run so on
# 3.8 and 3.13 (20,000 per property) and 3.10 (3,000 x 3): no failure.
EXAMPLES = int(os.environ.get('HTTPLIB_COMPAT_FUZZ_EXAMPLES') or 200)
FUZZ = settings(max_examples=EXAMPLES, deadline=2000, derandomize=EXAMPLES <= 200,
                suppress_health_check=[HealthCheck.too_slow])

ALL_BYTES = bytes(range(256))
VALID = [
    b'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello',
    b'HTTP/1.1 200 OK\r\nContent-Length: 256\r\n\r\n' + ALL_BYTES,
    b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n',
    b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\nhello\r\n0\r\nT: 1\r\n\r\n',
    b'HTTP/1.0 200 OK\r\nServer: x\r\n\r\nuntil close',
    b'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi',
    b'HTTP/1.1 200 OK\r\nX-Folded: a\r\n b\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\n'
    b'Content-Length: 0\r\n\r\n',
    b'HTTP/1.1 200 OK\r\nno colon here\r\nName : v\r\nX-High: \xc3\xa9\xff\r\nContent-Length: 2\r\n\r\nhi',
    b'HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n',
    b'<html>HTTP/0.9 body</html>\r\n',
]
FRAGMENTS = [b'\r', b'\n', b'\r\n', b'\x00', b' ', b'\t', b':', b'\r\n\r\n', b'\r\n ', b'\xff',
             b'HTTP/1.1 ', b'Content-Length: ', b'Transfer-Encoding: chunked\r\n', b'-1',
             b'99999999999999999999', b'0x10', b';', b'\x80']

# Exceptions a caller of 2.7's httplib already handles.
ALLOWED = (httplib_compat.HTTPException, socket.error)


@st.composite
def mutated_responses(draw):
    data = bytearray(draw(st.sampled_from(VALID)))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.integers(0, 4))
        pos = draw(st.integers(0, len(data)))
        if kind == 0:
            del data[pos:]
        elif kind == 1 and data:
            data[min(pos, len(data) - 1)] = draw(st.integers(0, 255))
        elif kind == 2:
            data[pos:pos] = draw(st.sampled_from(FRAGMENTS))
        elif kind == 3:
            data[pos:pos] = draw(st.binary(max_size=12))
        else:
            del data[pos:pos + draw(st.integers(1, 10))]
    return bytes(data)


responses = st.one_of(mutated_responses(), st.binary(max_size=300),
                      st.builds(lambda a, b: a + b, st.sampled_from(VALID[:1] + [b'HTTP/1.1 200 OK\r\n']),
                                st.binary(max_size=200)))


def exercise(raw, method='GET', strict=0, amt=None):
    """Everything a 2.7 caller does with a response; returns the outcome."""
    a, b = socket.socketpair()
    try:
        b.sendall(raw)
        b.shutdown(socket.SHUT_WR)
        a.settimeout(3)
        start = time.time()
        try:
            r = httplib_compat.HTTPResponse(a, strict=strict, method=method)
            r.begin()
            # The 2.7 API surface a legacy caller touches after begin().
            (r.status, r.reason, r.version, r.length, r.chunked, r.will_close)
            r.getheaders()
            r.getheader('content-type')
            r.getheader('x-missing', 'default')
            r.msg.getheader('set-cookie')
            r.msg.getheaders('set-cookie')
            r.msg.get('content-length')
            list(r.msg.items())
            r.msg.headers
            if amt is None:
                body = r.read()
            else:
                parts = []
                while True:
                    part = r.read(amt)
                    if not part:
                        break
                    parts.append(part)
                body = b''.join(parts)
            assert isinstance(body, bytes)
            r.close()
            return 'ok'
        except socket.timeout:
            pytest.fail('hang: no result after %.1fs for %r' % (time.time() - start, raw))
        except ALLOWED as e:
            return type(e).__name__
    finally:
        a.close()
        b.close()


@FUZZ
@given(raw=responses, method=st.sampled_from(['GET', 'HEAD']), strict=st.sampled_from([0, 1]))
def test_any_response_bytes_give_a_response_or_an_httplib_error(raw, method, strict):
    exercise(raw, method, strict)


@FUZZ
@given(raw=mutated_responses(), amt=st.integers(1, 70))
def test_reading_in_pieces_never_crashes(raw, amt):
    exercise(raw, amt=amt)


def _exchange_on(conn, peer_data):
    """One request on ``conn`` whose peer (a socket pair) answers ``peer_data``."""
    conn.request('GET', '/')
    try:
        r = conn.getresponse()
        r.getheaders()
        r.read()
    except socket.timeout:
        pytest.fail('hang: no result for %r' % (peer_data,))
    except ALLOWED:
        pass


@FUZZ
@given(raw=responses, native=st.booleans(), strict=st.booleans())
def test_through_a_connection_and_its_keep_alive_state(raw, native, strict):
    # 2.7's whole path: getresponse() (strict from the connection), read(), then a
    # second request on the same connection; the native face's str reads too.
    if native:
        import httplib_compat.native as module
    else:
        module = httplib_compat
    conn = module.HTTPConnection('127.0.0.1', 80, strict=strict) if strict else \
        module.HTTPConnection('127.0.0.1', 80)
    sock, peer = socket.socketpair()
    sock.settimeout(3)
    conn.sock = sock
    try:
        peer.sendall(raw)
        peer.shutdown(socket.SHUT_WR)
        _exchange_on(conn, raw)
        if conn.sock is not None:   # kept alive: the peer has nothing more to say
            try:
                _exchange_on(conn, raw)
            except ALLOWED:
                pass
    finally:
        conn.close()
        sock.close()
        peer.close()


def test_the_properties_see_a_crash():
    """The property check itself fails on a non-httplib exception."""
    class Broken(httplib_compat.HTTPResponse):
        def begin(self):
            raise ValueError('crash')
    saved = httplib_compat.HTTPResponse
    httplib_compat.HTTPResponse = Broken
    try:
        with pytest.raises(ValueError):
            exercise(b'HTTP/1.1 200 OK\r\n\r\n')
    finally:
        httplib_compat.HTTPResponse = saved


@pytest.mark.parametrize('raw', [
    b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nhello\r\n0\r\n\r\n',   # D47
    b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n' + b'f' * 40 + b'\r\n',
    b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n',
    b'HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\nhi',
    b'HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\nhello',
    b'HTTP/1.1 200 OK\r\nX: \xff\xfe\x00\r\nContent-Length: 0\r\n\r\n',
    b'HTTP/1.1 \xff\xfe OK\r\n\r\n',
    b'HTTP/1.1 200 \xc3\xa9\x00\r\nContent-Length: 0\r\n\r\n',
    b'HTTP/\xff.1 200 OK\r\n\r\n',
    b'\x00\x01\x02',
    b'',
])
@pytest.mark.parametrize('amt', [None, 3])
def test_known_hard_inputs(raw, amt):
    exercise(raw, amt=amt)
