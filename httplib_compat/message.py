"""HTTPMessage: 2.7's mimetools/rfc822 message on top of http.client's (D17-D27).

One pass over the header block fills three views at once: the raw lines (2.7's
``headers``), the lower-case merged mapping (2.7's ``dict``) and the email
package's ``_headers`` list, so both the Python 2 API and Python 3's
``get_all``/``get_content_type``/``as_string`` answer from the same parse.
A subclass that overrides one of 2.7's parsing hooks (``readheaders``,
``iscomment``, ``islast``, ``isheader``, ``addheader``, ``addcontinue``) gets
2.7's parse instead, which calls them.
Content-Type is parsed lazily, on the first use of ``gettype()`` and friends.
Where 2.7 answered in dict order (keys, values, items, iteration) the shim gives
the order in which the header names first arrived.

Limits: the line length and header count are the package's ``_MAXLINE`` and
``_MAXHEADERS`` as set when the headers are read (``httplib_compat.native``
forwards both names to the package, so either face sets the one value), or the
constructor's ``max_headers``.  Every line of the header block but the last
counts against the header count, as in 3.x; 2.7 counted header and
continuation lines only, and read other lines without end.
"""
import email.message as _email_message
import http.client as _client
import re

import httplib_compat
from httplib_compat._internals import Policy as _Policy, STR_HAS_ISASCII
from httplib_compat._py2text import ASCII_WHITESPACE as _WHITESPACE, int27, line_too_long
from httplib_compat._warnings import warn_py2
from httplib_compat.exceptions import HTTPException

_ASCII_LOWER = dict((code, code + 32) for code in range(ord('A'), ord('Z') + 1))
_LAZY_TYPE_ATTRIBUTES = frozenset(['type', 'maintype', 'subtype', 'plisttext', 'plist'])

if STR_HAS_ISASCII:
    def _lower(name):
        """Python 2's str.lower(): ASCII letters only ('\\xc0' stays '\\xc0')."""
        if name.isascii():
            return name.lower()
        return name.translate(_ASCII_LOWER)
else:
    def _lower(name):
        """Python 2's str.lower(): ASCII letters only ('\\xc0' stays '\\xc0')."""
        try:
            name.encode('ascii')
        except UnicodeError:
            return name.translate(_ASCII_LOWER)
        return name.lower()


_MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov',
                'dec', 'january', 'february', 'march', 'april', 'may', 'june', 'july',
                'august', 'september', 'october', 'november', 'december']
_DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
_ZONE_HOURS = {'UT': 0, 'UTC': 0, 'GMT': 0, 'Z': 0, 'AST': -400, 'ADT': -300,
               'EST': -500, 'EDT': -400, 'CST': -600, 'CDT': -500,
               'MST': -700, 'MDT': -600, 'PST': -800, 'PDT': -700}
_split_words = re.compile('[%s]+' % _WHITESPACE).split


def _parsedate_tz27(data):
    """rfc822.parsedate_tz (D27): unlike email.utils it keeps two-digit years,
    sets isdst to 0 and gives no offset (None) for a date without a zone."""
    words = [word for word in _split_words(data) if word]
    if not words:
        return None
    if words[0][-1] in ',.' or _lower(words[0]) in _DAY_NAMES:
        del words[0]  # the day name
    else:
        words[0] = words[0][words[0].rfind(',') + 1:]  # 'Sun,06' -> '06'
    if len(words) == 3:  # RFC 850: 06-Nov-94 08:49:37 GMT
        pieces = words[0].split('-')
        if len(pieces) == 3:
            words = pieces + words[1:]
    if len(words) == 4:
        plus = words[3].find('+')
        if plus > 0:
            words[3:] = [words[3][:plus], words[3][plus + 1:]]
        else:
            words.append('')
    if len(words) < 5:
        return None
    day, month, year, clock, zone = words[:5]
    month = _lower(month)
    if month not in _MONTH_NAMES:
        day, month = month, _lower(day)
        if month not in _MONTH_NAMES:
            return None
    month = _MONTH_NAMES.index(month) % 12 + 1
    day = day[:-1] if day[-1:] == ',' else day
    if year.find(':') > 0:
        year, clock = clock, year
    year = year[:-1] if year[-1:] == ',' else year
    if not '0' <= year[:1] <= '9':
        year, zone = zone, year
    clock = clock[:-1] if clock[-1:] == ',' else clock
    clock = clock.split(':')
    if len(clock) == 2:
        clock.append('0')
    if len(clock) != 3:
        return None
    try:
        year, day, hour, minute, second = [int27(word) for word in [year, day] + clock]
    except ValueError:
        return None  # also where 2.7 hit an IndexError on an empty word
    zone = zone.upper()
    offset = _ZONE_HOURS.get(zone)
    if offset is None:
        try:
            offset = int27(zone)
        except ValueError:
            pass
    if offset:
        sign = -1 if offset < 0 else 1
        offset = abs(offset)
        offset = sign * ((offset // 100) * 3600 + (offset % 100) * 60)
    return (year, month, day, hour, minute, second, 0, 1, 0, offset)


def _unquote(value):
    """rfc822.unquote: drop one pair of surrounding quotes or angle brackets."""
    if len(value) > 1:
        if value.startswith('"') and value.endswith('"'):
            return value[1:-1].replace('\\\\', '\\').replace('\\"', '"')
        if value.startswith('<') and value.endswith('>'):
            return value[1:-1]
    return value


def _starts_blank(line):
    """rfc822's test for the continuation of a stored header line: it starts
    with whitespace (``line[:1].isspace()`` on a Python 2 str)."""
    return line != '' and line[0] in _WHITESPACE


def _continued(value, more):
    """A header's value after a continuation line (D19): the stripped pieces
    joined with '\\n ', as 2.7's getheaders() gives them."""
    return value + '\n ' + more if value else more


def _email_pairs(lines):
    """The email view's (name, value) list for raw header lines that a
    subclass's own readheaders() left: what getheaders() reads from them."""
    pairs = []
    current = False  # whether a continuation line belongs to pairs[-1]
    for line in lines:
        if current and _starts_blank(line):
            name, value = pairs[-1]
            pairs[-1] = (name, _continued(value, line.strip(_WHITESPACE)))
            continue
        colon = line.find(':')
        current = colon > 0
        if current:
            pairs.append((line[:colon], line[colon + 1:].strip(_WHITESPACE)))
    return pairs


class _Addresses27(object):
    """rfc822.AddressList(field).addresslist: 2.7's reading of an address list
    (D27), malformed input included ('<<x' gives [('', ''), ('', 'x')]), which
    the email package reads otherwise.

    Two deliberate differences: nested comments are read with a counter and
    groups with a list, where 2.7 recursed (a header of many '(' or 'g:' raised
    RuntimeError); and a domain that runs into a second '@' gives the empty
    address, as 3.x's email does since CVE-2019-16056 (2.7: 'a@b' of 'a@b@c').
    """

    _SPECIALS = '()<>@,:;."[]'
    _ATOM_ENDS = _SPECIALS + ' \t\r\n'
    _PHRASE_ENDS = _ATOM_ENDS.replace('.', '')

    def __init__(self, field):
        self.field = field
        self.pos = 0
        self.comments = []

    def read(self):
        addresses = []
        if self.field:
            found = self._address()
            while found:
                addresses += found
                found = self._address()
        return addresses

    def _at(self, chars):
        """Whether the next character is one of ``chars``."""
        return self.pos < len(self.field) and self.field[self.pos] in chars

    def _skip(self):
        """Blanks, line ends and comments (kept in self.comments)."""
        while self.pos < len(self.field):
            char = self.field[self.pos]
            if char in ' \t\n\r':
                self.pos += 1
            elif char == '(':
                self.comments.append(self._delimited(')\r', True))
            else:
                break

    def _address(self):
        """rfc822's getaddress(): the next address, a group's addresses, or []."""
        groups = []  # the addresses of each group being read, innermost last
        while True:
            found = self._address_start()
            if found is None:
                groups.append([])
            else:
                found = self._address_end(found)
                if not groups:
                    return found
                groups[-1] += found
            while groups and self._group_ends():
                found = self._address_end(groups.pop())
                if not groups:
                    return found
                groups[-1] += found

    def _address_start(self):
        """One address up to what follows it; None when a group opens."""
        self.comments = []
        self._skip()
        start, start_comments = self.pos, self.comments
        phrase = self._phrase()
        self._skip()
        if self.pos >= len(self.field):
            return [(' '.join(self.comments), phrase[0])] if phrase else []
        char = self.field[self.pos]
        if char in '.@':  # a bare addr-spec: read again from its start
            self.pos, self.comments = start, start_comments
            spec = self._addr_spec()
            return [(' '.join(self.comments), spec)]
        if char == ':':
            self.pos += 1
            return None
        if char == '<':
            route = self._route_addr()
            if self.comments:
                return [(' '.join(phrase) + ' (' + ' '.join(self.comments) + ')', route)]
            return [(' '.join(phrase), route)]
        if phrase:
            return [(' '.join(self.comments), phrase[0])]
        if char in self._SPECIALS:
            self.pos += 1
        return []

    def _address_end(self, found):
        self._skip()
        if self._at(','):
            self.pos += 1
        return found

    def _group_ends(self):
        """After a group's ':' or member: whether the group ends here."""
        if self.pos >= len(self.field):
            return True
        self._skip()
        if self._at(';'):
            self.pos += 1
            return True
        return False

    def _route_addr(self):
        """'<' [route ':'] addr-spec '>': the addr-spec."""
        expect_route = False
        self.pos += 1
        self._skip()
        spec = ''
        while self.pos < len(self.field):
            char = self.field[self.pos]
            if expect_route:
                self._domain()
                expect_route = False
            elif char == '>':
                self.pos += 1
                break
            elif char == '@':
                self.pos += 1
                expect_route = True
            elif char == ':':
                self.pos += 1
            else:
                spec = self._addr_spec()
                self.pos += 1
                break
            self._skip()
        return spec

    def _addr_spec(self):
        parts = []
        self._skip()
        while self.pos < len(self.field):
            char = self.field[self.pos]
            if char == '.':
                parts.append('.')
                self.pos += 1
            elif char == '"':
                parts.append('"%s"' % self._delimited('"\r', False))
            elif char in self._ATOM_ENDS:
                break
            else:
                parts.append(self._atom(self._ATOM_ENDS))
            self._skip()
        if not self._at('@'):
            return ''.join(parts)
        parts.append('@')
        self.pos += 1
        self._skip()
        domain = self._domain()
        if domain is None:
            return ''
        return ''.join(parts) + domain

    def _domain(self):
        """The domain's text, or None if it runs into another '@'."""
        parts = []
        while self.pos < len(self.field):
            char = self.field[self.pos]
            if char in ' \t':
                self.pos += 1
            elif char == '(':
                self.comments.append(self._delimited(')\r', True))
            elif char == '[':
                parts.append('[%s]' % self._delimited(']\r', False))
            elif char == '.':
                self.pos += 1
                parts.append('.')
            elif char == '@':
                return None
            elif char in self._ATOM_ENDS:
                break
            else:
                parts.append(self._atom(self._ATOM_ENDS))
        return ''.join(parts)

    def _delimited(self, ends, nested_comments):
        """The text from the opening character at self.pos to its closing one
        (one of ``ends``): a backslash quotes the next character; with
        ``nested_comments`` an inner '(...)' adds its text without parentheses."""
        field = self.field
        pieces = []
        depth = 1
        quoted = False
        self.pos += 1
        while self.pos < len(field):
            char = field[self.pos]
            self.pos += 1
            if quoted:
                pieces.append(char)
                quoted = False
            elif char in ends:
                depth -= 1
                if depth == 0:
                    break
            elif nested_comments and char == '(':
                depth += 1
            elif char == '\\':
                quoted = True
            else:
                pieces.append(char)
        return ''.join(pieces)

    def _atom(self, ends):
        start = self.pos
        while self.pos < len(self.field) and self.field[self.pos] not in ends:
            self.pos += 1
        return self.field[start:self.pos]

    def _phrase(self):
        """Words (atoms, which may hold '.', and quoted strings) up to a special."""
        words = []
        while self.pos < len(self.field):
            char = self.field[self.pos]
            if char in ' \t':
                self.pos += 1
            elif char == '"':
                words.append(self._delimited('"\r', False))
            elif char == '(':
                self.comments.append(self._delimited(')\r', True))
            elif char in self._PHRASE_ENDS:
                break
            else:
                words.append(self._atom(self._PHRASE_ENDS))
        return words


class _TextLines(object):
    """The message's file as an overridden readheaders() reads it: lines of
    latin-1 str, as 2.7's lines were str; its other methods pass through."""

    def __init__(self, file):
        self.file = file

    def readline(self, *size):
        line = self.file.readline(*size)
        return line if line.__class__ is str else line.decode('latin-1')

    def __iter__(self):
        return iter(self.readline, '')

    def __getattr__(self, name):
        return getattr(self.file, name)


def _too_many_headers(bound):
    return HTTPException('got more than %d headers' % bound)


class SeekableOfResponse(int):
    """``seekable`` as the shim's own responses pass it (2.7's values): a message
    they build, also through a subclass set as ``httplib.HTTPMessage``, does not
    warn that ``HTTPMessage(fp)`` is Python 2 only."""


class HTTPMessage(_client.HTTPMessage):
    """A response's headers, with the API of 2.7's ``httplib.HTTPMessage``
    (``mimetools.Message`` / ``rfc822.Message``) where a name means something
    else on Python 3, and the ``email.message.Message`` API everywhere else.

    ``max_headers`` bounds the lines of the header block (None: the package's
    ``_MAXHEADERS`` when the headers are read)."""

    def __init__(self, fp=None, seekable=1, max_headers=None, **email_kwargs):
        # D20: 2.7 builds the message from a file object and reads its headers.
        if isinstance(fp, _Policy):  # Python 3's HTTPMessage(policy) keeps working
            fp, email_kwargs['policy'] = None, fp
        super(HTTPMessage, self).__init__(**email_kwargs)
        self.fp = fp
        self.startofheaders = None
        self.startofbody = None
        self._header_line_bound = max_headers
        self._dict = {}
        self._lines = []
        self.status = ''
        self.unixfrom = ''
        if fp is None:
            self.seekable = 0
        else:
            # Python 3's HTTPMessage(fp) ignored fp; the shim's own responses do not warn.
            if seekable.__class__ is SeekableOfResponse:
                seekable = int(seekable)
            else:
                warn_py2('HTTPMessage(fp)', 'http.client.parse_headers(fp)')
            if seekable == 1:
                try:
                    fp.tell()
                except (AttributeError, IOError):
                    seekable = 0
            self.seekable = seekable
            if seekable:
                try:
                    self.startofheaders = fp.tell()
                except IOError:
                    self.seekable = 0
            if _overrides_a_hook(type(self)):
                self._read_headers_of_subclass()
            else:
                self._read_header_block(
                    httplib_compat._MAXHEADERS if max_headers is None else max_headers)
            if self.seekable:
                try:
                    self.startofbody = fp.tell()
                except IOError:
                    self.seekable = 0
        # D24: mimetools reads these two at construction; the rest is lazy.
        self.typeheader = self._dict.get('content-type')
        self.encodingheader = self._dict.get('content-transfer-encoding')

    def _header_bound(self):
        bound = getattr(self, '_header_line_bound', None)
        return httplib_compat._MAXHEADERS if bound is None else bound

    def _header_lines(self):
        """The lines of the header block as latin-1 str, read with the limits in
        force: at most _MAXLINE bytes each (D46), and at most the header bound of
        them before the last.  2.7 counted only the header and continuation lines
        it kept; 3.x counts every line, so 'From ' lines, lines without a name
        and non-header lines (which 2.7 read without end) count too (issue 14.2)."""
        readline = self.fp.readline
        max_line = httplib_compat._MAXLINE
        max_headers = self._header_bound()
        count = 0
        while True:
            if count > max_headers:
                raise _too_many_headers(max_headers)
            line = readline(max_line + 1)
            if len(line) > max_line:
                raise line_too_long('header line', max_line)
            if not line:
                return
            count += 1
            yield line if line.__class__ is str else line.decode('latin-1')

    def _read_header_block(self, max_headers):
        """2.7's HTTPMessage.readheaders, in one pass filling all three views;
        ``max_headers`` is the header bound in force (_header_bound())."""
        self._dict = fields = {}
        self._lines = lines = []
        self._headers = pairs = []
        self.status = ''
        self.unixfrom = ''
        headerseen = ''
        firstline = True
        # The reads of _header_lines(), inline: this loop runs for every response,
        # and the generator costs 1.4 % more instructions per 40-header parse.
        readline = self.fp.readline
        max_line = httplib_compat._MAXLINE
        count = 0
        while True:
            if count > max_headers:
                raise _too_many_headers(max_headers)
            line = readline(max_line + 1)
            if len(line) > max_line:
                raise line_too_long('header line', max_line)
            if not line:
                self.status = 'EOF in headers'
                break
            count += 1
            if line.__class__ is not str:
                line = line.decode('latin-1')
            if firstline and line.startswith('From '):
                self.unixfrom += line
                continue
            firstline = False
            if headerseen and line[0] in ' \t':
                # D19: 2.7 strips the pieces of a folded value, joins with '\n '.
                lines.append(line)
                more = line.strip(_WHITESPACE)
                fields[headerseen] = fields[headerseen] + '\n ' + more
                name, value = pairs[-1]
                pairs[-1] = (name, _continued(value, more))
                continue
            if line == '\r\n' or line == '\n':
                break
            colon = line.find(':')
            if colon > 0:
                # D17: split at the first colon, strip both ends, keep 'c ' names.
                name = line[:colon]
                headerseen = _lower(name)
                value = line[colon + 1:].strip(_WHITESPACE)
                lines.append(line)
                previous = fields.get(headerseen)
                # D15/D21: repeats merged with ', ' in wire order.
                fields[headerseen] = value if previous is None else previous + ', ' + value
                pairs.append((name, value))
            elif colon == 0:
                headerseen = ''  # empty name: 2.7 skips the line silently
            else:
                # D18: 2.7 skips a non-header line and keeps reading.
                headerseen = None
                self.status = 'Non-header line where header expected'

    def _read_headers_of_subclass(self):
        """The constructor's parse for a class that overrides a hook: 2.7 called
        self.readheaders(), which called the other hooks."""
        if type(self).readheaders is _PLAIN_READHEADERS:
            self._read_headers_with_hooks()
            return
        self._lines = self._headers_read_from = None
        fp = self.fp = _TextLines(self.fp)
        try:
            self.readheaders()
        finally:
            if self.fp is fp:
                self.fp = fp.file
        if self._lines is None:
            self._lines = []
        if self.__dict__.pop('_headers_read_from') is not self._lines:
            # The override kept lines of its own: the email view follows them.
            self._headers = _email_pairs(self._lines)

    def _read_headers_with_hooks(self):
        """2.7's HTTPMessage.readheaders, step for step: the hooks a subclass
        overrides are called with 2.7's arguments in 2.7's order.  The email view
        gets each line that isheader() accepted, as stored in ``headers``, with the
        value passed to addheader(), so get_all() answers as getheaders() does."""
        iscomment, islast, isheader, addheader, addcontinue = [
            self._hook(name) for name in ('iscomment', 'islast', 'isheader', 'addheader',
                                          'addcontinue')]
        self._dict = {}
        self.unixfrom = ''
        self._lines = lines = []
        self._headers_read_from = lines
        self._headers = pairs = []
        self.status = ''
        headerseen = ''
        firstline = True
        for line in self._header_lines():
            if firstline and line.startswith('From '):
                self.unixfrom = self.unixfrom + line
                continue
            firstline = False
            if headerseen and line[0] in ' \t':
                lines.append(line)
                more = line.strip(_WHITESPACE)
                addcontinue(headerseen, more)
                if pairs:
                    name, value = pairs[-1]
                    pairs[-1] = (name, _continued(value, more))
                continue
            elif iscomment(line):
                continue
            elif islast(line):
                break
            headerseen = isheader(line)
            if headerseen:
                lines.append(line)
                value = line[len(headerseen) + 1:].strip(_WHITESPACE)
                addheader(headerseen, value)
                name = line[:len(headerseen)]
                pairs.append((name if _lower(name) == _lower(headerseen) else headerseen, value))
            elif headerseen is None:
                self.status = 'Non-header line where header expected'
        else:
            self.status = 'EOF in headers'

    def _hook(self, name):
        """The method 2.7's readheaders calls for hook ``name``: the subclass's,
        or the shim's own without its migration warning."""
        method = getattr(self, name)
        if getattr(method, '__func__', None) is _PLAIN_HOOKS[name]:
            return getattr(self, '_plain_' + name)
        return method

    def __getattr__(self, name):
        # D24: mimetools' parsetype()/parseplist() results, computed on first use.
        if name in _LAZY_TYPE_ATTRIBUTES and 'typeheader' in self.__dict__:
            self._parse_content_type_once()
            return self.__dict__[name]
        raise AttributeError(name)

    def _parse_content_type_once(self):
        """What mimetools did at construction, done now if not yet done."""
        if 'plist' not in self.__dict__:
            self._parse_type()
            self._parse_plist()

    # -- Python 2 only attributes (D23) -------------------------------------

    @property
    def dict(self):
        warn_py2('msg.dict', 'dict(msg.items()) or msg.get(name)')
        return self._dict

    @dict.setter
    def dict(self, value):
        self._dict = value

    @property
    def headers(self):
        warn_py2('msg.headers', 'msg.raw_items() or msg.as_string()')
        return self._lines

    @headers.setter
    def headers(self, value):
        self._lines = value

    # -- 2.7 meanings of names Python 3 also has (D21, D22, D25, D26) --------

    def get(self, name, default=None):
        # D21: 2.7's get is getheader: merged repeats, lower-cased lookup.
        return self._dict.get(_lower(name), default)

    def __getitem__(self, name):
        # D21: 2.7 raises KeyError for a missing header.
        return self._dict[_lower(name)]

    def __contains__(self, name):
        return _lower(name) in self._dict

    def __len__(self):
        # D22: 2.7 counts names, not lines.
        return len(self._dict)

    def __iter__(self):
        # D22: lower-case names, one per name (first-seen order).
        return iter(self._dict)

    def keys(self):
        return list(self._dict)

    def values(self):
        return list(self._dict.values())

    def items(self):
        # D15/D22: 2.7's shape: lower-case names, merged values.
        return list(self._dict.items())

    def __str__(self):
        # D25: 2.7 prints the raw header lines as received.
        return ''.join(self._lines)

    def __setitem__(self, name, value):
        # D26: 2.7 replaces every earlier value instead of appending one.
        self.__delitem__(name)
        self._dict[_lower(name)] = value
        for piece in (name + ': ' + value).split('\n'):
            self._lines.append(piece + '\n')
        self._headers.append((name, value))

    def __delitem__(self, name):
        key = _lower(name)
        if key not in self._dict:
            return
        del self._dict[key]
        drop = set(self._matching_indexes(key))
        self._lines[:] = [line for i, line in enumerate(self._lines) if i not in drop]
        self._headers[:] = [(k, v) for k, v in self._headers if _lower(k) != key]

    def _matching_indexes(self, key):
        """Indexes of the raw lines of header ``key`` (lower case) and their
        continuations: rfc822's rule, a line starting with whitespace continues."""
        prefix = key + ':'
        n = len(prefix)
        indexes = []
        hit = False
        for i, line in enumerate(self._lines):
            if _lower(line[:n]) == prefix:
                hit = True
            elif not (line and line[0] in _WHITESPACE):  # _starts_blank, inlined
                hit = False
            if hit:
                indexes.append(i)
        return indexes

    # -- Python 3 mutators keep the Python 2 views in step -------------------

    def set_raw(self, name, value):
        # The email parser's way in (http.client.parse_headers(fp, HTTPMessage)).
        super(HTTPMessage, self).set_raw(name, value)
        self._add_to_python2_views(name, value)
        key = _lower(name)
        if key == 'content-type':
            self.typeheader = self._dict[key]
        elif key == 'content-transfer-encoding':
            self.encodingheader = self._dict[key]

    def add_header(self, _name, _value, **_params):
        # email's add_header appends through m[k] = v, which replaces here (D26):
        # format the value on a scratch message, then append it.
        scratch = _email_message.Message(policy=self.policy)
        scratch.add_header(_name, _value, **_params)
        for name, value in scratch.raw_items():
            self._headers.append((name, value))
            self._add_to_python2_views(name, value)

    def replace_header(self, _name, _value):
        super(HTTPMessage, self).replace_header(_name, _value)
        key = _lower(_name)
        values = [str(v) for k, v in self._headers if _lower(k) == key]
        self._dict[key] = ', '.join(values)
        indexes = self._matching_indexes(key)
        first = [(k, v) for k, v in self._headers if _lower(k) == key][0]
        line = '%s: %s\r\n' % (first[0], first[1])
        if indexes:
            end = indexes[0] + 1
            while end in indexes:
                end += 1
            self._lines[indexes[0]:end] = [line]
        else:
            self._lines.append(line)

    def _add_to_python2_views(self, name, value):
        value = str(value)
        key = _lower(name)
        previous = self._dict.get(key)
        self._dict[key] = value if previous is None else previous + ', ' + value
        self._lines.append('%s: %s\r\n' % (name, value))

    # -- rfc822.Message / httplib.HTTPMessage: Python 2 only names -----------

    def getheader(self, name, default=None):
        warn_py2('msg.getheader()', 'msg.get(name, default) or response.getheader(name)')
        return self._dict.get(_lower(name), default)

    def getheaders(self, name):
        warn_py2('msg.getheaders()', 'msg.get_all(name, [])')
        result = []
        current = ''
        have_header = False
        for line in self._matching_lines(name):
            if _starts_blank(line):
                if current:
                    current = '%s\n %s' % (current, line.strip(_WHITESPACE))
                else:
                    current = line.strip(_WHITESPACE)
            else:
                if have_header:
                    result.append(current)
                current = line[line.find(':') + 1:].strip(_WHITESPACE)
                have_header = True
        if have_header:
            result.append(current)
        return result

    def has_key(self, name):
        warn_py2('msg.has_key()', 'name in msg')
        return _lower(name) in self._dict

    def setdefault(self, name, default=''):
        warn_py2('msg.setdefault()', 'msg.get(name) and msg[name] = value')
        key = _lower(name)
        if key in self._dict:
            return self._dict[key]
        for piece in (name + ': ' + default).split('\n'):
            self._lines.append(piece + '\n')
        self._dict[key] = default
        self._headers.append((name, default))
        return default

    def getallmatchingheaders(self, name):
        # D23: 3.x kept the name but it always returned [].
        warn_py2('msg.getallmatchingheaders()', 'msg.get_all(name)')
        return self._matching_lines(name)

    def _matching_lines(self, name):
        lines = self._lines
        return [lines[i] for i in self._matching_indexes(_lower(name))]

    def _first_matching_lines(self, name):
        prefix = _lower(name) + ':'
        n = len(prefix)
        found = []
        hit = False
        for line in self._lines:
            if hit:
                if not _starts_blank(line):
                    break
            elif _lower(line[:n]) == prefix:
                hit = True
            if hit:
                found.append(line)
        return found

    def getfirstmatchingheader(self, name):
        warn_py2('msg.getfirstmatchingheader()', 'msg.get(name)')
        return self._first_matching_lines(name)

    def getrawheader(self, name):
        warn_py2('msg.getrawheader()', 'msg.get(name)')
        found = self._first_matching_lines(name)
        if not found:
            return None
        found[0] = found[0][len(name) + 1:]
        return ''.join(found)

    # 2.7's parsing hooks: a subclass that overrides any of them is parsed by
    # _read_headers_with_hooks, which calls the _plain_ versions of the others.

    def addheader(self, key, value):
        # D26: 2.7 updates only the dict (not headers, not getheaders()).
        warn_py2('msg.addheader()', 'msg.add_header(name, value)')
        self._plain_addheader(key, value)

    def _plain_addheader(self, key, value):
        previous = self._dict.get(key)
        self._dict[key] = value if previous is None else ', '.join((previous, value))

    def addcontinue(self, key, more):
        warn_py2('msg.addcontinue()', 'msg.replace_header(name, value)')
        self._plain_addcontinue(key, more)

    def _plain_addcontinue(self, key, more):
        self._dict[key] = self._dict[key] + '\n ' + more

    def readheaders(self):
        warn_py2('msg.readheaders()', 'http.client.parse_headers(fp)')
        if _overrides_a_hook(type(self)):
            self._read_headers_with_hooks()
        else:
            self._read_header_block(self._header_bound())

    def isheader(self, line):
        warn_py2('msg.isheader()', 'http.client.parse_headers(fp)')
        return self._plain_isheader(line)

    def _plain_isheader(self, line):
        i = line.find(':')
        if i > -1:
            return _lower(line[:i])
        return None

    def islast(self, line):
        warn_py2('msg.islast()', 'http.client.parse_headers(fp)')
        return self._plain_islast(line)

    def _plain_islast(self, line):
        return line in ('\r\n', '\n')

    def iscomment(self, line):
        warn_py2('msg.iscomment()', 'http.client.parse_headers(fp)')
        return self._plain_iscomment(line)

    def _plain_iscomment(self, line):
        return False

    def rewindbody(self):
        warn_py2('msg.rewindbody()', 'fp.seek(offset)')
        if not self.seekable:
            raise IOError('unseekable file')
        self.fp.seek(self.startofbody)

    # -- dates and addresses (D27) -------------------------------------------

    def getdate(self, name):
        warn_py2('msg.getdate()', 'email.utils.parsedate(msg.get(name))')
        data = self._dict.get(_lower(name))
        parsed = None if data is None else _parsedate_tz27(data)
        return None if parsed is None else parsed[:9]

    def getdate_tz(self, name):
        warn_py2('msg.getdate_tz()', 'email.utils.parsedate_tz(msg.get(name))')
        data = self._dict.get(_lower(name))
        return None if data is None else _parsedate_tz27(data)

    def getaddr(self, name):
        warn_py2('msg.getaddr()', 'email.utils.parseaddr(msg.get(name))')
        addresses = self._address_list(name)
        if addresses:
            return addresses[0]
        return (None, None)

    def getaddrlist(self, name):
        warn_py2('msg.getaddrlist()', 'email.utils.getaddresses(msg.get_all(name, []))')
        return self._address_list(name)

    def _address_list(self, name):
        # rfc822.Message.getaddrlist: every matching header, joined with ', '.
        raw = []
        address = ''
        for line in self._matching_lines(name):
            if line[0] in ' \t':
                raw.append(line)
            else:
                if raw:
                    raw.append(', ')
                colon = line.find(':')
                if colon > 0:
                    address = line[colon + 1:]
                raw.append(address)  # (2.7 reused the previous one here, or crashed)
        return _Addresses27(''.join(raw)).read()

    # -- mimetools.Message: Content-Type (D24) -------------------------------

    def _parse_type(self):
        text = self.typeheader
        if text is None:
            text = 'text/plain'
        if ';' in text:
            i = text.index(';')
            self.plisttext = text[i:]
            text = text[:i]
        else:
            self.plisttext = ''
        fields = [_lower(field.strip(_WHITESPACE)) for field in text.split('/')]
        self.type = '/'.join(fields)
        self.maintype = fields[0]
        self.subtype = '/'.join(fields[1:])

    def _parse_plist(self):
        text = self.plisttext
        self.plist = []
        while text[:1] == ';':
            text = text[1:]
            end = text.index(';') if ';' in text else len(text)
            field = text[:end]
            if '=' in field:
                i = field.index('=')
                field = (_lower(field[:i].strip(_WHITESPACE)) + '=' +
                         field[i + 1:].strip(_WHITESPACE))
            self.plist.append(field.strip(_WHITESPACE))
            text = text[end:]

    def parsetype(self):
        warn_py2('msg.parsetype()', 'msg.get_content_type()')
        self._parse_content_type_once()
        self._parse_type()

    def parseplist(self):
        warn_py2('msg.parseplist()', 'msg.get_params()')
        self._parse_content_type_once()
        self._parse_plist()

    def gettype(self):
        warn_py2('msg.gettype()', 'msg.get_content_type()')
        return self.type

    def getmaintype(self):
        warn_py2('msg.getmaintype()', 'msg.get_content_maintype()')
        return self.maintype

    def getsubtype(self):
        warn_py2('msg.getsubtype()', 'msg.get_content_subtype()')
        return self.subtype

    def getplist(self):
        warn_py2('msg.getplist()', 'msg.get_params()')
        return self.plist

    def getparam(self, name):
        warn_py2('msg.getparam()', 'msg.get_param(name)')
        prefix = _lower(name) + '='
        n = len(prefix)
        for param in self.plist:
            if param[:n] == prefix:
                return _unquote(param[n:])
        return None

    def getparamnames(self):
        warn_py2('msg.getparamnames()', 'msg.get_params()')
        names = []
        for param in self.plist:
            i = param.find('=')
            if i >= 0:
                names.append(_lower(param[:i]))
        return names

    def getencoding(self):
        warn_py2('msg.getencoding()', "msg.get('content-transfer-encoding', '7bit')")
        if self.encodingheader is None:
            return '7bit'
        return _lower(self.encodingheader)


_HOOK_NAMES = ('readheaders', 'iscomment', 'islast', 'isheader', 'addheader', 'addcontinue')
# The shim's own hook methods, to tell a subclass's (or a patched) one from them.
_PLAIN_HOOKS = dict((name, getattr(HTTPMessage, name)) for name in _HOOK_NAMES)
_PLAIN_READHEADERS = _PLAIN_HOOKS['readheaders']
_PLAIN_ISCOMMENT = _PLAIN_HOOKS['iscomment']
_PLAIN_ISLAST = _PLAIN_HOOKS['islast']
_PLAIN_ISHEADER = _PLAIN_HOOKS['isheader']
_PLAIN_ADDHEADER = _PLAIN_HOOKS['addheader']
_PLAIN_ADDCONTINUE = _PLAIN_HOOKS['addcontinue']


def _overrides_a_hook(cls):
    """Whether ``cls`` parses with 2.7's hooks: one of them is not the shim's.
    Six class attribute lookups, a fraction of a microsecond per message, so a
    hook patched onto a class after its first message still counts."""
    return (cls.readheaders is not _PLAIN_READHEADERS or cls.iscomment is not _PLAIN_ISCOMMENT
            or cls.islast is not _PLAIN_ISLAST or cls.isheader is not _PLAIN_ISHEADER
            or cls.addheader is not _PLAIN_ADDHEADER
            or cls.addcontinue is not _PLAIN_ADDCONTINUE)
