"""HTTPConnection/HTTPSConnection on Python 3: where 2.7 crashed or cannot be
compared (D28-D37 bodies, D08, D35, D36, D04 TLS, warnings)."""
import array
import http.client
import io
import os
import socket
import ssl
import sys
import tempfile
import threading
import warnings

import pytest

import httplib_compat as httplib
from httplib_compat import Py2CompatWarning

OK = b'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi'


class Peer(object):
    """A connection whose socket is one end of a socketpair; ``sent()`` is
    what the other end received so far."""

    def __init__(self, reply=OK, **kwargs):
        self.conn = httplib.HTTPConnection('127.0.0.1', 80, **kwargs)
        self.conn.sock, self.peer = socket.socketpair()
        self.peer.sendall(reply)
        self.peer.settimeout(0.2)

    def sent(self):
        data = b''
        while True:
            try:
                chunk = self.peer.recv(65536)
            except socket.timeout:
                return data
            if not chunk:
                return data
            data += chunk

    def split(self):
        head, _, body = self.sent().partition(b'\r\n\r\n')
        lines = head.split(b'\r\n')[1:]
        return [line for line in lines if not line.startswith((b'Host:', b'Accept-Encoding:'))], body


class ReadOnly(object):
    def __init__(self, *blocks):
        self.blocks = list(blocks)

    def read(self, size=-1):
        return self.blocks.pop(0) if self.blocks else b''


# D29: bodies 2.7 crashed on (or sent unframed) get a Content-Length, never chunks.
@pytest.mark.parametrize('body, expected', [
    (io.BytesIO(b'bytesio'), b'bytesio'),
    (io.StringIO(u'text-\xe9'), b'text-\xe9'),
    (ReadOnly(b'rea', b'der'), b'reader'),
    (ReadOnly(u'te', u'xt'), b'text'),
    ([b'ab', b'cd'], b'abcd'),  # D30: 2.7 sent the list's length, then TypeError
    ((x for x in [b'ab', u'c\xe9']), b'abc\xe9'),
    ([bytearray(b'x'), memoryview(b'y')], b'xy'),
    (array.array('i', [1, 2]), array.array('i', [1, 2]).tobytes()),  # D30: bytes, not items
])
def test_bodies_2_7_could_not_frame_get_a_content_length(body, expected):
    p = Peer()
    p.conn.request('PUT', '/', body)
    assert p.split() == ([b'Content-Length: %d' % len(expected)], expected)
    assert p.conn.getresponse().read() == b'hi'


def test_file_body_length_counts_from_the_position():
    # 2.7 sent fstat()'s whole size from any position: the server then waited
    # for bytes that never came.
    with tempfile.TemporaryFile() as f:
        f.write(b'0123456789')
        f.seek(4)
        p = Peer()
        p.conn.request('PUT', '/', f)
        assert p.split() == ([b'Content-Length: 6'], b'456789')


def test_text_file_body_is_read_and_encoded_latin_1():
    with tempfile.NamedTemporaryFile('w', encoding='utf-8', delete=False) as f:
        f.write(u'caf\xe9')
    try:
        with open(f.name, encoding='utf-8') as text:
            p = Peer()
            p.conn.request('PUT', '/', text)
        assert p.split() == ([b'Content-Length: 4'], b'caf\xe9')
    finally:
        os.unlink(f.name)


def test_pipe_body_is_read_whole_not_sent_as_content_length_0():
    r, w = os.pipe()
    os.write(w, b'piped')
    os.close(w)
    with os.fdopen(r, 'rb') as pipe:
        p = Peer()
        p.conn.request('POST', '/', pipe)
    assert p.split() == ([b'Content-Length: 5'], b'piped')


def test_object_with_read_and_len_uses_len_as_2_7():
    class Sized(ReadOnly):
        def __len__(self):
            return 3
    p = Peer()
    p.conn.request('POST', '/', Sized(b'abc'))
    assert p.split() == ([b'Content-Length: 3'], b'abc')


def test_text_outside_latin_1_fails_before_anything_is_sent():
    p = Peer()
    with pytest.raises(UnicodeEncodeError) as info:
        p.conn.request('POST', '/', u'\u20ac')
    assert ".encode('utf-8')" in str(info.value)
    with pytest.raises(UnicodeEncodeError) as info:
        p.conn.request('POST', '/', [u'\u20ac'])
    assert ".encode('utf-8')" in str(info.value)
    # Nothing went out and the connection is still usable.
    assert p.sent() == b''
    p.conn.request('GET', '/')
    assert p.conn.getresponse().read() == b'hi'

    p = Peer()
    p.conn.putrequest('POST', '/')
    with pytest.raises(UnicodeEncodeError) as info:
        p.conn.endheaders(u'\u20ac')
    assert ".encode('utf-8')" in str(info.value)
    with pytest.raises(UnicodeEncodeError) as info:
        p.conn.send(u'\u20ac')
    assert ".encode('utf-8')" in str(info.value)
    assert p.sent() == b''


def test_caller_transfer_encoding_gets_no_content_length():
    # D37: 2.7 added Content-Length next to the caller's Transfer-Encoding.
    p = Peer()
    p.conn.request('POST', '/', b'3\r\nabc\r\n0\r\n\r\n', {'Transfer-Encoding': 'chunked'})
    assert p.split() == ([b'Transfer-Encoding: chunked'], b'3\r\nabc\r\n0\r\n\r\n')


@pytest.mark.parametrize('body', [b'abc', io.BytesIO(b'abc'), [b'a', b'', u'bc'], 'abc'])
def test_encode_chunked_keeps_working_when_asked(body):
    p = Peer()
    p.conn.request('POST', '/', body, {'Transfer-Encoding': 'chunked'}, encode_chunked=True)
    headers, sent = p.split()
    assert headers == [b'Transfer-Encoding: chunked']
    assert sent in (b'3\r\nabc\r\n0\r\n\r\n', b'1\r\na\r\n2\r\nbc\r\n0\r\n\r\n')
    p = Peer()
    p.conn.putrequest('POST', '/')
    p.conn.putheader('Transfer-Encoding', 'chunked')
    p.conn.endheaders(b'xy', encode_chunked=True)
    assert p.split()[1] == b'2\r\nxy\r\n0\r\n\r\n'


def test_encode_chunked_without_the_header_still_frames_with_content_length():
    p = Peer()
    p.conn.request('POST', '/', io.BytesIO(b'abc'), encode_chunked=True)
    assert p.split() == ([b'Content-Length: 3'], b'abc')


def test_send_takes_str_iterables_and_files():
    p = Peer()
    p.conn.send('caf\xe9')
    p.conn.send([b'a', 'b'])
    p.conn.send(io.StringIO(u'text'))
    p.conn.send(ReadOnly(b'raw'))
    assert p.sent() == b'caf\xe9abtextraw'
    with pytest.raises(TypeError):
        p.conn.send(42)


def test_method_checks_of_python_3_stay():
    # D35: 2.7 sent a CRLF in the method as a header.
    with pytest.raises(ValueError):
        Peer().conn.putrequest('GET\r\nX: 1', '/')
    with pytest.raises(ValueError):
        Peer().conn.putrequest('M\x00', '/')


@pytest.mark.parametrize('url', [u'/caf\xe9', u'/\u20ac', u'/a\u3000b'])
def test_non_ascii_url_is_invalid_url(url):
    # D34: 2.7.18's InvalidURL, also past 0xFF (2.7/3.x: UnicodeEncodeError).
    with pytest.raises(httplib.InvalidURL):
        Peer().conn.putrequest('GET', url)


@pytest.mark.parametrize('host', [u'b\xfccher.example', u'\u4e2d.example', u'a\u3000b'])
def test_non_ascii_host_is_invalid_url(host):
    # D36: 2.7.18 refused it; 3.x IDNA-encoded it.
    with pytest.raises(httplib.InvalidURL):
        httplib.HTTPConnection(host)
    with pytest.raises(httplib.InvalidURL):
        httplib.HTTPConnection('127.0.0.1').set_tunnel(host)


def test_header_injection_checks_stay():
    p = Peer()
    p.conn.putrequest('GET', '/')
    for name, value in [('X:Colon', 'v'), ('X-CRLF', 'a\r\nInjected: 1'), ('X', b'a\nb'),
                        ('X-Obj', Exception('a\r\nInjected: 1'))]:
        with pytest.raises(ValueError):
            p.conn.putheader(name, value)


def test_tcp_nodelay_is_set_on_connect():
    # D08: 3.x sets TCP_NODELAY, 2.7 did not; kept (harmless, lower latency).
    listener = socket.socket()
    listener.bind(('127.0.0.1', 0))
    listener.listen(1)
    try:
        c = httplib.HTTPConnection('127.0.0.1', listener.getsockname()[1])
        c.connect()
        assert c.sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        c.close()
    finally:
        listener.close()


def test_refused_connection_is_socket_error():
    # D38: ConnectionRefusedError is socket.error (OSError) on 3.x.
    listener = socket.socket()
    listener.bind(('127.0.0.1', 0))
    port = listener.getsockname()[1]
    listener.close()
    with pytest.raises(socket.error):
        httplib.HTTPConnection('127.0.0.1', port).request('GET', '/')


def test_plain_http_client_response_class_gets_no_strict():
    calls = []

    class Plain(http.client.HTTPResponse):
        def __init__(self, *args, **kwargs):
            calls.append((len(args), sorted(kwargs)))
            http.client.HTTPResponse.__init__(self, *args, **kwargs)

    p = Peer()
    p.conn.response_class = Plain
    p.conn.request('GET', '/')
    assert p.conn.getresponse(buffering=True).read() == b'hi'
    assert calls == [(1, ['method'])]


def test_responses_are_http_client_responses_and_py3_api_works():
    p = Peer(blocksize=4096) if sys.version_info >= (3, 7) else Peer()
    assert isinstance(p.conn, http.client.HTTPConnection)
    p.conn.request('GET', '/', headers={'X-B': b'bytes'})
    r = p.conn.getresponse()
    assert isinstance(r, http.client.HTTPResponse)
    assert r.read() == b'hi'
    assert b'X-B: bytes' in p.sent()


def test_no_warning_for_python_3_usage():
    with warnings.catch_warnings():
        warnings.simplefilter('error', Py2CompatWarning)
        p = Peer(timeout=5)
        p.conn.request('POST', '/', 'text body', {'X-Int': 1, 'X-B': b'b'})
        p.conn.getresponse().read()
        p.conn.putrequest('POST', '/')
        p.conn.putheader('Content-Length', 3)
        p.conn.endheaders(b'abc')
        p.conn.send(b'more')
        httplib.HTTPSConnection('127.0.0.1', 443, timeout=3, context=ssl.create_default_context())


@pytest.mark.parametrize('call, what', [
    (lambda: httplib.HTTPConnection('127.0.0.1', 80, True), 'strict'),
    (lambda: _send_str(), 'send(str)'),
    (lambda: (Peer().conn.putrequest('GET', '/'), None)[0] or None, None),
    (lambda: _putheader(1.5), 'float'),
    (lambda: _endheaders_str(), 'endheaders(str)'),
])
def test_python_2_usage_warns(call, what):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        call()
    messages = [str(w.message) for w in caught if issubclass(w.category, Py2CompatWarning)]
    if what is None:
        assert messages == []
    else:
        assert any(what in m for m in messages), messages
        assert all(w.filename == __file__ for w in caught if issubclass(w.category, Py2CompatWarning))


def _send_str():
    p = Peer()
    p.conn.send('str')
    assert p.sent() == b'str'


def _putheader(value):
    p = Peer()
    p.conn.putrequest('GET', '/')
    p.conn.putheader('X', value)


def _endheaders_str():
    p = Peer()
    p.conn.putrequest('GET', '/')
    p.conn.endheaders('')
    assert p.sent().endswith(b'\r\n\r\n')


def test_key_and_cert_load_at_construction_and_verification_stays_on(throwaway_cert):
    key, cert, _ = throwaway_cert
    loaded = []

    class Context(ssl.SSLContext):
        def load_cert_chain(self, certfile, keyfile=None, password=None):
            loaded.append((certfile, keyfile))
            return ssl.SSLContext.load_cert_chain(self, certfile, keyfile, password)

    context = Context(ssl.PROTOCOL_TLS_CLIENT)
    c = httplib.HTTPSConnection('127.0.0.1', 443, key, cert, context=context)
    assert loaded == [(cert, key)] and c._context is context
    for c in (httplib.HTTPSConnection('127.0.0.1', 443, key, cert),
              httplib.HTTPSConnection('127.0.0.1', key_file=key, cert_file=cert),
              httplib.HTTPS('127.0.0.1', 443, key, cert)._conn):
        assert c._context.verify_mode == ssl.CERT_REQUIRED
        assert c._context.check_hostname
        assert (c.key_file, c.cert_file) == (key, cert)
    with pytest.raises(OSError):  # 2.7: IOError, the same class on 3.x
        httplib.HTTPSConnection('127.0.0.1', 443, key + '.missing', cert)


def test_https_verifies_against_a_local_server(throwaway_cert):
    # Verification on: a self-signed server is refused unless its CA is trusted.
    key, cert, _ = throwaway_cert
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    listener = socket.socket()
    listener.bind(('127.0.0.1', 0))
    listener.listen(2)
    port = listener.getsockname()[1]

    def serve():
        for _ in range(2):
            conn, _ = listener.accept()
            try:
                tls = server_context.wrap_socket(conn, server_side=True)
                tls.recv(65536)
                tls.sendall(OK)
                tls.close()
            except (ssl.SSLError, OSError):
                conn.close()
    thread = threading.Thread(target=serve)
    thread.daemon = True
    thread.start()
    try:
        with pytest.raises(ssl.SSLError):
            httplib.HTTPSConnection('127.0.0.1', port, timeout=5).request('GET', '/')
        trusting = ssl.create_default_context(cafile=cert)
        c = httplib.HTTPSConnection('127.0.0.1', port, timeout=5, context=trusting)
        c.request('GET', '/')
        assert c.getresponse().read() == b'hi'
    finally:
        thread.join(5)
        listener.close()


_AUDITED = []
_AUDIT_HOOK_ADDED = []


def _record_http_send(event, args):
    if event == 'http.client.send' and _AUDITED and _AUDITED[0] == 'on':
        _AUDITED.append(bytes(args[1]))


def test_send_raises_http_client_audit_event_where_http_client_does():
    # CPython 3.10 added the http.client.send audit event; the shim's own send()
    # must keep raising it there (audit hooks watch for it), and nothing before.
    if hasattr(sys, 'addaudithook') and not _AUDIT_HOOK_ADDED:
        sys.addaudithook(_record_http_send)  # hooks cannot be removed: add it once
        _AUDIT_HOOK_ADDED.append(True)
    p = Peer()
    del _AUDITED[:]
    _AUDITED.append('on')
    try:
        p.conn.request('POST', '/a', b'body')
        p.conn.send(io.BytesIO(b'file'))
    finally:
        _AUDITED[0] = 'off'
    events = _AUDITED[1:]
    if sys.version_info >= (3, 10):
        assert events[0].startswith(b'POST /a HTTP/1.1\r\n') and events[0].endswith(b'body')
        assert events[1:] == [b'file']
    else:
        assert events == []
