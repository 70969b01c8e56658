# Types of httplib_compat on Python 3: Python 2.7's httplib API (strict=, key_file=,
# getheaders(name), getreply()...) on top of http.client's classes, so that a type
# checker checks callers of the Python 2 API.  The sources stay 2.7-parseable; types
# live here.
#
# Every Python-2-only use that warns at run time (Py2CompatWarning) is marked
# @deprecated (PEP 702) with the very text of that warning, so that
# `mypy --enable-error-code deprecated` or pyright's reportDeprecated lists what is
# left to migrate without running the code.  typing_extensions is imported by the
# stubs only (type checkers ship it); the package does not need it at run time.
import email.message
import email.policy
import http.client
import io
import ssl
from types import ModuleType
from typing import (Any, Dict, IO, Iterable, Iterator, List, Mapping, Optional, Tuple, TypeVar,
                    Union, overload)

from typing_extensions import Literal, deprecated

from http.client import (
    BadStatusLine as BadStatusLine,
    CannotSendHeader as CannotSendHeader,
    CannotSendRequest as CannotSendRequest,
    HTTPException as HTTPException,
    ImproperConnectionState as ImproperConnectionState,
    IncompleteRead as IncompleteRead,
    InvalidURL as InvalidURL,
    LineTooLong as LineTooLong,
    NotConnected as NotConnected,
    RemoteDisconnected as RemoteDisconnected,
    ResponseNotReady as ResponseNotReady,
    UnimplementedFileMode as UnimplementedFileMode,
    UnknownProtocol as UnknownProtocol,
    UnknownTransferEncoding as UnknownTransferEncoding,
)

__version__: str
# 2.7's own list (D01).
__all__ = ['HTTP', 'HTTPResponse', 'HTTPConnection', 'HTTPException', 'NotConnected',
           'UnknownProtocol', 'UnknownTransferEncoding', 'UnimplementedFileMode',
           'IncompleteRead', 'InvalidURL', 'ImproperConnectionState', 'CannotSendRequest',
           'CannotSendHeader', 'ResponseNotReady', 'BadStatusLine', 'error', 'responses',
           'HTTPSConnection']

error = HTTPException

class Py2CompatWarning(DeprecationWarning): ...
class Py2TextWarning(UserWarning): ...

def set_text_encoding(encoding: Optional[str]) -> Optional[str]: ...

# 2.7's connection states and _UNKNOWN, compared with conn._HTTPConnection__state.
_CS_IDLE: str
_CS_REQ_STARTED: str
_CS_REQ_SENT: str
_UNKNOWN: str

def install(native: bool = ...) -> ModuleType: ...
def uninstall() -> None: ...

HTTP_PORT: int
HTTPS_PORT: int
MAXAMOUNT: int
_MAXLINE: int
_MAXHEADERS: int
# 2.7.18's table: int keys.
responses: Dict[int, str]

# Status constants: plain ints (D43).
CONTINUE: int
SWITCHING_PROTOCOLS: int
PROCESSING: int
OK: int
CREATED: int
ACCEPTED: int
NON_AUTHORITATIVE_INFORMATION: int
NO_CONTENT: int
RESET_CONTENT: int
PARTIAL_CONTENT: int
MULTI_STATUS: int
IM_USED: int
MULTIPLE_CHOICES: int
MOVED_PERMANENTLY: int
FOUND: int
SEE_OTHER: int
NOT_MODIFIED: int
USE_PROXY: int
TEMPORARY_REDIRECT: int
BAD_REQUEST: int
UNAUTHORIZED: int
PAYMENT_REQUIRED: int
FORBIDDEN: int
NOT_FOUND: int
METHOD_NOT_ALLOWED: int
NOT_ACCEPTABLE: int
PROXY_AUTHENTICATION_REQUIRED: int
REQUEST_TIMEOUT: int
CONFLICT: int
GONE: int
LENGTH_REQUIRED: int
PRECONDITION_FAILED: int
REQUEST_ENTITY_TOO_LARGE: int
REQUEST_URI_TOO_LONG: int
UNSUPPORTED_MEDIA_TYPE: int
REQUESTED_RANGE_NOT_SATISFIABLE: int
EXPECTATION_FAILED: int
UNPROCESSABLE_ENTITY: int
LOCKED: int
FAILED_DEPENDENCY: int
UPGRADE_REQUIRED: int
INTERNAL_SERVER_ERROR: int
NOT_IMPLEMENTED: int
BAD_GATEWAY: int
SERVICE_UNAVAILABLE: int
GATEWAY_TIMEOUT: int
HTTP_VERSION_NOT_SUPPORTED: int
INSUFFICIENT_STORAGE: int
NOT_EXTENDED: int

_T = TypeVar('_T')
# What 2.7 accepted as a request body: bytes, a file, an iterable of bytes; a str
# goes through request() encoded ISO-8859-1 as on Python 3.
_Bytes = Union[bytes, bytearray, memoryview]
_BytesBody = Union[_Bytes, IO[bytes], Iterable[bytes]]
_Body = Union[str, _BytesBody, IO[str]]
_Timeout = Optional[float]
# A header value Python 3's putheader() takes as it is.
_HeaderValue = Union[str, bytes, bytearray, int]

_NO_STRICT = 'nothing: Python 3 has no strict mode (pass timeout= by keyword)'

class HTTPMessage(http.client.HTTPMessage):
    # 2.7's mimetools.Message / rfc822.Message API (D20-D27).
    fp: Optional[IO[bytes]]
    seekable: int
    status: str
    unixfrom: str
    startofheaders: Optional[int]
    startofbody: Optional[int]
    typeheader: Optional[str]
    encodingheader: Optional[str]
    plisttext: str
    type: str
    maintype: str
    subtype: str
    plist: List[str]
    @overload
    def __init__(self, fp: None = None, seekable: int = 1, max_headers: Optional[int] = None, *,
                 policy: email.policy.Policy = ...) -> None: ...
    @overload
    def __init__(self, fp: email.policy.Policy) -> None: ...
    @overload
    @deprecated("HTTPMessage(fp) is Python 2 httplib behaviour; on Python 3 use http.client.parse_headers(fp)")
    def __init__(self, fp: IO[bytes], seekable: int = 1, max_headers: Optional[int] = None, *,
                 policy: email.policy.Policy = ...) -> None: ...
    # Read-only here, though assignable at run time: mypy reports no deprecated
    # read of a property that has a setter.
    @property
    @deprecated("msg.dict is Python 2 httplib behaviour; on Python 3 use dict(msg.items()) or msg.get(name)")
    def dict(self) -> Dict[str, str]: ...
    @property
    @deprecated("msg.headers is Python 2 httplib behaviour; on Python 3 use msg.raw_items() or msg.as_string()")
    def headers(self) -> List[str]: ...
    # 2.7's get is getheader: merged repeats, any case (D21); a missing name raises KeyError.
    @overload  # type: ignore[override]
    def get(self, name: str, default: None = None) -> Optional[str]: ...
    @overload
    def get(self, name: str, default: _T) -> Union[str, _T]: ...
    def __getitem__(self, name: str) -> str: ...
    def keys(self) -> List[str]: ...  # type: ignore[override]
    def values(self) -> List[str]: ...  # type: ignore[override]
    def items(self) -> List[Tuple[str, str]]: ...  # type: ignore[override]
    @overload
    @deprecated("msg.getheader() is Python 2 httplib behaviour; on Python 3 use msg.get(name, default) or response.getheader(name)")
    def getheader(self, name: str) -> Optional[str]: ...
    @overload
    @deprecated("msg.getheader() is Python 2 httplib behaviour; on Python 3 use msg.get(name, default) or response.getheader(name)")
    def getheader(self, name: str, default: _T) -> Union[str, _T]: ...
    @deprecated("msg.getheaders() is Python 2 httplib behaviour; on Python 3 use msg.get_all(name, [])")
    def getheaders(self, name: str) -> List[str]: ...
    @deprecated("msg.has_key() is Python 2 httplib behaviour; on Python 3 use name in msg")
    def has_key(self, name: str) -> bool: ...
    @deprecated("msg.setdefault() is Python 2 httplib behaviour; on Python 3 use msg.get(name) and msg[name] = value")
    def setdefault(self, name: str, default: str = '') -> str: ...
    @deprecated("msg.getallmatchingheaders() is Python 2 httplib behaviour; on Python 3 use msg.get_all(name)")
    def getallmatchingheaders(self, name: str) -> List[str]: ...
    @deprecated("msg.getfirstmatchingheader() is Python 2 httplib behaviour; on Python 3 use msg.get(name)")
    def getfirstmatchingheader(self, name: str) -> List[str]: ...
    @deprecated("msg.getrawheader() is Python 2 httplib behaviour; on Python 3 use msg.get(name)")
    def getrawheader(self, name: str) -> Optional[str]: ...
    @deprecated("msg.addheader() is Python 2 httplib behaviour; on Python 3 use msg.add_header(name, value)")
    def addheader(self, key: str, value: str) -> None: ...
    @deprecated("msg.addcontinue() is Python 2 httplib behaviour; on Python 3 use msg.replace_header(name, value)")
    def addcontinue(self, key: str, more: str) -> None: ...
    @deprecated("msg.readheaders() is Python 2 httplib behaviour; on Python 3 use http.client.parse_headers(fp)")
    def readheaders(self) -> None: ...
    @deprecated("msg.isheader() is Python 2 httplib behaviour; on Python 3 use http.client.parse_headers(fp)")
    def isheader(self, line: str) -> Optional[str]: ...
    @deprecated("msg.islast() is Python 2 httplib behaviour; on Python 3 use http.client.parse_headers(fp)")
    def islast(self, line: str) -> bool: ...
    @deprecated("msg.iscomment() is Python 2 httplib behaviour; on Python 3 use http.client.parse_headers(fp)")
    def iscomment(self, line: str) -> bool: ...
    @deprecated("msg.rewindbody() is Python 2 httplib behaviour; on Python 3 use fp.seek(offset)")
    def rewindbody(self) -> None: ...
    @deprecated("msg.getdate() is Python 2 httplib behaviour; on Python 3 use email.utils.parsedate(msg.get(name))")
    def getdate(self, name: str) -> Optional[Tuple[int, int, int, int, int, int, int, int, int]]: ...
    @deprecated("msg.getdate_tz() is Python 2 httplib behaviour; on Python 3 use email.utils.parsedate_tz(msg.get(name))")
    def getdate_tz(self, name: str) -> Optional[Tuple[int, int, int, int, int, int, int, int, int, Optional[int]]]: ...
    @deprecated("msg.getaddr() is Python 2 httplib behaviour; on Python 3 use email.utils.parseaddr(msg.get(name))")
    def getaddr(self, name: str) -> Tuple[Optional[str], Optional[str]]: ...
    @deprecated("msg.getaddrlist() is Python 2 httplib behaviour; on Python 3 use email.utils.getaddresses(msg.get_all(name, []))")
    def getaddrlist(self, name: str) -> List[Tuple[str, str]]: ...
    @deprecated("msg.parsetype() is Python 2 httplib behaviour; on Python 3 use msg.get_content_type()")
    def parsetype(self) -> None: ...
    @deprecated("msg.parseplist() is Python 2 httplib behaviour; on Python 3 use msg.get_params()")
    def parseplist(self) -> None: ...
    @deprecated("msg.gettype() is Python 2 httplib behaviour; on Python 3 use msg.get_content_type()")
    def gettype(self) -> str: ...
    @deprecated("msg.getmaintype() is Python 2 httplib behaviour; on Python 3 use msg.get_content_maintype()")
    def getmaintype(self) -> str: ...
    @deprecated("msg.getsubtype() is Python 2 httplib behaviour; on Python 3 use msg.get_content_subtype()")
    def getsubtype(self) -> str: ...
    @deprecated("msg.getplist() is Python 2 httplib behaviour; on Python 3 use msg.get_params()")
    def getplist(self) -> List[str]: ...
    @deprecated("msg.getparam() is Python 2 httplib behaviour; on Python 3 use msg.get_param(name)")
    def getparam(self, name: str) -> Optional[str]: ...
    @deprecated("msg.getparamnames() is Python 2 httplib behaviour; on Python 3 use msg.get_params()")
    def getparamnames(self) -> List[str]: ...
    @deprecated("msg.getencoding() is Python 2 httplib behaviour; on Python 3 use msg.get('content-transfer-encoding', '7bit')")
    def getencoding(self) -> str: ...

class HTTPResponse(http.client.HTTPResponse):
    strict: Any
    msg: HTTPMessage
    headers: HTTPMessage
    # Python 3's order (sock, debuglevel, method, url); 2.7's (sock, debuglevel,
    # strict, method, buffering) warns (D05).
    @overload
    def __init__(self, sock: Any, debuglevel: int = 0, method: Optional[str] = None,
                 url: Optional[str] = None) -> None: ...
    @overload
    @deprecated("HTTPResponse(buffering=) is Python 2 httplib behaviour; on Python 3 use HTTPResponse(sock, method=...)")
    def __init__(self, sock: Any, debuglevel: int = 0, *, method: Optional[str] = None,
                 buffering: bool, url: Optional[str] = None) -> None: ...
    @overload
    @deprecated("HTTPResponse(sock, debuglevel, strict, ...) / strict= is Python 2 httplib behaviour; on Python 3 use HTTPResponse(sock, method=...) (Python 3 is always strict)")
    def __init__(self, sock: Any, debuglevel: int = 0, strict: Optional[int] = 0,
                 method: Optional[str] = None, buffering: bool = False,
                 url: Optional[str] = None) -> None: ...
    def read(self, amt: Optional[int] = None) -> bytes: ...
    # D16: a missing header's default comes back untouched.
    @overload  # type: ignore[override]
    def getheader(self, name: str) -> Optional[str]: ...
    @overload
    def getheader(self, name: str, default: _T) -> Union[str, _T]: ...
    # D15: lower-cased names, repeats merged.
    @deprecated("HTTPResponse.getheaders() (lower-cased names, repeats merged) is Python 2 httplib behaviour; on Python 3 use response.headers.get_all(name)")
    def getheaders(self) -> List[Tuple[str, str]]: ...

class HTTPConnection(http.client.HTTPConnection):
    strict: Any
    # The encoding of text sent without being encoded; None: set_text_encoding()'s.
    text_encoding: Optional[str]
    # D03: 2.7's third positional argument is strict: Python 3's timeout goes by keyword.
    @overload
    def __init__(self, host: str, port: Optional[int] = None, *, timeout: _Timeout = ...,
                 source_address: Optional[Tuple[str, int]] = None,
                 text_encoding: Optional[str] = None, blocksize: int = ...) -> None: ...
    @overload
    @deprecated("HTTPConnection(strict=...) is Python 2 httplib behaviour; on Python 3 use nothing: Python 3 has no strict mode (pass timeout= by keyword)")
    def __init__(self, host: str, port: Optional[int] = None, strict: Any = None,
                 timeout: _Timeout = ..., source_address: Optional[Tuple[str, int]] = None,
                 text_encoding: Optional[str] = None, *, blocksize: int = ...) -> None: ...
    def request(self, method: str, url: str, body: Optional[_Body] = None,  # type: ignore[override]
                headers: Mapping[str, Any] = {}, encode_chunked: bool = False) -> None: ...
    @overload  # type: ignore[override]
    def getresponse(self, buffering: Literal[False] = False) -> HTTPResponse: ...
    @overload
    @deprecated("getresponse(buffering=True) is Python 2 httplib behaviour; on Python 3 use getresponse() (always buffered)")
    def getresponse(self, buffering: bool) -> HTTPResponse: ...
    def putrequest(self, method: str, url: str, skip_host: Union[bool, int] = 0,
                   skip_accept_encoding: Union[bool, int] = 0) -> None: ...
    # D32: 2.7 applied str() to each value.
    @overload
    def putheader(self, header: Union[str, bytes], *values: _HeaderValue) -> None: ...
    @overload
    @deprecated("putheader() with a float value is Python 2 httplib behaviour; on Python 3 use str(value)")
    def putheader(self, header: Union[str, bytes], *values: Union[_HeaderValue, float]) -> None: ...
    @overload
    @deprecated("putheader() with a NoneType value is Python 2 httplib behaviour; on Python 3 use str(value)")
    def putheader(self, header: Union[str, bytes], *values: Union[_HeaderValue, float, None]) -> None: ...
    @overload
    @deprecated("putheader() with a non-str value is Python 2 httplib behaviour; on Python 3 use str(value)")
    def putheader(self, header: Union[str, bytes], *values: object) -> None: ...
    @overload  # type: ignore[override]
    def endheaders(self, message_body: Optional[_BytesBody] = None, encode_chunked: bool = False) -> None: ...
    @overload
    @deprecated("endheaders(str) is Python 2 httplib behaviour; on Python 3 use endheaders(body.encode('latin-1')) with the encoding the server expects")
    def endheaders(self, message_body: str, encode_chunked: bool = False) -> None: ...
    @overload  # type: ignore[override]
    def send(self, data: Union[_BytesBody, IO[str]]) -> None: ...
    @overload
    @deprecated("send(str) is Python 2 httplib behaviour; on Python 3 use send(data.encode('latin-1')) with the encoding the server expects")
    def send(self, data: str) -> None: ...
    def set_tunnel(self, host: str, port: Optional[int] = None,  # type: ignore[override]
                   headers: Optional[Mapping[str, str]] = None) -> None: ...

class HTTPSConnection(HTTPConnection, http.client.HTTPSConnection):  # type: ignore[misc]
    key_file: Optional[str]
    cert_file: Optional[str]
    # D04: 2.7.18's order: host, port, key_file, cert_file, strict, timeout, source_address, context.
    @overload
    def __init__(self, host: str, port: Optional[int] = None, *, timeout: _Timeout = ...,
                 source_address: Optional[Tuple[str, int]] = None,
                 context: Optional[ssl.SSLContext] = None, check_hostname: Optional[bool] = ...,
                 text_encoding: Optional[str] = None, blocksize: int = ...) -> None: ...
    @overload
    @deprecated("HTTPSConnection(key_file, cert_file) is Python 2 httplib behaviour; on Python 3 use an ssl context with context.load_cert_chain(cert_file, key_file)")
    def __init__(self, host: str, port: Optional[int] = None, key_file: Optional[str] = None,
                 cert_file: Optional[str] = None, *, timeout: _Timeout = ...,
                 source_address: Optional[Tuple[str, int]] = None,
                 context: Optional[ssl.SSLContext] = None, check_hostname: Optional[bool] = ...,
                 text_encoding: Optional[str] = None, blocksize: int = ...) -> None: ...
    @overload
    @deprecated("HTTPSConnection(strict=...) is Python 2 httplib behaviour; on Python 3 use nothing: Python 3 has no strict mode (pass timeout= by keyword)")
    def __init__(self, host: str, port: Optional[int] = None, key_file: Optional[str] = None,
                 cert_file: Optional[str] = None, strict: Any = None, timeout: _Timeout = ...,
                 source_address: Optional[Tuple[str, int]] = None,
                 context: Optional[ssl.SSLContext] = None, *,
                 check_hostname: Optional[bool] = ..., text_encoding: Optional[str] = None,
                 blocksize: int = ...) -> None: ...

@deprecated("httplib.HTTP is Python 2 httplib behaviour; on Python 3 use HTTPConnection (request()/getresponse())")
class HTTP:
    # The 1.5.2-era interface 2.7 kept (D41); its request methods are the
    # connection's own, bound at construction.
    debuglevel: int
    file: Optional[io.BufferedReader]
    headers: Optional[HTTPMessage]
    def __init__(self, host: str = '', port: Optional[int] = None, strict: Any = None) -> None: ...
    def connect(self, host: Optional[str] = None, port: Optional[int] = None) -> None: ...
    def putrequest(self, method: str, url: str, skip_host: Union[bool, int] = 0,
                   skip_accept_encoding: Union[bool, int] = 0) -> None: ...
    def putheader(self, header: Union[str, bytes], *values: Any) -> None: ...
    def endheaders(self, message_body: Optional[_Body] = None, encode_chunked: bool = False) -> None: ...
    def send(self, data: Union[_Body, Any]) -> None: ...
    def set_debuglevel(self, level: int) -> None: ...
    # The reply's body: the socket file the response read from (None before a reply).
    def getfile(self) -> Optional[io.BufferedReader]: ...
    @deprecated("HTTP.getreply() is Python 2 httplib behaviour; on Python 3 use HTTPConnection.getresponse()")
    def getreply(self, buffering: bool = False) -> Tuple[int, str, Optional[HTTPMessage]]: ...
    def close(self) -> None: ...

@deprecated("httplib.HTTPS is Python 2 httplib behaviour; on Python 3 use HTTPSConnection (request()/getresponse())")
class HTTPS(HTTP):
    key_file: Optional[str]
    cert_file: Optional[str]
    def __init__(self, host: str = '', port: Optional[int] = None, key_file: Optional[str] = None,
                 cert_file: Optional[str] = None, strict: Any = None,
                 context: Optional[ssl.SSLContext] = None) -> None: ...

class LineAndFileWrapper(io.BufferedReader):
    def __init__(self, line: bytes, file: Any) -> None: ...
    # 2.7's parameter names.
    def read(self, amt: Optional[int] = None) -> bytes: ...
    def readlines(self, size: Optional[int] = None) -> List[bytes]: ...

@deprecated("FakeSocket(sock, sslobj) is Python 2 httplib behaviour; on Python 3 use the result of SSLContext.wrap_socket() directly")
def FakeSocket(sock: Any, sslobj: _T) -> _T: ...
