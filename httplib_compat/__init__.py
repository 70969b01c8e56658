"""Python 2.7's ``httplib`` for Python 2 code running on Python 3.6-3.15 and PyPy3.

Write ``import httplib_compat as httplib``.  On Python 2.7 this module *is* the
standard ``httplib`` (its very objects are re-exported); on Python 3 it is an
adapter built by subclassing ``http.client``.  This file is the one place where
the two interpreters part ways.
"""
import six

__version__ = '0.2.0'  # set before the submodules load: _internals may name it

from httplib_compat._warnings import Py2CompatWarning, Py2TextWarning
from httplib_compat._install import install, uninstall  # not in __all__: 2.7's own list

if six.PY2:
    import httplib as _httplib

    # Pass-through: every name of the real module, the same objects.
    globals().update(
        (name, value) for name, value in vars(_httplib).items()
        if not name.startswith('__'))
    __all__ = list(_httplib.__all__)
    del _httplib

    def set_text_encoding(encoding):
        """On 2.7 nothing to choose: a str is bytes and goes out as it is."""
        return None
else:
    from httplib_compat.constants import *  # noqa: F401,F403
    from httplib_compat.exceptions import *  # noqa: F401,F403
    from httplib_compat.message import HTTPMessage
    from httplib_compat.response import HTTPResponse
    from httplib_compat.connection import HTTPConnection, HTTPSConnection, set_text_encoding
    # 2.7's module-level names that code compares a connection's state with.
    from httplib_compat._internals import (
        CS_IDLE as _CS_IDLE, CS_REQ_SENT as _CS_REQ_SENT, CS_REQ_STARTED as _CS_REQ_STARTED,
        UNKNOWN as _UNKNOWN)
    from httplib_compat.legacy import HTTP, HTTPS, LineAndFileWrapper, FakeSocket

    # 2.7's own __all__ (D01): it names HTTP but not HTTPS, HTTPMessage, LineTooLong
    # or the status constants.
    __all__ = ['HTTP', 'HTTPResponse', 'HTTPConnection', 'HTTPException',
               'NotConnected', 'UnknownProtocol', 'UnknownTransferEncoding',
               'UnimplementedFileMode', 'IncompleteRead', 'InvalidURL',
               'ImproperConnectionState', 'CannotSendRequest', 'CannotSendHeader',
               'ResponseNotReady', 'BadStatusLine', 'error', 'responses',
               'HTTPSConnection']
