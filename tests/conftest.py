import os
import subprocess
import sys

import pytest

# The adapter's own tests and the 2.7 comparisons only mean something on
# Python 3: on 2.7 the package *is* the real httplib (tests/test_package.py).
collect_ignore_glob = []
if sys.version_info[0] == 2:
    collect_ignore_glob = ['py27/*', 'test_adapter_*.py']


@pytest.fixture(scope='session')
def throwaway_cert(tmpdir_factory):
    """(key, cert, key+cert) PEM paths: a self-signed pair for 127.0.0.1, made
    with the openssl CLI (a test requirement, like the pyenv interpreters)."""
    folder = str(tmpdir_factory.mktemp('throwaway-cert'))
    key, cert = os.path.join(folder, 'key.pem'), os.path.join(folder, 'cert.pem')
    with open(os.devnull, 'w') as quiet:
        subprocess.check_call(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes',
                               '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1',
                               '-addext', 'subjectAltName=IP:127.0.0.1'],
                              stdout=quiet, stderr=quiet)
    both = os.path.join(folder, 'both.pem')
    with open(both, 'w') as out, open(key) as k, open(cert) as c:
        out.write(k.read() + c.read())
    return key, cert, both
