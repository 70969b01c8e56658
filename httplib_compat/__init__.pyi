# Types of httplib_compat on Python 3: Python 2.7's httplib API (strict=, key_file=,
# getheaders(name), getreply()...) on top of http.client's classes, so that mypy
# checks callers of the Python 2 API.  The sources stay 2.7-parseable; types live here.
import email.message
import http.client
import io
import socket
import ssl
from types import ModuleType
from typing import (Any, Callable, Dict, IO, Iterable, Iterator, List, Mapping, Optional,
                    Tuple, Union)

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
__all__: List[str]

error = HTTPException

class Py2CompatWarning(DeprecationWarning): ...

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

# What 2.7 accepted as a request body: str (ISO-8859-1), bytes, a file, an iterable of bytes.
_Body = Union[str, bytes, bytearray, memoryview, IO[bytes], IO[str], Iterable[bytes]]
_Timeout = Optional[float]

class HTTPMessage(http.client.HTTPMessage):
    # 2.7's mimetools.Message / rfc822.Message API (D20-D27).
    fp: Optional[IO[bytes]]
    seekable: int
    status: str
    unixfrom: str
    headers: List[str]
    dict: Dict[str, str]
    typeheader: Optional[str]
    encodingheader: Optional[str]
    plisttext: str
    type: str
    maintype: str
    subtype: str
    plist: List[str]
    def __init__(self, fp: Optional[IO[bytes]] = ..., seekable: int = ..., **email_kwargs: Any) -> None: ...
    def getheader(self, name: str, default: Any = ...) -> Any: ...
    def getheaders(self, name: str) -> List[str]: ...
    def has_key(self, name: str) -> bool: ...
    def setdefault(self, name: str, default: str = ...) -> str: ...
    def getfirstmatchingheader(self, name: str) -> List[str]: ...
    def getrawheader(self, name: str) -> Optional[str]: ...
    def addheader(self, key: str, value: str) -> None: ...
    def addcontinue(self, key: str, more: str) -> None: ...
    def readheaders(self) -> None: ...
    def isheader(self, line: str) -> Optional[str]: ...
    def islast(self, line: str) -> bool: ...
    def iscomment(self, line: str) -> bool: ...
    def rewindbody(self) -> None: ...
    def getdate(self, name: str) -> Optional[Tuple[int, int, int, int, int, int, int, int, int]]: ...
    def getdate_tz(self, name: str) -> Optional[Tuple[int, int, int, int, int, int, int, int, int, Optional[int]]]: ...
    def getaddr(self, name: str) -> Tuple[Optional[str], Optional[str]]: ...
    def getaddrlist(self, name: str) -> List[Tuple[str, str]]: ...
    def parsetype(self) -> None: ...
    def parseplist(self) -> None: ...
    def gettype(self) -> str: ...
    def getmaintype(self) -> str: ...
    def getsubtype(self) -> str: ...
    def getplist(self) -> List[str]: ...
    def getparam(self, name: str) -> Optional[str]: ...
    def getparamnames(self) -> List[str]: ...
    def getencoding(self) -> str: ...

class HTTPResponse(http.client.HTTPResponse):
    # 2.7's positional order (sock, debuglevel, strict, method, buffering) and 3.x's url= (D05).
    strict: Any
    msg: HTTPMessage
    headers: HTTPMessage
    def __init__(self, sock: Any, debuglevel: int = ..., strict: Any = ..., method: Optional[str] = ...,
                 buffering: bool = ..., url: Optional[str] = ...) -> None: ...
    def read(self, amt: Optional[int] = ...) -> bytes: ...
    def getheader(self, name: str, default: Any = ...) -> Any: ...  # type: ignore[override]
    # 2.7: lower-cased names, repeats merged (D15).
    def getheaders(self) -> List[Tuple[str, str]]: ...

class HTTPConnection(http.client.HTTPConnection):
    strict: Any
    def __init__(self, host: str, port: Optional[int] = ..., strict: Any = ..., timeout: _Timeout = ...,
                 source_address: Optional[Tuple[str, int]] = ..., blocksize: int = ...) -> None: ...
    def request(self, method: str, url: str, body: Optional[_Body] = ...,  # type: ignore[override]
                headers: Mapping[str, Any] = ..., encode_chunked: bool = ...) -> None: ...
    def getresponse(self, buffering: bool = ...) -> HTTPResponse: ...  # type: ignore[override]
    def putrequest(self, method: str, url: str, skip_host: Union[bool, int] = ...,
                   skip_accept_encoding: Union[bool, int] = ...) -> None: ...
    # 2.7 applied str() to each value (D32).
    def putheader(self, header: Union[str, bytes], *values: Any) -> None: ...
    def endheaders(self, message_body: Optional[_Body] = ..., encode_chunked: bool = ...) -> None: ...  # type: ignore[override]
    def send(self, data: Union[_Body, Any]) -> None: ...
    def set_tunnel(self, host: str, port: Optional[int] = ..., headers: Optional[Mapping[str, str]] = ...) -> None: ...  # type: ignore[override]

class HTTPSConnection(HTTPConnection, http.client.HTTPSConnection):  # type: ignore[misc]
    key_file: Optional[str]
    cert_file: Optional[str]
    # 2.7.18's order: host, port, key_file, cert_file, strict, timeout, source_address, context (D04).
    def __init__(self, host: str, port: Optional[int] = ..., key_file: Optional[str] = ...,
                 cert_file: Optional[str] = ..., strict: Any = ..., timeout: _Timeout = ...,
                 source_address: Optional[Tuple[str, int]] = ...,
                 context: Optional[ssl.SSLContext] = ..., check_hostname: Optional[bool] = ...,
                 blocksize: int = ...) -> None: ...

class HTTP:
    # The 1.5.2-era interface 2.7 kept (D41).
    def __init__(self, host: str = ..., port: Optional[int] = ..., strict: Any = ...) -> None: ...
    def connect(self, host: Optional[str] = ..., port: Optional[int] = ...) -> None: ...
    def putrequest(self, method: str, url: str, skip_host: Union[bool, int] = ...,
                   skip_accept_encoding: Union[bool, int] = ...) -> None: ...
    def putheader(self, header: Union[str, bytes], *values: Any) -> None: ...
    def endheaders(self, message_body: Optional[_Body] = ...) -> None: ...
    def send(self, data: Union[_Body, Any]) -> None: ...
    def request(self, method: str, url: str, body: Optional[_Body] = ...,
                headers: Mapping[str, Any] = ...) -> None: ...
    def set_debuglevel(self, level: int) -> None: ...
    def getfile(self) -> Any: ...
    def getreply(self, buffering: bool = ...) -> Tuple[int, str, Optional[HTTPMessage]]: ...
    def close(self) -> None: ...

class HTTPS(HTTP):
    key_file: Optional[str]
    cert_file: Optional[str]
    def __init__(self, host: str = ..., port: Optional[int] = ..., key_file: Optional[str] = ...,
                 cert_file: Optional[str] = ..., strict: Any = ...,
                 context: Optional[ssl.SSLContext] = ...) -> None: ...

class LineAndFileWrapper(io.BufferedReader):
    def __init__(self, line: bytes, file: Any) -> None: ...

def FakeSocket(sock: Any, sslobj: Any) -> Any: ...
