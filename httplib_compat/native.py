"""The native-str face: ``import httplib_compat.native as httplib``.

The same API as ``httplib_compat``, but response bodies are native ``str``
decoded ISO-8859-1, as 2.7's byte strings were native ``str``: code such as
``if 'error' in resp.read()`` runs unchanged, and ``.encode('latin-1')`` gives
back the exact bytes (every byte 0-255 round-trips).  Reason, header values and
raw header lines are already latin-1 ``str`` in the default face.  Python 3
only extras (``readinto``, ``read1``, ``peek``) stay bytes.

On 2.7 this module is ``httplib_compat`` again (the real ``httplib``'s names):
2.7's ``str`` is already the native string.
"""
import sys

import httplib_compat as _default

# Every public name of the default face: constants, exceptions, responses, HTTPMessage...
globals().update((_name, _value) for _name, _value in vars(_default).items()
                 if not _name.startswith('__') and not isinstance(_value, type(sys))
                 and _name not in ('install', 'uninstall'))
__all__ = list(_default.__all__)

if sys.version_info[0] >= 3:

    def _native_partial(error):
        # 2.7's IncompleteRead.partial was a native str too.
        if isinstance(error.partial, bytes):
            error.partial = error.partial.decode('latin-1')

    class _StrLines(object):
        """readlines() and iteration built on a readline() that returns str
        (IOBase's versions would go through the bytes-level methods)."""

        def readlines(self, hint=-1):
            lines, total = [], 0
            while hint is None or hint <= 0 or total <= hint:  # as io: stop once past it
                line = self.readline()
                if not line:
                    break
                lines.append(line)
                total += len(line)
            return lines

        def __next__(self):
            line = self.readline()
            if not line:
                raise StopIteration
            return line

    class HTTPResponse(_StrLines, _default.HTTPResponse):
        """A response whose body reads (``read``, ``readline``, ``readlines``,
        iteration) return latin-1 ``str``."""

        _httplib = sys.modules[__name__]  # its HTTPMessage; the limits are both faces' (_Face)

        def read(self, amt=None):
            try:
                return _default.HTTPResponse.read(self, amt).decode('latin-1')
            except _default.IncompleteRead as error:
                _native_partial(error)
                raise

        def readline(self, limit=-1):
            try:
                return self._readline_bytes(limit).decode('latin-1')
            except _default.IncompleteRead as error:
                _native_partial(error)
                raise

        def _readline_bytes(self, limit):
            if limit is None:
                limit = -1
            if not self.chunked:
                return _default.HTTPResponse.readline(self, limit)
            # Chunked: http.client falls back to IOBase.readline, which calls
            # self.read() and would get our str; build the line from bytes here.
            line = b''
            while limit < 0 or len(line) < limit:
                ahead = _default.HTTPResponse.peek(self, 1)
                end = ahead.find(b'\n') + 1 or len(ahead) or 1
                if limit >= 0:
                    end = min(end, limit - len(line))
                try:
                    piece = _default.HTTPResponse.read(self, end)
                except _default.IncompleteRead as error:
                    error.partial = line + error.partial  # keep what this line already had
                    raise
                if not piece:
                    break
                line += piece
                if line.endswith(b'\n'):
                    break
            return line

    class HTTPConnection(_default.HTTPConnection):
        response_class = HTTPResponse

    class HTTPSConnection(_default.HTTPSConnection):
        response_class = HTTPResponse

    class _Latin1File(_StrLines):
        """The legacy getfile(): the reply's socket file, read as latin-1 str."""

        def __init__(self, fp):
            self._fp = fp

        def read(self, amt=-1):
            return self._fp.read(-1 if amt is None else amt).decode('latin-1')

        def readline(self, limit=-1):
            return self._fp.readline(limit).decode('latin-1')

        def readlines(self, hint=-1):
            return [line.decode('latin-1') for line in self._fp.readlines(hint)]

        def __iter__(self):
            return self

        # 2.7's getfile() file (socket._fileobject) had next(); 2to3'd code
        # that finds it calls __next__ (issue 12.6).  The response has neither.
        next = _StrLines.__next__

        def __getattr__(self, name):  # close, fileno, closed...
            return getattr(self._fp, name)

    class HTTP(_default.HTTP):
        _connection_class = HTTPConnection

        def getfile(self):
            fp = _default.HTTP.getfile(self)
            return fp if fp is None else _Latin1File(fp)

    class HTTPS(_default.HTTPS):
        _connection_class = HTTPSConnection
        getfile = HTTP.getfile

    _SHARED_SETTINGS = ('_MAXLINE', '_MAXHEADERS', 'MAXAMOUNT')

    class _Face(type(sys)):
        """This module's type: the read limits are one setting shared with the
        default face, as 2.7 had one ``httplib`` (``httplib._MAXHEADERS = 1000``
        through either face is read by both, and by the shared HTTPMessage)."""

        def __dir__(self):
            return sorted(set(super().__dir__()) | set(_SHARED_SETTINGS))

    def _shared_setting(name):
        return property(lambda face: getattr(_default, name),
                        lambda face, value: setattr(_default, name, value),
                        lambda face: delattr(_default, name),
                        doc='httplib_compat.%s (one setting for both faces)' % name)

    for _name in _SHARED_SETTINGS:
        setattr(_Face, _name, _shared_setting(_name))
        del globals()[_name]  # the property answers; no stale copy in vars()
    sys.modules[__name__].__class__ = _Face
    del _name
