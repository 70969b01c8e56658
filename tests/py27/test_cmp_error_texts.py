"""Whole error texts against real Python 2.7: every error the shim raises where
2.7 raises the same error, collected in one scenario.

Programs match on these texts (logs, ``except ... as e: if 'Tunnel' in str(e)``),
so each one is compared whole, with its class and its ``args``; the runner's
own canonical form compares only httplib's exception classes by text, this
scenario also covers ValueError, RuntimeError and socket.error.  Not here: the
texts for non-ASCII hosts and URLs, which differ from 2.7's on purpose (they
name the fix) and are tested with the connection.
"""
import textwrap

from harness import compare

TUNNEL_407 = b'HTTP/1.0 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n'
TUNNEL_HTTP09 = b'Welcome to the proxy\r\n\r\n'

SCENARIO = textwrap.dedent('''
    import socket

    def text(f, *args, **kwargs):
        """The error f raises, as (kind, whole text, args), or what it returned."""
        try:
            value = f(*args, **kwargs)
        except Exception as e:
            kind = type(e).__name__
            if isinstance(e, socket.error) and not isinstance(e, httplib.HTTPException):
                kind = 'socket.error'  # 2.7: socket.error; 3.x: OSError
            return [kind, str(e), repr(e) if kind.endswith('IncompleteRead') else None,
                    list(e.args)]
        return ['returned', value]

    def response(raw, **kwargs):
        r = httplib.HTTPResponse(raw_pair(raw)[0], **kwargs)
        r.begin()
        return r

    def read(raw, amt=None, **kwargs):
        r = response(raw, **kwargs)
        return r.read() if amt is None else r.read(amt)

    # Request side
    out('control character in host', text(httplib.HTTPConnection, '127.0.0.1\\r\\nX-y'))
    c = httplib.HTTPConnection(HOST, PORT)
    out('space in path', text(c.putrequest, 'GET', '/a b'))
    c = httplib.HTTPConnection(HOST, PORT)
    out('DEL in path', text(c.putrequest, 'GET', '/caf\\x7f'))
    c = httplib.HTTPConnection(HOST, PORT)
    out('header before request', text(c.putheader, 'X-A', '1'))
    out('endheaders before request', text(c.endheaders))
    out('getresponse before request', text(c.getresponse))
    c.putrequest('GET', '/')
    out('second putrequest', text(c.putrequest, 'GET', '/'))
    out('space in header name', text(c.putheader, 'Bad Name', 'x'))
    out('colon in header name', text(c.putheader, 'X:Y', 'x'))
    out('empty header name', text(c.putheader, '', 'x'))
    out('CRLF in header value', text(c.putheader, 'X-A', 'a\\r\\nX-Injected: 1'))
    out('LF at the end of a header value', text(c.putheader, 'X-A', 'a\\n'))
    out('CR in the second value', text(c.putheader, 'X-A', 'ok', 'b\\rc'))
    c = httplib.HTTPConnection(HOST, PORT)
    c.auto_open = 0
    out('send without a connection', text(c.send, b'x'))

    # Tunnels
    c = httplib.HTTPConnection(HOST, PORT)
    c.set_tunnel('example.com', 443)
    out('tunnel refused', text(c.request, 'GET', '/'))
    c = httplib.HTTPConnection(HOST, PORT)
    c.set_tunnel('example.com', 443)
    out('tunnel answered in HTTP/0.9', text(c.request, 'GET', '/'))
    c = httplib.HTTPConnection(HOST, PORT)
    c.connect()
    out('tunnel on an open connection', text(c.set_tunnel, 'example.com', 443))
    c.close()

    # Response side
    out('peer closed before the status line', text(response, b''))
    out('status line not HTTP, strict', text(response, b'ICY 200 OK\\r\\n\\r\\n', strict=1))
    out('status code not a number', text(response, b'HTTP/1.1 abc OK\\r\\n\\r\\n'))
    out('status code above 999', text(response, b'HTTP/1.1 1000 High\\r\\n\\r\\n'))
    out('status code below 100', text(response, b'HTTP/1.1 99 Low\\r\\n\\r\\n'))
    out('unknown protocol', text(response, b'HTTP/2.0 200 OK\\r\\n\\r\\n'))
    out('status line too long', text(response, b'HTTP/1.1 200 ' + b'x' * 70000 + b'\\r\\n\\r\\n'))
    out('header line too long',
        text(response, b'HTTP/1.1 200 OK\\r\\nX: ' + b'x' * 70000 + b'\\r\\n\\r\\n'))
    out('getheader before begin',
        text(httplib.HTTPResponse(raw_pair(b'')[0]).getheader, 'x'))
    out('getheaders before begin',
        text(httplib.HTTPResponse(raw_pair(b'')[0]).getheaders))
    cut = b'HTTP/1.1 200 OK\\r\\nContent-Length: 10\\r\\n\\r\\nabc'
    out('body cut, read()', text(read, cut))
    chunked = b'HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n'
    out('chunk cut, read()', text(read, chunked + b'5\\r\\nab'))
    out('chunk cut, read(6)', text(read, chunked + b'3\\r\\nabc\\r\\n5\\r\\nde', 6))
    out('chunk size not hex', text(read, chunked + b'3\\r\\nabc\\r\\nxyz\\r\\n'))
    out('chunk size missing', text(read, chunked + b'3\\r\\nabc\\r\\n'))
    out('chunk size line too long', text(read, chunked + b'1' * 70000 + b'\\r\\n'))

    # The 1.5.2 interface
    out('legacy HTTP, space in host', text(httplib.HTTP, 'a b'))
    out('legacy HTTP, CR in path', text(httplib.HTTP(HOST, PORT).putrequest, 'GET', '/\\r'))
    ''')


def test_error_texts_match_python27():
    compare(SCENARIO, [TUNNEL_407, TUNNEL_HTTP09])
