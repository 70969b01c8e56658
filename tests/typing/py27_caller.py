"""Python 2.7-style httplib caller code, as a migration would first run it on
Python 3: `import httplib_compat as httplib` and nothing else changed.  mypy
must accept it (tests/typing/check_stubs.py); the code is never executed."""
import socket

import httplib_compat as httplib
import httplib_compat.native as native_httplib


def fetch(host, path):
    # type: (str, str) -> bytes
    conn = httplib.HTTPConnection(host, 80, strict=True, timeout=10)
    conn.request('POST', path, 'a=1&b=2', {'Content-Type': 'application/x-www-form-urlencoded'})
    resp = conn.getresponse(buffering=True)
    if resp.status != httplib.OK:
        raise httplib.HTTPException('%d %s' % (resp.status, resp.reason))
    cookies = resp.msg.getheaders('set-cookie')  # type: list
    first = resp.msg.getheader('content-type', 'text/plain')
    if resp.msg.has_key('location') or resp.msg.dict.get('x-a'):
        pass
    lines = resp.msg.headers  # the raw header lines
    for name, value in resp.getheaders():
        assert name == name.lower()
    ctype = resp.msg.gettype() + resp.msg.getmaintype() + (resp.msg.getparam('charset') or '')
    date = resp.msg.getdate('date')
    return resp.read()


def tls(host):
    # type: (str) -> None
    conn = httplib.HTTPSConnection(host, 443, '/etc/key.pem', '/etc/cert.pem', True, 5.0)
    conn.putrequest('GET', '/', skip_accept_encoding=1)
    conn.putheader('X-Count', 3)
    conn.putheader('X-Multi', 'a', 'b')
    conn.endheaders('body as str')
    conn.send('more')
    reply = conn.getresponse()
    status = reply.status + 0


def legacy(host):
    # type: (str) -> str
    h = httplib.HTTP(host)
    h.putrequest('GET', '/')
    h.putheader('Accept', 'text/html')
    h.endheaders()
    errcode, errmsg, headers = h.getreply()
    if errcode == -1 or headers is None:
        return errmsg
    return headers.getheader('content-type') or ''


def raw_response(sock):
    # type: (socket.socket) -> None
    resp = httplib.HTTPResponse(sock, 0, 0, 'HEAD')
    resp.begin()
    try:
        resp.read(10)
    except httplib.IncompleteRead as e:
        partial = e.partial
    except (httplib.BadStatusLine, httplib.error):
        pass
    code = httplib.responses[httplib.NOT_FOUND]


def native_text(host):
    # type: (str) -> bool
    conn = native_httplib.HTTPConnection(host)
    conn.request('GET', '/')
    body = conn.getresponse().read()
    for line in native_httplib.HTTPConnection(host).getresponse():
        line.upper()
    return 'error' in body  # a str body: runs as on 2.7
