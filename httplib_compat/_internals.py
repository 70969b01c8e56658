"""The private parts of ``http.client`` and ``email`` the adapter stands on, in one place.

The adapter subclasses ``http.client``'s classes, so it reads, calls and
overrides some of their private names.  A CPython release may rename any of them
without notice, and an override of a renamed method is then silently never
called.  Every such name is listed in ``REQUIRED`` with what the shim does with
it, and checked when the package is imported: a missing one fails the import
with an ``ImportError`` that names it and the interpreter, never a late
``AttributeError`` in a user's request.

The other modules take private functions, classes and constants from here, not
from ``http.client`` or ``email``.  The version flags are defined here too, once,
each naming the CPython release that changed the behaviour.

Python 3 only (the package's top passes the real httplib through on 2.7).
"""
import collections
import email.message as _email_message
import http.client as _client
import sys
from email import _policybase

# -- Version flags: where http.client differs between the 3.x releases. -------

# CPython 3.7 added str.isascii().
STR_HAS_ISASCII = sys.version_info >= (3, 7)
# CPython 3.10 turned HTTPResponse._readall_chunked() into _read_chunked(amt),
# which the shim's 2.7 chunk reader of that name overrides.
HAS_READ_CHUNKED = sys.version_info >= (3, 10)
# CPython 3.10 added the 'http.client.send' audit event.
HAS_SEND_AUDIT_EVENT = sys.version_info >= (3, 10)
# CPython 3.12 added get_proxy_response_headers(), kept in _raw_proxy_headers.
HAS_PROXY_RESPONSE_HEADERS = sys.version_info >= (3, 12)
# CPython 3.15 added HTTPConnection(max_response_headers=) and begin(_max_headers=).
HAS_MAX_RESPONSE_HEADERS = sys.version_info >= (3, 15)
# CPython's BytesIO (3.5+) lets getbuffer() write into its own buffer and
# getvalue() hand that buffer over without a copy; PyPy's moving GC does not
# pin it (a readinto() there crashes the interpreter).
BYTESIO_HANDS_OVER_ITS_BUFFER = sys.implementation.name == 'cpython'


# -- The names. ----------------------------------------------------------------

Private = collections.namedtuple('Private', 'owner name found_in why')
Private.__doc__ = """``owner.name`` must exist; with ``found_in``, ``name`` must be
an attribute that ``owner.found_in``'s code reads, sets or calls (instance
attributes, and the overrides http.client calls from its own methods)."""

_Connection = _client.HTTPConnection
_Response = _client.HTTPResponse


def _entries():
    conn, resp = _Connection, _Response
    yield Private(_client, '_CS_IDLE', None, 'compared with the connection state')
    yield Private(_client, '_CS_REQ_STARTED', None, 'compared with the connection state')
    yield Private(_client, '_CS_REQ_SENT', None, 'compared with the connection state')
    yield Private(_client, '_UNKNOWN', None, "2.7's module-level _UNKNOWN (issue 12.5)")
    yield Private(_client, '_is_legal_header_name', None, "putheader()'s name check (D33)")
    yield Private(_client, '_is_illegal_header_value', None, "putheader()'s value check (D33)")
    yield Private(_policybase, 'Policy', None, 'HTTPMessage(policy) keeps its Python 3 meaning')
    yield Private(_email_message.Message, '_headers', '__init__',
                  "HTTPMessage fills the email view's header list in its one-pass parse")

    # The connection's state, read and set by the overridden request methods.
    yield Private(conn, '_HTTPConnection__state', '__init__', 'the request state machine')
    yield Private(conn, '_HTTPConnection__response', '__init__', 'the response not yet closed')
    yield Private(conn, '_buffer', '__init__', 'header lines waiting for endheaders()')
    yield Private(conn, '_method', 'putrequest', "the request's method, for the response")
    yield Private(conn, '_http_vsn', None, 'HTTP/1.0 for the legacy HTTP class (D41)')
    yield Private(conn, '_http_vsn_str', None, 'HTTP/1.0 for the legacy HTTP class (D41)')
    yield Private(conn, '_tunnel_host', '__init__', 'set_tunnel() and the CONNECT request (D51)')
    yield Private(conn, '_tunnel_port', '__init__', 'set_tunnel() and the CONNECT request (D51)')
    yield Private(conn, '_tunnel_headers', '__init__', 'set_tunnel() and the CONNECT request (D51)')
    yield Private(conn, '_get_hostport', None, "host:port parsing (D03), set_tunnel(), HTTP.connect()")
    yield Private(_client.HTTPSConnection, '_context', '__init__', 'key_file/cert_file load into it (D04)')
    if HAS_PROXY_RESPONSE_HEADERS:
        yield Private(conn, '_raw_proxy_headers', '__init__', 'get_proxy_response_headers() after _tunnel()')
    # Overrides that http.client's own methods call.
    yield Private(conn, '_validate_host', '__init__', "2.7.18's host check (D36)")
    yield Private(conn, '_validate_path', 'putrequest', "2.7.18's URL check (D34)")
    yield Private(conn, '_output', 'putrequest', 'queues a header line')
    yield Private(conn, '_send_output', 'endheaders', "2.7's one send() of headers and str body (D42)")
    yield Private(conn, '_send_request', 'request', "2.7's body framing (D28-D30, D37)")
    yield Private(conn, '_tunnel', 'connect', "2.7's CONNECT request (D51)")

    # The response's overrides.
    yield Private(resp, '_method', '__init__', 'HEAD responses have no body')
    yield Private(resp, '_read_status', 'begin', "2.7's status line rules and HTTP/0.9 (D09)")
    yield Private(resp, '_check_close', 'begin', 'whether the connection stays open')
    yield Private(resp, '_close_conn', None, 'closes the body file (overridden: idempotent)')
    yield Private(resp, '_safe_read', None, "exactly n bytes or 2.7's IncompleteRead (D49)")
    yield Private(resp, '_read_and_discard_trailer', None, "a chunked body's trailer (D47)")
    # Python 3's readinto()/peek()/read1() on a chunked body reach the overrides
    # above through these helpers.
    yield Private(resp, '_readinto_chunked', 'readinto', 'readinto() on a chunked body')
    yield Private(resp, '_peek_chunked', 'peek', 'peek() on a chunked body')
    yield Private(resp, '_read1_chunked', 'read1', 'read1() on a chunked body')
    for caller in ('_readinto_chunked', '_peek_chunked', '_read1_chunked'):
        yield Private(resp, '_get_chunk_left', caller, 'the chunk bookkeeping of ' + caller)
    yield Private(resp, '_read_next_chunk_size', '_get_chunk_left', "2.7's chunk size parsing (D47)")
    yield Private(resp, '_safe_read', '_get_chunk_left', "2.7's IncompleteRead inside a chunk (D48)")
    yield Private(resp, '_read_and_discard_trailer', '_get_chunk_left', 'the trailer after the last chunk')
    if HAS_READ_CHUNKED:
        yield Private(resp, '_read_chunked', None, "overridden with 2.7's chunk reader (D47, D48)")


REQUIRED = tuple(_entries())


def _present(entry):
    try:
        value = getattr(entry.owner, entry.found_in or entry.name)
    except AttributeError:
        return False
    if entry.found_in is None:
        return True
    return entry.name in getattr(getattr(value, '__code__', None), 'co_names', ())


def _owner_name(owner):
    if isinstance(owner, type):
        return '%s.%s' % (owner.__module__, owner.__qualname__)
    return owner.__name__  # a module


def check(required=REQUIRED):
    """Raise ImportError naming every entry of ``required`` this interpreter lacks."""
    missing = []
    for entry in required:
        if not _present(entry):
            where = '%s.%s' % (_owner_name(entry.owner), entry.name)
            if entry.found_in:
                where += ' (used by %s.%s)' % (_owner_name(entry.owner), entry.found_in)
            missing.append('%s, for %s' % (where, entry.why))
    if missing:
        import platform
        raise ImportError(
            'httplib_compat %s cannot adapt the http.client of %s %s (%s): it lacks %s. '
            'Please report it with this message.' % (
                _version(), platform.python_implementation(), platform.python_version(),
                sys.executable, '; '.join(missing)))


def _version():
    from httplib_compat import __version__  # (set before this module loads)
    return __version__


check()

# -- What the other modules import from here. ----------------------------------
# (typeshed does not describe http.client's private names, hence the ignores for
# type checkers; check() above has just proven that they exist.)
CS_IDLE = _client._CS_IDLE  # type: ignore[attr-defined]
CS_REQ_STARTED = _client._CS_REQ_STARTED  # type: ignore[attr-defined]
CS_REQ_SENT = _client._CS_REQ_SENT  # type: ignore[attr-defined]
UNKNOWN = _client._UNKNOWN  # type: ignore[attr-defined]
is_legal_header_name = _client._is_legal_header_name  # type: ignore[attr-defined]
is_illegal_header_value = _client._is_illegal_header_value  # type: ignore[attr-defined]
Policy = _policybase.Policy
