"""HTTPConnection and HTTPSConnection with 2.7's signatures and request side
(D03, D04, D06, D08, D28-D38, D42, D51).

The state machine, ``connect()`` (TCP_NODELAY included, D08), host parsing and
TLS wrapping are http.client's; what a caller or a server could tell apart from
2.7 is overridden here: constructor signatures, how bodies are framed and
sent, header value coercion, URL/host checks, error texts and debug output.

Text the caller did not encode (a str body, ``send(str)``, str header values,
str items, text files) is encoded in the encoding chosen with
``set_text_encoding()`` or a connection's ``text_encoding``; when none was
chosen, ISO-8859-1 as http.client does, with a ``Py2TextWarning`` for text
that is not ASCII.
"""
from __future__ import print_function

import codecs
import io
import os
import re
import socket
import ssl
import stat
import sys
import urllib.parse
import warnings

import http.client as _client

import httplib_compat  # the default face: its globals are read at call time
from httplib_compat._internals import (
    CS_IDLE as _CS_IDLE, CS_REQ_SENT as _CS_REQ_SENT, CS_REQ_STARTED as _CS_REQ_STARTED,
    HAS_MAX_RESPONSE_HEADERS, HAS_PROXY_RESPONSE_HEADERS, HAS_SEND_AUDIT_EVENT,
    STR_HAS_ISASCII, UNKNOWN as _UNKNOWN,
    is_illegal_header_value as _is_illegal_header_value,
    is_legal_header_name as _is_legal_header_name)
from httplib_compat._py2text import readline_limited
from httplib_compat._warnings import Py2TextWarning, warn_py2
from httplib_compat.exceptions import (
    CannotSendHeader, CannotSendRequest, HTTPException, InvalidURL, NotConnected,
    ResponseNotReady)
from httplib_compat.response import HTTPResponse, _StrictOfConnection

_METHODS_EXPECTING_BODY = frozenset(['PATCH', 'POST', 'PUT'])

# D34/D36: what 2.7.18 refuses in URLs and hosts: controls, space, DEL and
# U+0080-U+00FF (bytes 0x80-0xFF of a 2.7 str).  A host beyond Latin-1 passes
# and goes out IDNA-encoded, as in 2.7; such a URL cannot be sent (2.7 and 3.x:
# UnicodeEncodeError).
_DISALLOWED_URL_CHAR = re.compile('[\x00-\x20\x7f-\xff]')

_NO_STRICT = 'nothing: Python 3 has no strict mode (pass timeout= by keyword)'

# Issue 12.7: the encoding of text the caller did not encode; None until a
# program chooses one (then ISO-8859-1 plus a Py2TextWarning for non-ASCII text).
_chosen_text_encoding = None


def set_text_encoding(encoding):
    """Choose the encoding of text sent without being encoded (a str body,
    ``send(str)``, str header values, str items, text files) for every
    connection whose own ``text_encoding`` is None; returns the previous choice.

    ``None`` (the default) means ISO-8859-1, http.client's choice (every str
    of code points 0-255 goes out as those bytes), with a ``Py2TextWarning``
    whenever such text is not ASCII.  Choosing any encoding, 'latin-1'
    included, silences that warning.
    """
    global _chosen_text_encoding
    if encoding is not None:
        codecs.lookup(encoding)  # an unknown name fails here, not at the first request
    previous, _chosen_text_encoding = _chosen_text_encoding, encoding
    return previous


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


def _percent_encoded(url):
    """``url`` with its non-ASCII characters percent-encoded as UTF-8 (for error texts)."""
    return ''.join(c if c < '\x80' else urllib.parse.quote(c, safe='') for c in url)


def _outside_stacklevel():
    """The ``stacklevel`` (for the caller of this function's caller) of the
    first frame that is neither this package nor http.client: the caller's line."""
    level, frame = 2, sys._getframe(2)
    while frame is not None and frame.f_globals.get('__name__', '').startswith(
            ('httplib_compat', 'http.client')):
        level, frame = level + 1, frame.f_back
    return level


if STR_HAS_ISASCII:  # a flag read, then a copy
    def _ascii_bytes(text):
        """``text`` as bytes if it is ASCII, else None."""
        return text.encode('latin-1') if text.isascii() else None
else:
    def _ascii_bytes(text):
        """``text`` as bytes if it is ASCII, else None."""
        try:
            return text.encode('ascii')
        except UnicodeEncodeError:
            return None


def _encode_text(text, what, fix, encoding=None):
    """``text`` the caller did not encode, as bytes (issue 12.7).

    ASCII text is the same in every encoding.  Other text goes out in
    ``encoding`` (a connection's choice), else the global choice, else
    ISO-8859-1 with a Py2TextWarning; ``what`` names the text and ``fix`` the
    explicit encode() that avoids the guess.  Text the encoding cannot hold
    raises UnicodeEncodeError, before anything is sent (D28, D31).
    """
    data = _ascii_bytes(text)
    if data is not None:
        return data
    chosen = encoding or _chosen_text_encoding
    try:
        data = text.encode(chosen or 'latin-1')
    except UnicodeEncodeError as err:
        raise UnicodeEncodeError(
            err.encoding, err.object, err.start, err.end,
            "%s (%.20r) cannot be encoded as %s: encode it yourself, e.g. %s, or choose the "
            "encoding of implicit text with httplib_compat.set_text_encoding('utf-8') or the "
            "connection's text_encoding" % (what, text[err.start:err.end],
                                            chosen or 'Latin-1 (the default)', fix))
    if chosen is None:
        warnings.warn(
            "%s is not ASCII (%.20r): sent as Latin-1, %d bytes (Python 2 sent the bytes the "
            "source file held, often UTF-8). Encode it yourself, e.g. %s, or choose the encoding "
            "of implicit text: httplib_compat.set_text_encoding('utf-8') or text_encoding='utf-8' "
            "on the connection ('latin-1' keeps this behaviour without this warning)"
            % (what, text[:20], len(data), fix),
            Py2TextWarning, stacklevel=_outside_stacklevel())
    return data


def _py2_str(value):
    """str(value) as 2.7 spelt it (floats keep 12 significant digits)."""
    if isinstance(value, float):
        text = '%.12g' % value
        if text.lstrip('-').isdigit():
            text += '.0'
        return text
    return str(value)


def _header_name_bytes(header):
    # D32: 2.7 spelt a header name with '%s'.
    if isinstance(header, (bytes, bytearray)):
        return bytes(header)
    name = header if isinstance(header, str) else _py2_str(header)
    try:
        return name.encode('ascii')
    except UnicodeEncodeError as err:
        raise UnicodeEncodeError(
            err.encoding, err.object, err.start, err.end,
            'header name %s is not ASCII: a header name is an ASCII token' % ascii(name))


def _invalid_header_name(name):
    """2.7's error for a header name that is not a token (D33)."""
    return ValueError('Invalid header name %s' % _py2_repr(name))


def _invalid_header_value(value):
    """2.7's error for a value that would not stay one header line (D33)."""
    return ValueError('Invalid header value %s' % _py2_repr(value))


def _structure_bytes(value):
    """A header name or value as bytes for the line checks only (every
    control character kept, nothing encoded for real, no warning)."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if not isinstance(value, str):
        value = _py2_str(value)
    return value.encode('utf-8', 'surrogatepass')


def _read_blocks(readable, blocksize, encoding):
    """The blocks of a read()-able object as bytes (text encoded as _encode_text does)."""
    while True:
        block = readable.read(blocksize)
        if not block:
            return
        if isinstance(block, str):
            block = _encode_text(block, 'text read from the body file',
                                 "open(path, 'rb')", encoding)
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


def _validate_idna_host(host):
    """InvalidURL for a host beyond Latin-1 whose IDNA form, what goes into the
    Host header, has a space or a control character ('a\\u3000b' -> 'a b'):
    deliberately stricter than 2.7 and 3.x, which sent it.  A host IDNA cannot
    encode fails at the request, as in both."""
    try:
        host.encode('ascii')
        return
    except UnicodeEncodeError:
        pass
    try:
        idna = host.encode('idna').decode('ascii')
    except UnicodeError:
        return
    match = _DISALLOWED_URL_CHAR.search(idna)
    if match:
        raise InvalidURL("URL can't contain control characters. %r is %r in IDNA "
                         "(found at least %r)" % (host, idna, match.group()))


class HTTPConnection(_client.HTTPConnection):
    """http.client.HTTPConnection with 2.7's signature and request side."""

    response_class = HTTPResponse
    strict = 0
    _answered_sock = None  # the socket a kept-alive response came over
    blocksize = 8192  # D31: 2.7's send block; 3.7+ also take blocksize=
    # Issue 12.7: this connection's encoding of text the caller did not
    # encode; None follows set_text_encoding().
    text_encoding = None

    def __init__(self, host, port=None, strict=None,
                 timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None,
                 text_encoding=None, **kwargs):
        # D03: 2.7's third positional argument is strict, never the timeout.
        if strict is not None:
            warn_py2('HTTPConnection(strict=...)', _NO_STRICT)
            self.strict = strict
        if text_encoding is not None:
            codecs.lookup(text_encoding)
            self.text_encoding = text_encoding
        super(HTTPConnection, self).__init__(
            host, port, timeout=timeout, source_address=source_address, **kwargs)

    def _validate_host(self, host):
        # D36: 2.7.18's InvalidURL for controls, space, DEL and U+0080-U+00FF;
        # a host beyond Latin-1 passes (its Host header is IDNA, as in 2.7).
        match = _DISALLOWED_URL_CHAR.search(host)
        if match is None:
            _validate_idna_host(host)
            return
        if match.group() < '\x80':
            raise InvalidURL("URL can't contain control characters. %s (found at least %s)"
                             % (_py2_repr(host), _py2_repr(match.group())))
        try:
            idna = ': pass its IDNA form, %r' % host.encode('idna').decode('ascii')
        except UnicodeError:
            idna = ''
        raise InvalidURL("host can't contain non-ASCII characters in the range U+0080-U+00FF "
                         "(2.7.18 refused them). %r (found at least %r)%s"
                         % (host, match.group(), idna))

    def _validate_path(self, url):
        # D34: 2.7.18's InvalidURL for controls, space, DEL and U+0080-U+00FF;
        # past U+00FF 2.7 and 3.x raised UnicodeEncodeError.  Either way
        # before anything is sent, with the percent-encoded URL to use instead.
        match = _DISALLOWED_URL_CHAR.search(url)
        if match is not None and match.group() < '\x80':
            raise InvalidURL("URL can't contain control characters. %s (found at least %s)"
                             % (_py2_repr(url), _py2_repr(match.group())))
        if match is not None:
            raise InvalidURL("URL can't contain non-ASCII characters. %r (found at least %r): "
                             "percent-encode them, e.g. %r (UTF-8)"
                             % (url, match.group(), _percent_encoded(url)))
        try:
            url.encode('ascii')
        except UnicodeEncodeError as err:
            raise UnicodeEncodeError(
                err.encoding, err.object, err.start, err.end,
                "URL can't contain non-ASCII characters (found at least %r): percent-encode "
                "them, e.g. %r (UTF-8)" % (url[err.start:err.end], _percent_encoded(url)))

    def set_tunnel(self, host, port=None, headers=None):
        # D51: 2.7's error text and headers; the tunnel host is checked like a
        # host (2.7 did not check it).  Issue 14.1: a CR or LF in a header
        # name or value raises ValueError here, before anything is sent, as
        # on 3.14 (2.7 sent it: deliberately stricter).
        if self.sock:
            raise RuntimeError("Can't setup tunnel for established connection.")
        tunnel_host, tunnel_port = self._get_hostport(host, port)
        self._validate_host(tunnel_host)
        for header, value in (headers or {}).items():
            name, value = _structure_bytes(header), _structure_bytes(value)
            if not _is_legal_header_name(name):
                raise _invalid_header_name(name)
            if _is_illegal_header_value(value):
                raise _invalid_header_value(value)
        self._tunnel_host, self._tunnel_port = tunnel_host, tunnel_port
        if headers:
            self._tunnel_headers = headers
        else:
            self._tunnel_headers.clear()

    def _tunnel(self):
        # D51: 2.7's CONNECT request (HTTP/1.0, only the caller's headers, one
        # send per line); an IPv6 host is bracketed as 3.13 does.
        # A host beyond Latin-1 goes out IDNA-encoded (3.x; 2.7 crashed).  The
        # header lines are checked again here: the caller's dict may have
        # changed since set_tunnel() (issue 14.1).
        host = _ascii_bytes(self._tunnel_host) or self._tunnel_host.encode('idna')
        if b':' in host:
            host = b'[%s]' % host
        header_lines = [self._header_line(header, (value,)) + b'\r\n'
                        for header, value in self._tunnel_headers.items()]
        self.send(b'CONNECT %s:%d HTTP/1.0\r\n' % (host, self._tunnel_port))
        for line in header_lines:
            self.send(line)
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
            # 2.7 read the proxy's header lines with its module's _MAXLINE and
            # no count bound; 3.x bounds them at _MAXHEADERS (3.15: at
            # max_response_headers), and so does the shim on every 3.x.
            httplib = getattr(response, '_httplib', httplib_compat)
            max_line = httplib._MAXLINE
            max_headers = self._max_response_headers()
            if max_headers is None:
                max_headers = httplib._MAXHEADERS
            lines = []
            while True:
                line = readline_limited(response.fp, max_line, 'header line')
                if line in (b'\r\n', b'\n', b''):
                    break
                lines.append(line)
                if len(lines) > max_headers:
                    raise HTTPException('got more than %d headers' % max_headers)
            if HAS_PROXY_RESPONSE_HEADERS:  # for get_proxy_response_headers()
                self._raw_proxy_headers = lines
        finally:
            response.close()

    def _max_response_headers(self):
        """3.15's max_response_headers (None: the module's _MAXHEADERS); older
        http.client has no such setting, and neither has the shim there."""
        return self.max_response_headers if HAS_MAX_RESPONSE_HEADERS else None

    def _make_response(self, buffering=False, with_debuglevel=True):
        # D06: 2.7 passes strict= (and buffering=True only when asked) and the
        # debuglevel as 2nd positional argument; a plain http.client response
        # class takes neither strict nor buffering.  The strict value is marked
        # as the connection's, so that the response does not warn about it.
        args = (self.sock,)
        if with_debuglevel and self.debuglevel > 0:
            args += (self.debuglevel,)
        if not issubclass(self.response_class, HTTPResponse):
            return self.response_class(*args, method=self._method)
        strict = _StrictOfConnection(self.strict)
        if buffering:
            return self.response_class(*args, strict=strict, method=self._method,
                                       buffering=True)
        return self.response_class(*args, strict=strict, method=self._method)

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
        self._output(self._header_line(header, values))

    def _header_line(self, header, values):
        """``header: value`` (values joined by continuation lines) as checked bytes."""
        name = None
        if header.__class__ is str:
            try:
                name = header.encode('ascii')  # the common case, one call less
            except UnicodeEncodeError:
                pass
        if name is None:
            name = _header_name_bytes(header)
        if not _is_legal_header_name(name):
            raise _invalid_header_name(name)
        encoded = [self._header_value_bytes(name, value) for value in values]
        for value in encoded:  # 2.7 converted every value, then checked them
            if _is_illegal_header_value(value):
                raise _invalid_header_value(value)
        return name + b': ' + b'\r\n\t'.join(encoded)

    def _header_value_bytes(self, name, value):
        # D32: 2.7 applied str() to every value (1.5 -> '1.5', None -> 'None').
        if isinstance(value, str):
            try:
                return value.encode('ascii')  # short: as fast as _ascii_bytes, one call less
            except UnicodeEncodeError:
                pass
        elif isinstance(value, (bytes, bytearray)):
            return bytes(value)
        elif isinstance(value, int):
            return str(value).encode('ascii')
        else:
            warn_py2('putheader() with a %s value' % type(value).__name__, 'str(value)',
                     stacklevel=_outside_stacklevel() + 1)
            value = _py2_str(value)
        header = name.decode('ascii')
        return _encode_text(value, 'the value of header %s' % header,
                            "putheader(%r, value.encode('utf-8'))" % header, self.text_encoding)

    def endheaders(self, message_body=None, encode_chunked=False):
        # D31: a str body is encoded before anything is sent.
        if isinstance(message_body, str):
            warn_py2('endheaders(str)', "endheaders(body.encode(%r)) with the encoding the "
                     "server expects" % self._implicit_encoding())
            message_body = _encode_text(message_body, 'the endheaders() message_body',
                                        "message_body.encode('utf-8')", self.text_encoding)
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
            return _read_blocks(body, self.blocksize, self.text_encoding)
        try:
            memoryview(body)
        except TypeError:
            try:
                return (self._item_bytes(c) if isinstance(c, str) else c for c in body)
            except TypeError:
                raise TypeError('message_body should be a bytes-like object or an iterable, '
                                'got %r' % type(body))
        return (body,)

    def _implicit_encoding(self):
        return self.text_encoding or _chosen_text_encoding or 'latin-1'

    def _item_bytes(self, item):
        return _encode_text(item, 'a str item of the body', "item.encode('utf-8')",
                            self.text_encoding)

    def send(self, data):
        """Send ``data`` (bytes, str, a buffer, a read()-able or an iterable)."""
        if self.sock is None:
            if self.auto_open:
                self.connect()
            else:
                raise NotConnected()
        if isinstance(data, str):
            # D31: 2.7's send() took its str, i.e. bytes.
            warn_py2('send(str)', "send(data.encode(%r)) with the encoding the server expects"
                     % self._implicit_encoding())
            data = _encode_text(data, 'send() data', "send(data.encode('utf-8'))",
                                self.text_encoding)
        if self.debuglevel > 0:
            print('send:', _py2_repr(data))  # D42: 2.7's repr of a byte str
        sendall = self.sock.sendall
        if hasattr(data, 'read'):
            if self.debuglevel > 0:
                print('sendIng a read()able')  # D42: 2.7's text
            for block in _read_blocks(data, self.blocksize, self.text_encoding):
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
                    item = self._item_bytes(item)
                sendall(item)

    def request(self, method, url, body=None, headers={}, encode_chunked=False):
        """Send a complete request (2.7's arguments; 3.6+'s encode_chunked)."""
        self._send_request(method, url, body, headers, encode_chunked)

    def _send_request(self, method, url, body, headers, encode_chunked=False):
        if isinstance(body, str):
            # D28: before anything is sent
            body = _encode_text(body, 'the request body', "body.encode('utf-8')",
                                self.text_encoding)
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
            body = b''.join(_read_blocks(body, self.blocksize, self.text_encoding))
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
        body = b''.join(self._item_bytes(i) if isinstance(i, str) else i for i in items)
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
        if self.sock is not None and self.sock is self._answered_sock:
            # The connection tells the response it is not the first on this
            # socket: a reply without a status line is then a desync, not
            # HTTP/0.9.
            response._reused_connection = True
        max_headers = self._max_response_headers()
        try:
            try:
                if max_headers is None:
                    response.begin()
                else:
                    response.begin(_max_headers=max_headers)  # 3.15
            except ConnectionError:
                self.close()  # 3.x: a dead peer frees the connection for a retry
                raise
            self._HTTPConnection__state = _CS_IDLE
            if response.will_close:
                self.close()  # the response now owns the socket
            else:
                self._HTTPConnection__response = response
                self._answered_sock = self.sock
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
            _load_cert_chain(self._context, cert_file, key_file)


def _load_cert_chain(context, cert_file, key_file):
    """context.load_cert_chain() with errors that name the argument and the
    path (issue 12.8), of 2.7.18's classes: IOError (OSError) for a file that
    cannot be read, ssl.SSLError for one that is not the right PEM, TypeError
    for a key_file without a cert_file; all raised at construction, as in 2.7."""
    if not cert_file:
        raise TypeError('HTTPSConnection(key_file=%r) needs cert_file too: the PEM file of '
                        'the certificate that key belongs to' % (key_file,))
    try:
        context.load_cert_chain(cert_file, key_file)
    except ssl.SSLError as err:
        if 'KEY_VALUES_MISMATCH' in str(err):
            text = ('the private key in %s does not belong to the certificate in cert_file %r'
                    % ('key_file %r' % (key_file,) if key_file else 'cert_file', cert_file))
        elif key_file:
            text = ('cert_file %r and key_file %r must be PEM files holding the certificate '
                    'and its private key' % (cert_file, key_file))
        else:
            text = ('cert_file %r must be a PEM file holding the certificate and its private '
                    'key (or pass the key as key_file)' % (cert_file,))
        error = ssl.SSLError(err.errno, '%s (%s)' % (text, err.strerror))
        error.library = getattr(err, 'library', None)
        error.reason = getattr(err, 'reason', None)
        raise error from err
    except OSError as err:
        for argument, path in (('cert_file', cert_file), ('key_file', key_file)):
            if path and not (os.path.isfile(path) and os.access(path, os.R_OK)):
                break
        else:
            argument, path = 'cert_file or key_file', cert_file
        # The errno's own text: PyPy's ssl gives None or 'Error' as strerror.
        reason = os.strerror(err.errno) if err.errno else (err.strerror or str(err))
        raise type(err)(err.errno, '%s (HTTPSConnection %s)' % (reason, argument),
                        path) from err
