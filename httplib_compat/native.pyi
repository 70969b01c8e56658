# The native-str face: the same API as httplib_compat, with response bodies as
# latin-1 str (so `'error' in resp.read()` type-checks as it ran on 2.7).
from typing import Any, Iterator, List, Optional

import httplib_compat
from httplib_compat import *  # noqa: F401,F403
from httplib_compat import (HTTPMessage as HTTPMessage, HTTPException as HTTPException,
                            IncompleteRead as IncompleteRead, BadStatusLine as BadStatusLine,
                            LineTooLong as LineTooLong, responses as responses, error as error,
                            LineAndFileWrapper as LineAndFileWrapper, FakeSocket as FakeSocket,
                            Py2CompatWarning as Py2CompatWarning, HTTPS_PORT as HTTPS_PORT,
                            HTTP_PORT as HTTP_PORT, MAXAMOUNT as MAXAMOUNT)

class HTTPResponse(httplib_compat.HTTPResponse):
    def read(self, amt: Optional[int] = ...) -> str: ...  # type: ignore[override]
    def readline(self, limit: Optional[int] = ...) -> str: ...  # type: ignore[override]
    def readlines(self, hint: Optional[int] = ...) -> List[str]: ...  # type: ignore[override]
    def __iter__(self) -> Iterator[str]: ...  # type: ignore[override]
    def __next__(self) -> str: ...  # type: ignore[override]

class HTTPConnection(httplib_compat.HTTPConnection):
    def getresponse(self, buffering: bool = ...) -> HTTPResponse: ...

class HTTPSConnection(httplib_compat.HTTPSConnection):
    def getresponse(self, buffering: bool = ...) -> HTTPResponse: ...

class HTTP(httplib_compat.HTTP): ...

class HTTPS(httplib_compat.HTTPS): ...
