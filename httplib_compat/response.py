"""HTTPResponse: 2.7's response on top of http.client's (D05-D16, D42, D46-D50).

``begin()``, ``_read_status()``, ``read()`` and ``_read_chunked()`` follow 2.7's
rules; everything else (readinto, readline, peek, read1, iteration, info(),
getcode(), ``with``) is http.client's and keeps working on the same state.
"""
from __future__ import print_function

import io

import http.client as _client

import httplib_compat  # the default face: its globals are read at call time
from httplib_compat._internals import BYTESIO_HANDS_OVER_ITS_BUFFER
from httplib_compat._py2text import ASCII_WHITESPACE, int27, readline_limited
from httplib_compat._warnings import warn_py2
from httplib_compat.constants import CONTINUE, NO_CONTENT, NOT_MODIFIED
from httplib_compat.exceptions import (
    HTTPException, IncompleteRead, RemoteDisconnected, ResponseNotReady, UnknownProtocol)
from httplib_compat.message import SeekableOfResponse

# 3.14's bound on the 100 Continue responses before the final one.
_MAXINTERIMRESPONSES = 100
_NO_STATUS_LINE = 'No status line received - the server has closed the connection'


class BadStatusLine(RemoteDisconnected):
    """D10: the peer closed before any status line.

    2.7 raised a plain BadStatusLine whose text and ``.line`` are
    'No status line received - the server has closed the connection'; this
    class carries that text and name, and stays a RemoteDisconnected (so a
    ConnectionError, and an ``http.client.BadStatusLine``) for Python 3 code.
    """

    def __init__(self, message=_NO_STATUS_LINE):
        RemoteDisconnected.__init__(self, message)
        self.line = message


class _LineThenFile(io.RawIOBase):
    """Raw stream: the bytes of ``line``, then whatever ``file`` yields."""

    def __init__(self, line, file):
        io.RawIOBase.__init__(self)
        self._line = line
        self._file = file

    def readable(self):
        return True

    def readinto(self, buffer):
        line = self._line
        if line:
            n = min(len(buffer), len(line))
            buffer[:n] = line[:n]
            self._line = line[n:]
            return n
        # What is there now, not a full buffer: a raw read that waited for
        # 8 KiB would keep read(20) waiting on a peer that stays open (2.7's
        # read(20) returned once it had 20 bytes).
        readinto1 = getattr(self._file, 'readinto1', None)
        if readinto1 is not None:
            return readinto1(buffer)
        return self._file.readinto(buffer)

    def fileno(self):
        return self._file.fileno()


class LineAndFileWrapper(io.BufferedReader):
    """2.7's LineAndFileWrapper(line, file): ``file`` with ``line`` put back in
    front (D09, HTTP/0.9 bodies), as a full Python 3 buffered reader.

    Attributes it lacks are looked up on ``file``, as 2.7's did.
    """

    def __init__(self, line, file):
        io.BufferedReader.__init__(self, _LineThenFile(line, file))
        self._file = file

    def read(self, amt=None):
        # 2.7's parameter name (issue 12.5).
        return io.BufferedReader.read(self, amt)

    def readlines(self, size=None):
        # 2.7's parameter name (issue 12.5).
        return io.BufferedReader.readlines(self, size)

    def close(self):
        # 2.7's close() was the wrapped file's.
        io.BufferedReader.close(self)
        self._file.close()

    def __del__(self):
        # 2.7's wrapper left the wrapped file open when dropped; IOBase would close it.
        pass

    def __getattr__(self, name):
        if name == '_file':
            raise AttributeError(name)
        return getattr(self._file, name)


class _StrictOfConnection(int):
    """``strict`` as the package's own connection passes it: the connection has
    already warned where 2.7's argument deserved it, so the response does not."""

    def __new__(cls, value):
        self = int.__new__(cls, value)
        self.value = value
        return self


class _Default(int):
    """2.7's default 0 for ``strict``, told apart from a 0 the caller passed."""


_STRICT_DEFAULT = _Default(0)


def _is_chunked(msg):
    """Whether the body is chunked: 2.7 and 3.x ask whether the Transfer-Encoding
    value is exactly 'chunked', 2.7 on the repeats merged ('chunked, chunked')
    or a folded value, 3.x on the first header only.  Here any Transfer-Encoding
    header naming chunked and nothing else (repeated within it or folded) means
    chunked: the chunk framing then wins over a Content-Length, so it cannot be
    read as the next response on a kept-alive connection."""
    for value in msg.get_all('transfer-encoding') or ():
        codings = value.lower().replace(',', ' ').split()
        if codings and all(coding == 'chunked' for coding in codings):
            return True
    return False


class HTTPResponse(_client.HTTPResponse):
    """An http.client.HTTPResponse that parses and reads as 2.7's httplib did."""

    # The module whose globals (_MAXLINE, _MAXHEADERS, MAXAMOUNT, HTTPMessage)
    # this response reads when it uses them, as 2.7 read httplib's: each face
    # (httplib_compat, httplib_compat.native) is a module of its own.
    _httplib = httplib_compat
    # Set by the connection when an earlier response came over the same socket:
    # an HTTP/0.9 reply can only be the first on a connection (desync guard).
    _reused_connection = False
    # 3.15's begin(_max_headers=): the connection's max_response_headers, which
    # also bounds the trailer of a chunked body.
    _max_header_count = None
    # A chunk size line that did not parse, seen by peek(): read() owes an IncompleteRead.
    _broken_chunk = False

    def __init__(self, sock, debuglevel=0, strict=_STRICT_DEFAULT, method=None,
                 buffering=False, url=None):
        # D05: 2.7's positional order (sock, debuglevel, strict, method); a
        # str in the third place is 3.x's order (sock, debuglevel, method, url).
        if strict.__class__ is str:
            strict, method, url = 0, strict, method
        elif strict.__class__ is _StrictOfConnection:
            strict = strict.value
        elif strict is _STRICT_DEFAULT:
            strict = 0
            if buffering is not False:
                warn_py2('HTTPResponse(buffering=)', 'HTTPResponse(sock, method=...)')
        else:
            warn_py2('HTTPResponse(sock, debuglevel, strict, ...) / strict=',
                     'HTTPResponse(sock, method=...) (Python 3 is always strict)')
        # D07: http.client's buffered makefile('rb'); ``buffering`` changes nothing.
        _client.HTTPResponse.__init__(self, sock, debuglevel, method, url)
        self.strict = strict

    def __del__(self):
        # 2.7's response left its file open when dropped (getreply()/getfile()
        # hand ``fp`` on); IOBase would close it.  An unreferenced fp closes itself.
        pass

    def _readline(self, what):
        return readline_limited(self.fp, self._httplib._MAXLINE, what)

    def _read_status(self):
        # 2.7's rules: bytes split on ASCII blanks, HTTP/0.9 when not strict (D09).
        line = self._readline('header line')  # D46: 2.7's name for it
        if self.debuglevel > 0:
            print('reply:', repr(line)[1:])  # D42: 2.7's repr of a byte str
        if not line:
            raise BadStatusLine()  # D10
        parts = line.split(None, 2)
        version = parts[0] if len(parts) > 1 else b''
        if not version.startswith(b'HTTP/'):
            # 2.7 took it as HTTP/0.9 unless strict, even after a response on
            # a kept-alive connection (junk then became the body); 3.x refuses.
            if self.strict or self._reused_connection:
                self._close_conn()
                raise _client.BadStatusLine(line.decode('latin-1'))
            # D09: an HTTP/0.9 simple response; its first line is body.
            self.fp = LineAndFileWrapper(line, self.fp)
            return 'HTTP/0.9', 200, ''
        try:
            status = int27(parts[1])
        except ValueError:
            status = 0
        if status < 100 or status > 999:
            raise _client.BadStatusLine(line.decode('latin-1'))
        reason = parts[2] if len(parts) > 2 else b''
        return version.decode('latin-1'), status, reason.decode('latin-1')

    def begin(self, _max_headers=None):
        if self.headers is not None:
            return  # already started reading the response
        # 3.15: HTTPConnection(max_response_headers=) arrives here.
        self._max_header_count = _max_headers
        # 3.14 bounds the 100 Continue responses before the final one (2.7
        # read them forever); every interpreter gets the bound here.
        for _ in range(_MAXINTERIMRESPONSES):
            version, status, reason = self._read_status()
            if status != CONTINUE:
                break
            self._skip_continue_headers()
        else:
            raise HTTPException('got more than %d interim responses' % _MAXINTERIMRESPONSES)
        if version.__class__ is bytes:  # a 2.7 subclass's _read_status() parsing bytes
            version = version.decode('latin-1')
            reason = reason.decode('latin-1') if reason.__class__ is bytes else reason

        self.code = self.status = status
        self.reason = reason.strip(ASCII_WHITESPACE)  # 2.7 stripped bytes: ASCII blanks only
        if version == 'HTTP/1.0':
            self.version = 10
        elif version.startswith('HTTP/1.'):
            self.version = 11
        elif version == 'HTTP/0.9':
            self.version = 9  # D09: 3.x calls 0.9 "10" and parses headers
        else:
            raise UnknownProtocol(version)

        # 2.7 looked HTTPMessage up in the module when it built one: after
        # ``httplib.HTTPMessage = Sub`` its responses carried a Sub.
        message_class = self._httplib.HTTPMessage
        if self.version == 9:
            self.length = None
            self.chunked = 0
            self.will_close = 1
            self.msg = self.headers = message_class(io.BytesIO(), SeekableOfResponse(1))
            return

        if _max_headers is None:
            msg = message_class(self.fp, SeekableOfResponse(0))
        else:
            msg = message_class(self.fp, SeekableOfResponse(0), max_headers=_max_headers)
        self.msg = self.headers = msg
        msg.fp = None  # as 2.7: the message does not keep the socket file
        if self.debuglevel > 0:
            for line in msg._lines:  # msg.headers without its warning
                print('header:', line, end='')  # D42: raw lines, CRLF kept

        if _is_chunked(msg):
            self.chunked = 1
            self.chunk_left = None
        else:
            self.chunked = 0

        self.will_close = self._check_close()

        # D50: 2.7 reads the merged value ('5, 3' -> unparsable -> to EOF).
        length = msg.get('content-length')
        self.length = None
        if length and not self.chunked:
            try:
                length = int27(length)
            except ValueError:
                pass
            else:
                if length >= 0:
                    self.length = length

        if (status == NO_CONTENT or status == NOT_MODIFIED or 100 <= status < 200
                or self._method == 'HEAD'):
            self.length = 0

        if not self.will_close and not self.chunked and self.length is None:
            self.will_close = 1

    def _skip_continue_headers(self):
        # 2.7 skips a 100 response's header lines up to the blank line; like
        # 3.x, at most _MAXHEADERS of them (2.7 read them forever).
        max_headers = self._header_count_limit()
        for _ in range(max_headers + 1):
            line = self._readline('header line').strip()
            if not line:
                return
            if self.debuglevel > 0:
                print('header:', line.decode('latin-1'))
        raise HTTPException('got more than %d headers' % max_headers)

    def _header_count_limit(self):
        limit = self._max_header_count
        return self._httplib._MAXHEADERS if limit is None else limit

    def _close_conn(self):
        # http.client's fails on an already closed response.
        fp = self.fp
        if fp is not None:
            self.fp = None
            fp.close()

    def read(self, amt=None):
        # 2.7's read() on every 3.x (3.6-3.9 and PyPy3 build read(amt) on readinto()).
        if self.fp is None:
            if self._broken_chunk:
                self._broken_chunk = False
                raise IncompleteRead(b'')
            return b''
        if self.headers is None:
            raise ResponseNotReady()  # 2.7 failed an assert here
        if self._method == 'HEAD':
            self._close_conn()
            return b''
        if self.chunked:
            return self._read_chunked(amt)
        if amt is None or amt < 0:  # 2.7: read(-1) hung on a kept-alive body
            if self.length is None:
                data = self.fp.read()
            else:
                try:
                    data = self._safe_read(self.length)
                except IncompleteRead:
                    self._close_conn()
                    raise
                self.length = 0
            self._close_conn()
            return data
        length = self.length
        if length is not None and amt > length:
            amt = length
        data = self._read_up_to(amt)
        if not data and amt:
            self._close_conn()
        if length is not None:
            self.length = length = length - len(data)
            if not length:
                self._close_conn()
        return data

    def _read_up_to(self, amt):
        """Up to ``amt`` bytes (fewer only at EOF), read into one buffer.

        Up to MAXAMOUNT the file's read() fills one buffer of that size.  A
        larger size may be a peer's bogus Content-Length, which must not make
        Python allocate it at once (MemoryError/OverflowError): the buffer
        starts at MAXAMOUNT and doubles while data keeps coming, as 3.14's
        _safe_read() does, and on CPython the bytes returned are that buffer
        itself, so a large body costs one copy (2.7 and the shim before it:
        two, the pieces and their join).
        """
        size = self._httplib.MAXAMOUNT
        if amt <= size:
            return self.fp.read(amt)
        if not BYTESIO_HANDS_OVER_ITS_BUFFER:
            return self._read_pieces(amt, size)
        readinto = self.fp.readinto
        buffer = io.BytesIO()
        filled = 0
        while True:
            size = min(amt, size)
            buffer.seek(size - 1)
            buffer.write(b'\0')  # the buffer grows to ``size`` in one allocation
            with buffer.getbuffer() as view:
                while filled < size:
                    with view[filled:size] as free:
                        count = readinto(free)
                    if not count:
                        break
                    filled += count
            if filled < size or size == amt:
                break
            size *= 2
        buffer.truncate(filled)
        return buffer.getvalue()

    def _read_pieces(self, amt, piece_size):
        # 2.7's way: pieces of MAXAMOUNT, joined (about twice the body at the join).
        pieces = []
        while amt > 0:
            piece = self.fp.read(min(amt, piece_size))
            if not piece:
                break
            pieces.append(piece)
            amt -= len(piece)
        return b''.join(pieces)

    def _safe_read(self, amt):
        # 2.7's: exactly amt bytes or IncompleteRead(partial, bytes missing).
        data = self._read_up_to(amt)
        if len(data) < amt:
            raise IncompleteRead(data, amt - len(data))
        return data

    def _read_next_chunk_size(self):
        # D47: 2.7 parses the size as a byte string; a negative size is a
        # broken frame (3.8, 3.10+ raised a bare ValueError from read()).
        line = self._readline('chunk size')
        i = line.find(b';')
        if i >= 0:
            line = line[:i]
        try:
            size = int27(line, 16)
            if size < 0:
                raise ValueError(line)
        except ValueError:
            self._close_conn()  # protocol synchronisation is lost
            # peek() (so IOBase's readline() and iteration) reaches here through
            # http.client, which takes a broken frame for the end of the body:
            # the next read() raises it instead, as 2.7's read() did.
            self._broken_chunk = True
            raise
        return size

    def _read_and_discard_trailer(self):
        # 2.7's trailer loop with 3.14's bound: at most _MAXHEADERS lines
        # (3.15: max_response_headers), where 2.7 read a trailer forever.
        # Like 3.x, a bare LF line ends it too.
        max_trailers = self._header_count_limit()
        for _ in range(max_trailers + 1):
            line = self._readline('trailer line')
            if line in (b'\r\n', b'\n', b''):
                return
        raise HTTPException('got more than %d trailers' % max_trailers)

    def _read_chunked(self, amt=None):
        # D47/D48: 2.7's chunk reader.  IncompleteRead carries (partial,
        # expected) of the cut chunk.  State uses 3.x's convention so that
        # readline()/readinto()/peek() can be mixed in: chunk_left None = read
        # a size line next, 0 = the chunk's CRLF is still to be skipped.
        value = []
        chunk_left = self.chunk_left
        if chunk_left == 0:
            self._safe_read(2)
            self.chunk_left = chunk_left = None
        while True:
            if chunk_left is None:
                try:
                    chunk_left = self._read_next_chunk_size()
                except ValueError:
                    self._broken_chunk = False
                    raise IncompleteRead(b''.join(value))
                if chunk_left == 0:
                    break
            if amt is None:
                value.append(self._safe_read(chunk_left))
            elif amt < chunk_left:
                value.append(self._safe_read(amt))
                self.chunk_left = chunk_left - amt
                return b''.join(value)
            elif amt == chunk_left:
                value.append(self._safe_read(amt))
                self._safe_read(2)
                self.chunk_left = None
                return b''.join(value)
            else:
                value.append(self._safe_read(chunk_left))
                amt -= chunk_left
            self._safe_read(2)
            chunk_left = None  # like 2.7, self.chunk_left moves only on return
        self._read_and_discard_trailer()
        self._close_conn()
        return b''.join(value)

    def getheader(self, name, default=None):
        # D16: 2.7 hands back a missing header's default untouched.
        if self.headers is None:
            raise ResponseNotReady()
        value = self.headers.get(name)
        return default if value is None else value

    def getheaders(self):
        # D15: 2.7 lower-cases names and merges repeats with ', '.
        if self.headers is None:
            raise ResponseNotReady()
        warn_py2('HTTPResponse.getheaders() (lower-cased names, repeats merged)',
                 'response.headers.get_all(name)')
        return self.headers.items()
