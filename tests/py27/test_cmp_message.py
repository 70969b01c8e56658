"""HTTPMessage (D17-D27, D46) compared with real Python 2.7 on the same header blocks.

Each scenario builds messages the 2.7 way, ``httplib.HTTPMessage(fp, seekable)``
over an in-memory file, or takes ``response.msg`` from a loopback server, and
records every method and attribute of 2.7's HTTPMessage / mimetools.Message /
rfc822.Message.  2.7's keys()/values()/items()/iteration follow dict (hash)
order, so those are compared sorted; everything else is compared as is.
"""
import textwrap

import pytest

from harness import Comparison, observe_py27, observe_shim

# The scenarios call 2.7-only names on purpose: their migration warnings are noise here.
pytestmark = pytest.mark.filterwarnings('ignore::DeprecationWarning')

# Scenario helpers: valid 2.7 and 3.x source, run before each scenario.
PRELUDE = textwrap.dedent('''
    import io

    def build(block, seekable=1):
        return httplib.HTTPMessage(io.BytesIO(block), seekable)

    def dump(m, names=(), label=''):
        out(label + 'headers', m.headers)
        out(label + 'dict', m.dict)
        out(label + 'keys', sorted(m.keys()))
        out(label + 'values', sorted(m.values()))
        out(label + 'items', sorted(m.items()))
        out(label + 'iter', sorted(m))
        out(label + 'len', len(m))
        out(label + 'str', str(m))
        out(label + 'status', m.status)
        out(label + 'unixfrom', m.unixfrom)
        out(label + 'content-type attributes',
            [m.typeheader, m.encodingheader, m.type, m.maintype, m.subtype, m.plisttext, m.plist])
        out(label + 'content-type methods',
            [m.gettype(), m.getmaintype(), m.getsubtype(), m.getplist(), m.getencoding(),
             m.getparamnames()])
        for i, name in enumerate(list(names) + ['missing']):
            out('%s%d %s' % (label, i, 'lookups'), [
                name, T(m.get, name), T(m.get, name, 'dflt'), T(m.getheader, name),
                T(m.getheader, name, 'dflt'), T(m.getheaders, name),
                T(m.getallmatchingheaders, name), T(m.getfirstmatchingheader, name),
                T(m.getrawheader, name), T(lambda: m[name]), T(lambda: name in m),
                T(m.has_key, name), T(m.getparam, name)])
    ''')


def compare(code, responses=()):
    """harness.compare() for what the client saw, reporting each differing label."""
    result = Comparison(observe_py27(code, responses), observe_shim(code, responses))
    differing = [(py27, shim) for py27, shim in zip(result.py27_seen, result.shim_seen)
                 if py27 != shim]
    assert differing == []
    assert len(result.shim_seen) == len(result.py27_seen)
    return result


def compare_messages(code):
    return compare(PRELUDE + textwrap.dedent(code))


def test_duplicates_and_case():
    compare_messages(r'''
        m = build(b'Z-Last: 1\r\nSet-Cookie: a=1\r\nContent-Type: text/html; charset="utf-8"\r\n'
                  b'set-cookie: b=2\r\nX-Mixed-CASE: v\r\nSET-COOKIE: c=3\r\nContent-Length: 2\r\n\r\nhi')
        dump(m, ['Z-Last', 'z-last', 'set-cookie', 'SET-COOKIE', 'Set-Cookie', 'content-type',
                 'x-mixed-case', 'X-MIXED-CASE', 'content-length', 'charset'])
        out('rest of fp', m.fp.read())
        ''')


def test_folded_continuation_lines():
    compare_messages(r'''
        m = build(b'X-Long: part1\r\n   part2\r\n\tpart3\r\nSet-Cookie: a=1\r\n  more\r\n'
                  b'Set-Cookie: b=2\r\nX-Empty-First:\r\n  cont\r\nX-Blank-Cont: v\r\n \r\n'
                  b'Content-Length: 0\r\n\r\n')
        dump(m, ['x-long', 'set-cookie', 'x-empty-first', 'x-blank-cont', 'content-length'])
        ''')


def test_whitespace_and_spaced_colon():
    compare_messages(r'''
        m = build(b'A:   lead\r\nB: trail \t \r\nC : spaced\r\nD: after\r\nE:no-space\r\n'
                  b'F:\t tab\r\nG: a:b:c\r\nContent-Length: 2\r\n\r\nhi')
        dump(m, ['a', 'b', 'c', 'c ', 'C ', 'd', 'e', 'f', 'g', 'content-length'])
        ''')


def test_non_header_lines_empty_names_and_leading_blanks():
    compare_messages(r'''
        m = build(b'A: 1\r\nthis is not a header\r\n  co:nt after it\r\nB: 2\r\n: empty name\r\n'
                  b'  after-empty: x\r\nC: 3\r\n\r\n')
        dump(m, ['a', 'b', 'c', '  co', '  after-empty', ''])
        m = build(b' Lead: space first\r\nA: 1\r\n\r\n')
        dump(m, [' lead', 'lead', 'a'], label='leading blank: ')
        m = build(b'garbage first\r\nA: 1\r\n\r\n')
        dump(m, ['a'], label='garbage first: ')
        ''')


def test_bytes_outside_ascii_round_trip():
    compare_messages(r'''
        m = build(b'X-\xc0Name: caf\xe9\r\nX-Nbsp: \xa0value\xa0\r\nX-Nel: \x85v\x85\r\n'
                  b'X-Sep: \x1cv\x1f\r\nX-Fold: a\r\n \xa0b\xa0\r\n\xc9TAG: \xff\r\n'
                  b'Content-Type: text/\xc0; \xc9=\xe9\r\n\r\n')
        dump(m, ['x-\xc0name', 'X-\xc0NAME', 'x-\xe0name', 'x-nbsp', 'x-nel', 'x-sep', 'x-fold',
                 '\xc9tag', '\xe9tag', 'content-type', '\xc9', '\xe9'])
        ''')


def test_empty_values_and_line_endings():
    compare_messages(r'''
        m = build(b'X-Empty:\r\nX-Blank:   \r\nX-Empty:\r\nLF-Only: yes\nMixed: \r\r\n'
                  b'CR-In: a\rb\r\n\n')
        dump(m, ['x-empty', 'x-blank', 'lf-only', 'mixed', 'cr-in'])
        out('rest', m.fp.read())
        m = build(b'A: 1\n\nbody')
        dump(m, ['a'], label='LF block: ')
        out('LF rest', m.fp.read())
        ''')


def test_end_of_file_inside_the_headers_and_unix_from():
    compare_messages(r'''
        dump(build(b'A: 1\r\nB: 2'), ['a', 'b'], label='eof mid-line: ')
        dump(build(b'A: 1\r\n'), ['a'], label='eof after line: ')
        dump(build(b''), [], label='empty: ')
        dump(build(b'\r\nA: 1\r\n'), ['a'], label='blank first: ')
        m = build(b'From someone Mon\r\nFrom other\r\nA: 1\r\nFrom late\r\n\r\n')
        dump(m, ['a', 'from'], label='from lines: ')
        ''')


def test_limits_header_count_and_line_length():
    compare_messages(r'''
        for n in (99, 100, 101):
            out('%d headers' % n, T(lambda: len(build(b'X: 1\r\n' * n + b'\r\n'))))
        out('99 + 2 continuations', T(lambda: len(build(b'X: 1\r\n' * 99 + b'  c\r\n  d\r\n\r\n'))))
        out('99 + 1 continuation', T(lambda: len(build(b'X: 1\r\n' * 99 + b'  c\r\n\r\n'))))
        out('100 + junk and empty names', T(lambda: build(
            b'X: 1\r\n' * 100 + b'junk\r\n: e\r\nFrom x\r\n\r\n').status))
        out('100 + From first', T(lambda: len(build(b'From x\r\n' + b'X: 1\r\n' * 100 + b'\r\n'))))
        out('101 at EOF', T(lambda: len(build(b'X: 1\r\n' * 101))))
        for size in (65534, 65535, 65536):
            line = b'X: ' + b'v' * (size - 5) + b'\r\n'
            out('line of %d bytes' % len(line), T(lambda: len(build(line + b'\r\n').get('x'))))
        out('long line without newline', T(lambda: build(b'X: ' + b'v' * 70000)))
        out('long final blank', T(lambda: len(build(b'X: 1\r\n' + b' ' * 65537))))
        ''')


def test_content_type_helpers():
    compare_messages(r'''
        for i, ctype in enumerate([None, 'text/html', 'TEXT/HTML ; Charset = "UTF-8" ; q=1',
                                   'multipart/x/y; boundary=<b>', 'text', ' ; a', 'a/b;;c;d=e=f',
                                   'a/b; k="quo\\\\ted\\\\"x"']):
            block = b'Content-Transfer-Encoding: BASE64\r\n' if i % 2 else b''
            if ctype is not None:
                block += b'Content-Type: ' + ctype.encode('latin-1') + b'\r\n'
            m = build(block + b'\r\n')
            dump(m, ['charset', 'CHARSET', 'q', 'boundary', 'k', 'd', 'c'], label='%d: ' % i)
        m = build(b'Content-Type: text/html\r\n\r\n')
        m['Content-Type'] = 'image/png'
        out('type after a mutation', [m.gettype(), m.typeheader])
        m.typeheader = 'a/b; x=1'
        m.parsetype()
        out('parsetype() alone', [m.gettype(), m.plisttext, m.getplist()])
        m.parseplist()
        out('then parseplist()', m.getplist())
        ''')


def test_dates_and_addresses():
    compare_messages(r'''
        m = build(b'Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nExpires: Sunday, 06-Nov-94 08:49:37 GMT\r\n'
                  b'Last-Modified: Sun Nov  6 08:49:37 1994\r\nX-Tz: Tue, 1 Jul 2003 10:52:37 +0200\r\n'
                  b'X-Minus: Tue, 1 Jul 2003 10:52:37 -0000\r\nX-Bad: not a date\r\nX-Empty:\r\n'
                  b'From: A <a@b.c>, d@e.f\r\nTo: "Q, R" <q@r.s>,\r\n  t@u.v\r\nto: w@x.y\r\n'
                  b'Reply-To: \r\n\r\n')
        for name in ['date', 'Expires', 'last-modified', 'x-tz', 'x-minus', 'x-bad', 'x-empty', 'missing']:
            out('date ' + name, [T(m.getdate, name), T(m.getdate_tz, name)])
        dates = [b'Sun, 06 Nov 1994 08:49 GMT', b'06 Nov 1994 08:49:37 +0100', b'Nov 6 1994',
                 b'Sun,06 Nov 1994 08:49:37 EST', b'Sun., 6 Nov 1994 8:9:7 pdt', b'6 nov 94 08:49:37 -0530',
                 b'Sun, 06 Nov 1994 08:49:37 +02', b'Sun, 06 Nov 1994 08:49:37+0200', b'Nov, 6, 1994, 08:49:37',
                 b'Sunday, 06-November-1994 08:49:37 XYZ', b'1994 Nov 06 08:49:37 GMT',
                 b'Sun, 06 Nov 1994 08.49.37 GMT', b'Sun, 06 Nov 1_994 08:49:37 GMT',
                 b'Sun, 06 Nov \xb2994 08:49:37 GMT', b'Sun,\xa006 Nov 1994 08:49:37 GMT',
                 b'Sun, 06 Nov 1994 08:49:37 -0000', b'Sun, 32 Foo 1994 08:49:37 GMT',
                 b'Sun 06 Nov 1994 08:49:37 GMT extra words', b'Tue, 1 Jul 2003 10:52:37 +02:00']
        for i, date in enumerate(dates):
            d = build(b'Date: ' + date + b'\r\n\r\n')
            out('date #%d' % i, [d.get('date'), T(d.getdate, 'date'), T(d.getdate_tz, 'date')])
        for name in ['from', 'to', 'TO', 'reply-to', 'missing']:
            out('addr ' + name, [T(m.getaddr, name), T(m.getaddrlist, name)])
        addresses = [b'a@b.c', b'Name <a@b.c>', b'a@b.c (Comment Name)', b'"Last, First" <a@b.c>, x@y.z',
                     b'<a@b.c>', b'Group: a@b.c, d@e.f;', b'a@b.c,, d@e.f', b'undisclosed-recipients:;',
                     b'broken <a@b', b'Caf\xe9 <a@b.c>']
        for i, address in enumerate(addresses):
            a = build(b'X-Addr: ' + address + b'\r\n\r\n')
            out('address #%d' % i, [a.get('x-addr'), T(a.getaddr, 'x-addr'), T(a.getaddrlist, 'x-addr')])
        ''')


def test_mutations():
    compare_messages(r'''
        def base():
            return build(b'Z-Last: 1\r\nSet-Cookie: a=1\r\n  folded\r\nset-cookie: b=2\r\n'
                         b'X-Mixed-CASE: v\r\nContent-Length: 2\r\n\r\n')
        names = ['z-last', 'set-cookie', 'x-mixed-case', 'x-new', 'x-up', 'X-Up', 'multi']
        m = base()
        out('addheader', [m.addheader('set-cookie', 'c=3'), m.addheader('X-Up', '1')])
        out('addcontinue', T(m.addcontinue, 'set-cookie', 'more'))
        out('addcontinue missing', T(m.addcontinue, 'nope', 'more'))
        dump(m, names, label='after add: ')
        m = base()
        m['Z-Last'] = '2'
        m['Multi'] = 'one\ntwo'
        del m['SET-COOKIE']
        del m['not-there']
        out('setdefault', [m.setdefault('X-New', 'v'), m.setdefault('x-new', 'w'),
                           m.setdefault('x-mixed-case', 'w'), m.setdefault('X-Bare')])
        dump(m, names + ['x-bare'], label='after set/del: ')
        out('isheader', [m.isheader('A: b'), m.isheader('Ab:'), m.isheader('no colon'),
                         m.isheader(': x'), m.isheader('\xc0B: 1')])
        out('islast', [m.islast('\r\n'), m.islast('\n'), m.islast(''), m.islast(' \r\n')])
        out('iscomment', m.iscomment('# x'))
        ''')


def test_file_positions_and_rewindbody():
    compare_messages(r'''
        for seekable in (1, 0, 2):
            f = io.BytesIO(b'A: 1\r\nB: 2\r\n\r\nthe body')
            m = httplib.HTTPMessage(f, seekable)
            out('seekable %d' % seekable, [m.seekable, m.startofheaders, m.startofbody, f.tell()])
            f.read()
            try:
                out('rewindbody', [m.rewindbody(), f.read()])
            except IOError as e:
                out('rewindbody raised IOError', str(e))
        f = io.BytesIO(b'xx' + b'A: 1\r\n\r\nbody')
        f.seek(2)
        m = httplib.HTTPMessage(f)
        out('offset start', [m.startofheaders, m.startofbody, f.read()])
        m.rewindbody()
        out('re-read', f.read())
        class NoTell(object):
            def __init__(self, data):
                self.lines = io.BytesIO(data)
            def readline(self, *size):
                return self.lines.readline(*size)
        m = httplib.HTTPMessage(NoTell(b'A: 1\r\n\r\n'))
        out('no tell()', [m.seekable, m.startofheaders, m.startofbody, m.get('a')])
        f = io.BytesIO(b'A: 1\r\nB: 2\r\n\r\nC: 3\r\n\r\n')
        m = httplib.HTTPMessage(f)
        m.readheaders()
        out('readheaders() again', [m.headers, m.dict, m.status])
        ''')


RESPONSE = (b'HTTP/1.1 200 OK\r\nZ-Last: 1\r\nSet-Cookie: a=1\r\nContent-Type: text/html; charset="utf-8"'
            b'\r\nset-cookie: b=2\r\nX-Long: part1\r\n   part2\r\nthis is not a header\r\nC : spaced\r\n'
            b'X-\xc0: \xe9\xa0\r\nContent-Length: 2\r\n\r\nhi')


def test_response_msg_is_built_like_2_7():
    compare(PRELUDE + textwrap.dedent(r'''
        c = httplib.HTTPConnection(HOST, PORT)
        c.request('GET', '/')
        r = c.getresponse()
        m = r.msg
        dump(m, ['z-last', 'set-cookie', 'x-long', 'c ', 'x-\xc0', 'content-length', 'charset'])
        out('file attributes', [m.fp, m.seekable, m.startofheaders, m.startofbody])
        try:
            m.rewindbody()
        except IOError as e:
            out('rewindbody raised IOError', str(e))
        out('response getheader', [r.getheader('set-cookie'), r.getheader('x-long'),
                                   r.getheader('c '), r.getheader('missing', ['x'])])
        out('response getheaders', sorted(r.getheaders()))
        out('body', r.read())
        c.close()
        '''), [RESPONSE])
