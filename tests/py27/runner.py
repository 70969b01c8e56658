"""Runs one client scenario and reduces what it saw to plain JSON.

The same file runs in two places: inside a Python 2.7 subprocess, where
``httplib`` is the real standard module, and inside the test process on
Python 3, where ``httplib`` is ``httplib_compat``.  It must stay valid 2.7
*and* 3.x source.

A scenario is Python source run with these names bound:
    httplib      the module under test
    HOST, PORT   the recording server (127.0.0.1, its port)
    out(label, value)   record a value under a label
    T(f, *a, **k)       call f; an exception becomes a value instead of escaping
    raw_pair(data)      a connected socket pair whose peer already sent data
"""
from __future__ import print_function

import json
import socket
import sys

PY2 = sys.version_info[0] == 2
if PY2:
    text_type, bytes_type = unicode, str  # noqa: F821
else:
    text_type, bytes_type = str, bytes


class Raised(object):
    """An exception turned into a value by T()."""

    def __init__(self, exc):
        self.exc = exc


def T(f, *args, **kwargs):
    try:
        return f(*args, **kwargs)
    except Exception as e:  # every outcome is data to compare
        return Raised(e)


def canonical(value):
    """A JSON-able form that reads the same for 2.7 and 3.x: every byte or
    text string becomes text (bytes decoded as latin-1), tuples become lists."""
    if isinstance(value, Raised):
        e = value.exc
        bases = []  # names once each: a shim subclass may share its base's name
        for k in type(e).__mro__:
            if k.__name__ in _HTTPLIB_EXCEPTIONS and k.__name__ not in bases:
                bases.append(k.__name__)
        seen = {'raised': type(e).__name__, 'httplib_bases': bases}
        if bases:  # httplib's own errors: their text is part of the contract
            seen['str'] = canonical(str(e))
        return seen
    if isinstance(value, (bytes_type, bytearray)):
        return bytes(value).decode('latin-1')
    if isinstance(value, text_type):
        return value
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return value
    if isinstance(value, int) or (PY2 and isinstance(value, long)):  # noqa: F821
        return int(value)
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    if isinstance(value, dict):
        return {'dict': sorted([canonical(k), canonical(v)] for k, v in value.items())}
    return {'repr': type(value).__name__}


_HTTPLIB_EXCEPTIONS = set([
    'HTTPException', 'NotConnected', 'InvalidURL', 'UnknownProtocol',
    'UnknownTransferEncoding', 'UnimplementedFileMode', 'IncompleteRead',
    'ImproperConnectionState', 'CannotSendRequest', 'CannotSendHeader',
    'ResponseNotReady', 'BadStatusLine', 'LineTooLong'])


def raw_pair(data=b''):
    a, b = socket.socketpair()
    if data:
        b.sendall(data)
    b.shutdown(socket.SHUT_WR)
    return a, b


def run(code, port, httplib_module):
    """Run scenario source ``code``; return the list of [label, canonical value]."""
    results = []

    def out(label, value):
        results.append([label, canonical(value)])

    namespace = {'httplib': httplib_module, 'HOST': '127.0.0.1', 'PORT': port,
                 'out': out, 'T': T, 'raw_pair': raw_pair, 'Raised': Raised,
                 '__name__': '__scenario__'}
    try:
        exec(compile(code, '<scenario>', 'exec'), namespace)
    except Exception as e:
        out('uncaught', Raised(e))
    return results


def main():
    request = json.loads(sys.stdin.read())
    import httplib
    json.dump(run(request['code'], request['port'], httplib), sys.stdout)


if __name__ == '__main__':
    main()
