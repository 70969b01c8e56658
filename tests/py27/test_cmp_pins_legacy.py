"""Pins for the 1.5.2 ``HTTP`` class against real 2.7: its class attributes, and
how ``getreply()`` calls its connection's ``getresponse()`` (no argument unless
buffering is asked for, as 2.7 did "for compatibility with other connection
classes")."""
import textwrap

from harness import compare

OK = b'HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi'

SCENARIO = textwrap.dedent('''
    import warnings
    warnings.simplefilter('ignore')
    out('HTTP class attributes', [httplib.HTTP.debuglevel, httplib.HTTP._http_vsn,
                                  httplib.HTTP._http_vsn_str])
    calls = []

    class Connection(httplib.HTTPConnection):
        def getresponse(self, *args, **kwargs):
            calls.append([list(args), sorted(kwargs.items())])
            return httplib.HTTPConnection.getresponse(self, *args, **kwargs)

    class HTTP(httplib.HTTP):
        _connection_class = Connection

    for buffering in [None, False, 0, True, 1]:
        h = HTTP(HOST, PORT)
        out('debuglevel of an instance', h.debuglevel)
        h.putrequest('GET', '/')
        h.endheaders()
        reply = h.getreply() if buffering is None else h.getreply(buffering)
        out('getreply(%r)' % buffering, [reply[:2], calls[-1], h.getfile().read()])
        h.close()
    ''')


def test_legacy_http_matches_python27():
    compare(SCENARIO, [(OK, 'close')] * 5)
