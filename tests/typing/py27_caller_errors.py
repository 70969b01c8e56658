"""Mistakes the stubs must catch: tests/typing/check_stubs.py expects a mypy
error on each line marked with an E comment, and on no other.  Never executed."""
import httplib_compat as httplib


def mistakes(host):
    # type: (str) -> None
    conn = httplib.HTTPConnection(host, 80)
    resp = conn.getresponse()
    if 'error' in resp.read():  # E: bytes body in the default face: use native or b'error'
        pass
    resp.msg.getheaders()  # E: 2.7's getheaders takes the name
    conn.getresponse(bufering=True)  # E: misspelled keyword
    httplib.HTTPSConnection(host, 443, key_fle='k')  # E: misspelled keyword
    httplib.HTTP(host).getreply().status  # E: getreply() returns a tuple
    httplib.NO_SUCH_CONSTANT  # E: not a 2.7 name
