"""The saved corpus of mutated responses (tests/data/corpus/, made by
tests/tools/make_corpus.py) through real Python 2.7 httplib and through the shim.

ALL items run in ONE 2.7 subprocess (one scenario of the comparison harness),
each fed from a socket pair, then in-process through the shim.  Per item the two
must agree: the same exception class at the same step (``begin()`` or ``read()``;
the shim's may be a subclass of 2.7's, e.g. RemoteDisconnected for
BadStatusLine), or the same status, reason, version, headers (2.7's shape:
``sorted(getheaders())``) and body.  Where 2.7 itself crashes with an exception
that is not httplib's (a ValueError...), the shim must raise an httplib
exception instead: those items count as "2.7 crash, shim clean".
"""
import os
import sys
import time

from harness import observe_py27, observe_shim

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'corpus',
                      'responses.json.gz')

# Runs on 2.7 and 3.x: one line of output per corpus item.
SCENARIO = '''
import base64, gzip, json, socket
f = gzip.open(%(corpus)r)
items = json.loads(f.read().decode('utf-8'))['items']
f.close()

def read_all(r, amt):
    if amt is None:
        return r.read()
    parts = []
    while True:
        part = r.read(amt)
        if not part:
            return b''.join(parts)
        parts.append(part)

# Each item twice: read() whole, then read(7) until empty.
for how, amt in (('whole', None), ('pieces', 7)):
    for i, item in enumerate(items):
        a, b = raw_pair(base64.b64decode(item['raw'].encode('ascii')))
        a.settimeout(5)
        step = 'construct'
        try:
            r = httplib.HTTPResponse(a, strict=item['strict'], method=item['method'])
            step = 'begin'
            r.begin()
            step = 'read'
            body = read_all(r, amt)
            r.close()
            out('%%d %%s' %% (i, how), ['ok', r.status, r.reason, r.version, sorted(r.getheaders()), body])
        except Exception as e:
            out('%%d %%s' %% (i, how), ['raised', step, Raised(e)])
        a.close()
        b.close()
'''

# Exceptions that are not "a crash": transport errors a caller handles anyway.
_TRANSPORT = ('error', 'OSError', 'IOError', 'ConnectionError', 'ConnectionResetError')


def _is_httplib(raised):
    return bool(raised['httplib_bases'])


def _repeats_chunked(outcome):
    """Whether an 'ok' outcome's Transfer-Encoding is 'chunked' repeated (2.7's
    merged 'chunked, chunked') or next to another header, beside a header that
    says chunked alone: the shim reads that body chunked on purpose (desync
    guard, 3.x reads the first header), 2.7 does not."""
    if outcome[0] != 'ok':
        return False
    value = dict(outcome[4]).get('transfer-encoding', '')
    fields = [field.lower().split() for field in value.split(',')]
    return value.lower() != 'chunked' and ['chunked'] in fields


def classify(py27, shim):
    """'same', '2.7 crash, shim clean', 'deliberate: chunked wins' or 'different'
    for one item's outcomes."""
    if py27 == shim:
        return 'same'
    if _repeats_chunked(py27) or _repeats_chunked(shim):
        return 'deliberate: chunked wins'
    if py27[0] == 'raised' and shim[0] == 'raised':
        p, s = py27[2], shim[2]
        if not _is_httplib(p) and p['raised'] not in _TRANSPORT:
            return '2.7 crash, shim clean' if _is_httplib(s) else 'different'
        same_class = p['raised'] == s['raised'] or p['raised'] in s['httplib_bases']
        if same_class and py27[1] == shim[1]:
            return 'same'
        return 'different'
    if py27[0] == 'raised' and not _is_httplib(py27[2]) and py27[2]['raised'] not in _TRANSPORT:
        return '2.7 crash, shim answered'
    return 'different'


def test_corpus_agrees_with_python27(capsys):
    code = SCENARIO % {'corpus': os.path.abspath(CORPUS)}
    start = time.time()
    py27_seen, _ = observe_py27(code)
    py27_time = time.time() - start
    start = time.time()
    shim_seen, _ = observe_shim(code)
    shim_time = time.time() - start

    assert len(py27_seen) == len(shim_seen) >= 4000
    assert [label for label, _ in py27_seen] == [label for label, _ in shim_seen]
    kinds = {}
    examples = {}
    for (label, p), (_, s) in zip(py27_seen, shim_seen):
        kind = classify(p, s)
        kinds[kind] = kinds.get(kind, 0) + 1
        examples.setdefault(kind, []).append((label, p, s))
    total = len(py27_seen)
    with capsys.disabled():
        sys.stdout.write('\ncorpus: %d items, 2.7 %.1fs, shim %.1fs: %s\n' % (
            total, py27_time, shim_time,
            ', '.join('%s %d' % kv for kv in sorted(kinds.items()))))
        for label, p, s in examples.get('2.7 crash, shim clean', []):
            sys.stdout.write('  2.7 crash, shim clean: #%s 2.7 %s / shim %s\n' % (
                label, p[2]['raised'], s[2]['raised']))
    bad = examples.get('different', []) + examples.get('2.7 crash, shim answered', [])
    # Never a crash of another type on the shim's side.
    crashes = []
    for label, _, s in bad:
        if s[0] == 'raised' and not _is_httplib(s[2]):
            crashes.append((label, s))
    assert crashes == []
    assert bad == [], '%d of %d items differ from 2.7; first: %r' % (len(bad), total, bad[:5])


def test_the_corpus_is_the_generators_output():
    """The committed file is what the seeded generator makes (so it can be rebuilt)."""
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, os.path.join(here, '..', 'tools'))
    try:
        import make_corpus
    finally:
        sys.path.pop(0)
    import gzip
    import json
    with gzip.open(CORPUS) as f:
        saved = json.loads(f.read().decode('utf-8'))
    assert saved == make_corpus.generate(saved['count'], saved['seed'])


def test_the_comparison_sees_differences():
    ok = ['ok', 200, 'OK', 11, [['content-length', '2']], 'hi']
    bsl = {'raised': 'BadStatusLine', 'httplib_bases': ['BadStatusLine', 'HTTPException']}
    remote = {'raised': 'RemoteDisconnected', 'httplib_bases': ['BadStatusLine', 'HTTPException']}
    value_error = {'raised': 'ValueError', 'httplib_bases': []}
    incomplete = {'raised': 'IncompleteRead', 'httplib_bases': ['IncompleteRead', 'HTTPException']}
    assert classify(ok, list(ok)) == 'same'
    repeated = ['ok', 200, 'OK', 11, [['transfer-encoding', 'chunked, chunked']], 'hi']
    assert classify(repeated, ok) == 'deliberate: chunked wins'
    assert classify(ok, ok[:4] + [[['transfer-encoding', 'gzip']], 'x']) == 'different'
    assert classify(ok, ok[:4] + [[['Content-Length', '2']], 'hi']) == 'different'
    assert classify(ok, ok[:5] + ['hx']) == 'different'
    assert classify(['raised', 'begin', bsl], ['raised', 'begin', remote]) == 'same'
    assert classify(['raised', 'begin', remote], ['raised', 'begin', bsl]) == 'different'
    assert classify(['raised', 'begin', bsl], ['raised', 'read', bsl]) == 'different'
    assert classify(['raised', 'read', bsl], ok) == 'different'
    assert classify(['raised', 'read', value_error], ['raised', 'read', incomplete]) == \
        '2.7 crash, shim clean'
    assert classify(['raised', 'read', incomplete], ['raised', 'read', value_error]) == 'different'
    assert classify(['raised', 'read', value_error], ok) == '2.7 crash, shim answered'
