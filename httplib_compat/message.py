"""HTTPMessage: 2.7's mimetools/rfc822 message on top of http.client's (D17-D27).

One pass over the header block fills three views at once: the raw lines (2.7's
``headers``), the lower-case merged mapping (2.7's ``dict``) and the email
package's ``_headers`` list, so both the Python 2 API and Python 3's
``get_all``/``get_content_type``/``as_string`` answer from the same parse.
Content-Type is parsed lazily, on the first use of ``gettype()`` and friends.
Where 2.7 answered in dict order (keys, values, items, iteration) the shim gives
the order in which the header names first arrived.
"""
import email.message as _email_message
import http.client as _client
import re
import sys

import httplib_compat
from httplib_compat._internals import AddressList as _AddressList, Policy as _Policy, STR_HAS_ISASCII
from httplib_compat._warnings import warn_py2
from httplib_compat.exceptions import HTTPException, LineTooLong

# Python 2's str.strip()/isspace() know only ASCII whitespace; Python 3's str
# would also strip '\x85', '\xa0', '\x1c'-'\x1f' from latin-1 decoded values.
_WHITESPACE = ' \t\n\r\x0b\x0c'
_WHITESPACE_CHARS = frozenset(_WHITESPACE)
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
_split_words = re.compile('[ \t\n\r\x0b\x0c]+').split
_match_int27 = re.compile('[+-]?[0-9]+\\Z').match


def _int27(word):
    """int() of a word as Python 2 read it: ASCII digits only, no '_'."""
    if _match_int27(word) is None:
        raise ValueError(word)
    return int(word)


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
        year, day, hour, minute, second = [_int27(word) for word in [year, day] + clock]
    except ValueError:
        return None  # also where 2.7 hit an IndexError on an empty word
    zone = zone.upper()
    offset = _ZONE_HOURS.get(zone)
    if offset is None:
        try:
            offset = _int27(zone)
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


class HTTPMessage(_client.HTTPMessage):
    """A response's headers, with the API of 2.7's ``httplib.HTTPMessage``
    (``mimetools.Message`` / ``rfc822.Message``) where a name means something
    else on Python 3, and the ``email.message.Message`` API everywhere else."""

    def __init__(self, fp=None, seekable=1, **email_kwargs):
        # D20: 2.7 builds the message from a file object and reads its headers.
        if isinstance(fp, _Policy):  # Python 3's HTTPMessage(policy) keeps working
            fp, email_kwargs['policy'] = None, fp
        super(HTTPMessage, self).__init__(**email_kwargs)
        self.fp = fp
        self.startofheaders = None
        self.startofbody = None
        self._dict = {}
        self._lines = []
        self.status = ''
        self.unixfrom = ''
        if fp is None:
            self.seekable = 0
        else:
            # Python 3's HTTPMessage(fp) ignored fp; the shim's own responses do not warn.
            if not sys._getframe(1).f_globals.get('__name__', '').startswith('httplib_compat.'):
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
            self._read_header_block()
            if self.seekable:
                try:
                    self.startofbody = fp.tell()
                except IOError:
                    self.seekable = 0
        # D24: mimetools reads these two at construction; the rest is lazy.
        self.typeheader = self._dict.get('content-type')
        self.encodingheader = self._dict.get('content-transfer-encoding')

    def _read_header_block(self):
        """2.7's HTTPMessage.readheaders, in one pass filling all three views."""
        readline = self.fp.readline
        max_line = httplib_compat._MAXLINE
        max_headers = httplib_compat._MAXHEADERS
        self._dict = fields = {}
        self._lines = lines = []
        self._headers = pairs = []
        self.status = ''
        self.unixfrom = ''
        headerseen = ''
        firstline = True
        while True:
            # D46: 2.7 counts header and continuation lines, not the blank line.
            if len(lines) > max_headers:
                raise HTTPException('got more than %d headers' % max_headers)
            line = readline(max_line + 1)
            if len(line) > max_line:
                raise LineTooLong('header line')
            if not line:
                self.status = 'EOF in headers'
                break
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
                pairs[-1] = (name, value + '\n ' + more if value else more)
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

    def __getattr__(self, name):
        # D24: mimetools' parsetype()/parseplist() results, computed on first use.
        if name in _LAZY_TYPE_ATTRIBUTES and 'typeheader' in self.__dict__:
            self._parse_type()
            self._parse_plist()
            return self.__dict__[name]
        raise AttributeError(name)

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
        drop = self._raw_line_indexes(key)
        self._lines[:] = [line for i, line in enumerate(self._lines) if i not in drop]
        self._headers[:] = [(k, v) for k, v in self._headers if _lower(k) != key]

    def _raw_line_indexes(self, key):
        """Indexes of the raw lines of header ``key`` and their continuations
        (rfc822's matching rule: a line starting with whitespace continues)."""
        prefix = key + ':'
        n = len(prefix)
        indexes = set()
        hit = False
        for i, line in enumerate(self._lines):
            if _lower(line[:n]) == prefix:
                hit = True
            elif line[:1] not in _WHITESPACE_CHARS:
                hit = False
            if hit:
                indexes.add(i)
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
        indexes = sorted(self._raw_line_indexes(key))
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
            if line[:1] in _WHITESPACE_CHARS:
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
        prefix = _lower(name) + ':'
        n = len(prefix)
        found = []
        hit = False
        for line in self._lines:
            if _lower(line[:n]) == prefix:
                hit = True
            elif line[:1] not in _WHITESPACE_CHARS:
                hit = False
            if hit:
                found.append(line)
        return found

    def _first_matching_lines(self, name):
        prefix = _lower(name) + ':'
        n = len(prefix)
        found = []
        hit = False
        for line in self._lines:
            if hit:
                if line[:1] not in _WHITESPACE_CHARS:
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

    def addheader(self, key, value):
        # D26: 2.7 updates only the dict (not headers, not getheaders()).
        warn_py2('msg.addheader()', 'msg.add_header(name, value)')
        previous = self._dict.get(key)
        self._dict[key] = value if previous is None else ', '.join((previous, value))

    def addcontinue(self, key, more):
        warn_py2('msg.addcontinue()', 'msg.replace_header(name, value)')
        self._dict[key] = self._dict[key] + '\n ' + more

    def readheaders(self):
        warn_py2('msg.readheaders()', 'http.client.parse_headers(fp)')
        self._read_header_block()

    def isheader(self, line):
        warn_py2('msg.isheader()', 'http.client.parse_headers(fp)')
        i = line.find(':')
        if i > -1:
            return _lower(line[:i])
        return None

    def islast(self, line):
        warn_py2('msg.islast()', 'http.client.parse_headers(fp)')
        return line in ('\r\n', '\n')

    def iscomment(self, line):
        warn_py2('msg.iscomment()', 'http.client.parse_headers(fp)')
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
        raw = []
        for line in self._matching_lines(name):
            if line[0] in ' \t':
                raw.append(line)
            else:
                if raw:
                    raw.append(', ')
                raw.append(line[line.find(':') + 1:])
        addresses = _AddressList(''.join(raw)).addresslist
        # D27: rfc822 stopped at the first empty address; email records ('', '').
        if ('', '') in addresses:
            del addresses[addresses.index(('', '')):]
        return addresses

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
        self.plist  # the construction-time parse, if it has not happened yet
        self._parse_type()

    def parseplist(self):
        warn_py2('msg.parseplist()', 'msg.get_params()')
        self.plisttext  # the construction-time parse, if it has not happened yet
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
