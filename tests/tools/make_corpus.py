"""Generates tests/data/corpus/responses.json.gz: mutated HTTP responses that
tests/py27/test_cmp_corpus.py runs through real Python 2.7 httplib and the shim.

Run once (any Python 2.7 or 3.x; the output is committed):

    python tests/tools/make_corpus.py [--count 3000] [--seed 20240917]

The corpus is a seeded function of this file: valid responses of every framing
(Content-Length, chunked, close-delimited, no body), folded and repeated headers,
odd header lines, HTTP/0.9 lines and bad status lines, each put through one to
three mutations (truncation, byte flips, inserted CR/LF/NUL/space/colon,
deleted or duplicated spans, splices of two seeds...).  Each item also says which
method the request used (GET or HEAD) and whether the response is ``strict``.
"""
from __future__ import print_function

import argparse
import base64
import gzip
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, '..', 'data', 'corpus', 'responses.json.gz')
SEED = 20240917
COUNT = 3000

ALL_BYTES = bytes(bytearray(range(256)))

SEEDS = [
    # Content-Length framing
    b'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello',
    b'HTTP/1.1 200 OK\r\nContent-Length: 256\r\n\r\n' + ALL_BYTES,
    b'HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found',
    b'HTTP/1.0 200 OK\r\nContent-Length: 3\r\nConnection: keep-alive\r\n\r\nabc',
    b'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello',
    b'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 3\r\n\r\nhello world',
    b'HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\nhello',
    b'HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\nhello',
    # chunked framing
    b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n',
    b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n0\r\nTrailer: x\r\n\r\n',
    b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\na\r\n0123456789\r\n0\r\n\r\n',
    b'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\n',
    b'HTTP/1.1 200 OK\r\nTransfer-Encoding: identity\r\n\r\nclose-delimited',
    b'HTTP/1.1 200 OK\r\ntransfer-encoding: CHUNKED\r\n\r\n100\r\n' + ALL_BYTES + b'\r\n0\r\n\r\n',
    # close-delimited and no body
    b'HTTP/1.0 200 OK\r\nServer: x\r\n\r\nbody until the connection closes',
    b'HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nbody\r\nwith\r\nlines',
    b'HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\nhello',
    b'HTTP/1.1 304 Not Modified\r\nETag: "x"\r\n\r\n',
    b'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi',
    b'HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n',
    # headers: folded, repeated, odd lines, whitespace
    b'HTTP/1.1 200 OK\r\nX-Folded: a\r\n  b\r\n\tc\r\nContent-Length: 0\r\n\r\n',
    b'HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\nSET-COOKIE: c=3\r\nContent-Length: 0\r\n\r\n',
    b'HTTP/1.1 200 OK\r\nName : value\r\nX:no-space\r\nY:  padded  \r\nContent-Length: 0\r\n\r\n',
    b'HTTP/1.1 200 OK\r\nthis line has no colon\r\nContent-Length: 2\r\n\r\nhi',
    b'HTTP/1.1 200 OK\r\n continuation first\r\nContent-Length: 2\r\n\r\nhi',
    b'HTTP/1.1 200 OK\r\nX-Empty:\r\n: no name\r\nContent-Length: 0\r\n\r\n',
    b'HTTP/1.1 200 OK\r\nX-High: caf\xc3\xa9 \xff\xfe\r\nContent-Length: 0\r\n\r\n',
    b'HTTP/1.1 200 OK\nContent-Length: 2\n\nhi',
    b'HTTP/1.1 200 OK\r\nFrom http://x\r\nContent-Length: 0\r\n\r\n',
    # status lines
    b'HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n',
    b'HTTP/1.1 999 Weird\r\nContent-Length: 0\r\n\r\n',
    b'HTTP/1.1 099 Low\r\n\r\n',
    b'HTTP/1.1 abc OK\r\n\r\n',
    b'HTTP/1.2 200 OK\r\nContent-Length: 0\r\n\r\n',
    b'HTTP/2.0 200 OK\r\n\r\n',
    b'HTTP/1.1  200  OK  \r\nContent-Length: 0\r\n\r\n',
    b'ICY 200 OK\r\n\r\nstream',
    b'HTTP/1.1 200 OK',
    b'',
    b'\r\n',
    # HTTP/0.9
    b'<html>hello</html>\r\n',
    b'hello world',
    b'HTTP',
    b'HTTP/',
]

INSERTS = [b'\r', b'\n', b'\r\n', b'\x00', b' ', b':', b'\t', b'\r\n\r\n', b'\r\n ',
           b'\xff', b'0', b'-', b';', b'HTTP/1.1 ']


def mutate(rng, data, seeds):
    kind = rng.randrange(9)
    n = len(data)
    pos = rng.randint(0, n)
    if kind == 0 and n:                     # truncate
        return data[:rng.randrange(n)]
    if kind == 1 and n:                     # flip one byte
        i = rng.randrange(n)
        return data[:i] + bytes(bytearray([rng.randrange(256)])) + data[i + 1:]
    if kind == 2:                           # insert a framing character
        return data[:pos] + rng.choice(INSERTS) + data[pos:]
    if kind == 3 and n:                     # delete a span
        end = min(n, pos + rng.randint(1, 8))
        return data[:pos] + data[end:]
    if kind == 4:                           # duplicate a line
        lines = data.split(b'\n')
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])
        return b'\n'.join(lines)
    if kind == 5:                           # swap two lines
        lines = data.split(b'\n')
        if len(lines) > 1:
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        return b'\n'.join(lines)
    if kind == 6:                           # splice with another seed
        other = rng.choice(seeds)
        return data[:pos] + other[rng.randint(0, len(other)):]
    if kind == 7:                           # random bytes
        junk = bytes(bytearray(rng.randrange(256) for _ in range(rng.randint(1, 6))))
        return data[:pos] + junk + data[pos:]
    # change a digit (lengths, chunk sizes, status codes)
    digits = [i for i in range(n) if data[i:i + 1].isdigit()]
    if digits:
        i = rng.choice(digits)
        return data[:i] + rng.choice([b'0', b'1', b'9', b'f', b'99999', b'']) + data[i + 1:]
    return data + b'\r\n'


def generate(count=COUNT, seed=SEED):
    rng = random.Random(seed)
    items = []
    # Every seed unmutated first, then mutants.
    sources = [(s, 0) for s in SEEDS]
    while len(sources) < count:
        data = rng.choice(SEEDS)
        for _ in range(rng.randint(1, 3)):
            data = mutate(rng, data, SEEDS)
        sources.append((data, 1))
    for data, mutated in sources:
        items.append({
            'raw': base64.b64encode(data).decode('ascii'),
            'method': 'HEAD' if rng.random() < 0.12 else 'GET',
            'strict': 1 if rng.random() < 0.2 else 0,
            'mutated': mutated,
        })
    return {'seed': seed, 'count': len(items), 'generator': 'tests/tools/make_corpus.py',
            'items': items}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--count', type=int, default=COUNT)
    parser.add_argument('--seed', type=int, default=SEED)
    parser.add_argument('--out', default=DEFAULT_OUT)
    args = parser.parse_args()
    corpus = generate(args.count, args.seed)
    text = json.dumps(corpus, sort_keys=True, separators=(',', ':')).encode('utf-8')
    out_dir = os.path.dirname(os.path.abspath(args.out))
    if not os.path.isdir(out_dir):
        os.makedirs(out_dir)
    # mtime=0: the same seed gives the same file, byte for byte.
    with open(args.out, 'wb') as raw:
        with gzip.GzipFile(filename='', mode='wb', fileobj=raw, mtime=0) as f:
            f.write(text)
    print('%d responses (seed %d) -> %s' % (corpus['count'], args.seed, args.out))


if __name__ == '__main__':
    main()
