"""Python 2's view of the bytes on the wire, shared by the response, the
message and the connection: integers and whitespace as 2.7's ``str`` had them,
and 2.7's bounded ``readline`` with its ``LineTooLong`` text.

Python 3 only (the package's top passes the real httplib through on 2.7).
"""
from httplib_compat.exceptions import HTTPException, LineTooLong

# Python 2's str.strip()/split()/isspace(): ASCII whitespace only.  Python 3's
# str also strips '\x85', '\xa0' and '\x1c'-'\x1f' from latin-1 decoded text.
ASCII_WHITESPACE = ' \t\n\r\x0b\x0c'


def int27(text, base=10):
    """int() as 2.7 parsed a byte string (D47, D50): ASCII digits and ASCII
    blanks around them only, no '_' (Python 3 also takes '1_0' and, in a str,
    non-ASCII digits and blanks).  ``text`` is bytes or latin-1 str."""
    if text.__class__ is not bytes:
        try:
            text = text.encode('latin-1')
        except UnicodeEncodeError:
            raise ValueError(text)
    if b'_' in text:
        raise ValueError(text)
    return int(text, base)


def line_too_long(what, max_line):
    """2.7's LineTooLong(what), naming the limit in force (2.7 formatted the
    module's _MAXLINE; http.client's class formats its own 65536)."""
    error = LineTooLong.__new__(LineTooLong)
    HTTPException.__init__(error, 'got more than %d bytes when reading %s' % (max_line, what))
    return error


def readline_limited(fp, max_line, what):
    """One line of at most ``max_line`` bytes from ``fp``, else 2.7's LineTooLong(what)."""
    line = fp.readline(max_line + 1)
    if len(line) > max_line:
        raise line_too_long(what, max_line)
    return line
