"""Python 2.7-style httplib caller code, as a migration would first run it on
Python 3: `import httplib_compat as httplib` and nothing else changed.  The type
checkers must accept it, and report as deprecated exactly the lines marked
`# py2` (tests/typing/check_stubs.py); the code is never executed."""
import io
import socket

import httplib_compat as httplib
import httplib_compat.native as native_httplib


def fetch(host, path):
    # type: (str, str) -> bytes
    conn = httplib.HTTPConnection(host, 80, strict=True, timeout=10)  # py2
    conn.request('POST', path, 'a=1&b=2', {'Content-Type': 'application/x-www-form-urlencoded'})
    resp = conn.getresponse(buffering=True)  # py2
    if resp.status != httplib.OK:
        raise httplib.HTTPException('%d %s' % (resp.status, resp.reason))
    cookies = resp.msg.getheaders('set-cookie')  # py2
    first = resp.msg.getheader('content-type', 'text/plain')  # py2
    if resp.msg.has_key('location'):  # py2
        pass
    values = resp.msg.dict.get('x-a')  # py2
    lines = resp.msg.headers  # py2
    for name, value in resp.getheaders():  # py2
        assert name == name.lower()
    ctype = resp.msg.gettype()  # py2
    main = resp.msg.getmaintype()  # py2
    charset = resp.msg.getparam('charset') or ''  # py2
    date = resp.msg.getdate('date')  # py2
    length = resp.getheader('content-length', '0') + ctype + main + charset
    return resp.read()


def tls(host):
    # type: (str) -> None
    conn = httplib.HTTPSConnection(host, 443, '/etc/key.pem', '/etc/cert.pem')  # py2
    conn.putrequest('GET', '/', skip_accept_encoding=1)
    conn.putheader('X-Count', 3)
    conn.putheader('X-Ratio', 1.5)  # py2
    conn.putheader('X-Multi', 'a', 'b')
    conn.endheaders('body as str')  # py2
    conn.send('more')  # py2
    reply = conn.getresponse()
    status = reply.status + 0


def legacy(host):
    # type: (str) -> str
    h = httplib.HTTP(host)  # py2
    h.putrequest('GET', '/')
    h.putheader('Accept', 'text/html')
    h.endheaders()
    errcode, errmsg, headers = h.getreply()  # py2
    body = h.getfile()
    if body is not None:
        body.read()
    if errcode == -1 or headers is None:
        return errmsg
    return headers.getheader('content-type') or ''  # py2


def raw_response(sock):
    # type: (socket.socket) -> None
    resp = httplib.HTTPResponse(sock, 0, 0, 'HEAD')  # py2
    resp.begin()
    try:
        resp.read(10)
    except httplib.IncompleteRead as e:
        partial = e.partial
    except (httplib.BadStatusLine, httplib.error):
        pass
    code = httplib.responses[httplib.NOT_FOUND]
    message = httplib.HTTPMessage(io.BytesIO(b'A: 1\r\n\r\n'))  # py2


def native_text(host):
    # type: (str) -> bool
    conn = native_httplib.HTTPConnection(host)
    conn.request('GET', '/')
    body = conn.getresponse().read()
    for line in native_httplib.HTTPConnection(host).getresponse():
        line.upper()
    legacy = native_httplib.HTTP(host)  # py2
    text = legacy.getfile()
    return 'error' in body and (text is None or 'error' in text.read())  # a str body, as on 2.7
