"""Run by tox's `typing` environment: mypy must accept py27_caller.py and report
exactly the lines marked `# E:` in py27_caller_errors.py."""
from __future__ import print_function

import os
import re
import sys

from mypy import api

HERE = os.path.dirname(os.path.abspath(__file__))
OPTIONS = ['--check-untyped-defs', '--no-incremental', '--show-error-codes',
           '--no-error-summary', '--hide-error-context']


def mypy(name):
    out, err, status = api.run(OPTIONS + [os.path.join(HERE, name)])
    errors = [line for line in out.splitlines() if ': error:' in line]
    return errors, out + err


def main():
    failures = []
    errors, text = mypy('py27_caller.py')
    if errors:
        failures.append('py27_caller.py should type-check:\n' + text)
    path = os.path.join(HERE, 'py27_caller_errors.py')
    with open(path) as f:
        wanted = set(i for i, line in enumerate(f, 1) if '# E:' in line)
    errors, text = mypy('py27_caller_errors.py')
    got = set(int(re.match(r'.*?:(\d+):', line).group(1)) for line in errors)
    if got != wanted:
        failures.append('py27_caller_errors.py: expected errors on lines %s, got %s:\n%s'
                        % (sorted(wanted), sorted(got), text))
    for failure in failures:
        print(failure)
    print('typing: %d passed, %d failed' % (2 - len(failures), len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
