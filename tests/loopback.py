"""Peers for tests: ``sent_pair`` (a socket pair standing for a server that
already answered) and ``answered_response`` (a response begun on one), and
servers on 127.0.0.1 that tests start and stop: ``LoopbackServer`` (accept
loop, one thread per connection, clean close) and ``RecordingServer``, which
answers each request with the next scripted raw response and records the exact
bytes it received.  Valid Python 2.7 and 3.x (some of the tests using them run
on 2.7 too)."""
import socket
import threading


def sent_pair(data=b''):
    """(sock, peer): a connected socket pair whose peer has already sent ``data``
    and closed its sending side, so ``sock`` reads ``data`` then EOF."""
    sock, peer = socket.socketpair()
    if data:
        peer.sendall(data)
    peer.shutdown(socket.SHUT_WR)
    return sock, peer


def answered_response(raw, module, *args, **kwargs):
    """``module.HTTPResponse(sock, *args, **kwargs)``, begun, on a socket whose
    peer already sent ``raw`` and closed (``sent_pair``); ``module`` is the face
    under test (httplib_compat, httplib_compat.native, or 2.7's httplib).  The
    peer socket is kept on the response (``_test_peer``) for its life."""
    sock, peer = sent_pair(raw)
    response = module.HTTPResponse(sock, *args, **kwargs)
    response.begin()
    response._test_peer = peer
    return response


class LoopbackServer(object):
    """Listens on 127.0.0.1 (an ephemeral port) and runs ``handle(conn)`` in a
    thread of its own for every connection until ``close()``."""

    def __init__(self):
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(('127.0.0.1', 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.stopping = False
        self._threads = []
        self._accept_thread = threading.Thread(target=self._accept_loop)
        self._accept_thread.daemon = True
        self._accept_thread.start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def handle(self, conn):
        raise NotImplementedError

    def close(self):
        self.stopping = True
        try:
            # Wake accept() up.
            socket.create_connection(('127.0.0.1', self.port), 2).close()
        except socket.error:
            pass
        self._accept_thread.join(5)
        for t in self._threads:
            t.join(5)
        self.listener.close()

    def _accept_loop(self):
        while True:
            conn, _ = self.listener.accept()
            if self.stopping:
                conn.close()
                return
            t = threading.Thread(target=self.handle, args=(conn,))
            t.daemon = True
            self._threads.append(t)
            t.start()


class RecordingServer(LoopbackServer):
    """Serves ``responses`` (raw bytes, one per request, in order, across
    connections) on 127.0.0.1 and records every request's raw bytes.

    A request ends after its header block and its body, framed by
    Content-Length or chunked encoding.  When the script runs out, the
    connection is closed after reading whatever the client still sends.
    A response given as ``(raw, 'close')`` closes the connection after it.
    """

    def __init__(self, responses=(), timeout=2.0):
        self.responses = list(responses)
        self.requests = []
        self.timeout = timeout
        LoopbackServer.__init__(self)

    def handle(self, conn):
        # Once close() is called the client is done: whatever it sent is
        # already here, so readers stop at the first quiet poll instead of
        # waiting out their timeout.
        conn.settimeout(_POLL)
        reader = _Reader(conn, self.timeout, lambda: self.stopping)
        try:
            while True:
                request = reader.read_request()
                if request is None:
                    break
                self.requests.append(request)
                if not self.responses:
                    break
                answer = self.responses.pop(0)
                close = False
                if isinstance(answer, tuple):
                    answer, close = answer[0], answer[1] == 'close'
                conn.sendall(answer)
                if close:
                    break
            # Tell the client we are done (it may be reading to EOF), then
            # keep recording whatever it still sends.
            conn.shutdown(socket.SHUT_WR)
            leftover = reader.drain()
            if leftover:
                self.requests.append(leftover)
        except socket.error:
            pass
        finally:
            conn.close()


_POLL = 0.02


class _Reader(object):
    """Reads HTTP requests off a socket, keeping their raw bytes.  A read gives
    up after ``timeout`` seconds of silence, or at once once ``stopping()``."""

    def __init__(self, conn, timeout, stopping):
        self.conn = conn
        self.timeout = timeout
        self.stopping = stopping
        self.buf = b''
        self.eof = False

    def _fill(self):
        if self.eof:
            return False
        data, waited = b'', 0.0
        while waited < self.timeout:
            try:
                data = self.conn.recv(65536)
                break
            except socket.timeout:
                if self.stopping():
                    break
                waited += _POLL
        if not data:
            self.eof = True
            return False
        self.buf += data
        return True

    def _take(self, n):
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def _line(self):
        while b'\n' not in self.buf:
            if not self._fill():
                return None
        return self._take(self.buf.index(b'\n') + 1)

    def read_request(self):
        while b'\r\n\r\n' not in self.buf:
            if not self._fill():
                return self.drain() or None
        head = self._take(self.buf.index(b'\r\n\r\n') + 4)
        fields = {}
        for line in head.split(b'\r\n')[1:]:
            name, _, value = line.partition(b':')
            fields[name.strip().lower()] = value.strip()
        body = b''
        if fields.get(b'transfer-encoding', b'').lower() == b'chunked':
            while True:
                size_line = self._line()
                if size_line is None:
                    break
                body += size_line
                try:
                    size = int(size_line.split(b';')[0].strip() or b'0', 16)
                except ValueError:  # not a chunk size: keep the rest as it came
                    return head + body + self.drain()
                while len(self.buf) < size + 2 and self._fill():
                    pass
                body += self._take(size + 2)
                if size == 0:
                    break
        elif fields.get(b'content-length', b'').isdigit():
            size = int(fields[b'content-length'])
            while len(self.buf) < size and self._fill():
                pass
            body = self._take(size)
        return head + body

    def drain(self):
        while self._fill():
            pass
        return self._take(len(self.buf))
