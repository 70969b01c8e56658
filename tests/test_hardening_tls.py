"""TLS for real: a loopback TLS server that requires a client certificate, with
a CA, server and client certificates made at test time by the openssl CLI.

``HTTPSConnection`` and the legacy ``HTTPS`` with ``key_file``/``cert_file``
(positional and keyword, key inside the cert file too) must work on every 3.x,
3.12+ included (D04, D41); without a context verification is on and an unknown
CA is refused; a hostname mismatch is refused; a missing key file fails at
construction as in 2.7.  On 2.7 the same tests run against the real httplib:
they are the baseline the shim must match.
"""
import errno
import os
import shutil
import socket
import ssl
import subprocess

import pytest

import httplib_compat as httplib
from loopback import LoopbackServer

OPENSSL = shutil.which('openssl') if hasattr(shutil, 'which') else None
if OPENSSL is None:
    for _candidate in ('/usr/bin/openssl', '/usr/local/bin/openssl'):
        if os.path.exists(_candidate):
            OPENSSL = _candidate
CLIENT_CN = 'hc-client'
# The server certificate names localhost and 127.0.0.1, but 2.7's match_hostname
# ignores IP address entries: connect by name (the server listens on 127.0.0.1).
HOST = 'localhost'

EXTENSIONS = b'''
[server]
basicConstraints = CA:FALSE
subjectAltName = DNS:localhost, IP:127.0.0.1
extendedKeyUsage = serverAuth
[other]
basicConstraints = CA:FALSE
subjectAltName = DNS:other.example
extendedKeyUsage = serverAuth
[client]
basicConstraints = CA:FALSE
extendedKeyUsage = clientAuth
'''


def _openssl(*args):
    subprocess.check_call((OPENSSL,) + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


class Certs(object):
    """A CA and three certificates signed by it, in ``directory``."""

    def __init__(self, directory):
        self.dir = directory
        p = self.path
        with open(p('ext.cnf'), 'wb') as f:
            f.write(EXTENSIONS)
        _openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', p('ca.key'),
                 '-out', p('ca.pem'), '-days', '2', '-subj', '/CN=hc-test-ca',
                 '-addext', 'basicConstraints=critical,CA:TRUE',
                 '-addext', 'keyUsage=critical,keyCertSign,cRLSign')
        for name, cn in (('server', 'localhost'), ('other', 'other.example'),
                         ('client', CLIENT_CN)):
            _openssl('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', p(name + '.key'),
                     '-out', p(name + '.csr'), '-subj', '/CN=' + cn)
            _openssl('x509', '-req', '-in', p(name + '.csr'), '-CA', p('ca.pem'),
                     '-CAkey', p('ca.key'), '-CAcreateserial', '-out', p(name + '.pem'),
                     '-days', '2', '-extfile', p('ext.cnf'), '-extensions', name)
        # The client's key inside its cert file, as 2.7 allowed.
        with open(p('client-combined.pem'), 'wb') as out:
            for part in ('client.key', 'client.pem'):
                with open(p(part), 'rb') as f:
                    out.write(f.read())
        self.ca = p('ca.pem')
        self.key, self.cert, self.combined = p('client.key'), p('client.pem'), p('client-combined.pem')

    def path(self, name):
        return os.path.join(self.dir, name)

    def client_context(self):
        """Verifies the server against the test CA (hostname checked): default-on
        verification, pointed at our CA instead of the system store."""
        return ssl.create_default_context(cafile=self.ca)


class TLSServer(LoopbackServer):
    """127.0.0.1; requires a client certificate from the test CA.
    Answers every request with the client certificate's CN as the body."""

    def __init__(self, certs, name='server'):
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH, cafile=certs.ca)
        ctx.verify_mode = ssl.CERT_REQUIRED
        ctx.load_cert_chain(certs.path(name + '.pem'), certs.path(name + '.key'))
        self.ctx = ctx
        self.handshakes_failed = 0
        LoopbackServer.__init__(self)

    def handle(self, conn):
        conn.settimeout(5)
        try:
            tls = self.ctx.wrap_socket(conn, server_side=True)
        except (ssl.SSLError, socket.error):
            self.handshakes_failed += 1
            conn.close()
            return
        try:
            self._serve(tls)
        except (ssl.SSLError, socket.error):
            pass
        finally:
            tls.close()
            conn.close()  # 2.7: the wrapped socket shares conn's descriptor

    def _serve(self, tls):
        cert = tls.getpeercert() or {}
        cn = [v for rdn in cert.get('subject', ()) for k, v in rdn if k == 'commonName']
        body = (cn[0] if cn else 'anonymous').encode('ascii')
        buf = b''
        while True:
            while b'\r\n\r\n' not in buf:
                data = tls.recv(4096)
                if not data:
                    return
                buf += data
            head, _, buf = buf.partition(b'\r\n\r\n')
            if head.split(b'\r\n')[0].endswith(b'HTTP/1.0'):
                # The legacy HTTP class speaks 1.0 and reads its file to EOF.
                tls.sendall(b'HTTP/1.0 200 OK\r\nContent-Length: %d\r\n\r\n' % len(body) + body)
                tls.unwrap()  # a close_notify, not a bare EOF (OpenSSL 3 tells them apart)
                return
            tls.sendall(b'HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n' % len(body) + body)


@pytest.fixture(scope='module')
def certs(tmpdir_factory):
    if OPENSSL is None:
        pytest.fail('the openssl command line tool is needed to make test certificates')
    return Certs(str(tmpdir_factory.mktemp('tls')))


@pytest.fixture(scope='module')
def server(certs):
    s = TLSServer(certs)
    yield s
    s.close()


@pytest.fixture(scope='module')
def other_server(certs):
    s = TLSServer(certs, 'other')
    yield s
    s.close()


def _get(conn):
    try:
        conn.request('GET', '/')
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


# -- client certificates through key_file / cert_file (D04) ----------------------

def test_key_and_cert_positional(certs, server):
    conn = httplib.HTTPSConnection(HOST, server.port, certs.key, certs.cert,
                                   context=certs.client_context())
    assert _get(conn) == (200, CLIENT_CN.encode('ascii'))


def test_key_and_cert_keywords(certs, server):
    conn = httplib.HTTPSConnection(HOST, server.port, key_file=certs.key,
                                   cert_file=certs.cert, context=certs.client_context())
    assert _get(conn) == (200, CLIENT_CN.encode('ascii'))


def test_key_inside_the_cert_file(certs, server):
    conn = httplib.HTTPSConnection(HOST, server.port, cert_file=certs.combined,
                                   context=certs.client_context())
    assert _get(conn) == (200, CLIENT_CN.encode('ascii'))


def test_2_7_positional_order_strict_then_timeout(certs, server):
    # 2.7: (host, port, key_file, cert_file, strict, timeout, source_address, context)
    conn = httplib.HTTPSConnection(HOST, server.port, certs.key, certs.cert, True, 7,
                                   None, certs.client_context())
    assert conn.timeout == 7
    assert _get(conn) == (200, CLIENT_CN.encode('ascii'))


def test_key_and_cert_load_into_the_callers_context(certs, server):
    # 2.7: key_file/cert_file are loaded into the context passed in (that very
    # object), so a later connection with the same context presents the cert.
    ctx = certs.client_context()
    httplib.HTTPSConnection(HOST, server.port, certs.key, certs.cert, context=ctx)
    conn = httplib.HTTPSConnection(HOST, server.port, context=ctx)
    assert _get(conn) == (200, CLIENT_CN.encode('ascii'))


def test_without_a_client_certificate_the_server_refuses(certs, server):
    # Shows the server really requires one: the successes above used key_file/cert_file.
    conn = httplib.HTTPSConnection(HOST, server.port, context=certs.client_context(),
                                   timeout=10)
    with pytest.raises((ssl.SSLError, socket.error, httplib.HTTPException)):
        _get(conn)


@pytest.mark.parametrize('how', ['positional', 'keywords', 'combined'])
def test_legacy_HTTPS_with_client_certificate(certs, server, how):
    ctx = certs.client_context()
    if how == 'positional':
        h = httplib.HTTPS(HOST, server.port, certs.key, certs.cert, None, ctx)
    elif how == 'keywords':
        h = httplib.HTTPS(HOST, server.port, key_file=certs.key, cert_file=certs.cert,
                          context=ctx)
    else:
        h = httplib.HTTPS(HOST, server.port, cert_file=certs.combined, context=ctx)
    assert (h.key_file, h.cert_file) == ((certs.key, certs.cert) if how != 'combined'
                                         else (None, certs.combined))
    h.putrequest('GET', '/')
    h.endheaders()
    status, reason, msg = h.getreply()
    assert (status, reason) == (200, 'OK')
    assert msg.getheader('content-length') == str(len(CLIENT_CN))
    assert h.getfile().read() == CLIENT_CN.encode('ascii')
    h.close()


def test_native_legacy_HTTPS_getfile_reads_str(certs, server):
    # Issue 14.8: the native face's HTTPS.getfile() gives 2.7's native str
    # (what 2.7's own test gets here too), line by line as well.
    import httplib_compat.native as native
    for read in (lambda f: f.read(), lambda f: ''.join(f.readlines(0)), lambda f: f.readline()):
        h = native.HTTPS(HOST, server.port, certs.key, certs.cert, None, certs.client_context())
        h.putrequest('GET', '/')
        h.endheaders()
        assert h.getreply()[:2] == (200, 'OK')
        body = read(h.getfile())
        assert type(body) is str and body == CLIENT_CN
        h.close()


# -- verification on by default ---------------------------------------------------

def _assert_refused_unknown_ca(conn):
    with pytest.raises(ssl.SSLError) as info:
        _get(conn)
    assert 'CERTIFICATE_VERIFY_FAILED' in str(info.value)


def test_without_context_an_unknown_CA_is_refused(certs, server):
    _assert_refused_unknown_ca(httplib.HTTPSConnection(HOST, server.port, timeout=10))


def test_without_context_but_with_client_cert_verification_stays_on(certs, server):
    _assert_refused_unknown_ca(httplib.HTTPSConnection(
        '127.0.0.1', server.port, certs.key, certs.cert, timeout=10))


def test_legacy_HTTPS_without_context_verifies(certs, server):
    h = httplib.HTTPS(HOST, server.port, key_file=certs.key, cert_file=certs.cert)
    h.putrequest('GET', '/')
    with pytest.raises(ssl.SSLError) as info:
        h.endheaders()
    assert 'CERTIFICATE_VERIFY_FAILED' in str(info.value)


def test_a_hostname_mismatch_is_refused(certs, other_server):
    # The CA is trusted; the certificate names only other.example, not 127.0.0.1.
    conn = httplib.HTTPSConnection('127.0.0.1', other_server.port, certs.key, certs.cert,
                                   context=certs.client_context(), timeout=10)
    with pytest.raises((ssl.SSLError, ssl.CertificateError)):
        _get(conn)


# -- bad key/cert files fail at construction, as in 2.7 ----------------------------

@pytest.mark.parametrize('which', ['key_file', 'cert_file'])
def test_a_missing_file_fails_at_construction(certs, which):
    files = {'key_file': certs.key, 'cert_file': certs.cert}
    files[which] = certs.path('does-not-exist.pem')
    with pytest.raises(EnvironmentError) as info:
        httplib.HTTPSConnection('127.0.0.1', 1, context=certs.client_context(), **files)
    assert info.value.errno == errno.ENOENT
    with pytest.raises(EnvironmentError) as info:
        httplib.HTTPSConnection('127.0.0.1', 1, **files)   # the default context too
    assert info.value.errno == errno.ENOENT


def test_a_key_that_does_not_match_fails_at_construction(certs):
    with pytest.raises(ssl.SSLError):
        httplib.HTTPSConnection('127.0.0.1', 1, key_file=certs.path('other.key'),
                                cert_file=certs.cert)
