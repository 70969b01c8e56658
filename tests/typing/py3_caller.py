"""Python 3-style code on httplib_compat (the idioms the deprecation messages
name): the type checkers must accept it and report nothing deprecated
(tests/typing/check_stubs.py); the code is never executed."""
import email.utils
import http.client
import io
import socket
import ssl
from typing import List, Optional

import httplib_compat as httplib
import httplib_compat.native as native_httplib


def fetch(host: str, path: str) -> bytes:
    conn = httplib.HTTPConnection(host, 80, timeout=10)
    conn.request('POST', path, b'a=1&b=2', {'Content-Type': 'application/x-www-form-urlencoded'})
    conn.request('POST', path, 'latin-1 text')  # Python 3 encodes a str body ISO-8859-1
    resp = conn.getresponse()
    assert isinstance(resp, http.client.HTTPResponse)
    cookies: List[str] = resp.headers.get_all('set-cookie', [])
    first: str = resp.getheader('content-type', 'text/plain')
    missing: Optional[str] = resp.getheader('x-missing')
    if 'location' in resp.msg or resp.msg.get('x-a'):
        pass
    everything = dict(resp.msg.items())
    raw = resp.msg.as_string()
    ctype = resp.msg.get_content_type() + resp.msg.get_content_maintype()
    charset = resp.msg.get_param('charset')
    date = email.utils.parsedate(resp.msg.get('date') or '')
    return resp.read()


def tls(host: str) -> None:
    context = ssl.create_default_context()
    context.load_cert_chain('/etc/cert.pem', '/etc/key.pem')
    conn = httplib.HTTPSConnection(host, 443, context=context, timeout=5.0)
    conn.putrequest('GET', '/', skip_accept_encoding=True)
    conn.putheader('X-Count', 3)
    conn.putheader('X-Ratio', str(1.5))
    conn.putheader('X-Multi', 'a', 'b')
    conn.endheaders('body as str'.encode('latin-1'))
    conn.send(b'more')
    reply = conn.getresponse()
    status: int = reply.status


def raw_response(sock: socket.socket) -> None:
    resp = httplib.HTTPResponse(sock, method='HEAD')
    resp.begin()
    try:
        resp.read(10)
    except httplib.IncompleteRead as e:
        partial: bytes = e.partial
    except (httplib.BadStatusLine, httplib.error):
        pass
    code: str = httplib.responses[httplib.NOT_FOUND]
    headers = http.client.parse_headers(io.BytesIO(b'A: 1\r\n\r\n'))


def native_text(host: str) -> bool:
    conn = native_httplib.HTTPConnection(host)
    conn.request('GET', '/')
    body: str = conn.getresponse().read()
    return 'error' in body
