# The native-str face: the same API as httplib_compat, with response bodies as
# latin-1 str (so `'error' in resp.read()` type-checks as it ran on 2.7).  The
# Python-2-only uses are @deprecated as in httplib_compat's stubs, with the same text.
from typing import Any, Iterator, List, Literal, Optional, overload

from typing_extensions import deprecated

import httplib_compat
# Status codes (plain ints, D43).
from httplib_compat import (CONTINUE as CONTINUE, SWITCHING_PROTOCOLS as SWITCHING_PROTOCOLS,
    PROCESSING as PROCESSING, OK as OK, CREATED as CREATED, ACCEPTED as ACCEPTED,
    NON_AUTHORITATIVE_INFORMATION as NON_AUTHORITATIVE_INFORMATION, NO_CONTENT as NO_CONTENT,
    RESET_CONTENT as RESET_CONTENT, PARTIAL_CONTENT as PARTIAL_CONTENT,
    MULTI_STATUS as MULTI_STATUS, IM_USED as IM_USED, MULTIPLE_CHOICES as MULTIPLE_CHOICES,
    MOVED_PERMANENTLY as MOVED_PERMANENTLY, FOUND as FOUND, SEE_OTHER as SEE_OTHER,
    NOT_MODIFIED as NOT_MODIFIED, USE_PROXY as USE_PROXY,
    TEMPORARY_REDIRECT as TEMPORARY_REDIRECT, BAD_REQUEST as BAD_REQUEST,
    UNAUTHORIZED as UNAUTHORIZED, PAYMENT_REQUIRED as PAYMENT_REQUIRED, FORBIDDEN as FORBIDDEN,
    NOT_FOUND as NOT_FOUND, METHOD_NOT_ALLOWED as METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE as NOT_ACCEPTABLE,
    PROXY_AUTHENTICATION_REQUIRED as PROXY_AUTHENTICATION_REQUIRED,
    REQUEST_TIMEOUT as REQUEST_TIMEOUT, CONFLICT as CONFLICT, GONE as GONE,
    LENGTH_REQUIRED as LENGTH_REQUIRED, PRECONDITION_FAILED as PRECONDITION_FAILED,
    REQUEST_ENTITY_TOO_LARGE as REQUEST_ENTITY_TOO_LARGE,
    REQUEST_URI_TOO_LONG as REQUEST_URI_TOO_LONG,
    UNSUPPORTED_MEDIA_TYPE as UNSUPPORTED_MEDIA_TYPE,
    REQUESTED_RANGE_NOT_SATISFIABLE as REQUESTED_RANGE_NOT_SATISFIABLE,
    EXPECTATION_FAILED as EXPECTATION_FAILED, UNPROCESSABLE_ENTITY as UNPROCESSABLE_ENTITY,
    LOCKED as LOCKED, FAILED_DEPENDENCY as FAILED_DEPENDENCY,
    UPGRADE_REQUIRED as UPGRADE_REQUIRED, INTERNAL_SERVER_ERROR as INTERNAL_SERVER_ERROR,
    NOT_IMPLEMENTED as NOT_IMPLEMENTED, BAD_GATEWAY as BAD_GATEWAY,
    SERVICE_UNAVAILABLE as SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT as GATEWAY_TIMEOUT,
    HTTP_VERSION_NOT_SUPPORTED as HTTP_VERSION_NOT_SUPPORTED,
    INSUFFICIENT_STORAGE as INSUFFICIENT_STORAGE, NOT_EXTENDED as NOT_EXTENDED)
from httplib_compat import (
    HTTP_PORT as HTTP_PORT, HTTPS_PORT as HTTPS_PORT, MAXAMOUNT as MAXAMOUNT,
    BadStatusLine as BadStatusLine, CannotSendHeader as CannotSendHeader,
    CannotSendRequest as CannotSendRequest, FakeSocket as FakeSocket,
    HTTPException as HTTPException, HTTPMessage as HTTPMessage,
    ImproperConnectionState as ImproperConnectionState, IncompleteRead as IncompleteRead,
    InvalidURL as InvalidURL, LineAndFileWrapper as LineAndFileWrapper,
    LineTooLong as LineTooLong, NotConnected as NotConnected,
    Py2CompatWarning as Py2CompatWarning, Py2TextWarning as Py2TextWarning,
    RemoteDisconnected as RemoteDisconnected, set_text_encoding as set_text_encoding,
    _CS_IDLE as _CS_IDLE, _CS_REQ_STARTED as _CS_REQ_STARTED, _CS_REQ_SENT as _CS_REQ_SENT,
    _UNKNOWN as _UNKNOWN,
    ResponseNotReady as ResponseNotReady, UnimplementedFileMode as UnimplementedFileMode,
    UnknownProtocol as UnknownProtocol, UnknownTransferEncoding as UnknownTransferEncoding,
    error as error, responses as responses,
)

__all__ = ['HTTP', 'HTTPResponse', 'HTTPConnection', 'HTTPException', 'NotConnected',
           'UnknownProtocol', 'UnknownTransferEncoding', 'UnimplementedFileMode',
           'IncompleteRead', 'InvalidURL', 'ImproperConnectionState', 'CannotSendRequest',
           'CannotSendHeader', 'ResponseNotReady', 'BadStatusLine', 'error', 'responses',
           'HTTPSConnection']

class HTTPResponse(httplib_compat.HTTPResponse):
    def read(self, amt: Optional[int] = None) -> str: ...  # type: ignore[override]
    def readline(self, limit: Optional[int] = -1) -> str: ...  # type: ignore[override]
    def readlines(self, hint: Optional[int] = -1) -> List[str]: ...  # type: ignore[override]
    def __iter__(self) -> Iterator[str]: ...  # type: ignore[override]
    def __next__(self) -> str: ...  # type: ignore[override]

class HTTPConnection(httplib_compat.HTTPConnection):
    @overload  # type: ignore[override]
    def getresponse(self, buffering: Literal[False] = False) -> HTTPResponse: ...
    @overload
    @deprecated("getresponse(buffering=True) is Python 2 httplib behaviour; on Python 3 use getresponse() (always buffered)")
    def getresponse(self, buffering: bool) -> HTTPResponse: ...

class HTTPSConnection(httplib_compat.HTTPSConnection):
    @overload  # type: ignore[override]
    def getresponse(self, buffering: Literal[False] = False) -> HTTPResponse: ...
    @overload
    @deprecated("getresponse(buffering=True) is Python 2 httplib behaviour; on Python 3 use getresponse() (always buffered)")
    def getresponse(self, buffering: bool) -> HTTPResponse: ...

# The legacy getfile(): the reply's socket file, read as latin-1 str.
class _Latin1File:
    def __init__(self, fp: Any) -> None: ...
    def read(self, amt: Optional[int] = -1) -> str: ...
    def readline(self, limit: int = -1) -> str: ...
    def readlines(self, hint: Optional[int] = -1) -> List[str]: ...
    def __iter__(self) -> Iterator[str]: ...
    def __next__(self) -> str: ...
    def next(self) -> str: ...
    def __getattr__(self, name: str) -> Any: ...  # close, fileno, closed...

@deprecated("httplib.HTTP is Python 2 httplib behaviour; on Python 3 use HTTPConnection (request()/getresponse())")
class HTTP(httplib_compat.HTTP):
    def getfile(self) -> Optional[_Latin1File]: ...  # type: ignore[override]

@deprecated("httplib.HTTPS is Python 2 httplib behaviour; on Python 3 use HTTPSConnection (request()/getresponse())")
class HTTPS(httplib_compat.HTTPS):
    def getfile(self) -> Optional[_Latin1File]: ...  # type: ignore[override]
