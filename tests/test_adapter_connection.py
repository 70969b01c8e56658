"""HTTPConnection/HTTPSConnection on Python 3: where 2.7 crashed or cannot be
compared (D28-D37 bodies, D08, D35, D36, D04 TLS, warnings)."""
import array
import http.client
import io
import os
import socket
import ssl
import subprocess
import sys
import tempfile
import textwrap
import threading
import warnings

import pytest

import httplib_compat as httplib
import httplib_compat.native as native
from httplib_compat import Py2CompatWarning

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'py27'))

OK = b'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi'
# How long a socketpair peer waits for more before taking what it received as
# all: the client sends synchronously, so its bytes are there already.
QUIET = 0.02


class Peer(object):
    """A connection whose socket is one end of a socketpair; ``sent()`` is
    what the other end received so far."""

    def __init__(self, reply=OK, **kwargs):
        self.conn = httplib.HTTPConnection('127.0.0.1', 80, **kwargs)
        self.conn.sock, self.peer = socket.socketpair()
        self.peer.sendall(reply)
        self.peer.settimeout(QUIET)

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


@pytest.mark.parametrize('call', [
    lambda c: c.request('POST', '/', 12345),
    lambda c: c.request('POST', '/', 12345, encode_chunked=True,
                        headers={'Transfer-Encoding': 'chunked'}),
    lambda c: c.send(12345),
], ids=['request', 'request chunked', 'send'])
def test_a_body_neither_bytes_nor_iterable_fails_with_http_clients_text(call):
    # 2.7 failed inside the socket; Python 3 code expects http.client's TypeError.
    texts = []
    for module in (http.client, httplib):
        conn = module.HTTPConnection('127.0.0.1', 80)
        conn.sock, peer = socket.socketpair()
        with pytest.raises(TypeError) as info:
            call(conn)
        texts.append(str(info.value))
        conn.close()
        peer.close()
    assert texts[1] == texts[0]
    assert texts[0].endswith(" should be a bytes-like object or an iterable, got <class 'int'>")


@pytest.mark.parametrize('position, sent', [(4, b'456789'), (25, b'')])  # 25: past its end
def test_file_body_length_counts_from_the_position(position, sent):
    # 2.7 sent fstat()'s whole size from any position: the server then waited
    # for bytes that never came.
    with tempfile.TemporaryFile() as f:
        f.write(b'0123456789')
        f.seek(position)
        p = Peer()
        p.conn.request('PUT', '/', f)
        assert p.split() == ([b'Content-Length: %d' % len(sent)], sent)


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


def test_a_header_name_beyond_ascii_fails_before_anything_is_sent():
    # 2.7 took it and failed at endheaders() with a bare codec error.
    p = Peer()
    p.conn.putrequest('GET', '/')
    with pytest.raises(UnicodeEncodeError) as info:
        p.conn.putheader(u'N\xe4me', 'v')
    assert str(info.value) == ("'ascii' codec can't encode character '\\xe4' in position 1: "
                               "header name 'N\\xe4me' is not ASCII: a header name is an ASCII token")
    p.conn.endheaders()
    assert b'me: v' not in p.sent()
    assert p.conn.getresponse().read() == b'hi'


def test_2_7s_four_argument_send_request_sends_the_body_as_framed_by_the_caller():
    # 2.7 subclasses call _send_request(method, url, body, headers): a body the
    # caller chunked itself goes out as it is, never chunked again.
    p = Peer()
    p.conn._send_request('POST', '/', b'3\r\nabc\r\n0\r\n\r\n', {'Transfer-Encoding': 'chunked'})
    assert p.split() == ([b'Transfer-Encoding: chunked'], b'3\r\nabc\r\n0\r\n\r\n')


def test_2_7s_one_argument_send_output_sends_a_byte_body_as_it_is():
    # 2.7 subclasses overriding endheaders() call _send_output(message_body).
    p = Peer()
    p.conn.putrequest('POST', '/', skip_host=1, skip_accept_encoding=1)
    p.conn.putheader('Content-Length', '3')
    p.conn._send_output(b'abc')
    assert p.sent() == b'POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc'


def test_the_proxy_headers_stay_available_where_http_client_has_them():
    # Python 3.12's get_proxy_response_headers(): the CONNECT reply's headers.
    c = httplib.HTTPConnection('127.0.0.1', 3128)
    c.set_tunnel('example.com', 443)
    peer, _ = through_proxy(c, b'HTTP/1.0 200 Connection established\r\nX-Proxy: 1\r\nVia: p\r\n\r\n')
    c.connect()
    if hasattr(http.client.HTTPConnection, 'get_proxy_response_headers'):
        headers = c.get_proxy_response_headers()
        assert (headers['X-Proxy'], headers['via'], len(headers)) == ('1', 'p', 2)
    c.close()
    peer.close()


def test_an_http_1_0_connection_never_chunks_as_http_client():
    # The legacy HTTP class speaks HTTP/1.0: encode_chunked=True changes nothing there.
    sent = []
    for module in (http.client, httplib):
        conn = module.HTTPConnection('127.0.0.1', 80)
        conn._http_vsn, conn._http_vsn_str = 10, 'HTTP/1.0'
        conn.sock, peer = socket.socketpair()
        peer.settimeout(QUIET)
        conn.putrequest('POST', '/', skip_host=1, skip_accept_encoding=1)
        conn.endheaders(b'abc', encode_chunked=True)
        conn.sock.close()
        sent.append(peer.recv(65536))
        peer.close()
    assert sent[1] == sent[0] == b'POST / HTTP/1.0\r\n\r\nabc'


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


def test_url_in_latin_1_range_is_invalid_url_saying_to_percent_encode():
    # D34: 2.7.18's InvalidURL; issue 12.8: the text says what to do.
    p = Peer()
    with pytest.raises(httplib.InvalidURL) as info:
        p.conn.request('GET', u'/caf\xe9?q')
    assert str(info.value) == (
        "URL can't contain non-ASCII characters. '/caf\xe9?q' (found at least '\xe9'): "
        "percent-encode them, e.g. '/caf%C3%A9?q' (UTF-8)")
    assert p.sent() == b''


@pytest.mark.parametrize('url, encoded', [(u'/\u20ac', '/%E2%82%AC'),
                                          (u'/a\u3000b', '/a%E3%80%80b'),
                                          (u'http://\u4f8b.example/', 'http://%E4%BE%8B.example/')])
def test_url_beyond_latin_1_is_unicode_encode_error_saying_to_percent_encode(url, encoded):
    # 2.7 and 3.x: UnicodeEncodeError (2.7 once connected); here before anything is sent.
    p = Peer()
    with pytest.raises(UnicodeEncodeError) as info:
        p.conn.putrequest('GET', url)
    assert info.value.reason == (
        "URL can't contain non-ASCII characters (found at least %r): percent-encode them, "
        "e.g. %r (UTF-8)" % (info.value.object[info.value.start:info.value.end], encoded))
    assert p.sent() == b''


def test_url_control_characters_keep_2_7_text():
    with pytest.raises(httplib.InvalidURL) as info:
        Peer().conn.putrequest('GET', u'/\u20ac a')
    assert str(info.value) == ("URL can't contain control characters. '/\\u20ac a' "
                               "(found at least ' ')")


@pytest.mark.parametrize('host, idna', [(u'b\xfccher.example', 'xn--bcher-kva.example'),
                                        (u'\xff', 'xn--wda')])
def test_host_in_latin_1_range_is_invalid_url_naming_its_idna_form(host, idna):
    # D36: 2.7.18 refused U+0080-U+00FF in a host (constructor; here set_tunnel too).
    expected = ("host can't contain non-ASCII characters in the range U+0080-U+00FF (2.7.18 "
                "refused them). %r (found at least %r): pass its IDNA form, %r"
                % (host, host[-1] if host == u'\xff' else u'\xfc', idna))
    with pytest.raises(httplib.InvalidURL) as info:
        httplib.HTTPConnection(host)
    assert str(info.value) == expected
    with pytest.raises(httplib.InvalidURL) as info:
        httplib.HTTPConnection('127.0.0.1').set_tunnel(host)
    assert str(info.value) == expected


@pytest.mark.parametrize('host, idna', [(u'a\u3000b', 'a b'), (u'\u4f8b\u2000x', 'xn-- x-pt3c')])
def test_host_whose_idna_form_has_a_space_is_refused(host, idna):
    # Deliberately stricter than 2.7 and 3.x, which sent 'Host: a b'.
    with pytest.raises(httplib.InvalidURL) as info:
        httplib.HTTPConnection(host)
    assert str(info.value) == ("URL can't contain control characters. %r is %r in IDNA "
                               "(found at least ' ')" % (host, idna))


def test_the_edges_of_the_refused_ranges_in_urls_and_hosts():
    # DEL is 2.7's last control character, U+0080 the first of the Latin-1 range.
    texts = []
    for url in (u'/\x7f', u'/\x80'):
        with pytest.raises(httplib.InvalidURL) as info:
            Peer().conn.putrequest('GET', url)
        texts.append(str(info.value))
    for host in (u'a\x7f', u'a\x80'):
        with pytest.raises(httplib.InvalidURL) as info:
            httplib.HTTPConnection(host)
        texts.append(str(info.value))
    assert texts == [
        "URL can't contain control characters. '/\\x7f' (found at least '\\x7f')",
        "URL can't contain non-ASCII characters. '/\\x80' (found at least '\\x80'): "
        "percent-encode them, e.g. '/%C2%80' (UTF-8)",
        "URL can't contain control characters. 'a\\x7f' (found at least '\\x7f')",
        # No IDNA form to suggest: IDNA refuses U+0080 itself.
        "host can't contain non-ASCII characters in the range U+0080-U+00FF (2.7.18 refused "
        "them). 'a\\x80' (found at least '\\x80')"]


def through_proxy(conn, reply=b'HTTP/1.0 200 Connection established\r\n\r\n'):
    """Make ``conn`` connect to one end of a socketpair whose other end (returned,
    with the addresses asked for) already sent ``reply``."""
    listener = socket.socket()
    listener.bind(('127.0.0.1', 0))
    listener.listen(1)
    mine = socket.create_connection(listener.getsockname(), 5)
    peer = listener.accept()[0]
    listener.close()
    peer.sendall(reply)
    peer.settimeout(0.2)
    asked = []
    conn._create_connection = lambda address, *a, **k: (asked.append(address), mine)[1]
    return peer, asked


def received(peer):
    data = b''
    while True:
        try:
            chunk = peer.recv(65536)
        except socket.timeout:
            return data
        if not chunk:
            return data
        data += chunk


def test_host_beyond_latin_1_goes_out_idna_encoded_everywhere():
    # Issue 12.4 (the Host header is compared with 2.7 in tests/py27): the
    # tunnel's CONNECT line and Host are IDNA too (3.x; 2.7 raised
    # UnicodeEncodeError), and HTTP.connect() takes such a host.
    c = httplib.HTTPConnection('127.0.0.1', 3128)
    c.set_tunnel(u'\u4f8b\u3048.example', 8443)
    assert (c._tunnel_host, c._tunnel_port) == (u'\u4f8b\u3048.example', 8443)
    peer, asked = through_proxy(c)
    c.request('GET', '/')
    peer.sendall(OK)
    assert c.getresponse().read() == b'hi'
    assert asked == [('127.0.0.1', 3128)]
    assert received(peer) == (b'CONNECT xn--r8jz45g.example:8443 HTTP/1.0\r\n\r\n'
                              b'GET / HTTP/1.1\r\nHost: xn--r8jz45g.example:8443\r\n'
                              b'Accept-Encoding: identity\r\n\r\n')
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', Py2CompatWarning)
        h = httplib.HTTP('127.0.0.1')
    peer, asked = through_proxy(h._conn)
    h.connect(u'\u4f8b.example', 8080)
    assert asked == [(u'\u4f8b.example', 8080)]
    with pytest.raises(httplib.InvalidURL):
        h.connect(u'\u4f8b \u3048', 8080)


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
    (lambda: _tunnel_header(1.5), 'float'),  # through http.client's connect(): another depth
    (lambda: _https_with_cert_file_only(), 'HTTPSConnection(key_file, cert_file)'),
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


def _tunnel_header(value):
    c = httplib.HTTPConnection('127.0.0.1', 3128)
    c.set_tunnel('example.com', 443, {'X': value})
    peer, _ = through_proxy(c)
    c.connect()
    assert received(peer).split(b'\r\n')[1] == b'X: %s' % str(value).encode('ascii')
    c.close()


def _endheaders_str():
    p = Peer()
    p.conn.putrequest('GET', '/')
    p.conn.endheaders('')
    assert p.sent().endswith(b'\r\n\r\n')


def test_putheader_of_a_value_2_7_made_a_str_names_its_type_at_the_callers_line():
    for value, name in [(1.5, 'float'), (None, 'NoneType')]:
        p = Peer()
        p.conn.putrequest('GET', '/')
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            p.conn.putheader('X', value); line = sys._getframe().f_lineno  # noqa: E702
        assert [(str(w.message), w.filename, w.lineno) for w in caught
                if issubclass(w.category, Py2CompatWarning)] == [
            ('putheader() with a %s value is Python 2 httplib behaviour; on Python 3 use '
             'str(value)' % name, __file__, line)]


def test_endheaders_str_advice_names_the_encoding_in_use(text_encoding):
    for encoding in (None, 'utf-8'):
        text_encoding(encoding)
        p = Peer()
        p.conn.putrequest('GET', '/')
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            p.conn.endheaders('')
        assert [str(w.message) for w in caught] == [
            "endheaders(str) is Python 2 httplib behaviour; on Python 3 use "
            "endheaders(body.encode(%r)) with the encoding the server expects"
            % (encoding or 'latin-1')]


def _https_with_cert_file_only():
    with tempfile.TemporaryDirectory() as folder:
        cert = os.path.join(folder, 'cert.pem')
        subprocess.check_call(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout',
                               cert, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        assert httplib.HTTPSConnection('127.0.0.1', 443, None, cert).cert_file == cert


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


# -- issue 14.1: tunnel header injection ------------------------------------------

@pytest.mark.parametrize('headers', [
    {'X': 'v\r\nX-Inj: 1'}, {'X': 'v\nX-Inj: 1'}, {'X': 'v\r'}, {'X\r\nX-Inj': 'v'},
    {'X\n': 'v'}, {'X:Y': 'v'}, {'': 'v'}, {b'X': b'v\r\nX-Inj: 1'}, {'X': u'\u20ac\r\nI: 1'},
])
def test_tunnel_header_injection_is_refused_before_anything_is_sent(headers):
    # 2.7 sent the injected line; 3.14 refuses it when connecting: here
    # set_tunnel() refuses it on every interpreter (deliberately stricter than 2.7).
    c = httplib.HTTPConnection('127.0.0.1', 3128)
    with pytest.raises(ValueError) as info:
        c.set_tunnel('example.com', 443, headers)
    assert str(info.value).startswith(('Invalid header name ', 'Invalid header value '))
    assert c._tunnel_host is None and c.sock is None


def test_tunnel_headers_changed_after_set_tunnel_are_checked_again():
    c = httplib.HTTPConnection('127.0.0.1', 3128)
    headers = {'Proxy-Authorization': 'Basic eA=='}
    c.set_tunnel('example.com', 443, headers)
    headers['X'] = 'v\r\nX-Inj: 1'  # 2.7 kept the caller's dict: so does the shim
    peer, _ = through_proxy(c)
    with pytest.raises(ValueError) as info:
        c.request('GET', '/')
    assert str(info.value) == "Invalid header value 'v\\r\\nX-Inj: 1'"
    assert received(peer) == b''  # not even the CONNECT line


def test_tunnel_headers_of_2_7_kinds_still_go_out():
    c = httplib.HTTPConnection('127.0.0.1', 3128)
    # An ASCII host goes out as given (IDNA would refuse the empty label).
    c.set_tunnel('Example..COM', 443, {'Proxy-Authorization': 'Basic eA==', 'X-N': 5,
                                       'X-Fold': 'a\r\n b'})
    peer, _ = through_proxy(c)
    c.request('GET', '/')
    assert received(peer).split(b'\r\n\r\n')[0].split(b'\r\n') == [
        b'CONNECT Example..COM:443 HTTP/1.0', b'Proxy-Authorization: Basic eA==', b'X-N: 5',
        b'X-Fold: a', b' b']


def test_an_ipv6_tunnel_host_is_bracketed_in_the_connect_line():
    # As 3.13 does (2.7 sent 'CONNECT ::1:443', which no proxy can parse).
    for host, port in [('::1', 443), ('[::1]:8443', None)]:
        c = httplib.HTTPConnection('127.0.0.1', 3128)
        c.set_tunnel(host, port)
        peer, _ = through_proxy(c)
        c.request('GET', '/')
        assert received(peer).split(b'\r\n')[0] == b'CONNECT [::1]:%d HTTP/1.0' % (port or 8443)
        c.close()


# -- issue 12.7: text that is not ASCII is never changed silently ---------------------

from httplib_compat import Py2TextWarning  # noqa: E402


@pytest.fixture
def text_encoding():
    """Restores the global choice whatever the test does."""
    previous = httplib.set_text_encoding(None)
    yield httplib.set_text_encoding
    httplib.set_text_encoding(previous)


def _text_warnings(caught):
    return [w for w in caught if issubclass(w.category, Py2TextWarning)]


TEXT_PATHS = [
    # (what the warning names, how to send u'caf\xe9' that way)
    ('the request body', lambda c, t=u'caf\xe9': c.request('POST', '/', t)),
    ('a str item of the body', lambda c, t=u'caf\xe9': c.request('POST', '/', [b'x', t])),
    ('text read from the body file', lambda c, t=u'caf\xe9': c.request('POST', '/', io.StringIO(t))),
    ("the value of header X-Name", lambda c, t=u'caf\xe9': c.request('GET', '/', None, {'X-Name': t})),
    ('the endheaders() message_body',
     lambda c, t=u'caf\xe9': (c.putrequest('POST', '/'), c.endheaders(t))),
    ('send() data', lambda c, t=u'caf\xe9': (c.putrequest('POST', '/'), c.endheaders(), c.send(t))),
    ('a str item of the body',
     lambda c, t=u'caf\xe9': (c.putrequest('POST', '/'), c.endheaders(), c.send([t]))),
    ('text read from the body file',
     lambda c, t=u'caf\xe9': (c.putrequest('POST', '/'), c.endheaders(), c.send(io.StringIO(t)))),
]


@pytest.mark.parametrize('what, send', TEXT_PATHS)
def test_non_ascii_text_warns_once_per_call_site_and_goes_out_latin_1(what, send, text_encoding):
    for module in (httplib, native):
        p = Peer()
        p.conn = module.HTTPConnection('127.0.0.1', 80)
        p.conn.sock, p.peer = socket.socketpair()
        p.peer.settimeout(QUIET)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('ignore')
            warnings.simplefilter('default', Py2TextWarning)  # Python's default for UserWarning
            warnings.filterwarnings('default', category=Py2TextWarning)
            registry = sys.modules[__name__].__dict__.get('__warningregistry__')
            if registry:
                registry.clear()
            send(p.conn)
        found = _text_warnings(caught)
        assert len(found) == 1, [str(w.message) for w in caught]
        message = str(found[0].message)
        assert message.startswith(what + " is not ASCII ('caf\xe9'): sent as Latin-1, 4 bytes")
        assert "set_text_encoding('utf-8')" in message and "text_encoding='utf-8'" in message
        assert found[0].filename == __file__  # the caller's line, not the package's
        data = p.sent()
        assert b'caf\xe9' in data and b'caf\xc3\xa9' not in data


@pytest.mark.parametrize('text, shown', [
    (u'x' * 20 + u"'\xe9 and more", "'xxxxxxxxxxxxxxxxxxx"),  # a quote past the 20th: no matter
    (u'x' * 19 + u"'\xe9 and more!", '"xxxxxxxxxxxxxxxxxxx'),  # the 20th is a quote: repr's "
])
def test_the_warning_shows_the_texts_first_20_characters_and_its_size(text_encoding, text, shown):
    p = Peer()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        p.conn.send(text)
    assert [str(w.message) for w in _text_warnings(caught)] == [
        "send() data is not ASCII (" + shown + "): sent as Latin-1, 31 bytes (Python 2 "
        "sent the bytes the source file held, often UTF-8). Encode it yourself, e.g. "
        "send(data.encode('utf-8')), or choose the encoding of implicit text: "
        "httplib_compat.set_text_encoding('utf-8') or text_encoding='utf-8' on the connection "
        "('latin-1' keeps this behaviour without this warning)"]
    assert p.sent() == text.encode('latin-1')


def test_the_warning_is_visible_under_default_filters_and_once_per_line(tmp_path):
    script = tmp_path / 'py2_script.py'
    script.write_text(textwrap.dedent(u'''
        import socket, sys
        sys.path.insert(0, %r)
        import httplib_compat as httplib
        for i in range(3):
            c = httplib.HTTPConnection('127.0.0.1', 80)
            c.sock, peer = socket.socketpair()
            c.request('POST', '/', 'caf\\xe9')  # line 8
        c = httplib.HTTPConnection('127.0.0.1', 8); c.sock, _ = socket.socketpair(); c.request('PUT', '/', 'caf\\xe9')
        ''' % os.path.dirname(os.path.dirname(httplib.__file__))), encoding='utf-8')
    env = dict(os.environ)
    env.pop('PYTHONWARNINGS', None)
    result = subprocess.run([sys.executable, str(script)], stderr=subprocess.PIPE, env=env,
                            timeout=60, universal_newlines=True)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if 'Py2TextWarning' in line]
    assert [line.split(':')[1] for line in lines] == ['8', '9'], result.stderr


def test_the_warning_can_be_made_an_error_before_anything_is_sent(text_encoding):
    p = Peer()
    with warnings.catch_warnings():
        warnings.simplefilter('error', Py2TextWarning)
        with pytest.raises(Py2TextWarning):
            p.conn.request('POST', '/', u'caf\xe9')
    assert p.sent() == b''


@pytest.mark.parametrize('what, send', TEXT_PATHS)
def test_ascii_text_never_warns(what, send, text_encoding):
    p = Peer()
    with warnings.catch_warnings():
        warnings.simplefilter('error', Py2TextWarning)
        send(p.conn, u'cafe')
    assert b'cafe' in p.sent()


@pytest.mark.parametrize('what, send', TEXT_PATHS)
def test_a_chosen_encoding_is_used_everywhere_without_warning(what, send, text_encoding):
    for choose in ('global', 'keyword', 'attribute'):
        if choose == 'global':
            text_encoding('utf-8')
            p = Peer()
        elif choose == 'keyword':
            text_encoding('latin-1')  # the connection's own choice wins
            p = Peer(text_encoding='utf-8')
        else:
            text_encoding(None)
            p = Peer()
            p.conn.text_encoding = 'utf-8'
        with warnings.catch_warnings():
            warnings.simplefilter('error', Py2TextWarning)
            send(p.conn)
        data = p.sent()
        assert b'caf\xc3\xa9' in data and b'caf\xe9' not in data, choose


def test_content_length_counts_the_bytes_of_the_chosen_encoding(text_encoding):
    for encoding, expected in [(None, u'\xe9t\xe9'.encode('latin-1')),
                               ('latin-1', u'\xe9t\xe9'.encode('latin-1')),
                               ('utf-8', u'\xe9t\xe9'.encode('utf-8')),
                               ('utf-16-le', u'\xe9t\xe9'.encode('utf-16-le'))]:
        for body in (u'\xe9t\xe9', [u'\xe9', u't\xe9'], io.StringIO(u'\xe9t\xe9')):
            text_encoding(encoding)
            p = Peer()
            with warnings.catch_warnings():
                warnings.simplefilter('ignore', Py2TextWarning)
                p.conn.request('PUT', '/', body)
            assert p.split() == ([b'Content-Length: %d' % len(expected)], expected)


def test_python_2_module_saved_as_utf_8_sends_the_same_bytes_once_utf_8_is_chosen():
    # 2.7: the literal is the UTF-8 bytes of the source; 3.x: text, encoded as chosen.
    import harness
    code = textwrap.dedent(u'''
        body = u'caf\\xe9 \\u20ac'
        if str is bytes:
            body = body.encode('utf-8')  # what a UTF-8 source file's 'caf\xe9 \u20ac' was
        else:
            previous = httplib.set_text_encoding('utf-8')
        try:
            c = httplib.HTTPConnection(HOST, PORT)
            c.request('POST', '/', body, {'X-Text': body})
            out('reply', c.getresponse().read())
        finally:
            if str is not bytes:
                httplib.set_text_encoding(previous)
        ''')
    result = harness.compare(code, [OK])
    assert b'caf\xc3\xa9 \xe2\x82\xac' in result.py27_requests[0]


def test_text_the_encoding_cannot_hold_names_what_and_the_fix(text_encoding):
    p = Peer()
    p.conn.putrequest('GET', '/')
    with pytest.raises(UnicodeEncodeError) as info:
        p.conn.putheader('X-Name', u'\u20ac')
    assert info.value.reason == (
        "the value of header X-Name ('\u20ac') cannot be encoded as Latin-1 (the default): "
        "encode it yourself, e.g. putheader('X-Name', value.encode('utf-8')), or choose the "
        "encoding of implicit text with httplib_compat.set_text_encoding('utf-8') or the "
        "connection's text_encoding")
    text_encoding('ascii')
    with pytest.raises(UnicodeEncodeError) as info:
        Peer().conn.request('POST', '/', u'caf\xe9')
    assert info.value.reason.startswith("the request body ('\xe9') cannot be encoded as ascii: "
                                        "encode it yourself, e.g. body.encode('utf-8')")


def test_an_unknown_encoding_fails_when_chosen(text_encoding):
    with pytest.raises(LookupError):
        text_encoding('no-such-codec')
    with pytest.raises(LookupError):
        httplib.HTTPConnection('127.0.0.1', text_encoding='no-such-codec')
    c = httplib.HTTPSConnection('127.0.0.1', 443, None, None, None, 5, None, None,
                                text_encoding='utf-8')
    assert c.text_encoding == 'utf-8'
    assert httplib.set_text_encoding(None) is None


def test_send_str_advice_names_the_encoding_in_use(text_encoding):
    for encoding, advice in [(None, "send(data.encode('latin-1'))"),
                             ('utf-8', "send(data.encode('utf-8'))")]:
        text_encoding(encoding)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            p = Peer()
            p.conn.send(u'abc')
        message = [str(w.message) for w in caught if w.category is Py2CompatWarning][0]
        assert advice + ' with the encoding the server expects' in message


# -- issue 12.8: key_file/cert_file errors name the argument and the path -------------

def test_missing_key_or_cert_file_names_the_argument_and_path(throwaway_cert):
    key, cert, _ = throwaway_cert
    for args, argument, path in [((key + '.missing', cert), 'key_file', key + '.missing'),
                                 ((key, cert + '.missing'), 'cert_file', cert + '.missing'),
                                 ((None, cert + '.missing'), 'cert_file', cert + '.missing')]:
        for make in (httplib.HTTPSConnection, httplib.HTTPS):
            with warnings.catch_warnings():
                warnings.simplefilter('ignore', Py2CompatWarning)
                with pytest.raises(IOError) as info:  # 2.7's class (OSError on 3.x)
                    make('127.0.0.1', 443, *args)
            assert type(info.value) is FileNotFoundError
            assert info.value.filename == path
            assert str(info.value) == ("[Errno 2] No such file or directory (HTTPSConnection "
                                       "%s): %r" % (argument, path))


def test_a_directory_given_as_cert_file_is_named_as_cert_file(throwaway_cert, tmp_path):
    key, _, _ = throwaway_cert
    for args in [(None, str(tmp_path)), (key, str(tmp_path))]:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore', Py2CompatWarning)
            with pytest.raises(IsADirectoryError) as info:
                httplib.HTTPSConnection('127.0.0.1', 443, *args)
        assert str(info.value) == ("[Errno 21] Is a directory (HTTPSConnection cert_file): %r"
                                   % str(tmp_path))


def test_a_load_error_without_errno_keeps_its_text_and_names_both_arguments(throwaway_cert):
    # PyPy's ssl (or a context of the caller's) may fail with an OSError that
    # has no errno: its own text is kept; both files exist, so both are named.
    key, cert, _ = throwaway_cert

    class FailingContext(ssl.SSLContext):
        def load_cert_chain(self, certfile, keyfile=None, password=None):
            raise OSError('cannot load')

    with warnings.catch_warnings():
        warnings.simplefilter('ignore', Py2CompatWarning)
        with pytest.raises(OSError) as info:
            httplib.HTTPSConnection('127.0.0.1', 443, key, cert,
                                    context=FailingContext(ssl.PROTOCOL_TLS_CLIENT))
    assert (info.value.errno, info.value.filename) == (None, cert)
    assert str(info.value) == ("[Errno None] cannot load (HTTPSConnection cert_file or key_file): "
                               "%r" % cert)


def test_key_that_does_not_match_or_is_not_pem_names_both_files(throwaway_cert, tmp_path):
    key, cert, both = throwaway_cert
    other_key = str(tmp_path / 'other.pem')
    subprocess.check_call(['openssl', 'genrsa', '-out', other_key, '2048'],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cases = [
        ((other_key, cert), "the private key in key_file %r does not belong to the certificate "
                            "in cert_file %r" % (other_key, cert)),
        ((cert, cert), "cert_file %r and key_file %r must be PEM files holding the certificate "
                       "and its private key" % (cert, cert)),
        ((None, cert), "cert_file %r must be a PEM file holding the certificate and its "
                       "private key (or pass the key as key_file)" % cert),
    ]
    for args, text in cases:
        with pytest.raises(ssl.SSLError) as info:  # 2.7's class
            httplib.HTTPSConnection('127.0.0.1', 443, *args)
        assert str(info.value).startswith(text + ' ([')
        cause = info.value.__cause__  # the ssl module's own error, kept
        assert isinstance(cause, ssl.SSLError) and cause.strerror in str(info.value)
        assert getattr(info.value, 'reason', None) == getattr(cause, 'reason', None)
    with pytest.raises(TypeError) as info:  # 2.7's class: key_file without cert_file
        httplib.HTTPSConnection('127.0.0.1', 443, key)
    assert str(info.value) == ('HTTPSConnection(key_file=%r) needs cert_file too: the PEM file '
                               'of the certificate that key belongs to' % key)
    assert httplib.HTTPSConnection('127.0.0.1', 443, None, both).cert_file == both
