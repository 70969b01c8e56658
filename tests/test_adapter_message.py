"""HTTPMessage on Python 3: what has no 2.7 counterpart to compare with.

The Python 3 API on the same parse, the order the shim gives where 2.7's was a
dict's, Python 3 mutators keeping the 2.7 views in step, migration warnings,
the http.client / urllib / cookiejar paths that read the message, and speed.
(The 2.7 behaviour itself is compared with real 2.7 in tests/py27/test_cmp_message.py.)
"""
import email.message
import email.policy
import http.client
import http.cookiejar
import io
import urllib.request
import warnings

import pytest

import httplib_compat
from loopback import RecordingServer
from httplib_compat import HTTPMessage, Py2CompatWarning

# Tests that use 2.7-only names on purpose: their warnings are checked where it matters.
pytestmark = pytest.mark.filterwarnings('ignore::httplib_compat.Py2CompatWarning')

DUP = (b'Z-Last: 1\r\nSet-Cookie: a=1\r\nContent-Type: text/html; charset="utf-8"\r\n'
       b'set-cookie: b=2\r\nX-Long: part1\r\n   part2\r\nX-Mixed-CASE: v\r\nContent-Length: 2\r\n\r\nhi')


def build(block=DUP, seekable=0):
    return HTTPMessage(io.BytesIO(block), seekable)


def test_is_an_http_client_and_email_message():
    m = build()
    assert isinstance(m, http.client.HTTPMessage)
    assert isinstance(m, email.message.Message)
    assert httplib_compat.HTTPMessage is HTTPMessage


def test_the_module_compiles_without_a_warning_so_it_imports_under_w_error():
    # Without a cached .pyc, `python -W error` turns a compile-time
    # SyntaxWarning (3.8+: 'is' with a literal, an invalid escape) into a
    # SyntaxError on import.
    import httplib_compat.message as module
    with open(module.__file__, 'rb') as source:
        text = source.read()
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        compile(text, module.__file__, 'exec')


def test_python3_api_reads_the_same_parse():
    m = build()
    assert m.get_all('set-cookie') == ['a=1', 'b=2']
    assert m.get_all('x-long') == ['part1\n part2']  # as 2.7's getheaders()
    assert m.get_all('missing') is None
    assert m.get_content_type() == 'text/html'
    assert m.get_content_maintype() == 'text'
    assert m.get_param('charset') == 'utf-8'
    assert m.get_content_charset() == 'utf-8'
    assert m.defects == []
    assert [name for name, _ in m.raw_items()] == [
        'Z-Last', 'Set-Cookie', 'Content-Type', 'set-cookie', 'X-Long', 'X-Mixed-CASE',
        'Content-Length']
    assert m.as_string().startswith('Z-Last: 1\nSet-Cookie: a=1\n')


def test_no_defects_for_the_lines_2_7_accepts():
    m = build(b'A: 1\r\nnot a header\r\nC : spaced\r\n: empty\r\nD: after\r\n\r\n')
    assert m.defects == []
    assert m.get_all('d') == ['after']
    assert m.get('c ') == 'spaced'


def test_order_is_first_seen_where_2_7_had_dict_order():
    m = build()
    expected = ['z-last', 'set-cookie', 'content-type', 'x-long', 'x-mixed-case',
                'content-length']
    assert m.keys() == expected
    assert list(m) == expected
    assert [k for k, _ in m.items()] == expected
    assert m.values()[1] == 'a=1, b=2'


def test_2_7_meanings_win_on_shared_names():
    m = build()
    assert m.get('SET-COOKIE') == 'a=1, b=2'
    assert m['set-cookie'] == 'a=1, b=2'
    with pytest.raises(KeyError):
        m['missing']
    assert len(m) == 6
    assert str(m) == DUP[:DUP.index(b'\r\n\r\n') + 2].decode('latin-1')


def test_values_and_lines_are_latin_1_text_that_round_trips():
    raw = bytes(range(0x20, 0x100)).replace(b':', b'')
    m = build(b'X-All: ' + raw + b'\r\n\r\n')
    assert isinstance(m.get('x-all'), str)
    assert m.get('x-all').encode('latin-1') == raw.strip()
    assert str(m).encode('latin-1') == b'X-All: ' + raw + b'\r\n'


def test_empty_message_and_policy_keyword():
    m = HTTPMessage()
    assert (len(m), m.items(), m.get('x'), m.status, m.fp, m.seekable) == (0, [], None, '', None, 0)
    assert m.get_content_type() == 'text/plain'
    p = HTTPMessage(policy=email.policy.HTTP)
    assert p.policy is email.policy.HTTP
    q = HTTPMessage(email.policy.HTTP)  # Python 3's positional policy
    assert q.policy is email.policy.HTTP and q.fp is None


def test_parse_headers_with_the_shim_class_fills_the_2_7_views():
    m = http.client.parse_headers(io.BytesIO(DUP), _class=HTTPMessage)
    assert isinstance(m, HTTPMessage)
    assert m.get('set-cookie') == 'a=1, b=2'
    assert m.get_all('set-cookie') == ['a=1', 'b=2']
    assert 'z-last' in m and len(m) == 6
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        assert m.gettype() == 'text/html'
        assert m.getheaders('set-cookie') == ['a=1', 'b=2']
        assert m.getencoding() == '7bit'  # no Content-Transfer-Encoding among the headers
        encoded = http.client.parse_headers(
            io.BytesIO(b'A: 1\r\nContent-Transfer-Encoding: BASE64\r\nContent-Type: Text/X\r\n'
                       b'Z: 2\r\n\r\n'), _class=HTTPMessage)
        assert (encoded.getencoding(), encoded.gettype()) == ('base64', 'text/x')


def test_2_7_mutations_as_seen_by_the_python_3_api():
    m = build()
    m['Z-Last'] = '2'  # D26: replaces
    assert m.get_all('z-last') == ['2']
    del m['set-cookie']
    assert m.get_all('set-cookie') is None and 'set-cookie' not in m
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        m.addheader('x-mixed-case', 'w')  # 2.7: the dict only
        assert m.setdefault('X-New', 'n') == 'n'
    assert m.get('x-mixed-case') == 'v, w'
    assert m.get_all('x-mixed-case') == ['v']
    assert m.get_all('x-new') == ['n']


def test_python_3_mutators_keep_the_2_7_views_in_step():
    m = build()
    m.add_header('X-Add', 'v', p='1')
    assert m.get('x-add') == 'v; p="1"'
    assert str(m).endswith('X-Add: v; p="1"\r\n')
    m.replace_header('X-Mixed-Case', 'w')
    assert m.get('x-mixed-case') == 'w' and m.get_all('x-mixed-case') == ['w']
    assert 'X-Mixed-CASE: w\r\n' in str(m) and 'X-Mixed-CASE: v\r\n' not in str(m)
    m.replace_header('X-Long', 'short')
    assert '   part2\r\n' not in str(m)
    m.replace_header('Set-Cookie', 'z')  # the first of two: the other and the lines between stay
    assert m.get_all('set-cookie') == ['z', 'b=2'] and m.get('set-cookie') == 'z, b=2'
    # Each replaced header keeps its place; every other line stays as received.
    assert str(m) == ('Z-Last: 1\r\nSet-Cookie: z\r\nContent-Type: text/html; charset="utf-8"\r\n'
                      'set-cookie: b=2\r\nX-Long: short\r\nX-Mixed-CASE: w\r\nContent-Length: 2\r\n'
                      'X-Add: v; p="1"\r\n')
    with pytest.raises(KeyError):
        m.replace_header('missing', 'x')
    m.set_param('charset', 'latin-1')
    assert m.get_param('charset') == 'latin-1'
    assert 'latin-1' in m.get('content-type')


def test_content_type_is_parsed_lazily_from_the_construction_time_header():
    m = build()
    assert 'type' not in m.__dict__ and 'plist' not in m.__dict__
    m['Content-Type'] = 'image/png'
    assert m.type == 'text/html' and m.plist == ['charset="utf-8"']  # as 2.7
    with pytest.raises(AttributeError):
        m.no_such_attribute


def test_max_headers_patched_on_the_package_is_honoured(monkeypatch):
    block = b'X: 1\r\n' * 150 + b'\r\n'
    with pytest.raises(httplib_compat.HTTPException):
        build(block)
    monkeypatch.setattr(httplib_compat, '_MAXHEADERS', 200)
    assert build(block).get('x').count('1') == 150
    monkeypatch.setattr(httplib_compat, '_MAXLINE', 10)
    with pytest.raises(httplib_compat.LineTooLong):
        build(b'X: 12345678901\r\n\r\n')


def test_a_text_file_works_too():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = HTTPMessage(io.StringIO('A: 1\r\nB: 2\r\n\r\nbody'))
    assert m.items() == [('a', '1'), ('b', '2')]
    assert m.startofbody == 14


def test_dates_where_2_7_crashed_give_none():
    m = build(b'Date: Mon, 06 Nov , 08:49:37 GMT\r\nOther: \r\n\r\n')  # 2.7: IndexError
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        assert m.getdate('date') is None and m.getdate_tz('date') is None
        assert m.getdate('other') is None


PY2_ONLY_CALLS = [
    ('getheader', ('a',)), ('getheaders', ('a',)), ('has_key', ('a',)),
    ('getallmatchingheaders', ('a',)), ('getfirstmatchingheader', ('a',)),
    ('getrawheader', ('a',)), ('setdefault', ('x-new', 'v')), ('addheader', ('b', '2')),
    ('addcontinue', ('a', 'more')), ('isheader', ('A: 1',)), ('islast', ('\r\n',)),
    ('iscomment', ('x',)), ('gettype', ()), ('getmaintype', ()), ('getsubtype', ()),
    ('getplist', ()), ('getparam', ('charset',)), ('getparamnames', ()), ('getencoding', ()),
    ('parsetype', ()), ('parseplist', ()), ('getdate', ('a',)), ('getdate_tz', ('a',)),
    ('getaddr', ('a',)), ('getaddrlist', ('a',)), ('readheaders', ()),
]


@pytest.mark.parametrize('name,args', PY2_ONLY_CALLS)
def test_python_2_only_names_warn_at_the_call_site(name, args):
    m = HTTPMessage(io.BytesIO(b'A: 1\r\n\r\n'), 1)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        getattr(m, name)(*args)
    assert [w.category for w in caught] == [Py2CompatWarning]
    assert caught[0].filename == __file__
    assert 'on Python 3 use' in str(caught[0].message)


def test_building_from_a_file_warns_but_not_inside_a_response():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        build()
    assert [(w.category, w.filename) for w in caught] == [(Py2CompatWarning, __file__)]
    assert 'parse_headers' in str(caught[0].message)
    import socket
    a, b = socket.socketpair()
    b.sendall(b'HTTP/1.1 200 OK\r\nA: 1\r\nContent-Length: 0\r\n\r\n')
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        r = httplib_compat.HTTPResponse(a)
        r.begin()
    a.close(), b.close()
    assert r.msg.get('a') == '1' and caught == []


def test_python_2_only_attributes_warn_and_can_be_set():
    m = build()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        m.dict, m.headers
    assert [w.category for w in caught] == [Py2CompatWarning] * 2
    assert all(w.filename == __file__ for w in caught)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        m.dict = {'x': '1'}
        m.headers = ['X: 1\r\n']
        assert m.get('x') == '1' and str(m) == 'X: 1\r\n'


def test_python_3_usage_never_warns():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        m = http.client.parse_headers(io.BytesIO(DUP), _class=HTTPMessage)
        m.get('a'), m.get('a', 'd'), m.get_all('set-cookie'), m.items(), m.keys(), m.values()
        list(m), len(m), 'a' in m, m['set-cookie'], str(m), m.as_string()
        m.get_content_type(), m.get_param('charset'), m.get_params(), m.raw_items()
        m['X'] = '1'
        del m['X']
        m.add_header('Y', '2')
        m.replace_header('Y', '3')
        http.client.parse_headers(io.BytesIO(DUP), _class=HTTPMessage)
    assert caught == []


def test_rewindbody_on_an_unseekable_file_raises_ioerror():
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        with pytest.raises(IOError) as info:
            build(seekable=0).rewindbody()
    assert str(info.value) == 'unseekable file'


def _redirecting_server():
    """Loopback server: the first request (/redirect) gets a 302 to /final with
    folded and odd header lines; the second (/final) two cookies and a
    non-ASCII header."""
    return RecordingServer([
        (b'HTTP/1.1 302 Found\r\nthis is not a header\r\nLocation: /final\r\n'
         b'X-Fold: a\r\n b\r\nContent-Length: 0\r\nConnection: close\r\n\r\n', 'close'),
        (b'HTTP/1.1 200 OK\r\nSet-Cookie: a=1; Path=/\r\n'
         b'Set-Cookie: b=2; Path=/\r\nX-Caf\xe9: \xe9t\xe9\r\n'
         b'Content-Length: 2\r\nConnection: close\r\n\r\nok', 'close')])


class _ShimHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(httplib_compat.HTTPConnection, req)


def test_urllib_redirects_and_cookiejar_read_the_shim_message():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(_ShimHandler, urllib.request.HTTPCookieProcessor(jar))
    with _redirecting_server() as server:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            response = opener.open('http://127.0.0.1:%d/redirect' % server.port, timeout=5)
            body = response.read()
    assert [r.split(b' ')[1] for r in server.requests] == [b'/redirect', b'/final']
    assert body == b'ok'
    assert response.geturl().endswith('/final')
    assert isinstance(response.info(), HTTPMessage)
    assert response.info().get('x-caf\xe9') == '\xe9t\xe9'
    assert sorted(cookie.name for cookie in jar) == ['a', 'b']
    assert [w for w in caught if issubclass(w.category, Py2CompatWarning)] == []


def test_copy_deepcopy_and_pickle_keep_every_view():
    import copy
    import pickle
    m = build()
    m.fp = None  # as a response leaves it
    for clone in (copy.copy(m), copy.deepcopy(m), pickle.loads(pickle.dumps(m))):
        assert clone.items() == m.items() and str(clone) == str(m)
        assert clone.get_all('set-cookie') == ['a=1', 'b=2']
        assert clone.type == 'text/html' and clone.plist == ['charset="utf-8"']
