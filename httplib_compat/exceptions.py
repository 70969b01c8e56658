"""2.7's exception names.  Shared names are http.client's own classes (D39), so
``except http.client.HTTPException`` and ``except httplib.HTTPException`` catch
the same things; ``error`` is 2.7's alias of HTTPException."""
from http.client import (
    HTTPException, NotConnected, InvalidURL, UnknownProtocol,
    UnknownTransferEncoding, UnimplementedFileMode, IncompleteRead,
    ImproperConnectionState, CannotSendRequest, CannotSendHeader,
    ResponseNotReady, BadStatusLine, LineTooLong, RemoteDisconnected)

error = HTTPException

__all__ = ['HTTPException', 'NotConnected', 'InvalidURL', 'UnknownProtocol',
           'UnknownTransferEncoding', 'UnimplementedFileMode', 'IncompleteRead',
           'ImproperConnectionState', 'CannotSendRequest', 'CannotSendHeader',
           'ResponseNotReady', 'BadStatusLine', 'LineTooLong', 'RemoteDisconnected',
           'error']
