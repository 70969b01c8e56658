"""HTTPConnection and HTTPSConnection with 2.7's signatures and request side
(D03, D04, D06, D08, D28-D38, D42, D51).

The state machine, ``connect()`` (TCP_NODELAY included, D08), host parsing and
TLS wrapping are http.client's; what a caller or a server could tell apart from
2.7 is overridden here: constructor signatures, how bodies are framed and
sent, header value coercion, URL/host checks, error texts and debug output.
"""
from __future__ import print_function

import io
import os
import re
import socket
import stat
import sys

import http.client as _client

from httplib_compat._internals import (
    CS_IDLE as _CS_IDLE, CS_REQ_SENT as _CS_REQ_SENT, CS_REQ_STARTED as _CS_REQ_STARTED,
    HAS_PROXY_RESPONSE_HEADERS, HAS_SEND_AUDIT_EVENT, is_illegal_header_value,
    is_legal_header_name)
from httplib_compat._warnings import warn_py2
from httplib_compat.constants import _MAXHEADERS, _MAXLINE
from httplib_compat.exceptions import (
    CannotSendHeader, CannotSendRequest, HTTPException, InvalidURL, LineTooLong,
    NotConnected, ResponseNotReady)
from httplib_compat.response import HTTPResponse

_METHODS_EXPECTING_BODY = frozenset(['PATCH', 'POST', 'PUT'])

# D34/D36: 2.7.18 refuses controls, space, DEL and bytes 0x80-0xFF in URLs and
# hosts; 3.x lets non-ASCII through to an encode error or IDNA.  Anything
# outside printable ASCII is refused here.
_DISALLOWED_URL_CHAR = re.compile('[^\x21-\x7e]')

_NO_STRICT = 'nothing: Python 3 has no strict mode (pass timeout= by keyword)'


def _py2_repr(value):
    """repr() as 2.7 printed it for a byte string: no b prefix (D42, D33, D34)."""
    if isinstance(value, str):
        try:
            value = value.encode('latin-1')
        except UnicodeEncodeError:
            return ascii(value)
    if isinstance(value, bytes):
        return repr(value)[1:]
    return repr(value)


def _encode_text(text, name):
    """A native str body as the bytes 2.7's str held (ISO-8859-1), or a clear
    error naming .encode('utf-8') raised before anything is sent (D28, D31)."""
    try:
        return text.encode('latin-1')
    except UnicodeEncodeError as err:
        raise UnicodeEncodeError(
            err.encoding, err.object, err.start, err.end,
            "%s (%.20r) is not valid Latin-1. Use %s.encode('utf-8') if you want "
            "to send it encoded in UTF-8." % (name.title(), text[err.start:err.end], name))


def _py2_str(value):
    """str(value) as 2.7 spelt it (floats keep 12 significant digits)."""
    if isinstance(value, float):
        text = '%.12g' % value
        if text.lstrip('-').isdigit():
            text += '.0'
        return text
    return str(value)


def _header_bytes(value):
    # D32: 2.7 applied str() to every value (1.5 -> '1.5', None -> 'None').
    if isinstance(value, str):
        return value.encode('latin-1')
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, int):
        return str(value).encode('ascii')
    warn_py2('putheader() with a %s value' % type(value).__name__, 'str(value)', stacklevel=4)
    return _py2_str(value).encode('latin-1')


def _read_blocks(readable, blocksize):
    """The blocks of a read()-able object as bytes (text encoded ISO-8859-1)."""
    while True:
        block = readable.read(blocksize)
        if not block:
            return
        if isinstance(block, str):
            block = _encode_text(block, 'data')
        yield block


def _sized_file_length(body):
    """Bytes left in a regular binary file, or None when not cheaply known."""
    if isinstance(body, io.TextIOBase):
        return None
    try:
        status = os.fstat(body.fileno())
    except (AttributeError, OSError, ValueError):
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    try:
        position = body.tell()
    except (AttributeError, OSError, ValueError):
        position = 0
    return max(status.st_size - position, 0)


class HTTPConnection(_client.HTTPConnection):
    """http.client.HTTPConnection with 2.7's signature and request side."""

    response_class = HTTPResponse
    strict = 0
    blocksize = 8192  # D31: 2.7's send block; 3.7+ also take blocksize=

    def __init__(self, host, port=None, strict=None,
                 timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None, **kwargs):
        # D03: 2.7's third positional argument is strict, never the timeout.
        if strict is not None:
            warn_py2('HTTPConnection(strict=...)', _NO_STRICT)
            self.strict = strict
        super(HTTPConnection, self).__init__(
            host, port, timeout=timeout, source_address=source_address, **kwargs)

    def _validate_host(self, host):
        # D36: 2.7.18 refuses non-ASCII hosts (InvalidURL); 3.x IDNA-encodes them.
        match = _DISALLOWED_URL_CHAR.search(host)
        if match:
            raise InvalidURL("URL can't contain control characters. %s (found at least %s)"
                             % (_py2_repr(host), _py2_repr(match.group())))

    def _validate_path(self, url):
        # D34: 2.7.18 also refuses bytes 0x80-0xFF in the URL as InvalidURL.
        match = _DISALLOWED_URL_CHAR.search(url)
        if match:
            raise InvalidURL("URL can't contain control characters. %s (found at least %s)"
                             % (_py2_repr(url), _py2_repr(match.group())))

    def set_tunnel(self, host, port=None, headers=None):
        # D51: 2.7's error text and headers; the tunnel host is checked like a host.
        if self.sock:
            raise RuntimeError("Can't setup tunnel for established connection.")
        self._tunnel_host, self._tunnel_port = self._get_hostport(host, port)
        self._validate_host(self._tunnel_host)
        if headers:
            self._tunnel_headers = headers
        else:
            self._tunnel_headers.clear()

    def _tunnel(self):
        # D51: 2.7's CONNECT request (HTTP/1.0, only the caller's headers, one
        # send per line); an IPv6 host is bracketed as 3.13 does.
        host = self._tunnel_host
        if ':' in host:
            host = '[%s]' % host
        self.send(('CONNECT %s:%d HTTP/1.0\r\n' % (host, self._tunnel_port)).encode('ascii'))
        for header, value in self._tunnel_headers.items():
            self.send(('%s: %s\r\n' % (header, value)).encode('latin-1'))
        self.send(b'\r\n')
        response = self._make_response(with_debuglevel=False)
        try:
            version, code, message = response._read_status()
            if version == 'HTTP/0.9':
                self.close()
                raise socket.error('Invalid response from tunnel request')
            if code != 200:
                self.close()
                raise socket.error('Tunnel connection failed: %d %s' % (code, message.strip()))
            lines = []
            while True:
                line = response.fp.readline(_MAXLINE + 1)
                if len(line) > _MAXLINE:
                    raise LineTooLong('header line')
                if line in (b'\r\n', b'\n', b''):
                    break
                lines.append(line)
                if len(lines) > _MAXHEADERS:
                    raise HTTPException('got more than %d headers' % _MAXHEADERS)
            if HAS_PROXY_RESPONSE_HEADERS:  # for get_proxy_response_headers()
                self._raw_proxy_headers = lines
        finally:
            response.close()

    def _make_response(self, buffering=False, with_debuglevel=True):
        # D06: 2.7 passes strict= (and buffering=True only when asked) and the
        # debuglevel as 2nd positional argument; a plain http.client response
        # class takes neither strict nor buffering.
        args = (self.sock,)
        if with_debuglevel and self.debuglevel > 0:
            args += (self.debuglevel,)
        if not issubclass(self.response_class, HTTPResponse):
            return self.response_class(*args, method=self._method)
        if buffering:
            return self.response_class(*args, strict=self.strict, method=self._method,
                                       buffering=True)
        return self.response_class(*args, strict=self.strict, method=self._method)

    def putrequest(self, method, url, skip_host=0, skip_accept_encoding=0):
        # D38: 2.7's CannotSendRequest carries no text (3.x: the state name).
        if self._HTTPConnection__state != _CS_IDLE:
            raise CannotSendRequest()
        super(HTTPConnection, self).putrequest(method, url, skip_host, skip_accept_encoding)

    def putheader(self, header, *values):
        # D32/D33: values go through str() as in 2.7; the checks are the same
        # on both, the texts are 2.7's.
        if self._HTTPConnection__state != _CS_REQ_STARTED:
            raise CannotSendHeader()
        if isinstance(header, str):
            name = header.encode('ascii')
        elif isinstance(header, (bytes, bytearray)):
            name = bytes(header)
        else:
            name = _py2_str(header).encode('ascii')
        if not is_legal_header_name(name):
            raise ValueError('Invalid header name %s' % _py2_repr(name))
        encoded = []
        for value in values:
            value = _header_bytes(value)
            if is_illegal_header_value(value):
                raise ValueError('Invalid header value %s' % _py2_repr(value))
            encoded.append(value)
        self._output(name + b': ' + b'\r\n\t'.join(encoded))

    def endheaders(self, message_body=None, encode_chunked=False):
        # D31: a str body is encoded before anything is sent.
        if isinstance(message_body, str):
            warn_py2('endheaders(str)', "endheaders(body.encode('latin-1'))")
            message_body = _encode_text(message_body, 'message_body')
        if self._HTTPConnection__state != _CS_REQ_STARTED:
            raise CannotSendHeader()
        self._HTTPConnection__state = _CS_REQ_SENT
        self._send_output(message_body, encode_chunked=encode_chunked)

    def _send_output(self, message_body=None, encode_chunked=False):
        self._buffer.extend((b'', b''))
        msg = b'\r\n'.join(self._buffer)
        del self._buffer[:]
        chunked = encode_chunked and self._http_vsn == 11
        if isinstance(message_body, bytes) and not chunked:
            # D42: 2.7 sends a byte-string body in the same send() as the headers.
            msg += message_body
            message_body = None
        self.send(msg)
        if message_body is None:
            return
        if chunked:
            for chunk in self._body_chunks(message_body):
                if chunk:
                    self.send(b'%X\r\n' % len(chunk) + chunk + b'\r\n')
            self.send(b'0\r\n\r\n')
        else:
            self.send(message_body)

    def _body_chunks(self, body):
        if hasattr(body, 'read'):
            return _read_blocks(body, self.blocksize)
        try:
            memoryview(body)
        except TypeError:
            try:
                return (_encode_text(c, 'data') if isinstance(c, str) else c for c in body)
            except TypeError:
                raise TypeError('message_body should be a bytes-like object or an iterable, '
                                'got %r' % type(body))
        return (body,)

    def send(self, data):
        """Send ``data`` (bytes, str, a buffer, a read()-able or an iterable)."""
        if self.sock is None:
            if self.auto_open:
                self.connect()
            else:
                raise NotConnected()
        if isinstance(data, str):
            # D31: 2.7's send() took its str, i.e. bytes.
            warn_py2('send(str)', "send(data.encode('latin-1'))")
            data = _encode_text(data, 'data')
        if self.debuglevel > 0:
            print('send:', _py2_repr(data))  # D42: 2.7's repr of a byte str
        sendall = self.sock.sendall
        if hasattr(data, 'read'):
            if self.debuglevel > 0:
                print('sendIng a read()able')  # D42: 2.7's text
            for block in _read_blocks(data, self.blocksize):
                if HAS_SEND_AUDIT_EVENT:
                    sys.audit('http.client.send', self, block)
                sendall(block)
            return
        if HAS_SEND_AUDIT_EVENT:
            sys.audit('http.client.send', self, data)
        try:
            sendall(data)
        except TypeError:
            try:
                items = iter(data)
            except TypeError:
                raise TypeError('data should be a bytes-like object or an iterable, '
                                'got %r' % type(data))
            for item in items:
                if isinstance(item, str):
                    item = _encode_text(item, 'data')
                sendall(item)

    def request(self, method, url, body=None, headers={}, encode_chunked=False):
        """Send a complete request (2.7's arguments; 3.6+'s encode_chunked)."""
        self._send_request(method, url, body, headers, encode_chunked)

    def _send_request(self, method, url, body, headers, encode_chunked=False):
        if isinstance(body, str):
            body = _encode_text(body, 'body')  # D28: before anything is sent
        header_names = set(k.lower() for k in headers)
        skips = {}
        if 'host' in header_names:
            skips['skip_host'] = 1
        if 'accept-encoding' in header_names:
            skips['skip_accept_encoding'] = 1
        content_length = None
        if 'content-length' in header_names:
            encode_chunked = False
        elif 'transfer-encoding' not in header_names:
            # D29/D30: 2.7 always framed with Content-Length; never chunk
            # a body the caller did not ask to chunk.
            encode_chunked = False
            body, content_length = self._measure_body(body, method)
        # D37: with a caller's Transfer-Encoding no Content-Length is added
        # (2.7 added one; RFC 7230 forbids both).
        self.putrequest(method, url, **skips)
        if content_length is not None:
            self.putheader('Content-Length', str(content_length))
        for header, value in headers.items():
            self.putheader(header, value)
        self.endheaders(body, encode_chunked=encode_chunked)

    def _measure_body(self, body, method):
        """(body to send, its Content-Length or None): 2.7's length, or for
        bodies 2.7 failed on the bytes read whole (D29, D30)."""
        if body is None:
            return None, (0 if method.upper() in _METHODS_EXPECTING_BODY else None)
        if hasattr(body, 'read'):
            if hasattr(body, '__len__'):
                return body, len(body)  # 2.7 asked len() first
            length = _sized_file_length(body)
            if length is not None:
                return body, length  # 2.7: fstat; here minus the position
            body = b''.join(_read_blocks(body, self.blocksize))
            return body, len(body)
        try:
            return body, memoryview(body).nbytes
        except TypeError:
            pass
        try:
            items = iter(body)
        except TypeError:
            raise TypeError('message_body should be a bytes-like object or an iterable, '
                            'got %r' % type(body))
        body = b''.join(_encode_text(i, 'body') if isinstance(i, str) else i for i in items)
        return body, len(body)

    def getresponse(self, buffering=False):
        """The response to the request sent (2.7's ``buffering`` is accepted)."""
        response = self._HTTPConnection__response
        if response and response.isclosed():
            self._HTTPConnection__response = response = None
        if self._HTTPConnection__state != _CS_REQ_SENT or response:
            raise ResponseNotReady()  # D38: no text, as 2.7
        if buffering:
            warn_py2('getresponse(buffering=True)', 'getresponse() (always buffered)')
        response = self._make_response(buffering)
        try:
            try:
                response.begin()
            except ConnectionError:
                self.close()  # 3.x: a dead peer frees the connection for a retry
                raise
            self._HTTPConnection__state = _CS_IDLE
            if response.will_close:
                self.close()  # the response now owns the socket
            else:
                self._HTTPConnection__response = response
            return response
        except:  # noqa: E722 -- close the response whatever went wrong
            response.close()
            raise


class HTTPSConnection(HTTPConnection, _client.HTTPSConnection):
    """http.client.HTTPSConnection with 2.7's signature: key_file and
    cert_file load into the (verifying by default) context at construction."""

    def __init__(self, host, port=None, key_file=None, cert_file=None, strict=None,
                 timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None,
                 context=None, **kwargs):
        # D04: 2.7's positional order; key_file/cert_file also on 3.12+.
        if key_file or cert_file:
            warn_py2('HTTPSConnection(key_file, cert_file)',
                     'an ssl context with context.load_cert_chain(cert_file, key_file)')
        if strict is not None:
            warn_py2('HTTPSConnection(strict=...)', _NO_STRICT)
            self.strict = strict
        HTTPConnection.__init__(self, host, port, None, timeout, source_address,
                                context=context, **kwargs)
        self.key_file = key_file
        self.cert_file = cert_file
        if key_file or cert_file:
            self._context.load_cert_chain(cert_file, key_file)
