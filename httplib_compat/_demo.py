"""The demo behind ``python -m httplib_compat``.

A loopback server plays the hosts of the examples in the httplib documentation
(www.python.org, bugs.python.org, localhost:8080); the examples then run as a
Python 2 program would write them, with ``httplib_compat`` imported as ``httplib``.
Nothing leaves 127.0.0.1.  Runs on 2.7 (real httplib) and 3.6+ (the shim).
"""
from __future__ import print_function

import threading

from six.moves import BaseHTTPServer
from six.moves.urllib.parse import urlencode

import httplib_compat as httplib

REDIRECT_BODY = (b'Redirecting to <a href="http://bugs.python.org/issue12524">'
                 b'http://bugs.python.org/issue12524</a>')


class _DocHosts(BaseHTTPServer.BaseHTTPRequestHandler):
    """Answers as the documentation's hosts do: on one connection the first GET
    of / is 200 OK and the next is 404 Not Found; HEAD is 200 with no body;
    the urlencoded POST redirects with 302 Found; PUT /file is 200 OK."""

    protocol_version = 'HTTP/1.1'

    def log_message(self, *args):
        pass

    def _reply(self, code, body, length=None):
        self.send_response(code)
        self.send_header('Content-Type', 'text/html')
        self.send_header('Content-Length', str(len(body) if length is None else length))
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)

    def _request_body(self):
        return self.rfile.read(int(self.headers.get('Content-Length') or 0))

    def do_GET(self):
        self.gets_seen = getattr(self, 'gets_seen', 0) + 1
        if self.gets_seen == 1:
            self._reply(200, b'<html>python.org</html>')
        else:
            self._reply(404, b'<html>Not Found</html>')

    def do_HEAD(self):
        self._reply(200, b'', length=1234)

    def do_POST(self):
        form = self._request_body()
        if b'%40number=12524' in form:
            self._reply(302, REDIRECT_BODY)
        else:
            self._reply(400, b'bad form')

    def do_PUT(self):
        self._request_body()
        self._reply(200 if self.path == '/file' else 404, b'')


def start_server():
    server = BaseHTTPServer.HTTPServer(('127.0.0.1', 0), _DocHosts)
    thread = threading.Thread(target=server.serve_forever)
    thread.daemon = True
    thread.start()
    return server


def run_examples(port, out=print):
    """The documentation's four examples, each host played by 127.0.0.1:port."""
    out('>>> # GET, twice on one connection (www.python.org)')
    conn = httplib.HTTPConnection('127.0.0.1', port)
    conn.request('GET', '/')
    r1 = conn.getresponse()
    out(r1.status, r1.reason)
    data1 = r1.read()
    conn.request('GET', '/')
    r2 = conn.getresponse()
    out(r2.status, r2.reason)
    data2 = r2.read()
    conn.close()

    out('>>> # HEAD returns no data (www.python.org)')
    conn = httplib.HTTPConnection('127.0.0.1', port)
    conn.request('HEAD', '/')
    res = conn.getresponse()
    out(res.status, res.reason)
    data = res.read()
    out(len(data))
    out(data == b'')
    conn.close()

    out('>>> # POST a urlencoded form (bugs.python.org)')
    params = urlencode([('@number', 12524), ('@type', 'issue'), ('@action', 'show')])
    headers = {'Content-type': 'application/x-www-form-urlencoded',
               'Accept': 'text/plain'}
    conn = httplib.HTTPConnection('127.0.0.1:%d' % port)
    conn.request('POST', '', params, headers)
    response = conn.getresponse()
    out(response.status, response.reason)
    data = response.read()
    out(repr(data.decode('latin-1')) if not isinstance(data, str) else repr(data))
    conn.close()

    out('>>> # PUT a str body (localhost:8080)')
    BODY = '***filecontents***'
    conn = httplib.HTTPConnection('127.0.0.1', port)
    conn.request('PUT', '/file', BODY)
    response = conn.getresponse()
    out(response.status, response.reason)
    response.read()
    conn.close()
    return data1, data2


def main():
    server = start_server()
    try:
        port = server.server_address[1]
        print('httplib_compat %s demo: the httplib documentation examples, hosts played by '
              '127.0.0.1:%d' % (httplib.__version__, port))
        run_examples(port)
    finally:
        server.shutdown()
        server.server_close()
    return 0
